//! `crossplay help` and the usage texts, in the go command's layout.

use crate::Outcome;

pub const BUILD_USAGE: &str = "usage: crossplay build [-o output] [-a] [-n] [-p n] [-x] [-v] [-tags list] [-trimpath] [-ldflags [pattern=]flags] [-buildvcs={true|false|auto}] [packages | files.go]";
pub const RUN_USAGE: &str =
    "usage: crossplay run [-exec xprog] [build flags] [package | files.go] [arguments...]";
pub const ENV_USAGE: &str = "usage: crossplay env [-json] [-changed] [var ...]";
pub const LIST_USAGE: &str =
    "usage: crossplay list [-e] [-f format] [-json[=fields]] [-tags list] [-why] [-matrix] [packages]";
pub const TAGS_USAGE: &str = "usage: crossplay tags [-json] [-tags list] [tag ...]";
pub const DIST_LIST_USAGE: &str = "usage: crossplay tool dist list [-json] [-broken]";

pub fn usage() -> String {
    "crossplay builds Go programs for any target Go 1.27.3 supports, and explains which
files each target compiles. It is a native twin of the go command.

Usage:

\tcrossplay <command> [arguments]

The commands are:

\tbuild       compile a main package into an executable
\tenv         print Go environment information
\tlist        list packages and the files each target selects, and why
\trun         compile and run a Go program
\ttags        print the build tags the configuration satisfies, and why
\ttool        run a toolchain tool (dist list)
\tversion     print crossplay's version and the Go version it emulates

Use \"crossplay help <command>\" for more information about a command.
"
    .to_owned()
}

pub fn run(args: &[String]) -> Outcome {
    let text = match args {
        [] => usage(),
        [topic] => match topic.as_str() {
            "build" => format!("{BUILD_USAGE}\n{BUILD_HELP}"),
            "run" => format!("{RUN_USAGE}\n{RUN_HELP}"),
            "env" => format!("{ENV_USAGE}\n{ENV_HELP}"),
            "tags" => format!("{TAGS_USAGE}\n{TAGS_HELP}"),
            "list" => format!("{LIST_USAGE}\n{LIST_HELP}"),
            "tool" => format!("{DIST_LIST_USAGE}\n{TOOL_HELP}"),
            "version" => "usage: crossplay version\n\nVersion prints crossplay's version, the Go release whose behaviour it\nemulates, and the host GOOS/GOARCH.\n".to_owned(),
            other => {
                return Outcome::fail(2, format!("crossplay help {other}: unknown help topic. Run 'crossplay help'."));
            }
        },
        _ => return Outcome::fail(2, "usage: crossplay help command\n\nToo many arguments given."),
    };
    Outcome::ok(text)
}

const BUILD_HELP: &str = "
Build compiles the packages named by the .go files or the package patterns
(default \".\") with crossplay's own compiler and linker, for GOOS/GOARCH from
the environment, with the packages of the main module they import. A single
main package is written as go build names it: the first file's name without
.go, or the last element of the import path, plus .exe for windows. Several
packages, or one that is not a program, are built and the results dropped,
as a check. -o names the file for one program, or a directory (existing, or
ending in a slash) to write every program into.

crossplay compiles js/wasm, wasip1/wasm, and linux, windows and darwin on
amd64 and arm64 (static ELF executables, PE images importing kernel32.dll, and
ad-hoc signed Mach-O executables for dyld and libSystem, each recording its
build info as go build's do) so far; other targets are reported as not
supported yet.

Each package's compile and the link are cached in GOCACHE, keyed as go build
keys them (crossplay's entries never collide with Go's there); a build runs
only the actions whose inputs changed. 'crossplay clean -cache' empties it.

The flags are go build's: -a (run every action, cached or not), -n (print the
actions that would run, run none), -p (how many packages, and functions,
compile at once; the output is the same for every value), -x (print each
action as it runs), -v, -tags, -trimpath, -ldflags, -buildvcs, and -gcflags
with -S (the main package's assembly listing, for amd64 and arm64), -N (no
optimization) and -l (no inlining). -ldflags and -gcflags take an optional
package pattern, as in -ldflags=all=-s; the last pattern matching the main
package applies.

-ldflags is read as Go's linker reads it, with its errors. These take effect:
-s, -X importpath.name=value, -buildid=ID, -B (none, gobuildid or 0xHEX: the
ELF GNU build ID note or the Mach-O UUID), -H windowsgui (a windows GUI
application), -macos and -macsdk (the Mach-O build version). Flags that change
nothing a pure-Go program's link writes are accepted (-w, -extld, -extldflags,
-linkmode=internal, ...); the others are reported as not supported yet.

Every binary carries a build ID that 'go tool buildid' reads, the hashes of
its inputs with its own content hash last, as go build writes it; with
-ldflags=-buildid=ID it carries ID instead.

