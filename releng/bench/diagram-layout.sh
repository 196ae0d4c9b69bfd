#!/usr/bin/env bash
# Benchmark: State Diagram layout (ELK Layered) of a 1000-state, 3000-transition configuration.
# Uses the classes of the last build and the jars in ~/.m2.   releng/bench/diagram-layout.sh [RUNS]
set -euo pipefail
source "$(dirname "$0")/../setup.sh"
qontinui_setup
newest() { ls -d "$HOME/.m2/repository/$1"/*/ | sort -V | tail -1 | xargs -I{} find {} -name '*.jar' ! -name '*sources*' | head -1; }
cp="bundles/org.qontinui.runner.core/target/classes:bundles/org.qontinui.runner.ui/target/classes"
for a in org/eclipse/elk/org.eclipse.elk.core org/eclipse/elk/org.eclipse.elk.graph org/eclipse/elk/org.eclipse.elk.alg.layered \
         org/eclipse/elk/org.eclipse.elk.alg.common org/eclipse/emf/org.eclipse.emf.ecore org/eclipse/emf/org.eclipse.emf.common \
         com/google/guava/guava com/google/guava/failureaccess org/eclipse/xtext/org.eclipse.xtext.xbase.lib \
         com/fasterxml/jackson/core/jackson-databind com/fasterxml/jackson/core/jackson-core com/fasterxml/jackson/core/jackson-annotations \
         org/eclipse/platform/org.eclipse.core.jobs org/eclipse/platform/org.eclipse.equinox.common; do
  cp="$cp:$(newest "$a")"
done
out="$(mktemp -d)"
"$JAVA_HOME/bin/javac" --release 21 -proc:none -d "$out" -cp "$cp" \
  tests/org.qontinui.runner.ui.tests/src/org/qontinui/runner/ui/tests/DiagramLayoutBenchmark.java \
  tests/org.qontinui.runner.ui.tests/src/org/qontinui/runner/ui/tests/LargeConfig.java
"$JAVA_HOME/bin/java" -cp "$out:$cp" org.qontinui.runner.ui.tests.DiagramLayoutBenchmark "${1:-7}"
