#!/usr/bin/env bash
# The playground's performance figures (see e2e/bench.mjs), after a fresh release build.
#   bash scripts/bench-web.sh [N]    N = items of the Map run and size of the engine workloads
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/peer/node_modules/aws-local-stepfunctions/package.json ]; then
  mkdir -p target/peer
  npm install --silent --no-audit --no-fund --prefix target/peer aws-local-stepfunctions@3.0.0 >/dev/null
fi
# The shipped build (its size is measured), then the same with the benchmark's hooks.
PATH="$PWD/node_modules/.bin:$PATH" trunk build --release
APP_FEATURES=bench PATH="$PWD/node_modules/.bin:$PATH" trunk build --release --dist target/bench-dist
node e2e/bench.mjs "${1:-10000}"
