#!/usr/bin/env bash
# Regenerates testdata/programs/*.golden: for each program of the program corpus, what
# the real toolchain's binary (go1.27.3, linux/amd64, run with GOTRACEBACK=none, no
# arguments, empty environment, stdin from /dev/null) writes and exits with:
#
#   -- exit --      the exit status
#   -- stdout --    standard output (`-- stdout-nonl --` when it lacks a final newline)
#   -- stderr --    standard error  (likewise `-- stderr-nonl --`)
#
# Where Go's linux/arm64 binary (run under qemu-aarch64, Debian qemu-user) writes
# something else, NAME.linux-arm64.golden holds what it writes: Go's arm64 back end
# fuses multiplies into adds (one rounding), and its default NaN is positive.
#
# With --check, compares instead of writing. With names, handles only those programs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
go="${CROSSPLAY_GO:-$root/.tools/go/bin/go}"
dir="$root/testdata/programs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
cd "$dir"
if [ $# -gt 0 ]; then progs=("$@"); else progs=(*.go); fi
section() { # name, file
  if [ -s "$2" ] && [ "$(tail -c1 "$2" | od -An -c | tr -d ' ')" != '\n' ]; then
    printf -- '-- %s-nonl --\n' "$1"; cat "$2"; printf '\n'
  else
    printf -- '-- %s --\n' "$1"; cat "$2"
  fi
}
status=0
# golden NAME GOARCH RUNNER...: builds program NAME for linux/GOARCH and writes what
# its binary does, run by RUNNER (if any), to $tmp/NAME-GOARCH.golden.
golden() {
  local name=$1 arch=$2
  shift 2
  local bin="$tmp/$name-$arch"
  if ! env -i PATH="$PATH" HOME="$tmp/home" GOCACHE="$tmp/cache" GOTOOLCHAIN=local GOFLAGS= GO111MODULE=off \
      GOOS=linux GOARCH="$arch" CGO_ENABLED=0 "$go" build -trimpath -o "$bin" "$name.go" 2>"$tmp/build.txt"; then
    echo "gen-programs: $name.go does not build:" >&2; cat "$tmp/build.txt" >&2; exit 1
  fi
  set +e
  (cd "$tmp" && env -i GOTRACEBACK=none "$@" "$bin" >"$tmp/out" 2>"$tmp/err" </dev/null)
  local code=$?
  set -e
  { printf -- '-- exit --\n%s\n' "$code"; section stdout "$tmp/out"; section stderr "$tmp/err"; } >"$tmp/$name-$arch.golden"
}
# put FILE WANT: writes (or with --check compares) FILE; WANT empty means no file.
put() {
  if [ $check = 1 ]; then
    if [ -z "$2" ]; then
      [ ! -e "$1" ] || { echo "gen-programs: $1 should not exist" >&2; status=1; }
    else
      diff -u "$1" "$2" || status=1
    fi
  elif [ -z "$2" ]; then
    rm -f "$1"
  else
    cp "$2" "$1"
  fi
}
command -v qemu-aarch64 >/dev/null || { echo "gen-programs: qemu-aarch64 is missing (Debian qemu-user)" >&2; exit 1; }
for f in "${progs[@]}"; do
  name=${f%.go}
  golden "$name" amd64
  golden "$name" arm64 "$(command -v qemu-aarch64)"
  put "$name.golden" "$tmp/$name-amd64.golden"
  if cmp -s "$tmp/$name-amd64.golden" "$tmp/$name-arm64.golden"; then
    put "$name.linux-arm64.golden" ""
  else
    put "$name.linux-arm64.golden" "$tmp/$name-arm64.golden"
  fi
done
exit $status
