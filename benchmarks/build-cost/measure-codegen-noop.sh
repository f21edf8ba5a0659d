#!/usr/bin/env bash
# No-op build time of src/TeGen.Client with its build-time code generation (TeGen.Build targets + NSwag.MSBuild)
# against a scratch copy of the same project that compiles the already generated TotalExpert.g.cs as a plain source
# file and imports neither. Both are built once first; then RUNS no-op builds of each, alternating so that a busy
# spell on the machine hits both, and the medians are compared.
#
# Usage: benchmarks/build-cost/measure-codegen-noop.sh [RUNS]   (default 9)
set -euo pipefail
source "$(dirname "$0")/common.sh"

runs=${1:-9}
config=Debug
client="$repo_root/src/TeGen.Client"
copy="$work_root/codegen/TeGen.Client"

echo "Priming src/TeGen.Client ($config)..." >&2
build_quietly "$client/TeGen.Client.csproj" -c "$config"
generated="$client/obj/$config/net10.0/TeGen/totalexpert.openapi.g.cs"
[ -f "$generated" ] || { echo "Generated client not found at $generated" >&2; exit 1; }

echo "Copying it without code generation to ${copy#"$repo_root"/}..." >&2
rm -rf "$copy"
mkdir -p "$copy/Generated"
tar -C "$client" --exclude=./bin --exclude=./obj -cf - . | tar -C "$copy" -xf -
cp "$generated" "$copy/Generated/TotalExpert.g.cs"
python3 - "$copy/TeGen.Client.csproj" <<'PY'
import re, sys
path = sys.argv[1]
project = open(path).read()
# The spec item and the NSwag package are what pull code generation in; without them this is a plain library.
project = re.sub(r'\s*<TeGenSpec\b.*?/>', '', project, flags=re.S)
project = re.sub(r'\s*<PackageReference Include="NSwag.MSBuild"[^>]*/>', '', project)
# Directory.Build.targets only imports the TeGen.Build targets.
project = project.replace('<PropertyGroup>', '<PropertyGroup>\n    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>', 1)
open(path, 'w').write(project)
PY
build_quietly "$copy/TeGen.Client.csproj" -c "$config"

build() { dotnet build "$1" -c "$config" --no-restore -v q -nologo; }
with=() without=()
for i in $(seq "$runs"); do
  with+=("$(time_seconds build "$client/TeGen.Client.csproj")")
  without+=("$(time_seconds build "$copy/TeGen.Client.csproj")")
  echo "run $i: with codegen ${with[-1]} s, without ${without[-1]} s" >&2
done

# What the codegen targets themselves cost in a no-op build, from MSBuild's own accounting.
targets=$(dotnet build "$client/TeGen.Client.csproj" -c "$config" --no-restore -nologo -v q -clp:PerformanceSummary \
  | awk '/Target Performance Summary/ { on = 1 } /Task Performance Summary/ { on = 0 } on && $3 ~ /TeGen/ { printf "%s %s ms; ", $3, $1 }')

a=$(median "${without[@]}")
b=$(median "${with[@]}")
echo
echo "| src/TeGen.Client no-op build ($runs runs, median, --no-restore) | seconds |"
echo "|---|---:|"
echo "| without codegen (plain copy, generated file compiled as source) | $a |"
echo "| with TeGen.Build codegen | $b |"
echo "| overhead | $(overhead_percent "$a" "$b") |"
echo
echo "TeGen targets in a no-op build: ${targets:-none reported}"
