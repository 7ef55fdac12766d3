#!/usr/bin/env bash
# The main job, until the playground exists: builds the crossplay CLI and runs it.
# With arguments it runs `crossplay ARGS...`; without, it shows the target model
# (`crossplay version`, `env`, `tags`, `tool dist list`) and then, on the example
# project examples/demo, which files each target compiles and why (`list -why`,
# `list -matrix`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo build --release --locked -p cli --quiet
bin="$root/target/release/crossplay"
if [ $# -gt 0 ]; then
  exec "$bin" "$@"
fi
for cmd in "version" "env" "tags" "tool dist list"; do
  echo "\$ crossplay $cmd"
  # shellcheck disable=SC2086
  "$bin" $cmd
  echo
done
cd "$root/examples/demo"
for cmd in "list ./..." "list -why ./..." "list -matrix ./..."; do
  echo "\$ (cd examples/demo && crossplay $cmd)"
  # shellcheck disable=SC2086
  "$bin" $cmd
  echo
done
echo "The binary is $bin; try '$bin help' or '$bin help list'."
