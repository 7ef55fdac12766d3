package main

import (
	"fmt"
	"strings"
)

func render(tmpl string, vars map[string]string) (string, []string) {
	var out strings.Builder
	var missing []string
	for {
		i := strings.Index(tmpl, "{{")
		if i < 0 {
			out.WriteString(tmpl)
			break
		}
		j := strings.Index(tmpl[i:], "}}")
		if j < 0 {
			out.WriteString(tmpl)
			break
		}
		out.WriteString(tmpl[:i])
		key := strings.TrimSpace(tmpl[i+2 : i+j])
		if v, ok := vars[key]; ok {
			out.WriteString(v)
		} else {
			missing = append(missing, key)
			out.WriteString("<" + key + "?>")
		}
		tmpl = tmpl[i+j+2:]
	}
	return out.String(), missing
}

func main() {
	s, miss := render("Hello {{ name }}, you are {{age}} ({{ unknown }}) {{", map[string]string{"name": "Gopher", "age": "13"})
	fmt.Println(s)
	fmt.Println(miss)
}
