// Package debug: the build information the linker embeds in the program
// (crossplay's runtime keeps it in runtime.modinfo, set by the linker as Go's
// linker sets its own), parsed and printed in Go's format.
package debug

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

//go:linkname modinfo runtime.debug_modinfo
func modinfo() string

// ReadBuildInfo returns the build information embedded in the running binary;
// ok is false when there is none.
func ReadBuildInfo() (info *BuildInfo, ok bool) {
	data := modinfo()
	if data == "" {
		return nil, false
	}
	bi, err := ParseBuildInfo(data)
	if err != nil {
		return nil, false
	}
	bi.GoVersion = runtime.Version()
	return bi, true
}

// BuildInfo represents the build information read from a Go binary.
type BuildInfo struct {
	// GoVersion is the version of the Go toolchain that built the binary.
	GoVersion string
	// Path is the package path of the main package.
	Path string
	// Main describes the module that contains the main package.
	Main Module
	// Deps describes the modules the main package depends on.
	Deps []*Module
	// Settings describes the build settings used to build the binary.
	Settings []BuildSetting
}

// A Module describes a single module included in a build.
type Module struct {
	Path    string
	Version string
	Sum     string
	Replace *Module
}

// A BuildSetting is a key/value pair describing one setting of a build.
type BuildSetting struct {
	Key, Value string
}

// A key needs quoting when it is empty or holds '=', blanks or quotes; a value
// when it holds blanks or quotes.
func quoteKey(key string) bool {
	return len(key) == 0 || strings.ContainsAny(key, "= \t\r\n\"`")
}

func quoteValue(value string) bool {
	return strings.ContainsAny(value, " \t\r\n\"`")
}

// String returns the build information in the text form ParseBuildInfo reads:
// the go, path, mod, dep and => lines, then one build line per setting.
func (bi *BuildInfo) String() string {
	var b strings.Builder
	if bi.GoVersion != "" {
		b.WriteString("go\t" + bi.GoVersion + "\n")
	}
	if bi.Path != "" {
		b.WriteString("path\t" + bi.Path + "\n")
	}
	var module func(word string, m Module)
	module = func(word string, m Module) {
		b.WriteString(word + "\t" + m.Path + "\t" + m.Version)
		if m.Replace != nil {
			b.WriteString("\n")
			module("=>", *m.Replace)
		} else {
			b.WriteString("\t" + m.Sum)
		}
		b.WriteString("\n")
	}
	if bi.Main != (Module{}) {
		module("mod", bi.Main)
	}
	for _, d := range bi.Deps {
		module("dep", *d)
	}
	for _, s := range bi.Settings {
		key, value := s.Key, s.Value
		if quoteKey(key) {
			key = strconv.Quote(key)
		}
		if quoteValue(value) {
			value = strconv.Quote(value)
		}
		b.WriteString("build\t" + key + "=" + value + "\n")
	}
	return b.String()
}

// ParseBuildInfo parses the text form of BuildInfo.String (the go line is
// ignored: ReadBuildInfo takes the version from the runtime).
func ParseBuildInfo(data string) (bi *BuildInfo, err error) {
	bi = new(BuildInfo)
	var last *Module
	for n := 1; len(data) > 0; n++ {
		line, rest, ok := strings.Cut(data, "\n")
		if !ok {
			break
		}
		data = rest
		if err := bi.parseLine(line, &last); err != nil {
			return nil, fmt.Errorf("could not parse Go build info: line %d: %w", n, err)
		}
	}
	return bi, nil
}

func module(cols []string) (Module, error) {
	if len(cols) != 2 && len(cols) != 3 {
		return Module{}, fmt.Errorf("expected 2 or 3 columns; got %d", len(cols))
	}
	m := Module{Path: cols[0], Version: cols[1]}
	if len(cols) == 3 {
		m.Sum = cols[2]
	}
	return m, nil
}

func (bi *BuildInfo) parseLine(line string, last **Module) error {
	word, rest, _ := strings.Cut(line, "\t")
	switch word {
	case "path":
		bi.Path = rest
	case "mod", "dep":
		m, err := module(strings.Split(rest, "\t"))
		if err != nil {
			return err
		}
		if word == "mod" {
			bi.Main = m
			*last = &bi.Main
		} else {
			bi.Deps = append(bi.Deps, &m)
			*last = &m
		}
	case "=>":
		cols := strings.Split(rest, "\t")
		if len(cols) != 3 {
			return fmt.Errorf("expected 3 columns for replacement; got %d", len(cols))
		}
		if *last == nil {
			return fmt.Errorf("replacement with no module on previous line")
		}
		(*last).Replace = &Module{Path: cols[0], Version: cols[1], Sum: cols[2]}
		*last = nil
	case "build":
		return bi.parseSetting(rest)
	}
	return nil
}

func (bi *BuildInfo) parseSetting(kv string) error {
	if len(kv) < 1 {
		return fmt.Errorf("build line missing '='")
	}
	var key, raw string
	switch kv[0] {
	case '=':
		return fmt.Errorf("build line with missing key")
	case '`', '"':
		quoted, err := strconv.QuotedPrefix(kv)
		if err != nil {
			return fmt.Errorf("invalid quoted key in build line")
		}
		if len(kv) == len(quoted) {
			return fmt.Errorf("build line missing '=' after quoted key")
		}
		if c := kv[len(quoted)]; c != '=' {
			return fmt.Errorf("unexpected character after quoted key: %q", c)
		}
		key, _ = strconv.Unquote(quoted)
		raw = kv[len(quoted)+1:]
	default:
		var ok bool
		key, raw, ok = strings.Cut(kv, "=")
		if !ok {
			return fmt.Errorf("build line missing '=' after key")
		}
		if quoteKey(key) {
			return fmt.Errorf("unquoted key %q must be quoted", key)
		}
	}
	value := raw
	if len(raw) > 0 && (raw[0] == '`' || raw[0] == '"') {
		var err error
		if value, err = strconv.Unquote(raw); err != nil {
			return fmt.Errorf("invalid quoted value in build line")
		}
	} else if quoteValue(value) {
		return fmt.Errorf("unquoted value %q must be quoted", value)
	}
	bi.Settings = append(bi.Settings, BuildSetting{Key: key, Value: value})
	return nil
}
