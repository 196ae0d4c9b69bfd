#!/usr/bin/env bash
# Benchmark: executor event -> Java listener latency (p50/p99), with the real Python process.
# Uses the classes of the last build (mvnw verify) and the jars in ~/.m2.   releng/bench/bridge-latency.sh [ACTIONS]
set -euo pipefail
source "$(dirname "$0")/../setup.sh"
qontinui_setup
repo="${HOME}/.m2/repository"
cp="bundles/org.qontinui.runner.bridge/target/classes"
for j in org/eclipse/lsp4j/org.eclipse.lsp4j.debug/0.24.0/org.eclipse.lsp4j.debug-0.24.0.jar \
         org/eclipse/lsp4j/org.eclipse.lsp4j.jsonrpc/0.24.0/org.eclipse.lsp4j.jsonrpc-0.24.0.jar \
         org/eclipse/lsp4j/org.eclipse.lsp4j.jsonrpc.debug/0.24.0/org.eclipse.lsp4j.jsonrpc.debug-0.24.0.jar \
         com/google/code/gson/gson/2.13.2/gson-2.13.2.jar; do cp="$cp:$repo/$j"; done
out="$(mktemp -d)"
"$JAVA_HOME/bin/javac" --release 21 -proc:none -d "$out" -cp "$cp" \
  tests/org.qontinui.runner.bridge.tests/src/org/qontinui/runner/bridge/tests/EventLatencyBenchmark.java
"$JAVA_HOME/bin/java" -cp "$out:$cp" org.qontinui.runner.bridge.tests.EventLatencyBenchmark "$QONTINUI_ROOT/python-bridge" "${1:-2000}"
