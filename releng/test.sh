#!/usr/bin/env bash
# The test command (CI runs exactly this): sets up a fresh Debian machine and runs every test:
#   1. the executor's pytest suite (and the optional plugins' Python tests),
#   2. mvnw verify under Xvfb: Java unit tests, workbench UI tests, the product and update site,
#   3. product tests (pytest): the headless runner, and installing from the update site with p2.
# Prints Surefire's and pytest's summary lines and exits non-zero on any failure.
set -uo pipefail
source "$(dirname "$0")/setup.sh"
qontinui_setup || exit 1
mkdir -p .work
results=()
failed=0

stage() {
  local name="$1"; shift
  say "$name"
  if "$@"; then results+=("PASSED  $name"); else results+=("FAILED  $name"); failed=1; fi
}

# One pytest run per suite: each has its own conftest.py.
# The executor as a package (python-bridge/pyproject.toml), installed into a venv that sees Debian's
# NumPy and OpenCV; its tests run against that installed copy, and mypy checks its types.
executor_package() {
  rm -rf .work/venv python-bridge/build python-bridge/*.egg-info && /usr/bin/python3 -m venv --system-site-packages .work/venv \
    && .work/venv/bin/python -m pip install -q --no-deps --no-build-isolation --no-index ./python-bridge \
    && rm -rf python-bridge/build python-bridge/*.egg-info
}
stage "Executor package (pip install into .work/venv)" executor_package
stage "Executor tests (pytest, installed package)" .work/venv/bin/python -m pytest -q -p no:cacheprovider python-bridge/tests
stage "Executor types (mypy, python-bridge/pyproject.toml)" bash -c "cd python-bridge && /usr/bin/python3 -m mypy"
dap_conformance() {
  (cd tests/dap-conformance && npm ci --no-audit --no-fund --loglevel=error && npm test)
}
stage "DAP conformance: VS Code's DebugClient drives the executor (npm)" dap_conformance
for t in bundles/*/tests; do
  [ -d "$t" ] && stage "Plugin tests: $t (pytest)" /usr/bin/python3 -m pytest -q -p no:cacheprovider "$t"
done

maven() {
  xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw verify 2>&1 | tee .work/maven.log
}
stage "Java unit tests, workbench UI tests, product and update site (mvnw verify under Xvfb)" maven
say "Surefire summary"
grep -E "Tests run:.*Fail" .work/maven.log | grep -v " -- in " || echo "(no Surefire summary: the build failed before the tests)"

# The JDT warnings every project turns on (.settings/org.eclipse.jdt.core.prefs, from releng/eclipse):
# none may be left. Counted from the build above, which compiles every module from scratch on CI.
compiler_warnings() {
  local n
  n=$(grep -cE '^\[WARNING\] /.*\.java:\[[0-9]+\]' .work/maven.log)
  grep -A3 -E '^\[WARNING\] /.*\.java:\[[0-9]+\]' .work/maven.log | head -40
  echo "$n compiler warnings"
  grep -q "Compiling" .work/maven.log || echo "(nothing was compiled: an incremental build; a clean clone counts them all)"
  [ "$n" = 0 ]
}
stage "Compiler warnings (null analysis, unused code, ...: none allowed)" compiler_warnings
stage "Eclipse project files up to date (releng/eclipse/project-files.sh --check)" releng/eclipse/project-files.sh --check
stage "EPL-2.0 headers on every Java and Python source (releng/license-headers.py --check)" releng/license-headers.py --check

if [ -x "$QONTINUI_PRODUCT/qontinui-runner" ] && grep -q "BUILD SUCCESS" .work/maven.log; then
  stage "Product tests: headless runner and installing from the update site (pytest)" \
    /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/product
else
  results+=("SKIPPED Product tests (no product was built)"); failed=1
fi

say "Summary"
printf '  %s\n' "${results[@]}"
if [ "$failed" = 0 ]; then echo "ALL TESTS PASSED"; else echo "SOME TESTS FAILED"; fi
exit "$failed"
