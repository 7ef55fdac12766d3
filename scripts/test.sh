#!/usr/bin/env bash
# Runs every test of crossplay: installs the oracles first (scripts/install-oracles.sh),
# then the whole Cargo workspace's tests, including the differential tests against the
# real go1.27.3 toolchain, then the playground's end-to-end tests in headless Chromium
# (scripts/e2e.sh, which installs its tools first). CROSSPLAY_REQUIRE_ORACLES=1 turns a
# missing oracle into a failure instead of a skip; CROSSPLAY_SEED changes the generated
# cases; CROSSPLAY_SKIP_E2E=1 leaves out the browser tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-oracles.sh
export CROSSPLAY_GO="$root/.tools/go/bin/go"
set +e
cargo test --workspace --locked -- --nocapture 2>&1 | grep -v '^running 0 tests$'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ "${CROSSPLAY_SKIP_E2E:-}" != 1 ]; then
  bash scripts/e2e.sh
fi
