"""Find timing: coarse-to-fine vs plain full-resolution search, 64x32 template on 1920x1080.

Run: PYTHONPATH=python-bridge /usr/bin/python3 python-bridge/benchmarks/bench_find.py [runs]
Both paths include the grayscale conversion of the screen (a fresh Screen per run).
"""

from __future__ import annotations

import os
import statistics
import sys
import time

import cv2
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from qontinui_bridge.vision import Screen, SearchSpec, find  # noqa: E402


def screen() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    img = np.full((1080, 1920, 3), 235, np.uint8)
    for i in range(120):
        x, y = int(rng.integers(0, 1850)), int(rng.integers(0, 1040))
        cv2.rectangle(img, (x, y), (x + int(rng.integers(20, 220)), y + int(rng.integers(10, 60))),
                      tuple(int(c) for c in rng.integers(0, 255, 3)), -1)
        cv2.putText(img, f"Menu item {i}", (x, y + 30), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 0, 0), 1)
    tpl = np.full((32, 64, 3), 245, np.uint8)
    cv2.rectangle(tpl, (0, 0), (63, 31), (60, 60, 60), 1)
    cv2.putText(tpl, "Save", (8, 22), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (30, 30, 150), 2)
    img[701:733, 1301:1365] = tpl
    return img, tpl


def bench(img: np.ndarray, tpl: np.ndarray, mode: str, runs: int, threshold: float) -> tuple[float, object]:
    times, r = [], None
    for _ in range(runs):
        s = Screen(img)
        t0 = time.perf_counter()
        r = find(s, [SearchSpec("save", tpl, threshold)], "FIRST", mode=mode)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), r


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    img, tpl = screen()
    cv2.setNumThreads(cv2.getNumberOfCPUs())
    print(f"screen 1920x1080, template 64x32, {runs} runs each, cv2 {cv2.__version__}, {os.cpu_count()} CPUs")
    for label, thr, absent in (("present", 0.9, False), ("absent", 0.9, True)):
        scr = img.copy()
        if absent:
            scr[701:733, 1301:1365] = 235
        full_ms, rf = bench(scr, tpl, "full", runs, thr)
        fast_ms, rc = bench(scr, tpl, "auto", runs, thr)
        same = [(m.x, m.y) for m in rf.matches] == [(m.x, m.y) for m in rc.matches]  # type: ignore[attr-defined]
        print(f"{label:8s} full-res median {full_ms:7.2f} ms | coarse-to-fine median {fast_ms:6.2f} ms "
              f"({rc.method}) | speed-up x{full_ms / fast_ms:4.1f} | same result: {same} "  # type: ignore[attr-defined]
              f"| best score full {rf.best_score:.3f} c2f {rc.best_score:.3f}")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
