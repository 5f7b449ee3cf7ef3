#!/usr/bin/env bash
# Runs the benchmark workloads of ../shared/bench on the engine and on the peer interpreter
# (aws-local-stepfunctions) in the same run, and prints transitions per second and the ratio.
#
#   bash scripts/bench.sh [N]            N items / loop iterations (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
BENCH=../shared/bench
PEER_DIR=target/peer

if [ ! -d "$BENCH" ]; then
  echo "../shared/bench is not beside the repository" >&2
  exit 1
fi
if [ ! -f "$PEER_DIR/node_modules/aws-local-stepfunctions/package.json" ]; then
  mkdir -p "$PEER_DIR"
  npm install --silent --no-audit --no-fund --prefix "$PEER_DIR" aws-local-stepfunctions@3.0.0 >/dev/null
fi
cargo build --release -q -p asl --example bench

peer=$(node "$BENCH/peer.mjs" "$PEER_DIR" "$N")
ours=$(target/release/examples/bench "$BENCH" "$N" --no-payload-limit)
limited=$(target/release/examples/bench "$BENCH" "$N")

python3 - "$peer" "$ours" "$limited" <<'PY'
import json, sys
peer = {d["name"]: d for d in map(json.loads, sys.argv[1].splitlines())}
ours = {d["name"]: d for d in map(json.loads, sys.argv[2].splitlines())}
limited = {d["name"]: d for d in map(json.loads, sys.argv[3].splitlines())}
print(f"{'workload':10} {'n':>7} {'peer/s':>12} {'asl/s':>12} {'ratio':>8} {'asl ms':>8}  with AWS's 256 KiB quota")
for name in ("loop", "map"):
    p, o, l = peer[name], ours[name], limited[name]
    quota = l["status"] + (f" ({l['error']})" if l.get("error") else "")
    print(f"{name:10} {o['n']:>7} {p['per_s']:>12,.0f} {o['per_s']:>12,.0f} {o['per_s'] / p['per_s']:>7.1f}x {o['ms']:>8}  {quota}")
PY
