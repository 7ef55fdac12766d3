#!/usr/bin/env bash
# Runs every test of crossplay: installs the oracles first (scripts/install-oracles.sh),
# then the whole Cargo workspace's tests, including the differential tests against the
# real go1.27.3 toolchain. CROSSPLAY_REQUIRE_ORACLES=1 turns a missing oracle into a
# failure instead of a skip; CROSSPLAY_SEED changes the generated cases.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-oracles.sh
export CROSSPLAY_GO="$root/.tools/go/bin/go"
cargo test --workspace --locked -- --nocapture 2>&1 | grep -v '^running 0 tests$'
exit "${PIPESTATUS[0]}"
