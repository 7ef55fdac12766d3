#!/usr/bin/env bash
# Regenerates testdata/programs/*.golden: for each program of the program corpus, what
# the real toolchain's binary (go1.27.3, linux/amd64, run with GOTRACEBACK=none, no
# arguments, empty environment, stdin from /dev/null) writes and exits with:
#
#   -- exit --      the exit status
#   -- stdout --    standard output (`-- stdout-nonl --` when it lacks a final newline)
#   -- stderr --    standard error  (likewise `-- stderr-nonl --`)
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
for f in "${progs[@]}"; do
  name=${f%.go}
  bin="$tmp/$name"
  if ! env -i PATH="$PATH" HOME="$tmp/home" GOCACHE="$tmp/cache" GOTOOLCHAIN=local GOFLAGS= GO111MODULE=off \
      GOOS=linux GOARCH=amd64 CGO_ENABLED=0 "$go" build -trimpath -o "$bin" "$f" 2>"$tmp/build.txt"; then
    echo "gen-programs: $f does not build:" >&2; cat "$tmp/build.txt" >&2; exit 1
  fi
  set +e
  (cd "$tmp" && env -i GOTRACEBACK=none "$bin" >"$tmp/out" 2>"$tmp/err" </dev/null)
  code=$?
  set -e
  { printf -- '-- exit --\n%s\n' "$code"; section stdout "$tmp/out"; section stderr "$tmp/err"; } >"$tmp/$name.golden"
  if [ $check = 1 ]; then
    diff -u "$name.golden" "$tmp/$name.golden" || status=1
  else
    cp "$tmp/$name.golden" "$name.golden"
  fi
done
exit $status
