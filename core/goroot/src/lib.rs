//! crossplay's standard library: the Go sources under `src/`, written for crossplay
//! and embedded in the toolchain (the browser has no file system). Import paths map
//! to directories as in a Go GOROOT: package `unicode/utf8` is `src/unicode/utf8`.

/// Every file of the standard library: (path relative to `src/`, contents). A test
/// checks that this list is exactly the files on disk.
pub static FILES: &[(&str, &[u8])] = &[
    ("bytes/buffer.go", include_bytes!("../src/bytes/buffer.go")),
    ("bytes/bytes.go", include_bytes!("../src/bytes/bytes.go")),
    ("bytes/reader.go", include_bytes!("../src/bytes/reader.go")),
    ("cmp/cmp.go", include_bytes!("../src/cmp/cmp.go")),
    ("errors/as.go", include_bytes!("../src/errors/as.go")),
    ("errors/errors.go", include_bytes!("../src/errors/errors.go")),
    ("fmt/errors.go", include_bytes!("../src/fmt/errors.go")),
    ("fmt/format.go", include_bytes!("../src/fmt/format.go")),
    ("fmt/print.go", include_bytes!("../src/fmt/print.go")),
    ("fmt/sort.go", include_bytes!("../src/fmt/sort.go")),
    ("internal/abi/type.go", include_bytes!("../src/internal/abi/type.go")),
    ("io/io.go", include_bytes!("../src/io/io.go")),
    ("io/multi.go", include_bytes!("../src/io/multi.go")),
    ("maps/maps.go", include_bytes!("../src/maps/maps.go")),
    ("math/bits.go", include_bytes!("../src/math/bits.go")),
    ("math/const.go", include_bytes!("../src/math/const.go")),
    ("math/elementary.go", include_bytes!("../src/math/elementary.go")),
    ("math/exact.go", include_bytes!("../src/math/exact.go")),
    ("math/bits/bits.go", include_bytes!("../src/math/bits/bits.go")),
    ("math/bits/errors.go", include_bytes!("../src/math/bits/errors.go")),
    ("os/env.go", include_bytes!("../src/os/env.go")),
    ("os/file.go", include_bytes!("../src/os/file.go")),
    ("runtime/debug/mod.go", include_bytes!("../src/runtime/debug/mod.go")),
    ("runtime/extern.go", include_bytes!("../src/runtime/extern.go")),
    ("runtime/heap_native.go", include_bytes!("../src/runtime/heap_native.go")),
    ("runtime/iface.go", include_bytes!("../src/runtime/iface.go")),
    ("runtime/map.go", include_bytes!("../src/runtime/map.go")),
    ("runtime/mem_wasm.go", include_bytes!("../src/runtime/mem_wasm.go")),
    ("runtime/print.go", include_bytes!("../src/runtime/print.go")),
    ("runtime/runtime.go", include_bytes!("../src/runtime/runtime.go")),
    ("runtime/string.go", include_bytes!("../src/runtime/string.go")),
    ("runtime/sys_js.go", include_bytes!("../src/runtime/sys_js.go")),
    ("runtime/sys_darwin.go", include_bytes!("../src/runtime/sys_darwin.go")),
    ("runtime/sys_linux.go", include_bytes!("../src/runtime/sys_linux.go")),
    ("runtime/sys_windows.go", include_bytes!("../src/runtime/sys_windows.go")),
    ("runtime/sys_other.go", include_bytes!("../src/runtime/sys_other.go")),
    ("runtime/sys_wasip1.go", include_bytes!("../src/runtime/sys_wasip1.go")),
    ("runtime/sysnum_linux_amd64.go", include_bytes!("../src/runtime/sysnum_linux_amd64.go")),
    ("runtime/sysnum_linux_arm64.go", include_bytes!("../src/runtime/sysnum_linux_arm64.go")),
    ("runtime/zgoarch_386.go", include_bytes!("../src/runtime/zgoarch_386.go")),
    ("runtime/zgoarch_amd64.go", include_bytes!("../src/runtime/zgoarch_amd64.go")),
    ("runtime/zgoarch_arm.go", include_bytes!("../src/runtime/zgoarch_arm.go")),
    ("runtime/zgoarch_arm64.go", include_bytes!("../src/runtime/zgoarch_arm64.go")),
    ("runtime/zgoarch_loong64.go", include_bytes!("../src/runtime/zgoarch_loong64.go")),
    ("runtime/zgoarch_mips.go", include_bytes!("../src/runtime/zgoarch_mips.go")),
    ("runtime/zgoarch_mips64.go", include_bytes!("../src/runtime/zgoarch_mips64.go")),
    ("runtime/zgoarch_mips64le.go", include_bytes!("../src/runtime/zgoarch_mips64le.go")),
    ("runtime/zgoarch_mipsle.go", include_bytes!("../src/runtime/zgoarch_mipsle.go")),
    ("runtime/zgoarch_ppc64.go", include_bytes!("../src/runtime/zgoarch_ppc64.go")),
    ("runtime/zgoarch_ppc64le.go", include_bytes!("../src/runtime/zgoarch_ppc64le.go")),
    ("runtime/zgoarch_riscv64.go", include_bytes!("../src/runtime/zgoarch_riscv64.go")),
    ("runtime/zgoarch_s390x.go", include_bytes!("../src/runtime/zgoarch_s390x.go")),
    ("runtime/zgoarch_wasm.go", include_bytes!("../src/runtime/zgoarch_wasm.go")),
    ("runtime/zgoos_aix.go", include_bytes!("../src/runtime/zgoos_aix.go")),
    ("runtime/zgoos_android.go", include_bytes!("../src/runtime/zgoos_android.go")),
    ("runtime/zgoos_darwin.go", include_bytes!("../src/runtime/zgoos_darwin.go")),
    ("runtime/zgoos_dragonfly.go", include_bytes!("../src/runtime/zgoos_dragonfly.go")),
    ("runtime/zgoos_freebsd.go", include_bytes!("../src/runtime/zgoos_freebsd.go")),
    ("runtime/zgoos_illumos.go", include_bytes!("../src/runtime/zgoos_illumos.go")),
    ("runtime/zgoos_ios.go", include_bytes!("../src/runtime/zgoos_ios.go")),
    ("runtime/zgoos_js.go", include_bytes!("../src/runtime/zgoos_js.go")),
    ("runtime/zgoos_linux.go", include_bytes!("../src/runtime/zgoos_linux.go")),
    ("runtime/zgoos_netbsd.go", include_bytes!("../src/runtime/zgoos_netbsd.go")),
    ("runtime/zgoos_openbsd.go", include_bytes!("../src/runtime/zgoos_openbsd.go")),
    ("runtime/zgoos_plan9.go", include_bytes!("../src/runtime/zgoos_plan9.go")),
    ("runtime/zgoos_solaris.go", include_bytes!("../src/runtime/zgoos_solaris.go")),
    ("runtime/zgoos_wasip1.go", include_bytes!("../src/runtime/zgoos_wasip1.go")),
    ("runtime/zgoos_windows.go", include_bytes!("../src/runtime/zgoos_windows.go")),
    ("slices/algorithms.go", include_bytes!("../src/slices/algorithms.go")),
    ("slices/slices.go", include_bytes!("../src/slices/slices.go")),
    ("slices/sort.go", include_bytes!("../src/slices/sort.go")),
    ("sort/search.go", include_bytes!("../src/sort/search.go")),
    ("sort/slice.go", include_bytes!("../src/sort/slice.go")),
    ("sort/sort.go", include_bytes!("../src/sort/sort.go")),
    ("strconv/atob.go", include_bytes!("../src/strconv/atob.go")),
    ("strconv/atof.go", include_bytes!("../src/strconv/atof.go")),
    ("strconv/atoi.go", include_bytes!("../src/strconv/atoi.go")),
    ("strconv/decimal.go", include_bytes!("../src/strconv/decimal.go")),
    ("strconv/floatbits.go", include_bytes!("../src/strconv/floatbits.go")),
    ("strconv/ftoa.go", include_bytes!("../src/strconv/ftoa.go")),
    ("strconv/itoa.go", include_bytes!("../src/strconv/itoa.go")),
    ("strconv/quote.go", include_bytes!("../src/strconv/quote.go")),
    ("strings/builder.go", include_bytes!("../src/strings/builder.go")),
    ("strings/reader.go", include_bytes!("../src/strings/reader.go")),
    ("strings/replace.go", include_bytes!("../src/strings/replace.go")),
    ("strings/strings.go", include_bytes!("../src/strings/strings.go")),
    ("sync/sync.go", include_bytes!("../src/sync/sync.go")),
    ("time/duration.go", include_bytes!("../src/time/duration.go")),
    ("time/time.go", include_bytes!("../src/time/time.go")),
    ("unicode/tables.go", include_bytes!("../src/unicode/tables.go")),
    ("unicode/unicode.go", include_bytes!("../src/unicode/unicode.go")),
    ("unicode/utf16/utf16.go", include_bytes!("../src/unicode/utf16/utf16.go")),
    ("unicode/utf8/utf8.go", include_bytes!("../src/unicode/utf8/utf8.go")),
];

/// The files of package `path` (file name, contents), in name order; empty if the
/// package is not in the standard library.
pub fn package(path: &str) -> Vec<(&'static str, &'static [u8])> {
    let mut files: Vec<(&'static str, &'static [u8])> = FILES
        .iter()
        .filter_map(|&(p, contents)| {
            let (dir, name) = p.rsplit_once('/')?;
            (dir == path).then_some((name, contents))
        })
        .collect();
    files.sort_by_key(|&(name, _)| name);
    files
}

/// The import paths of every package, sorted.
pub fn packages() -> Vec<&'static str> {
    let mut dirs: Vec<&'static str> =
        FILES.iter().filter_map(|&(p, _)| p.rsplit_once('/').map(|(d, _)| d)).collect();
    dirs.sort_unstable();
    dirs.dedup();
    dirs
}

/// Whether `path` names a package of the standard library.
pub fn has_package(path: &str) -> bool {
    FILES.iter().any(|&(p, _)| p.rsplit_once('/').is_some_and(|(d, _)| d == path))
}
