// API check: every exported name crossplay's standard library declares (functions,
// methods, types, variables, constants, struct fields) exists in Go's package of
// the same path, with the same kind of declaration and, for functions and methods,
// the same signature text. crossplay's packages may have fewer names, never other
// ones. Internal packages are skipped.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// api returns "kind name: detail" for each exported declaration of the package in
// dir, for the files go/build selects.
func api(dir string) map[string]string {
	ctx := build.Default
	ctx.CgoEnabled = false
	pkg, err := ctx.ImportDir(dir, 0)
	if err != nil {
		fmt.Println(dir, err)
		os.Exit(1)
	}
	fset := token.NewFileSet()
	out := map[string]string{}
	str := func(n any) string {
		var b bytes.Buffer
		printer.Fprint(&b, fset, n)
		return strings.Join(strings.Fields(b.String()), " ")
	}
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				key := "func " + d.Name.Name
				if d.Recv != nil {
					recv := str(d.Recv.List[0].Type)
					recv = strings.TrimPrefix(recv, "*")
					if !ast.IsExported(strings.Split(recv, "[")[0]) {
						continue
					}
					key = "method " + recv + "." + d.Name.Name
				}
				// Parameter names may differ; compare types only.
				t := *d.Type
				out[key] = str(stripNames(&t))
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						out["type "+s.Name.Name] = kindOf(s.Type)
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fld := range st.Fields.List {
								for _, n := range fld.Names {
									if n.IsExported() {
										out["field "+s.Name.Name+"."+n.Name] = str(fld.Type)
									}
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								out[d.Tok.String()+" "+n.Name] = ""
							}
						}
					}
				}
			}
		}
	}
	return out
}

func kindOf(e ast.Expr) string {
	switch e.(type) {
	case *ast.StructType:
		return "struct"
	case *ast.InterfaceType:
		return "interface"
	}
	return "other"
}

func stripNames(t *ast.FuncType) *ast.FuncType {
	strip := func(fl *ast.FieldList) *ast.FieldList {
		if fl == nil {
			return nil
		}
		var out ast.FieldList
		for _, f := range fl.List {
			n := max(len(f.Names), 1)
			for i := 0; i < n; i++ {
				out.List = append(out.List, &ast.Field{Type: f.Type})
			}
		}
		return &out
	}
	return &ast.FuncType{TypeParams: t.TypeParams, Params: strip(t.Params), Results: strip(t.Results)}
}

func main() {
	// Run by the goroot tests with crossplay's packages under GOPATH as crossplaystd.
	crossplay := filepath.Join(build.Default.GOPATH, "src", "crossplaystd")
	goroot := filepath.Join(build.Default.GOROOT, "src")
	var pkgs []string
	filepath.Walk(crossplay, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.IsDir() && p != crossplay {
			rel, _ := filepath.Rel(crossplay, p)
			// Internal packages are not API: crossplay's (internal/abi, the layout of
			// its own type descriptors) are its implementation, not Go's.
			internal := rel == "internal" || strings.HasPrefix(rel, "internal/") || strings.Contains(rel, "/internal/")
			if m, _ := filepath.Glob(filepath.Join(p, "*.go")); len(m) > 0 && !internal {
				pkgs = append(pkgs, rel)
			}
		}
		return nil
	})
	sort.Strings(pkgs)
	failures, names, missing := 0, 0, 0
	for _, p := range pkgs {
		mine, theirs := api(filepath.Join(crossplay, p)), api(filepath.Join(goroot, p))
		for k, v := range mine {
			names++
			w, ok := theirs[k]
			switch {
			case !ok:
				failures++
				fmt.Printf("%s: %s does not exist in Go\n", p, k)
			case v != w:
				failures++
				fmt.Printf("%s: %s is %q, Go's is %q\n", p, k, v, w)
			}
		}
		for k := range theirs {
			if _, ok := mine[k]; !ok {
				missing++
			}
		}
	}
	fmt.Printf("api: %d packages, %d exported names checked (%d of Go's not yet present), %d failures\n", len(pkgs), names, missing, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
