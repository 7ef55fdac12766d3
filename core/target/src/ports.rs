//! The port table of Go 1.27.3 and the name lists that filename rules use.
//!
//! Source of truth: `cmd/dist/build.go` (`cgoEnabled`, `broken`, `firstClass`) and
//! `internal/syslist/syslist.go` in the go1.27.3 tree. A key of `cgoEnabled` is a valid
//! port; its value is CgoSupported. Broken ports are valid configurations (the go
//! command accepts the pair) but `go tool dist list` hides them without `-broken`.

use base::json::Json;

/// An operating system that has ports: a GOOS of `internal/syslist.KnownOS` that
/// `cmd/dist`'s port table names. (`hurd`, `nacl` and `zos` are known names without
/// ports; filename rules read them from [`KNOWN_OS`].)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Os {
    Aix,
    Android,
    Darwin,
    Dragonfly,
    Freebsd,
    Illumos,
    Ios,
    Js,
    Linux,
    Netbsd,
    Openbsd,
    Plan9,
    Solaris,
    Wasip1,
    Windows,
}

impl Os {
    /// Every OS, in GOOS name order.
    pub const ALL: [Os; 15] = [
        Os::Aix,
        Os::Android,
        Os::Darwin,
        Os::Dragonfly,
        Os::Freebsd,
        Os::Illumos,
        Os::Ios,
        Os::Js,
        Os::Linux,
        Os::Netbsd,
        Os::Openbsd,
        Os::Plan9,
        Os::Solaris,
        Os::Wasip1,
        Os::Windows,
    ];

    /// The OS table, one row per OS: its GOOS name, the container its executables
    /// use (cmd/link's header type decides it), and the OS it also satisfies as a
    /// build tag (`go/build.matchTag`: android is linux, ios is darwin, illumos is
    /// solaris, never the other way round).
    const fn facts(self) -> (&'static str, Container, Option<Os>) {
        match self {
            Os::Aix => ("aix", Container::Xcoff, None),
            Os::Android => ("android", Container::Elf, Some(Os::Linux)),
            Os::Darwin => ("darwin", Container::MachO, None),
            Os::Dragonfly => ("dragonfly", Container::Elf, None),
            Os::Freebsd => ("freebsd", Container::Elf, None),
            Os::Illumos => ("illumos", Container::Elf, Some(Os::Solaris)),
            Os::Ios => ("ios", Container::MachO, Some(Os::Darwin)),
            Os::Js => ("js", Container::Wasm, None),
            Os::Linux => ("linux", Container::Elf, None),
            Os::Netbsd => ("netbsd", Container::Elf, None),
            Os::Openbsd => ("openbsd", Container::Elf, None),
            Os::Plan9 => ("plan9", Container::Plan9, None),
            Os::Solaris => ("solaris", Container::Elf, None),
            Os::Wasip1 => ("wasip1", Container::Wasm, None),
            Os::Windows => ("windows", Container::Pe, None),
        }
    }

    /// The GOOS name.
    pub const fn name(self) -> &'static str {
        self.facts().0
    }

    /// The OS whose GOOS name is `name`, if it has ports.
    pub fn parse(name: &str) -> Option<Os> {
        Os::ALL.into_iter().find(|os| os.name() == name)
    }

    /// The container format of the OS's executables.
    pub const fn container(self) -> Container {
        self.facts().1
    }

    /// The other OS name this one satisfies as a build tag, if any.
    pub const fn implies(self) -> Option<Os> {
        self.facts().2
    }

    /// Whether the `unix` build tag is set for it ([`UNIX_OS`]).
    pub fn is_unix(self) -> bool {
        UNIX_OS.contains(&self.name())
    }

    /// cmd/link's header type of the OS (`objabi.HeadType`), named by the OS that
    /// has it: the OS it implies, or itself. `HeadType.Set` accepts every GOOS that
    /// has ports (android and linux are both `Hlinux`), so `-H NAME` is
    /// `Os::parse(NAME)` and then this.
    pub const fn link_head(self) -> Os {
        match self.implies() {
            Some(os) => os,
            None => self,
        }
    }

    /// Whether programs for the OS call the system through its C library rather
    /// than by system calls (cmd/link's `Target.UsesLibc`, by header type), so a
    /// statically linked `-d` binary is impossible.
    pub const fn uses_libc(self) -> bool {
        matches!(self.link_head(), Os::Aix | Os::Darwin | Os::Openbsd | Os::Solaris | Os::Windows)
    }
}

