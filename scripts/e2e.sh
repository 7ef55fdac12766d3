#!/usr/bin/env bash
# The playground's end-to-end tests in headless Chromium (e2e/e2e.mjs): installs
# what is missing (scripts/web-tools.sh --e2e), builds the page and the CLI, serves
# dist/ on a free port, and drives it. Screenshots go to target/e2e-screenshots.
# First, e2e/repro.mjs checks reproducibility: CLI runs, -p values, and the wasm32
# toolchain (repro/, built with wasm-bindgen for node) against the native CLI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/web-tools.sh --e2e
bash scripts/serve.sh --build-only
cargo build --locked --release -p cli --quiet
cargo build --locked --release --target wasm32-unknown-unknown -p repro --quiet
wasm-bindgen --target nodejs --out-dir "$root/target/repro" "$root/target/wasm32-unknown-unknown/release/repro.wasm"
node e2e/repro.mjs "$root/target/repro/repro.js" "$root/target/release/crossplay"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root/dist" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done
node e2e/e2e.mjs "http://127.0.0.1:$port/" "$root/target/release/crossplay" "$root/target/e2e-screenshots"
