#!/usr/bin/env bash
# The playground benchmark: the compiler worker's compile + link time for hello
# world, cold, after an edit of main.go with the standard library cached (budget
# 50 ms) and with nothing changed, in headless Chromium, next to `go build`'s for the
# same target on the same machine (warm GOCACHE, the oracle go1.27.3); and the page's
# wasm and JS sizes, raw and gzip.
#
#   scripts/bench-web.sh [GOOS/GOARCH ...]   (default: linux/amd64 js/wasm wasip1/wasm)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux/amd64 js/wasm wasip1/wasm)
bash scripts/web-tools.sh --e2e >/dev/null
bash scripts/install-oracles.sh >/dev/null
bash scripts/serve.sh --build-only >/dev/null 2>&1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root/dist" >/dev/null 2>&1 &
server=$!
tmp=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 0.5
node e2e/bench.mjs "http://127.0.0.1:$port/" "$root/dist" "${targets[@]}"
# go build, for comparison: warm cache (the standard library compiled once first).
export GOCACHE="$tmp/gocache" GOFLAGS= GOTOOLCHAIN=local CGO_ENABLED=0
mkdir -p "$tmp/hello"
printf 'module hello\n\ngo 1.27\n' >"$tmp/hello/go.mod"
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n' >"$tmp/hello/main.go"
echo "go build (go1.27.3, warm cache, best of 3):"
for t in "${targets[@]}"; do
  export GOOS=${t%/*} GOARCH=${t#*/}
  (cd "$tmp/hello" && "$root/.tools/go/bin/go" build -o "$tmp/out" .)
  best=
  for _ in 1 2 3; do
    rm -f "$tmp/out"
    t0=$(date +%s%N)
    (cd "$tmp/hello" && "$root/.tools/go/bin/go" build -o "$tmp/out" .)
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  printf '  %-14s %6d ms   output %d bytes\n' "$t" "$best" "$(stat -c %s "$tmp/out")"
done