-buildvcs stamps the binary with the git revision, commit time and whether
the work tree is modified (vcs.revision, vcs.time, vcs.modified), and gives
the main module a version derived from the repository's tags, as go build
does. By default (auto) build stamps when the main module is inside a git
repository and git is on PATH; run does not stamp unless -buildvcs=true.
";

const RUN_HELP: &str = "
Run compiles and runs the main package named by the .go files or the package
pattern; the arguments after it are passed to the program.

As with go run, a program for a foreign target runs through -exec xprog, else
through go_$GOOS_$GOARCH_exec when it is on PATH. Otherwise js/wasm and
wasip1/wasm programs run under crossplay's bundled runner (node, which must be
on PATH), and any other binary is executed directly. A non-zero exit status is
reported as 'exit status N', and run exits with status 1.
";

const ENV_HELP: &str = "
Env prints Go environment information as go1.27.3's `go env` would, for the
variables crossplay uses: GOOS, GOARCH, GOHOSTOS, GOHOSTARCH, CGO_ENABLED, the
sub-architecture variable of GOARCH (GO386, GOAMD64, GOARM, GOARM64, GOMIPS,
GOMIPS64, GOPPC64, GORISCV64, GOWASM), GOVERSION, GOCACHE, GOENV, GOEXE,
GOEXPERIMENT, GOFIPS140 and GOFLAGS.

Settings come from the environment, then from the go/env file that
'go env -w' writes (crossplay reads it but does not write it), then from the
defaults of go1.27.3. Invalid settings are reported with Go's message and exit
status 2.

By default env prints the variables as a shell script. If one or more
variable names are given, env prints the value of each on its own line.

The -json flag prints the environment in JSON format instead.

The -changed flag prints only the settings whose effective value differs
from the value an empty environment would give.
";

const TOOL_HELP: &str = "
Tool runs a toolchain tool. The one tool is dist, whose list command prints
the GOOS/GOARCH pairs go1.27.3 supports, as 'go tool dist list' does.

The -json flag prints each pair with its CgoSupported and FirstClass
properties. The -broken flag includes the ports that are known to be broken.
";

const TAGS_HELP: &str = "
Tags prints every build tag that the configuration in the environment (GOOS,
GOARCH, the sub-architecture variable, CGO_ENABLED, GOEXPERIMENT, GOFLAGS)
satisfies, one per line, with the reason it is set: GOOS and the OS it implies
(android implies linux, ios darwin, illumos solaris), GOARCH, unix, cgo, gc,
the architecture feature tags, goexperiment tags, the release tags go1.1 to
go1.27, and the -tags list. These are the tags //go:build lines and file name
suffixes are matched against.

Given tag names, tags explains each of them instead: whether it is set, and why.

The -tags flag adds build tags, as for go build; without it, a -tags setting in
GOFLAGS applies. The -json flag prints the context and the tags as JSON.

crossplay tags is a crossplay addition; the go command has no equivalent.
";

const LIST_HELP: &str = "
List lists the packages named by the import paths or patterns (., ./dir,
./..., module/path/...), one per line, as go1.27.3's 'go list' does, for the
configuration in the environment. It loads the module around the working
directory: go.mod's module path and go directive, the files of each package
directory selected by file name suffixes, //go:build and // +build lines and
import \"C\" (with CGO_ENABLED), and the imports of each package.

The -f flag formats each package with a template: {{.Field}},
{{context.GOOS}} and the other context fields, {{join .List sep}},
{{len .List}}, {{range}}, {{if}} and {{else}}. The fields are Dir,
ImportPath, Name, Incomplete, GoFiles, CgoFiles, IgnoredGoFiles,
InvalidGoFiles, IgnoredOtherFiles, SFiles, Imports, TestGoFiles, TestImports,
XTestGoFiles, XTestImports, Error, Error.Err and Error.Pos.

The -json flag prints the packages as JSON with those fields (Error and
DepsErrors as objects); -json=Field,... prints only the fields named.

Without -e, list fails with Go's messages if a package cannot be loaded; with
-e it reports erroneous packages in their Error and DepsErrors fields.

Two flags are crossplay additions:

The -why flag prints each file of each package with its verdict (GoFiles,
IgnoredGoFiles, InvalidGoFiles, ...) and why: the file name rule, the
//go:build expression or // +build lines with their value, and every tag
consulted, whether it is set and the reason (\"`amd64.v2` is set: GOAMD64=v3\").

The -matrix flag prints, for every port of 'crossplay tool dist list', which
Go files of each package that port builds: a grid of x (built) and . (not),
or with -json one object per package listing the files of each port. The
environment's other settings (CGO_ENABLED, GOEXPERIMENT, -tags) apply to
every port.
";
