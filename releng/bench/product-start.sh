#!/usr/bin/env bash
# Benchmark: product start to first workbench window, median of N runs (default 5), under Xvfb.
# Each run uses a fresh workspace; the clock stops when a top-level window titled "... Qontinui Runner" is mapped.
#   releng/bench/product-start.sh [N]
set -euo pipefail
source "$(dirname "$0")/../setup.sh"
qontinui_setup
runs="${1:-5}"
display=":$((90 + RANDOM % 50))"
Xvfb "$display" -screen 0 1600x1000x24 -noreset >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
times=()
for i in $(seq "$runs"); do
  ws="$(mktemp -d)"
  start=$(date +%s%N)
  DISPLAY="$display" "$QONTINUI_PRODUCT/qontinui-runner" -data "$ws" >/dev/null 2>&1 & pid=$!
  until DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -q '"[^"]*Qontinui Runner"'; do
    sleep 0.05
    kill -0 "$pid" 2>/dev/null || { echo "product exited before showing a window" >&2; exit 1; }
  done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$ws"
  echo "run $i: ${times[-1]} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median of $runs: ${sorted[$(( runs / 2 ))]} ms (min ${sorted[0]}, max ${sorted[-1]})"