/// An architecture that has ports: a GOARCH of `internal/syslist.KnownArch` that
/// `cmd/dist`'s port table names. (The other known names, such as `arm64be` or
/// `sparc`, are in [`KNOWN_ARCH`] for filename rules.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arch {
    /// GOARCH `386`.
    I386,
    Amd64,
    Arm,
    Arm64,
    Loong64,
    Mips,
    Mipsle,
    Mips64,
    Mips64le,
    Ppc64,
    Ppc64le,
    Riscv64,
    S390x,
    Sparc64,
    Wasm,
}

impl Arch {
    /// Every architecture, in `internal/syslist.KnownArch` order.
    pub const ALL: [Arch; 15] = [
        Arch::I386,
        Arch::Amd64,
        Arch::Arm,
        Arch::Arm64,
        Arch::Loong64,
        Arch::Mips,
        Arch::Mipsle,
        Arch::Mips64,
        Arch::Mips64le,
        Arch::Ppc64,
        Arch::Ppc64le,
        Arch::Riscv64,
        Arch::S390x,
        Arch::Sparc64,
        Arch::Wasm,
    ];

    /// The architecture table, one row per architecture: its GOARCH name, its
    /// pointer size in bytes and its byte order (`cmd/internal/sys.Arch`'s
    /// `PtrSize` and `ByteOrder`; Go's wasm has 8-byte pointers in a 32-bit memory).
    const fn facts(self) -> (&'static str, u8, Endian) {
        match self {
            Arch::I386 => ("386", 4, Endian::Little),
            Arch::Amd64 => ("amd64", 8, Endian::Little),
            Arch::Arm => ("arm", 4, Endian::Little),
            Arch::Arm64 => ("arm64", 8, Endian::Little),
            Arch::Loong64 => ("loong64", 8, Endian::Little),
            Arch::Mips => ("mips", 4, Endian::Big),
            Arch::Mipsle => ("mipsle", 4, Endian::Little),
            Arch::Mips64 => ("mips64", 8, Endian::Big),
            Arch::Mips64le => ("mips64le", 8, Endian::Little),
            Arch::Ppc64 => ("ppc64", 8, Endian::Big),
            Arch::Ppc64le => ("ppc64le", 8, Endian::Little),
            Arch::Riscv64 => ("riscv64", 8, Endian::Little),
            Arch::S390x => ("s390x", 8, Endian::Big),
            Arch::Sparc64 => ("sparc64", 8, Endian::Big),
            Arch::Wasm => ("wasm", 8, Endian::Little),
        }
    }

    /// The GOARCH name.
    pub const fn name(self) -> &'static str {
        self.facts().0
    }

    /// The architecture whose GOARCH name is `name`, if it has ports.
    pub fn parse(name: &str) -> Option<Arch> {
        Arch::ALL.into_iter().find(|arch| arch.name() == name)
    }

    /// The size of a pointer (and of `int`, `uintptr`) in bytes: 4 or 8.
    pub const fn ptr_size(self) -> u8 {
        self.facts().1
    }

    pub const fn endian(self) -> Endian {
        self.facts().2
    }
}

/// A byte order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endian {
    Little,
    Big,
}

/// The executable format a port's linker writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    Elf,
    Pe,
    MachO,
    Wasm,
    Xcoff,
    Plan9,
}

impl Container {
    /// The format's name as people write it (the playground shows it).
    pub const fn name(self) -> &'static str {
        match self {
            Container::Elf => "ELF",
            Container::Pe => "PE",
            Container::MachO => "Mach-O",
            Container::Wasm => "Wasm",
            Container::Xcoff => "XCOFF",
            Container::Plan9 => "Plan 9 a.out",
        }
    }
}

