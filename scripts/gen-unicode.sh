#!/usr/bin/env bash
# Regenerates core/goroot/src/unicode/tables.go from the oracle toolchain's unicode
# package (scripts/gen-unicode/main.go asks it about every code point). With --check,
# compares instead of writing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
go="${CROSSPLAY_GO:-$root/.tools/go/bin/go}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$root/core/goroot/src/unicode/tables.go"
env -i PATH="$PATH" HOME="$tmp/home" GOCACHE="$tmp/cache" GOTOOLCHAIN=local GOFLAGS= GO111MODULE=off \
  "$go" run "$root/scripts/gen-unicode/main.go" >"$tmp/tables.go"
if [ "${1:-}" = "--check" ]; then
  diff -u "$out" "$tmp/tables.go"
else
  mkdir -p "$(dirname "$out")"
  cp "$tmp/tables.go" "$out"
fi
