# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Find on real screens: default mode (coarse-to-fine) vs the exact full search, and last seen.

Run: PYTHONPATH=python-bridge /usr/bin/python3 python-bridge/benchmarks/bench_find.py [templates-per-screen]
        [--screens DIR] [--seed N] [--threshold T] [--export DIR]

The screens are real 1920x1080 screenshots (python-bridge/benchmarks/screens/, taken by
take_screens.sh). From each screen, random *unique* templates of 16-150 px are cut (a template is
unique when the full search finds nothing else scoring >= threshold - 0.1 outside its own place).
Two conditions: "exact" searches the screen the template was cut from; "noisy" searches a
re-rendered screen (brighter by 12 levels, Gaussian noise sigma 3). Every find starts from a fresh
Screen (the grayscale conversion and pyramid of the frame are included in each time).
--export writes the templates and a manifest (templates.tsv) for the SikuliX benchmark
(releng/bench/sikulix), so both tools search the same templates on the same screens.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from qontinui_bridge.vision import LastSeen, Screen, SearchSpec, find  # noqa: E402

BUCKETS = ((16, 31), (32, 63), (64, 99), (100, 150))


def noisy(img: np.ndarray, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = img.astype(np.int16) + 12 + rng.normal(0, 3, img.shape).round().astype(np.int16)
    return np.clip(out, 0, 255).astype(np.uint8)


def pick_templates(gray: np.ndarray, n: int, rng: np.random.Generator, threshold: float
                   ) -> list[tuple[int, int, int, int]]:
    """n random unique templates (x, y, w, h), spread evenly over the size buckets."""
    out: list[tuple[int, int, int, int]] = []
    tries = 0
    while len(out) < n and tries < n * 60:
        tries += 1
        lo, hi = BUCKETS[len(out) % len(BUCKETS)]
        w = int(rng.integers(lo, hi + 1))
        h = int(np.clip(rng.integers(16, hi + 1), 16, 150))
        x, y = int(rng.integers(0, gray.shape[1] - w)), int(rng.integers(0, gray.shape[0] - h))
        t = gray[y:y + h, x:x + w]
        if t.std() < 15:  # flat (background, blank field): not a template anyone would use
            continue
        res = cv2.matchTemplate(gray, t, cv2.TM_CCOEFF_NORMED)
        res[max(0, y - h // 2):y + h // 2 + 1, max(0, x - w // 2):x + w // 2 + 1] = -1
        if res.max() >= threshold - 0.1:
            continue
        out.append((x, y, w, h))
    return out


def pct(v: list[float], p: float) -> float:
    return float(np.percentile(v, p)) if v else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("per_screen", nargs="?", type=int, default=40)
    ap.add_argument("--screens", default=os.path.join(HERE, "screens"))
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--threshold", type=float, default=0.9)
    ap.add_argument("--export", default=None)
    args = ap.parse_args()
    cv2.setNumThreads(cv2.getNumberOfCPUs())
    rng = np.random.default_rng(args.seed)
    files = sorted(f for f in os.listdir(args.screens) if f.endswith(".png"))
    print(f"{len(files)} screens, {args.per_screen} templates each, threshold {args.threshold}, "
          f"cv2 {cv2.__version__}, {os.cpu_count()} CPUs")
    rows: list[dict] = []
    manifest = []
    for si, name in enumerate(files):
        img = cv2.imread(os.path.join(args.screens, name), cv2.IMREAD_COLOR)
        assert img.shape[:2] == (1080, 1920), f"{name}: {img.shape}"
        gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        shots = {"exact": img, "noisy": noisy(img, si)}
        if args.export:
            os.makedirs(args.export, exist_ok=True)
            for cond, shot in shots.items():
                cv2.imwrite(os.path.join(args.export, f"{name[:-4]}-{cond}.png"), shot)
        for ti, (x, y, w, h) in enumerate(pick_templates(gray, args.per_screen, rng, args.threshold)):
            tpl = img[y:y + h, x:x + w].copy()
            if args.export:
                tname = f"{name[:-4]}-t{ti:03d}.png"
                cv2.imwrite(os.path.join(args.export, tname), tpl)
                manifest.append(f"{name[:-4]}\t{tname}\t{x}\t{y}\t{w}\t{h}")
            for cond, shot in shots.items():
                spec = SearchSpec("t", tpl, args.threshold)
                t0 = time.perf_counter()
                rd = find(Screen(shot), [spec], "FIRST")
                d_ms = (time.perf_counter() - t0) * 1000
                t0 = time.perf_counter()
                rf = find(Screen(shot), [spec], "FIRST", mode="full")
                f_ms = (time.perf_counter() - t0) * 1000
                seen = LastSeen()
                find(Screen(shot), [spec], "FIRST", last_seen=seen)
                scr = Screen(shot)
                t0 = time.perf_counter()
                rl = find(scr, [spec], "FIRST", last_seen=seen)
                l_ms = (time.perf_counter() - t0) * 1000

                def hit(r) -> bool:  # type: ignore[no-untyped-def]
                    return r.found and abs(r.matches[0].x - x) <= 1 and abs(r.matches[0].y - y) <= 1
                same = (rd.found == rf.found and (not rd.found or (
                    (rd.matches[0].x, rd.matches[0].y) == (rf.matches[0].x, rf.matches[0].y)
                    and abs(rd.matches[0].score - rf.matches[0].score) < 1e-3)))  # float32 DFT rounding
                rows.append({"cond": cond, "w": w, "h": h, "default": d_ms, "full": f_ms, "last": l_ms,
                             "hit_d": hit(rd), "hit_f": hit(rf), "hit_l": hit(rl) and rl.method == "lastSeen",
                             "same": same, "method": rd.method, "screen": name})
    if args.export:
        with open(os.path.join(args.export, "templates.tsv"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(manifest) + "\n")
    print(f"{len(rows) // 2} templates x 2 conditions = {len(rows)} finds per mode")
    print(f"{'condition':9s} {'size':>9s} {'n':>4s} | {'default p50':>11s} {'p90':>6s} | {'full p50':>8s} {'p90':>6s} "
          f"| {'last-seen p50':>13s} {'p90':>5s} | hits default/full/last | same result")
    for cond in ("exact", "noisy"):
        for lo, hi in BUCKETS + ((16, 150),):
            sel = [r for r in rows if r["cond"] == cond and lo <= r["w"] <= hi]
            if not sel:
                continue
            d = [r["default"] for r in sel]
            f = [r["full"] for r in sel]
            la = [r["last"] for r in sel]
            label = f"{lo}-{hi}" if (lo, hi) != (16, 150) else "all"
            print(f"{cond:9s} {label:>9s} {len(sel):4d} | {pct(d, 50):9.2f}ms {pct(d, 90):6.2f} | {pct(f, 50):7.2f}ms "
                  f"{pct(f, 90):6.2f} | {pct(la, 50):11.3f}ms {pct(la, 90):5.3f} | "
                  f"{sum(r['hit_d'] for r in sel):3d}/{sum(r['hit_f'] for r in sel):3d}/{sum(r['hit_l'] for r in sel):3d}"
                  f" of {len(sel)} | {sum(r['same'] for r in sel)}/{len(sel)}")
    methods: dict[str, int] = {}
    for r in rows:
        methods[r["method"]] = methods.get(r["method"], 0) + 1
    print("default-mode paths:", ", ".join(f"{k} {v}" for k, v in sorted(methods.items())))
    miss = [r for r in rows if r["hit_f"] and not r["hit_d"]]
    for r in miss[:10]:
        print("  default missed:", r)
    print(f"median over all finds: default {statistics.median(r['default'] for r in rows):.2f} ms, "
          f"full {statistics.median(r['full'] for r in rows):.2f} ms, last seen "
          f"{statistics.median(r['last'] for r in rows):.3f} ms")


if __name__ == "__main__":
    main()
