package main

import (
	"fmt"
	"strings"
)

func main() {
	const w, h, iters = 40, 12, 50
	for y := 0; y < h; y++ {
		var row strings.Builder
		for x := 0; x < w; x++ {
			cr := -2.0 + 2.6*float64(x)/w
			ci := -1.2 + 2.4*float64(y)/h
			zr, zi := 0.0, 0.0
			n := 0
			for ; n < iters && zr*zr+zi*zi <= 4; n++ {
				zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
			}
			row.WriteByte(" .:-=+*#%@"[n*9/iters])
		}
		fmt.Println(row.String())
	}
}
