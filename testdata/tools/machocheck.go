// Command machocheck checks Mach-O executables independently of crossplay, with
// Go's own debug/macho and crypto/sha256: the header (an MH_PIE | MH_DYLDLINK
// executable), the load commands dyld requires for a dynamically linked main
// executable, __TEXT mapping the header from file offset 0, and the ad-hoc code
// signature — a SuperBlob whose CodeDirectory covers the file up to the
// signature, which ends the file, with every page's SHA-256 recomputed here.
// It prints one line per file: the load commands, or the first problem found.
//
// Usage: go run machocheck.go FILE...
package main

import (
	"bytes"
	"crypto/sha256"
	"debug/macho"
	"encoding/binary"
	"fmt"
	"os"
	"strings"
)

var names = map[uint32]string{
	0x19: "LC_SEGMENT_64", 0x2: "LC_SYMTAB", 0xb: "LC_DYSYMTAB", 0xc: "LC_LOAD_DYLIB",
	0xe: "LC_LOAD_DYLINKER", 0x1b: "LC_UUID", 0x1d: "LC_CODE_SIGNATURE", 0x32: "LC_BUILD_VERSION",
	0x80000028: "LC_MAIN", 0x80000022: "LC_DYLD_INFO_ONLY", 0x5: "LC_UNIXTHREAD",
}

func main() {
	failed := false
	for _, path := range os.Args[1:] {
		cmds, err := check(path)
		if err != nil {
			fmt.Printf("%s: %v\n", path, err)
			failed = true
			continue
		}
		fmt.Printf("%s: ok %s\n", path, strings.Join(cmds, " "))
	}
	if failed {
		os.Exit(1)
	}
}

func check(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := macho.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if f.Type != macho.TypeExec || f.Flags&(macho.FlagPIE|macho.FlagDyldLink) != macho.FlagPIE|macho.FlagDyldLink {
		return nil, fmt.Errorf("not a PIE executable for dyld: type %v flags %#x", f.Type, f.Flags)
	}
	var cmds []string
	var sigOff, sigSize uint32
	for _, l := range f.Loads {
		raw := l.Raw()
		cmd := binary.LittleEndian.Uint32(raw)
		name, ok := names[cmd]
		if !ok {
			name = fmt.Sprintf("%#x", cmd)
		}
		switch cmd {
		case 0x19:
			name += "(" + l.(*macho.Segment).Name + ")"
		case 0xc, 0xe:
			off := binary.LittleEndian.Uint32(raw[8:])
			name += "(" + strings.TrimRight(string(raw[off:]), "\x00") + ")"
		case 0x1d:
			sigOff, sigSize = binary.LittleEndian.Uint32(raw[8:]), binary.LittleEndian.Uint32(raw[12:])
		}
		cmds = append(cmds, name)
	}
	text := f.Segment("__TEXT")
	if text == nil || text.Offset != 0 || text.Filesz == 0 {
		return nil, fmt.Errorf("__TEXT does not map the header from file offset 0")
	}
	if sigSize == 0 {
		return nil, fmt.Errorf("no LC_CODE_SIGNATURE")
	}
	if uint64(sigOff)+uint64(sigSize) != uint64(len(data)) || sigOff%16 != 0 {
		return nil, fmt.Errorf("the signature (%d+%d) does not end the %d-byte file 16-byte aligned", sigOff, sigSize, len(data))
	}
	sig := data[sigOff:]
	be := binary.BigEndian
	if be.Uint32(sig) != 0xfade0cc0 || be.Uint32(sig[4:]) != sigSize {
		return nil, fmt.Errorf("bad SuperBlob header")
	}
	var cd []byte
	for i := uint32(0); i < be.Uint32(sig[8:]); i++ {
		if be.Uint32(sig[12+8*i:]) == 0 {
			cd = sig[be.Uint32(sig[16+8*i:]):]
		}
	}
	if cd == nil || be.Uint32(cd) != 0xfade0c02 {
		return nil, fmt.Errorf("no CodeDirectory")
	}
	hashOff, nCode, codeLimit := be.Uint32(cd[16:]), be.Uint32(cd[28:]), be.Uint32(cd[32:])
	hashSize, hashType, pageShift := cd[36], cd[37], cd[39]
	flags := be.Uint32(cd[12:])
	ident := strings.TrimRight(string(cd[be.Uint32(cd[20:]):hashOff]), "\x00")
	execSegLimit, execSegFlags := be.Uint64(cd[72:]), be.Uint64(cd[80:])
	switch {
	case flags&0x2 == 0:
		return nil, fmt.Errorf("not an ad-hoc signature (flags %#x)", flags)
	case hashSize != 32 || hashType != 2:
		return nil, fmt.Errorf("hashes are not SHA-256 (size %d type %d)", hashSize, hashType)
	case codeLimit != sigOff:
		return nil, fmt.Errorf("codeLimit %d, the signature starts at %d", codeLimit, sigOff)
	case execSegLimit != text.Filesz || execSegFlags != 1:
		return nil, fmt.Errorf("exec segment limit %d flags %d, __TEXT's file size %d", execSegLimit, execSegFlags, text.Filesz)
	case ident == "":
		return nil, fmt.Errorf("no identifier")
	}
	page := uint32(1) << pageShift
	if want := (codeLimit + page - 1) / page; nCode != want {
		return nil, fmt.Errorf("%d code slots for %d pages", nCode, want)
	}
	for i := uint32(0); i < nCode; i++ {
		end := min((i+1)*page, codeLimit)
		sum := sha256.Sum256(data[i*page : end])
		at := hashOff + i*32
		if !bytes.Equal(sum[:], cd[at:at+32]) {
			return nil, fmt.Errorf("page %d: hash mismatch", i)
		}
	}
	return cmds, nil
}
