#!/usr/bin/env bash
# Installs what building, serving and testing the playground needs, skipping what is
# already there: the wasm32 target, Trunk 0.21.14 and the wasm-bindgen CLI matching
# Cargo.lock (both built from crates.io into ~/.cargo/bin, once per machine), and
# from npm into e2e/node_modules: binaryen 132 (wasm-opt; Debian's 108 miscompiles)
# and playwright-core; into web/editor/node_modules CodeMirror 6 and esbuild, which
# bundles the editor into web/editor/dist/editor.js; Debian's chromium for the
# end-to-end tests (--e2e).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  # Trunk 0.22 needs a newer Rust than 1.95.
  cargo install --locked trunk@0.21.14
fi
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
  # Not --locked: the registry mirror lacks a locked dependency of the CLI.
  cargo install "wasm-bindgen-cli@$bindgen"
fi
stamp=e2e/node_modules/.crossplay-lock
if [ ! -f "$stamp" ] || ! cmp -s e2e/package-lock.json "$stamp"; then
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  cp e2e/package-lock.json "$stamp"
fi
stamp=web/editor/node_modules/.crossplay-lock
if [ ! -f "$stamp" ] || ! cmp -s web/editor/package-lock.json "$stamp"; then
  (cd web/editor && npm ci --no-audit --no-fund --loglevel=error)
  cp web/editor/package-lock.json "$stamp"
fi
# The editor bundle, rebuilt when its source or dependencies change.
if [ ! -f web/editor/dist/editor.js ] || [ web/editor/editor.js -nt web/editor/dist/editor.js ] || [ "$stamp" -nt web/editor/dist/editor.js ]; then
  (cd web/editor && npm run --silent build)
fi
if [ "${1:-}" = "--e2e" ] && [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
