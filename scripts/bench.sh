#!/usr/bin/env bash
# Runs the benchmark workloads of ../shared/bench on the engine and on the peer interpreter
# (aws-local-stepfunctions) in the same run, and prints transitions per second and the ratio;
# then times the `asl` command against the peer's own command, `local-sfn`, whole process
# against whole process.
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
cargo build --release -q -p asl-cli

echo "== the engine in-process, against aws-local-stepfunctions in-process (n = $N)"
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

echo
echo "== the asl command against local-sfn, whole process (best of 5, output to a file)"
python3 - "$BENCH" "$PEER_DIR/node_modules/.bin/local-sfn" <<'PY'
import json, os, subprocess, sys, tempfile, time
bench, local_sfn = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp()

def best(cmd, stdin_path=None, runs=5):
    times = []
    for _ in range(runs):
        with open(os.path.join(tmp, "out"), "wb") as out:
            stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
            t0 = time.perf_counter()
            subprocess.run(cmd, stdin=stdin, stdout=out, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
        size = os.path.getsize(os.path.join(tmp, "out"))
    return min(times) * 1000, size

# The Map stays below AWS's 256 KiB payload quota at 5,000 items (see ../shared/bench/README.md).
workloads = [("loop", "loop.asl.json", 20000, lambda n: {"target": n}),
             ("map", "map.asl.json", 5000, lambda n: {"items": [{"id": i} for i in range(n)]})]
print(f"{'workload':10} {'n':>7} {'local-sfn ms':>13} {'asl ms':>8} {'ratio':>7} {'asl -o ms':>10} {'ratio':>7} {'history':>10}")
for name, file, n, make in workloads:
    definition = os.path.join(bench, file)
    input_path = os.path.join(tmp, f"{name}.json")
    with open(input_path, "w") as f:
        json.dump(make(n), f)
    peer_ms, _ = best([local_sfn, "-f", definition], stdin_path=input_path)
    asl = ["target/release/asl", "run", definition, "--input", input_path, "--type", "EXPRESS"]
    full_ms, size = best(asl)
    only_ms, _ = best(asl + ["--output-only"])
    print(f"{name:10} {n:>7} {peer_ms:>13.0f} {full_ms:>8.1f} {peer_ms / full_ms:>6.1f}x {only_ms:>10.1f} {peer_ms / only_ms:>6.1f}x {size / 1e6:>8.1f} MB")
print("(asl: the whole result, history included; asl -o: --output-only)")
PY
