#!/usr/bin/env bash
# The run command: sets up a fresh Debian machine, builds the product if needed and starts it with the
# bundled demo opened. Without a display, runs the demo headless under Xvfb against the demo target app
# (real screen capture, OpenCV and XTEST input) and prints the run's events and a final RUN PASSED/FAILED line.
#   releng/run.sh [--rebuild] [--headless]
set -euo pipefail
source "$(dirname "$0")/setup.sh"
qontinui_setup

rebuild=0 headless=0
for a in "$@"; do
  case "$a" in
    --rebuild) rebuild=1 ;;
    --headless) headless=1 ;;
    *) echo "usage: releng/run.sh [--rebuild] [--headless]" >&2; exit 2 ;;
  esac
done

if [ "$rebuild" = 1 ] || qontinui_product_is_stale; then
  say "Building the product (mvnw verify -DskipTests)"
  ./mvnw -q verify -DskipTests
fi

if [ "$headless" = 0 ] && [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
  say "Starting Qontinui Runner on $DISPLAY with the demo (workspace ~/qontinui-workspace)"
  export QONTINUI_VMARGS="-Dqontinui.demo=true ${QONTINUI_VMARGS:-}"
  exec "$QONTINUI_PRODUCT/qontinui-runner" -data "$HOME/qontinui-workspace"
fi

demo="$(ls -d "$QONTINUI_PRODUCT"/plugins/org.qontinui.runner.bridge_*/python/demo | head -1)"
out="${QONTINUI_OUT:-$QONTINUI_ROOT/.work/demo-run}"
rm -rf "$out"; mkdir -p "$out"
say "No display: running the demo headless under Xvfb (report in $out)"
xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
  set -u
  /usr/bin/python3 "$1/demo_app.py" --log "$2/demo-app.log" & app=$!
  sleep 1.5
  "$3/qontinui-runner" run "$1/demo.json" --backend x11 --out "$2"; code=$?
  kill $app 2>/dev/null; wait $app 2>/dev/null
  /usr/bin/python3 "$1/demo_app.py" --report "$2/demo-app.log"
  exit $code' _ "$demo" "$out" "$QONTINUI_PRODUCT"
