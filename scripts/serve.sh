#!/usr/bin/env bash
# The main job: builds the playground (the compiler worker and the page, release,
# with Trunk) and serves it on http://127.0.0.1:8080 with the example module
# examples/hello loaded. Installs what is missing first (scripts/web-tools.sh).
# --build-only builds dist/ and exits.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/web-tools.sh
export PATH="$root/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --locked
if [ "${1:-}" = "--build-only" ]; then
  exit 0
fi
echo "crossplay playground: http://127.0.0.1:${PORT:-8080}/"
exec python3 -m http.server "${PORT:-8080}" --bind 127.0.0.1 --directory "$root/dist"
