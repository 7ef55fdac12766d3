#!/usr/bin/env bash
# Regenerates testdata/go-errors/expected.txt: for each program of the erroneous-
# program corpus, the first error `go build` (go1.27.3, linux/amd64) reports, as
# `NAME.go:LINE:COL: MESSAGE`. With --check, compares instead of writing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
go="${CROSSPLAY_GO:-$root/.tools/go/bin/go}"
dir="$root/testdata/go-errors"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$tmp/expected.txt"
cd "$dir"
for f in *.go; do
  log=$(env -i PATH="$PATH" HOME="$tmp/home" GOTOOLCHAIN=local GOFLAGS= GO111MODULE=off \
    GOOS=linux GOARCH=amd64 CGO_ENABLED=0 "$go" build -o /dev/null "$f" 2>&1 || true)
  # The first line that names the file: `./f.go:L:C: msg` or `f.go:L:C: msg`.
  line=$(printf '%s\n' "$log" | grep -m1 -E "^(\./)?$f:[0-9]+:[0-9]+: " || true)
  if [ -z "$line" ]; then
    echo "gen-go-errors: $f: go build reported no positioned error:" >&2
    printf '%s\n' "$log" >&2
    exit 1
  fi
  printf '%s\n' "${line#./}" >> "$out"
done
if [ "${1:-}" = "--check" ]; then
  diff -u "$dir/expected.txt" "$out"
else
  cp "$out" "$dir/expected.txt"
fi
