#!/usr/bin/env bash
# The benchmark: crossplay next to the real toolchain (go1.27.3), measured in the
# same run on the same machine.
#
#   scripts/bench.sh [GOOS/GOARCH ...]     (default: js/wasm wasip1/wasm linux/amd64)
#
# 1. Build time and size, each toolchain with a GOCACHE of its own. Hello world:
#    cold (crossplay with an empty cache, against `go build -a`, which rebuilds
#    every package), after an edit of main.go with the standard library cached
#    (go/cp is how many times faster crossplay is), and a no-op rebuild; then the
#    program corpus (testdata/programs), one build each, both caches warm; and the
#    output sizes. Times are wall clock, the best of 3 for hello world.
# 2. Run time, on a linux/amd64 host. The eight CPU-bound programs of the corpus
#    (bench_*.go) built by each toolchain for linux/amd64 and run with larger inputs
#    (sized so that Go's binary takes a few tenths of a second): wall time (the best
#    of $BENCH_RUNS runs, fewer once a program's runs have taken 5 s), crossplay / go,
#    and peak RSS (GNU time's %M, of the fastest run). Every run's output must equal
#    Go's binary's.
# 3. The same eight built for wasip1/wasm by each toolchain and run under node's WASI
#    (`node:wasi`, as `crossplay run` runs wasip1), with the same inputs and columns.
# 4. Hello world (fmt.Println) built for wasip1/wasm by each, under node: wall time
#    and peak RSS of the whole node process.
#
# BENCH_ONLY=run skips the corpus rows of section 1 (hello world's build time stays)
# and BENCH_ONLY=build skips sections 2–4. BENCH_RUNS (default 3) is the most times
# each program runs in sections 2–4. CROSSPLAY_GO names the oracle's go command
# (default .tools/go/bin/go, installed by scripts/install-oracles.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ -n "${CROSSPLAY_GO:-}" ]; then
  go=$CROSSPLAY_GO
else
  bash scripts/install-oracles.sh >/dev/null
  go="$root/.tools/go/bin/go"
fi
cargo build --release --locked -p cli --quiet
cp="${CARGO_TARGET_DIR:-$root/target}/release/crossplay"
only=${BENCH_ONLY:-}
case "$only" in "" | run | build) ;; *) echo "bench: BENCH_ONLY is run or build, not $only" >&2; exit 2 ;; esac
runs=${BENCH_RUNS:-3}
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
echo "bench: $("$go" version), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

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
# ratio A B: A/B to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# hello TEXT: (re)writes hello world printing TEXT, as an edit of main.go.
hello() { printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("%s")\n}\n' "$1" >"$tmp/hello.go"; }
# edits CMD...: the best of 3 builds each after an edit of hello.go (untimed).
edits() {
  local i m best=
  for i in 1 2 3; do
    hello "hello, world $RANDOM$i"
    m=$(ms "$@")
    if [ -z "$best" ] || [ "$m" -lt "$best" ]; then best=$m; fi
  done
  echo "$best"
}
# cold CMD...: the best of 3 crossplay builds, each with an empty cache.
cold() {
  local i m best=
  for i in 1 2 3; do
    rm -rf "$tmp/cpcache"
    m=$(ms "$@")
    if [ -z "$best" ] || [ "$m" -lt "$best" ]; then best=$m; fi
  done
  echo "$best"
}
cpc() { GOCACHE="$tmp/cpcache" "$cp" "$@"; }

