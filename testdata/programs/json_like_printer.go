package main

import (
	"fmt"
	"sort"
	"strings"
)

func render(v any, indent string) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool, int, float64:
		return fmt.Sprint(x)
	case string:
		return fmt.Sprintf("%q", x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = indent + "  " + render(e, indent+"  ")
		}
		return "[\n" + strings.Join(parts, ",\n") + "\n" + indent + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s  %q: %s", indent, k, render(x[k], indent+"  "))
		}
		return "{\n" + strings.Join(parts, ",\n") + "\n" + indent + "}"
	}
	return "?"
}

func main() {
	doc := map[string]any{
		"name":   "crossplay",
		"stars":  42,
		"ratio":  0.75,
		"tags":   []any{"go", "wasm", nil, true},
		"nested": map[string]any{"ok": false},
	}
	fmt.Println(render(doc, ""))
}
