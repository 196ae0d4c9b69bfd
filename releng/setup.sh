# Sourced by run.sh and test.sh: installs what a fresh Debian machine lacks and picks a JDK >= 21.
# shellcheck shell=bash

QONTINUI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QONTINUI_PRODUCT="$QONTINUI_ROOT/releng/org.qontinui.runner.repository/target/products/org.qontinui.runner.product/linux/gtk/x86_64/qontinui-runner"
QONTINUI_SITE="$QONTINUI_ROOT/releng/org.qontinui.runner.repository/target/repository"
QONTINUI_APT_PACKAGES=(xvfb xauth x11-utils libgtk-3-0 python3 python3-numpy python3-opencv python3-pil python3-xlib
  python3-tk python3-pytest imagemagick unzip curl ca-certificates
  python3-venv python3-pip python3-setuptools python3-wheel python3-mypy
  tesseract-ocr tesseract-ocr-eng python3-tesserocr python3-regex)
# Node.js and npm run the DAP conformance test (VS Code's DebugClient); a Node.js that brings its own npm is kept.
command -v npm >/dev/null 2>&1 || QONTINUI_APT_PACKAGES+=(nodejs npm)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

qontinui_install_packages() {
  local missing=() p
  for p in "${QONTINUI_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null; then
    echo "qontinui: these packages are missing and there is no apt-get to install them: ${missing[*]}" >&2
    return 1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Prints the java binary's major version (21, 25, ...), empty when it does not run.
qontinui_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1 | cut -d. -f1
}

qontinui_find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    v="$(qontinui_java_major "$candidate/bin/java")"
    if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "qontinui: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "          Eclipse 2026 and Tycho 5 need Java 21+: install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  return 1
}

# The product is stale when any source is newer than its materialized configuration.
qontinui_product_is_stale() {
  [ -f "$QONTINUI_PRODUCT/configuration/config.ini" ] || return 0
  [ -n "$(find "$QONTINUI_ROOT/pom.xml" "$QONTINUI_ROOT/bundles" "$QONTINUI_ROOT/features" "$QONTINUI_ROOT/target-platform" \
      "$QONTINUI_ROOT/python-bridge/qontinui_bridge" "$QONTINUI_ROOT/python-bridge/demo" \
      "$QONTINUI_ROOT/releng/org.qontinui.runner.repository" \
      -newer "$QONTINUI_PRODUCT/configuration/config.ini" -type f -not -path '*/target/*' -not -path '*/bin/*' \
      -not -path '*/__pycache__/*' -not -name '.polyglot.*' -not -name '.tycho-consumer-pom.xml' \
      -not -path '*/org.qontinui.runner.bridge/python/*' -print -quit 2>/dev/null)" ]
}

qontinui_setup() {
  qontinui_install_packages
  qontinui_find_jdk
  cd "$QONTINUI_ROOT"
}
