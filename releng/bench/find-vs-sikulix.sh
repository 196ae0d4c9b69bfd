#!/usr/bin/env bash
# Find benchmark on real screens, Qontinui and SikuliX 2.0.5 in the same run, on the same templates:
# bench_find.py cuts random unique templates (16-150 px) from python-bridge/benchmarks/screens,
# measures the default mode, the full search and last seen, and exports templates + screens;
# then SikuliX's Finder.find searches the same templates on the same screens (exact and noisy).
#   releng/bench/find-vs-sikulix.sh [templates-per-screen] [similarity]
# SikuliX comes from Maven Central (com.sikulix:sikulixapi:2.0.5) through a small Maven project
# outside the product's reactor (releng/bench/sikulix); Maven runs under the machine-wide lock.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
per_screen="${1:-40}"
similarity="${2:-0.9}"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# SikuliX's classpath first (Maven, under the lock), so both benchmarks then run back to back.
bench="$root/releng/bench/sikulix"
(cd "$bench" && JAVA_HOME="$java_home" flock /tmp/qontinui-maven.lock "$root/mvnw" -q \
  dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null)
mkdir -p "$out/classes"
"$java_home/bin/javac" -nowarn -d "$out/classes" -cp "$(cat "$out/cp.txt")" \
  "$bench/src/main/java/org/qontinui/bench/SikulixFindBench.java"
echo "== Qontinui (python-bridge/qontinui_bridge/vision.py)"
PYTHONPATH="$root/python-bridge" /usr/bin/python3 "$root/python-bridge/benchmarks/bench_find.py" "$per_screen" \
  --threshold "$similarity" --export "$out"

echo "== SikuliX 2.0.5"
"$java_home/bin/java" -Djava.awt.headless=true -cp "$out/classes:$(cat "$out/cp.txt")" \
  org.qontinui.bench.SikulixFindBench "$out" "$similarity" 2>&1 | grep -v '^\[\(debug\|log\|info\)\]'