/// One GOOS/GOARCH pair the go command accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Port {
    pub os: Os,
    pub arch: Arch,
    pub cgo_supported: bool,
    pub first_class: bool,
    pub broken: bool,
    /// crossplay builds programs for it: it has a back end for the architecture, a
    /// writer for the container and a runtime port for the OS. The driver's test
    /// checks this column against the back ends it has.
    pub buildable: bool,
}

impl Port {
    /// GOOS.
    pub const fn goos(&self) -> &'static str {
        self.os.name()
    }

    /// GOARCH.
    pub const fn goarch(&self) -> &'static str {
        self.arch.name()
    }

    /// The format of the port's executables.
    pub const fn container(&self) -> Container {
        self.os.container()
    }

    /// Marks a row as one crossplay builds.
    const fn crossplay_builds(self) -> Port {
        Port { buildable: true, ..self }
    }
}

const fn port(os: Os, arch: Arch, cgo_supported: bool) -> Port {
    Port { os, arch, cgo_supported, first_class: false, broken: false, buildable: false }
}

const fn first_class(os: Os, arch: Arch) -> Port {
    Port { os, arch, cgo_supported: true, first_class: true, broken: false, buildable: false }
}

const fn broken(os: Os, arch: Arch) -> Port {
    Port { os, arch, cgo_supported: true, first_class: false, broken: true, buildable: false }
}

/// Every port of go1.27.3, broken ones included, sorted as `go tool dist list` sorts
/// them (bytewise on the `goos/goarch` string), and which of them crossplay builds.
pub static PORTS: [Port; 49] = [
    port(Os::Aix, Arch::Ppc64, true),
    port(Os::Android, Arch::I386, true),
    port(Os::Android, Arch::Amd64, true),
    port(Os::Android, Arch::Arm, true),
    port(Os::Android, Arch::Arm64, true),
    first_class(Os::Darwin, Arch::Amd64).crossplay_builds(),
    first_class(Os::Darwin, Arch::Arm64).crossplay_builds(),
    port(Os::Dragonfly, Arch::Amd64, true),
    port(Os::Freebsd, Arch::I386, true),
    port(Os::Freebsd, Arch::Amd64, true),
    port(Os::Freebsd, Arch::Arm, true),
    port(Os::Freebsd, Arch::Arm64, true),
    broken(Os::Freebsd, Arch::Riscv64), // go.dev/issue/76475
    port(Os::Illumos, Arch::Amd64, true),
    port(Os::Ios, Arch::Amd64, true),
    port(Os::Ios, Arch::Arm64, true),
    port(Os::Js, Arch::Wasm, false).crossplay_builds(),
    first_class(Os::Linux, Arch::I386),
    first_class(Os::Linux, Arch::Amd64).crossplay_builds(),
    first_class(Os::Linux, Arch::Arm),
    first_class(Os::Linux, Arch::Arm64).crossplay_builds(),
    port(Os::Linux, Arch::Loong64, true),
    port(Os::Linux, Arch::Mips, true),
    port(Os::Linux, Arch::Mips64, true),
    port(Os::Linux, Arch::Mips64le, true),
    port(Os::Linux, Arch::Mipsle, true),
    port(Os::Linux, Arch::Ppc64, true), // cgo since Go 1.27
    port(Os::Linux, Arch::Ppc64le, true),
    port(Os::Linux, Arch::Riscv64, true),
    port(Os::Linux, Arch::S390x, true),
    broken(Os::Linux, Arch::Sparc64), // an incomplete port
    port(Os::Netbsd, Arch::I386, true),
    port(Os::Netbsd, Arch::Amd64, true),
    port(Os::Netbsd, Arch::Arm, true),
    port(Os::Netbsd, Arch::Arm64, true),
    port(Os::Openbsd, Arch::I386, true),
    port(Os::Openbsd, Arch::Amd64, true),
    port(Os::Openbsd, Arch::Arm, true),
    port(Os::Openbsd, Arch::Arm64, true),
    port(Os::Openbsd, Arch::Ppc64, false),
    port(Os::Openbsd, Arch::Riscv64, true),
    port(Os::Plan9, Arch::I386, false),
    port(Os::Plan9, Arch::Amd64, false),
    port(Os::Plan9, Arch::Arm, false),
    port(Os::Solaris, Arch::Amd64, true),
    port(Os::Wasip1, Arch::Wasm, false).crossplay_builds(),
    first_class(Os::Windows, Arch::I386),
    first_class(Os::Windows, Arch::Amd64).crossplay_builds(),
    port(Os::Windows, Arch::Arm64, true).crossplay_builds(),
];