printf '%-14s %-34s %12s %12s %8s\n' target "hello world build" "crossplay ms" "go ms" "go/cp"
for t in "${targets[@]}"; do
  export GOOS=${t%/*} GOARCH=${t#*/}
  hello "hello, world"
  # Cold: crossplay with an empty GOCACHE; go with -a (its cache warm, but every
  # package rebuilt).
  "$go" build -o "$tmp/warm" "$tmp/hello.go"
  c=$(cold cpc build -o "$tmp/hello.cp" "$tmp/hello.go")
  ga=$(best3 "$go" build -a -o "$tmp/hello.goa.out" "$tmp/hello.go")
  printf '%-14s %-34s %12s %12s %8s\n' "$t" "cold (empty cache / go build -a)" "$c" "$ga" "$(ratio "$ga" "$c")"
  # After an edit of main.go, the standard library cached by both.
  c=$(edits cpc build -o "$tmp/hello.cp" "$tmp/hello.go")
  g=$(edits "$go" build -o "$tmp/hello.go.out" "$tmp/hello.go")
  printf '%-14s %-34s %12s %12s %8s\n' "$t" "edit of main.go (std cached)" "$c" "$g" "$(ratio "$g" "$c")"
  # Nothing changed.
  c=$(best3 cpc build -o "$tmp/hello.cp" "$tmp/hello.go")
  g=$(best3 "$go" build -o "$tmp/hello.go.out" "$tmp/hello.go")
  printf '%-14s %-34s %12s %12s %8s\n' "$t" "no-op rebuild" "$c" "$g" "$(ratio "$g" "$c")"
  printf '%-14s %-34s %12s %12s\n' "$t" "hello world size (bytes)" "$(size "$tmp/hello.cp")" "$(size "$tmp/hello.go.out")"
  [ "$only" != run ] || continue
  ct=0 gt=0 cs=0 gs=0 n=0
  for f in testdata/programs/*.go; do
    c=$(ms cpc build -o "$tmp/p.cp" "$f")
    g=$(ms "$go" build -o "$tmp/p.go" "$f")
    ct=$((ct + c)) gt=$((gt + g)) n=$((n + 1))
    cs=$((cs + $(size "$tmp/p.cp"))) gs=$((gs + $(size "$tmp/p.go")))
  done
  printf '%-14s %-34s %12s %12s %8s\n' "$t" "corpus ($n programs, caches warm)" "$ct" "$gt" "$(ratio "$gt" "$ct")"
  printf '%-14s %-34s %12s %12s\n' "$t" "corpus size (bytes)" "$cs" "$gs"
done
hello "hello, world"
[ "$only" != build ] || exit 0

# Peak RSS comes from GNU time (Debian package `time`), installed when missing if
# apt-get can; without it the RSS columns print "-".
timebin=/usr/bin/time
if ! "$timebin" -f %M -o /dev/null true 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bench: installing Debian's time for peak RSS" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null 2>&1; } || true
  fi
  "$timebin" -f %M -o /dev/null true 2>/dev/null || { echo "bench: no GNU time, peak RSS not measured" >&2; timebin=; }
fi

# measure OUT CMD...: runs CMD $runs times, or fewer once the runs have taken 5 s in
# all; each run's stdout must equal the first (kept in OUT). Sets best_ms to the
# fastest run's wall time in milliseconds and best_kb to its peak RSS in KB ("-"
# without GNU time).
measure() {
  local out=$1 i t0 t1 m kb total=0
  shift
  best_ms= best_kb=-
  for ((i = 0; i < runs && total < 5000; i++)); do
    t0=$(now)
    if [ -n "$timebin" ]; then
      "$timebin" -f %M -o "$tmp/rss" "$@" >"$tmp/run.out" 2>"$tmp/err" || { echo "bench: $* failed:" >&2; cat "$tmp/err" "$tmp/rss" >&2; exit 1; }
    else
      "$@" >"$tmp/run.out" 2>"$tmp/err" || { echo "bench: $* failed:" >&2; cat "$tmp/err" >&2; exit 1; }
    fi
    t1=$(now)
    m=$(((t1 - t0) / 1000000))
    total=$((total + m))
    kb=-
    [ -z "$timebin" ] || kb=$(tail -n1 "$tmp/rss")
    if [ $i = 0 ]; then
      mv "$tmp/run.out" "$out"
    else
      cmp -s "$tmp/run.out" "$out" || { echo "bench: $*: the output differs between runs" >&2; exit 1; }
    fi
    if [ -z "$best_ms" ] || [ "$m" -lt "$best_ms" ]; then best_ms=$m best_kb=$kb; fi
  done
}

# The eight CPU-bound programs and their inputs (name, os.Args[1]).
progs=("nbody 3000000" "fannkuch 10" "spectralnorm 2000" "binarytrees 16"
  "mandelbrot 2000" "wordcount 1000000" "sort 1000000" "strbuilder 300000")
head_row() {
  echo
  printf '%-14s %-22s %12s %12s %8s %14s %14s\n' target "program (run time)" "crossplay ms" "go ms" "cp/go" "crossplay KB" "go KB"
}
# row TARGET LABEL RUNNER...: builds each program for TARGET with both toolchains,
# runs them with RUNNER (may be empty) and prints a table row per program.
rows() {
  local target=$1 label p arg c ck g gk
  shift
  export GOOS=${target%/*} GOARCH=${target#*/}
  for spec in "${progs[@]}"; do
    read -r p arg <<<"$spec"
    "$cp" build -o "$tmp/$p.cp" "testdata/programs/bench_$p.go"
    "$go" build -o "$tmp/$p.go" "testdata/programs/bench_$p.go"
    measure "$tmp/$p.go.out" "$@" "$tmp/$p.go" "$arg"
    g=$best_ms gk=$best_kb
    measure "$tmp/$p.cp.out" "$@" "$tmp/$p.cp" "$arg"
    c=$best_ms ck=$best_kb
    cmp -s "$tmp/$p.cp.out" "$tmp/$p.go.out" || { echo "bench: $target $p $arg: outputs differ" >&2; diff "$tmp/$p.go.out" "$tmp/$p.cp.out" | head >&2; exit 1; }
    printf '%-14s %-22s %12s %12s %8s %14s %14s\n' "$target" "$p $arg" "$c" "$g" "$(ratio "$c" "$g")" "$ck" "$gk"
  done
}

