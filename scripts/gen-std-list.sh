#!/bin/sh
# Prints the import paths of the go1.27.3 standard library: the union of `go list std`
# over ports whose files differ, so that every std directory is present.
# Regenerate: scripts/gen-std-list.sh > core/load/src/std_packages.txt
set -eu
go=${CROSSPLAY_GO:-$(cd "$(dirname "$0")/.." && pwd)/.tools/go/bin/go}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for port in linux/amd64 js/wasm wasip1/wasm windows/amd64 darwin/arm64 plan9/amd64 aix/ppc64 ios/arm64 android/arm64 openbsd/amd64; do
  (cd "$tmp" && HOME=$tmp GOTOOLCHAIN=local GOFLAGS= GOOS=${port%/*} GOARCH=${port#*/} CGO_ENABLED=0 "$go" list -e std)
done | LC_ALL=C sort -u