/// The port `goos/goarch`, if the go command accepts that pair (broken ports included:
/// `internal/platform.BuildModeSupported` is true for them).
pub fn lookup(goos: &str, goarch: &str) -> Option<&'static Port> {
    PORTS.iter().find(|p| p.goos() == goos && p.goarch() == goarch)
}

/// The ports that `go tool dist list` prints: the working ones, or all with `-broken`.
pub fn listed(include_broken: bool) -> impl Iterator<Item = &'static Port> {
    PORTS.iter().filter(move |p| include_broken || !p.broken)
}

/// Why a default-mode build for `goos/goarch` must link externally (with a C toolchain),
/// if it must (`cmd/go/internal/load.externalLinkingReason` with
/// `internal/platform.MustLinkExternal`, `DefaultPIE` and `InternalLinkPIESupported`).
/// Without cgo such a build fails with "<reason> requires external (cgo) linking, but
/// cgo is not enabled".
pub fn external_linking_reason(goos: &str, goarch: &str) -> Option<String> {
    let must = match goos {
        "android" => goarch != "arm64",
        "ios" => goarch == "arm64",
        _ => false,
    };
    if must {
        return Some(format!("{goos}/{goarch}"));
    }
    let default_pie = matches!(goos, "android" | "ios" | "windows" | "darwin");
    let internal_pie = matches!(
        (goos, goarch),
        ("android", "arm64")
            | ("darwin", "amd64" | "arm64")
            | ("linux", "amd64" | "arm64" | "loong64" | "ppc64" | "ppc64le" | "s390x")
            | ("windows", "386" | "amd64" | "arm64")
    );
    (default_pie && !internal_pie).then(|| "default PIE binary".to_owned())
}

/// Every GOOS name Go knows (`internal/syslist.KnownOS`), including names that are not
/// ports (`hurd`, `nacl`, `zos`). A filename suffix naming one of them is a constraint.
pub static KNOWN_OS: [&str; 18] = [
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];

/// The GOOS values for which the `unix` build tag is set (`internal/syslist.UnixOS`).
/// `js`, `wasip1`, `plan9`, `windows`, `zos` and `nacl` are not among them.
pub static UNIX_OS: [&str; 12] = [
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "linux",
    "netbsd",
    "openbsd",
    "solaris",
];

