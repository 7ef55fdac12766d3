#!/usr/bin/env bash
# The benchmark: for hello world and for the program corpus (testdata/programs),
# crossplay's compile + link time next to `go build`'s (the oracle go1.27.3), for
# the same target in the same run, and the output sizes side by side.
#
#   scripts/bench.sh [GOOS/GOARCH ...]     (default: js/wasm wasip1/wasm linux/amd64)
#
# Both build each program to a file from a clean output directory. `go build`
# runs with its build cache warm (its usual state: the standard library is
# compiled once, before timing); crossplay has no cache yet and compiles the
# standard library it needs every time. Hello world is also timed with
# `go build -a`, which recompiles everything as crossplay does. Times are wall
# clock, the best of 3 for hello world and one run per corpus program.
#
# On a linux/amd64 host it then runs four CPU-bound programs of the corpus
# (bench_*.go, with larger inputs) built by each toolchain for linux/amd64, and
# prints their run times side by side (best of 3), after checking the outputs agree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-oracles.sh >/dev/null
go="$root/.tools/go/bin/go"
cargo build --release --locked -p cli --quiet
cp="$root/target/release/crossplay"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(js/wasm wasip1/wasm linux/amd64)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOCACHE="$tmp/gocache" GOFLAGS= GOTOOLCHAIN=local GO111MODULE=off CGO_ENABLED=0
cat >"$tmp/hello.go" <<'EOF'
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
EOF

now() { date +%s%N; }
# ms CMD...: runs CMD, prints its wall time in milliseconds (fails if CMD fails).
ms() {
  local t0 t1
  t0=$(now)
  "$@" >/dev/null 2>"$tmp/err" || { echo "bench: $* failed:" >&2; cat "$tmp/err" >&2; exit 1; }
  t1=$(now)
  echo $(((t1 - t0) / 1000000))
}
best3() { local a b c; a=$(ms "$@"); b=$(ms "$@"); c=$(ms "$@"); printf '%s\n' "$a" "$b" "$c" | sort -n | head -1; }
size() { stat -c %s "$1"; }

printf '%-14s %-12s %12s %12s %12s %14s %14s\n' target program "crossplay ms" "go ms" "go -a ms" "crossplay B" "go B"
for t in "${targets[@]}"; do
  export GOOS=${t%/*} GOARCH=${t#*/}
  # Warm Go's cache for this target, untimed.
  "$go" build -o "$tmp/warm" "$tmp/hello.go"
  c=$(best3 "$cp" build -o "$tmp/hello.cp" "$tmp/hello.go")
  g=$(best3 "$go" build -o "$tmp/hello.go.out" "$tmp/hello.go")
  ga=$(ms "$go" build -a -o "$tmp/hello.goa.out" "$tmp/hello.go")
  printf '%-14s %-12s %12s %12s %12s %14s %14s\n' "$t" "hello world" "$c" "$g" "$ga" \
    "$(size "$tmp/hello.cp")" "$(size "$tmp/hello.go.out")"
  ct=0 gt=0 cs=0 gs=0 n=0
  for f in testdata/programs/*.go; do
    c=$(ms "$cp" build -o "$tmp/p.cp" "$f")
    g=$(ms "$go" build -o "$tmp/p.go" "$f")
    ct=$((ct + c)) gt=$((gt + g)) n=$((n + 1))
    cs=$((cs + $(size "$tmp/p.cp"))) gs=$((gs + $(size "$tmp/p.go")))
  done
  printf '%-14s %-12s %12s %12s %12s %14s %14s\n' "$t" "corpus ($n)" "$ct" "$gt" "-" "$cs" "$gs"
done

if [ "$(uname -s)/$(uname -m)" = "Linux/x86_64" ]; then
  export GOOS=linux GOARCH=amd64
  echo
  printf '%-14s %-22s %12s %12s\n' target "program (run time)" "crossplay ms" "go ms"
  for spec in "nbody 1000000" "fannkuch 10" "spectralnorm 1000" "binarytrees 16"; do
    set -- $spec
    "$cp" build -o "$tmp/$1.cp" "testdata/programs/bench_$1.go"
    "$go" build -o "$tmp/$1.go" "testdata/programs/bench_$1.go"
    "$tmp/$1.cp" "$2" >"$tmp/$1.cp.out"
    "$tmp/$1.go" "$2" >"$tmp/$1.go.out"
    cmp -s "$tmp/$1.cp.out" "$tmp/$1.go.out" || { echo "bench: $1 $2: outputs differ" >&2; exit 1; }
    printf '%-14s %-22s %12s %12s\n' linux/amd64 "$1 $2" "$(best3 "$tmp/$1.cp" "$2")" "$(best3 "$tmp/$1.go" "$2")"
  done
fi