if [ "$(uname -s)/$(uname -m)" = "Linux/x86_64" ]; then
  head_row
  rows linux/amd64
fi

# wasip1 under node, as crossplay's own runner does it (core/cli's RUNNER_WASIP1)
# but with returnOnExit false: proc_exit ends node at once. With returnOnExit true,
# node 20 sometimes crashes (SIGSEGV, after the program's output) when proc_exit's
# exception unwinds through a JS frame whose bytecode the GC flushed during a long
# run — for Go's binaries as for crossplay's.
cat >"$tmp/wasi.js" <<'EOF'
'use strict';
const { WASI } = require('node:wasi');
const fs = require('fs');
const wasi = new WASI({ version: 'preview1', args: process.argv.slice(2), env: {}, returnOnExit: false });
WebAssembly.instantiate(fs.readFileSync(process.argv[2]), wasi.getImportObject()).then((r) => {
  wasi.start(r.instance);
}).catch((e) => { console.error(e); process.exit(1); });
EOF
if command -v node >/dev/null; then
  wasi=(node --no-warnings "$tmp/wasi.js")
  head_row
  rows wasip1/wasm "${wasi[@]}"

  echo
  printf '%-14s %-22s %12s %12s %8s %14s %14s\n' target "hello world (node)" "crossplay ms" "go ms" "cp/go" "crossplay KB" "go KB"
  export GOOS=wasip1 GOARCH=wasm
  "$cp" build -o "$tmp/hello.cp.wasm" "$tmp/hello.go"
  "$go" build -o "$tmp/hello.go.wasm" "$tmp/hello.go"
  measure "$tmp/hello.go.out" "${wasi[@]}" "$tmp/hello.go.wasm"
  g=$best_ms gk=$best_kb
  measure "$tmp/hello.cp.out" "${wasi[@]}" "$tmp/hello.cp.wasm"
  c=$best_ms ck=$best_kb
  cmp -s "$tmp/hello.cp.out" "$tmp/hello.go.out" || { echo "bench: hello world under node: outputs differ" >&2; exit 1; }
  printf '%-14s %-22s %12s %12s %8s %14s %14s\n' wasip1/wasm "hello, world" "$c" "$g" "$(ratio "$c" "$g")" "$ck" "$gk"
else
  echo "bench: node is missing, wasip1/wasm not run" >&2
fi