/// Every GOARCH name Go knows (`internal/syslist.KnownArch`), including names that are not
/// ports (`amd64p32`, `arm64be`, `sparc`, …).
pub static KNOWN_ARCH: [&str; 24] = [
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

pub fn is_known_os(name: &str) -> bool {
    KNOWN_OS.contains(&name)
}

pub fn is_known_arch(name: &str) -> bool {
    KNOWN_ARCH.contains(&name)
}

pub fn is_unix(goos: &str) -> bool {
    UNIX_OS.contains(&goos)
}

/// The output of `go tool dist list [-json] [-broken]`, byte for byte.
pub fn dist_list(json: bool, include_broken: bool) -> String {
    if !json {
        return listed(include_broken).map(|p| format!("{}/{}\n", p.goos(), p.goarch())).collect();
    }
    // `json.MarshalIndent` of a struct slice; `Broken` is `omitempty`, and the output
    // has no trailing newline (cmd/dist writes the marshalled bytes as they are).
    let items = listed(include_broken)
        .map(|p| {
            let mut fields = vec![
                ("GOOS".to_owned(), Json::str(p.goos())),
                ("GOARCH".to_owned(), Json::str(p.goarch())),
                ("CgoSupported".to_owned(), Json::Bool(p.cgo_supported)),
                ("FirstClass".to_owned(), Json::Bool(p.first_class)),
            ];
            if p.broken {
                fields.push(("Broken".to_owned(), Json::Bool(true)));
            }
            Json::Object(fields)
        })
        .collect();
    Json::Array(items).to_indented("", "\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_like_sort_strings() {
        let names: Vec<String> = PORTS.iter().map(|p| format!("{}/{}", p.goos(), p.goarch())).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn counts_match_go_1_27_3() {
        assert_eq!(listed(false).count(), 47);
        assert_eq!(listed(true).count(), 49);
        assert_eq!(PORTS.iter().filter(|p| p.first_class).count(), 8);
        assert_eq!(listed(false).filter(|p| p.cgo_supported).count(), 41);
        for p in &PORTS {
            assert!(is_known_os(p.goos()) && is_known_arch(p.goarch()), "{p:?}");
        }
        assert!(lookup("linux", "sparc64").is_some_and(|p| p.broken));
        assert!(lookup("openbsd", "mips64").is_none());
        assert!(lookup("windows", "arm").is_none());
    }

    #[test]
    fn os_and_arch_are_exactly_the_names_with_ports() {
        let mut oses: Vec<&str> = PORTS.iter().map(Port::goos).collect();
        oses.dedup();
        assert_eq!(Os::ALL.map(Os::name).to_vec(), oses, "Os::ALL in name order");
        let arches: Vec<&str> =
            KNOWN_ARCH.into_iter().filter(|a| PORTS.iter().any(|p| p.goarch() == *a)).collect();
        assert_eq!(Arch::ALL.map(Arch::name).to_vec(), arches, "Arch::ALL in KnownArch order");
        for os in Os::ALL {
            assert_eq!(Os::parse(os.name()), Some(os));
            assert_eq!(os.is_unix(), is_unix(os.name()));
        }
        for arch in Arch::ALL {
            assert_eq!(Arch::parse(arch.name()), Some(arch));
        }
        assert_eq!(Os::parse("hurd"), None);
        assert_eq!(Arch::parse("arm64be"), None);
    }

    #[test]
    fn facts_match_go() {
        let ptr4: Vec<&str> = Arch::ALL.into_iter().filter(|a| a.ptr_size() == 4).map(Arch::name).collect();
        assert_eq!(ptr4, ["386", "arm", "mips", "mipsle"]);
        let big: Vec<&str> =
            Arch::ALL.into_iter().filter(|a| a.endian() == Endian::Big).map(Arch::name).collect();
        assert_eq!(big, ["mips", "mips64", "ppc64", "s390x", "sparc64"]);
        // objabi.HeadType.Set and its String, for every name it accepts.
        let heads: Vec<String> =
            Os::ALL.iter().map(|os| format!("{}:{}", os.name(), os.link_head().name())).collect();
        assert_eq!(
            heads.join(" "),
            "aix:aix android:linux darwin:darwin dragonfly:dragonfly freebsd:freebsd illumos:solaris \
             ios:darwin js:js linux:linux netbsd:netbsd openbsd:openbsd plan9:plan9 solaris:solaris \
             wasip1:wasip1 windows:windows"
        );
        let libc: Vec<&str> = Os::ALL.into_iter().filter(|os| os.uses_libc()).map(Os::name).collect();
        assert_eq!(libc, ["aix", "darwin", "illumos", "ios", "openbsd", "solaris", "windows"]);
        let built: Vec<String> =
            PORTS.iter().filter(|p| p.buildable).map(|p| format!("{}/{}", p.goos(), p.goarch())).collect();
        assert_eq!(
            built,
            [
                "darwin/amd64",
                "darwin/arm64",
                "js/wasm",
                "linux/amd64",
                "linux/arm64",
                "wasip1/wasm",
                "windows/amd64",
                "windows/arm64"
            ]
        );
        assert_eq!(lookup("ios", "arm64").map(Port::container), Some(Container::MachO));
        assert_eq!(lookup("wasip1", "wasm").map(Port::container), Some(Container::Wasm));
        assert_eq!(lookup("plan9", "arm").map(|p| p.container().name()), Some("Plan 9 a.out"));
    }
}
