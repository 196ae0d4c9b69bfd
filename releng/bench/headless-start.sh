#!/usr/bin/env bash
# Benchmark: start-up overhead of the headless runner (issue 15), median of N runs (default 7).
#   run:      wall time of `qontinui-runner run demo.json --backend mock` minus the run's own duration
#             (the executor's qontinui/runCompleted durationMs, from the run folder's events.jsonl)
#   validate: wall time of `qontinui-runner validate demo.json`
#   executor: wall time of the executor's own `python3 -m qontinui_bridge validate demo.json` (the floor)
# Prints each sample, the medians, and the machine (cores, load). Speed is reported, never asserted.
#   releng/bench/headless-start.sh [N] [PRODUCT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-7}"
if [ -n "${2:-}" ]; then product="$2"; else source "$here/../setup.sh"; qontinui_setup >/dev/null; product="$QONTINUI_PRODUCT"; fi
runner="$product/qontinui-runner"
demo="$(ls -d "$product"/plugins/org.qontinui.runner.bridge_*/python/demo | head -1)"
python_dir="$(dirname "$demo")"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

"$runner" validate "$demo/demo.json" >/dev/null   # warm-up: first start fills the configuration areas
run_over=(); val=(); exe=()
for i in $(seq "$runs"); do
  out="$work/run-$i"
  t0=$(now_ms); "$runner" run "$demo/demo.json" --backend mock --out "$out" >/dev/null; t1=$(now_ms)
  own=$(/usr/bin/python3 -c 'import json,sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["event"] == "qontinui/runCompleted": print(int(e["body"]["durationMs"]))' "$out/events.jsonl")
  run_over+=($(( t1 - t0 - own )))
  t0=$(now_ms); "$runner" validate "$demo/demo.json" >/dev/null; t1=$(now_ms); val+=($(( t1 - t0 )))
  t0=$(now_ms); PYTHONPATH="$python_dir" /usr/bin/python3 -m qontinui_bridge validate "$demo/demo.json" >/dev/null; t1=$(now_ms)
  exe+=($(( t1 - t0 )))
  echo "sample $i: run overhead ${run_over[-1]} ms (wall $(( run_over[-1] + own )) ms, run ${own} ms), validate ${val[-1]} ms, executor validate ${exe[-1]} ms"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median of $runs: run overhead $(median "${run_over[@]}") ms, validate $(median "${val[@]}") ms, executor's own validate $(median "${exe[@]}") ms"
