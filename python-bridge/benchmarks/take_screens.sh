#!/usr/bin/env bash
# Takes the real 1920x1080 screenshots bench_find.py searches (python-bridge/benchmarks/screens/):
# the product's workbench, Tk applications (IDLE, the test login app) and X11 programs (xcalc, xedit,
# xfontsel, xclock, xman), each on its own Xvfb. Needs the product built (./mvnw verify) for the
# workbench shots, and the Debian packages idle-python3.11 and x11-apps for the others.
#   python-bridge/benchmarks/take_screens.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/screens"
mkdir -p "$out"
products="$root/releng/org.qontinui.runner.repository/target/products/org.qontinui.runner.product/linux/gtk/x86_64"
product="${QONTINUI_PRODUCT_EXE:-$(ls "$products/qontinui-runner/qontinui-runner" "$products/qontinui-runner" 2>/dev/null | head -1)}"

pids=()
xvfb() {  # start Xvfb on a free display, export DISPLAY
  local n
  for n in $(seq 140 199); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
  Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 & pids+=($!)
  export DISPLAY=":$n"
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
  sleep 0.3
  /usr/bin/python3 - <<'PY'  # a grey-blue desktop instead of X's black root
from Xlib import display
d = display.Display(); s = d.screen()
s.root.change_attributes(background_pixel=s.default_colormap.alloc_color(0x4000, 0x5800, 0x7000).pixel)
s.root.clear_area(); d.sync()
PY
}
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; pids=(); }
trap cleanup EXIT
shot() { sleep "${2:-3}"; import -window root "PNG24:$out/$1.png"; echo "$out/$1.png"; cleanup; }

# 1. Tk: IDLE (a large editor on the executor's engine, the shell), a ttk project browser,
#    the login form of the X11 end-to-end test.
xvfb
idle_home="$(mktemp -d)"
mkdir -p "$idle_home/.idlerc"
printf '[EditorWindow]\nwidth = 118\nheight = 58\nfont-size = 10\n' > "$idle_home/.idlerc/config-main.cfg"
HOME="$idle_home" /usr/bin/idle-python3.11 "$root/python-bridge/qontinui_bridge/engine.py" >/dev/null 2>&1 & pids+=($!)
/usr/bin/python3 "$here/tk_gallery.py" 1000 40 900 720 & pids+=($!)
/usr/bin/python3 "$root/python-bridge/tests/tk_login_app.py" /dev/null 1500 800 & pids+=($!)
shot tk-apps 5
rm -rf "$idle_home"

# 2. X11 programs: a calculator, an editor, the font selector, a clock, the manual browser, Tk's test window.
xvfb
xcalc -geometry 260x340+40+640 & pids+=($!)
xedit -geometry 900x560+620+480 "$root/python-bridge/qontinui_bridge/vision.py" >/dev/null 2>&1 & pids+=($!)
xfontsel -geometry 620x360+1260+40 & pids+=($!)
xclock -geometry 200x200+340+780 -update 1 & pids+=($!)
xman -geometry 640x540+1260+460 -notopbox & pids+=($!)
/usr/bin/python3 -m tkinter & pids+=($!)
shot x11-apps 3

# 3. The product: the workbench with the demo project, full screen.
if [ -n "$product" ] && [ -x "$product" ] && [ ! -d "$product" ]; then
  for variant in workbench workbench-tree; do
    xvfb
    ws="$(mktemp -d)"
    "$product" -data "$ws" >/dev/null 2>&1 & pids+=($!)
    until xwininfo -root -tree 2>/dev/null | grep -q '"[^"]*Qontinui Runner"'; do sleep 0.2; done
    sleep 5
    # No window manager: make the workbench window fill the screen, then (tree variant) expand the
    # Config Explorer's folders, last first so the rows above do not move.
    VARIANT="$variant" /usr/bin/python3 - <<'PY' || true
import os, time
from Xlib import X, display
from Xlib.ext import xtest
d = display.Display()
root = d.screen().root
def walk(w):
    for c in w.query_tree().children:
        name = c.get_wm_name() or ""
        if isinstance(name, bytes):
            name = name.decode("utf-8", "replace")
        if name.strip().endswith("- Qontinui Runner") and c.get_attributes().map_state == X.IsViewable:
            return c
        got = walk(c)
        if got is not None:
            return got
    return None
win = None
for _ in range(300):  # the workbench maps its window some seconds after creating it
    win = walk(root)
    if win is not None:
        break
    time.sleep(0.2)
if win is not None:
    win.configure(x=0, y=0, width=1920, height=1080)
    d.sync()
time.sleep(2)
if os.environ["VARIANT"] == "workbench-tree":
    for y in (284, 261, 238, 215):
        xtest.fake_input(d, X.MotionNotify, x=29, y=y); d.sync()
        xtest.fake_input(d, X.ButtonPress, 1); xtest.fake_input(d, X.ButtonRelease, 1); d.sync()
        time.sleep(0.5)
PY
    shot "$variant" 3
    rm -rf "$ws"
  done
else
  echo "product not built ($product): workbench screenshots skipped" >&2
fi
