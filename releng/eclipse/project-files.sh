#!/usr/bin/env bash
# Writes the Eclipse project files (.project, .classpath, .settings/) of every bundle, test fragment
# and feature, so that File > Import > Existing Projects into Workspace imports the repository as
# PDE projects. The shared settings (compiler warnings, formatter, PDE checks) live once, here in
# releng/eclipse/*.prefs; the copies in the projects are committed (Tycho reads
# .settings/org.eclipse.jdt.core.prefs when it compiles). Run it after changing a .prefs file or
# adding a bundle; `--check` fails when a committed copy is missing or stale.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/releng/eclipse"
check=0; [ "${1:-}" = "--check" ] && check=1
stale=0

put() { # put FILE CONTENT: write, or in --check mode compare
  local file="$1" content="$2"
  if [ "$check" = 1 ]; then
    if [ ! -f "$file" ] || [ "$(cat "$file")" != "$content" ]; then echo "stale: ${file#$root/}"; stale=1; fi
  else
    mkdir -p "$(dirname "$file")"; printf '%s\n' "$content" > "$file"
  fi
}

project() { # project DIR NATURE... (builders follow from the natures)
  local dir="$1"; shift
  local name; name="$(basename "$dir")"
  local builders="" natures=""
  for n in "$@"; do
    case "$n" in
      java) builders+="$(builder org.eclipse.jdt.core.javabuilder)"; natures+="$(nature org.eclipse.jdt.core.javanature)";;
      plugin) builders+="$(builder org.eclipse.pde.ManifestBuilder)$(builder org.eclipse.pde.SchemaBuilder)"
              natures+="$(nature org.eclipse.pde.PluginNature)";;
      feature) builders+="$(builder org.eclipse.pde.FeatureBuilder)"; natures+="$(nature org.eclipse.pde.FeatureNature)";;
    esac
  done
  put "$dir/.project" "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<projectDescription>
	<name>$name</name>
	<comment></comment>
	<projects>
	</projects>
	<buildSpec>$builders
	</buildSpec>
	<natures>$natures
	</natures>
</projectDescription>"
}
builder() { printf '\n\t\t<buildCommand>\n\t\t\t<name>%s</name>\n\t\t\t<arguments>\n\t\t\t</arguments>\n\t\t</buildCommand>' "$1"; }
nature() { printf '\n\t\t<nature>%s</nature>' "$1"; }

settings() { # settings DIR PREFS...
  local dir="$1"; shift
  for p in "$@"; do put "$dir/.settings/$p" "$(cat "$here/$p")"; done
}

for dir in "$root"/bundles/org.* "$root"/tests/org.*; do
  [ -f "$dir/META-INF/MANIFEST.MF" ] || continue
  if [ -d "$dir/src" ]; then
    project "$dir" java plugin
    put "$dir/.classpath" '<?xml version="1.0" encoding="UTF-8"?>
<classpath>
	<classpathentry kind="con" path="org.eclipse.jdt.launching.JRE_CONTAINER/org.eclipse.jdt.internal.debug.ui.launcher.StandardVMType/JavaSE-21"/>
	<classpathentry kind="con" path="org.eclipse.pde.core.requiredPlugins"/>
	<classpathentry kind="src" path="src"/>
	<classpathentry kind="output" path="bin"/>
</classpath>'
    settings "$dir" org.eclipse.jdt.ui.prefs org.eclipse.pde.prefs org.eclipse.core.resources.prefs \
      org.eclipse.core.runtime.prefs
    jdt="$(cat "$here/org.eclipse.jdt.core.prefs")"
    case "$(basename "$dir")" in
      # The bundles whose text users read (workbench, Problems view, HTML report, command line): a literal
      # must be in messages.properties or be marked //$NON-NLS-n$ (the build allows no warning).
      org.qontinui.runner.ui|org.qontinui.runner.debug|org.qontinui.runner.webbuilder|org.qontinui.runner.core\
      |org.qontinui.runner.runs|org.qontinui.runner.bridge|org.qontinui.runner.headless|org.qontinui.runner.app\
      |org.qontinui.runner.devtools)
        jdt="${jdt/nonExternalizedStringLiteral=ignore/nonExternalizedStringLiteral=warning}";;
    esac
    put "$dir/.settings/org.eclipse.jdt.core.prefs" "$jdt"
  else # a bundle without Java (the Desktop actions plugin is Python and plugin.xml)
    project "$dir" plugin
    settings "$dir" org.eclipse.pde.prefs org.eclipse.core.resources.prefs org.eclipse.core.runtime.prefs
  fi
done
for dir in "$root"/features/org.*; do
  [ -f "$dir/feature.xml" ] || continue
  project "$dir" feature
  settings "$dir" org.eclipse.core.resources.prefs org.eclipse.core.runtime.prefs
done
# The update site and product: a plain project, so its .product and category.xml open in PDE's editors.
project "$root/releng/org.qontinui.runner.repository"
settings "$root/releng/org.qontinui.runner.repository" org.eclipse.core.resources.prefs org.eclipse.core.runtime.prefs

if [ "$check" = 1 ]; then
  [ "$stale" = 0 ] && echo "Eclipse project files are up to date." || { echo "Run releng/eclipse/project-files.sh"; exit 1; }
fi
