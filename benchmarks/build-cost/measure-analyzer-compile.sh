#!/usr/bin/env bash
# Compile time of a synthetic project with 2,000 TeGen call sites, without and (given a DLL) with a TeGen analyzer.
# Each run touches one source file and rebuilds, so only the compile of the synthetic project runs (TeGen.Client is
# up to date); the time is the Csc task's, from MSBuild's performance summary, and the analyzer's own share comes
# from the compiler's ReportAnalyzer output. Runs alternate between the variants; medians are reported.
#
# Usage: benchmarks/build-cost/measure-analyzer-compile.sh [--analyzer PATH_TO_ANALYZER_DLL] [--runs N] [--call-sites N]
set -euo pipefail
source "$(dirname "$0")/common.sh"

analyzer="" runs=7 call_sites=2000
while [ $# -gt 0 ]; do
  case $1 in
    --analyzer) analyzer=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --call-sites) call_sites=$2; shift 2 ;;
    *) echo "Unknown argument $1" >&2; exit 2 ;;
  esac
done

variants=(without)
"$(dirname "$0")/generate-call-sites.sh" "$work_root/analyzer/without" "$call_sites"
if [ -n "$analyzer" ]; then
  variants+=(with)
  "$(dirname "$0")/generate-call-sites.sh" "$work_root/analyzer/with" "$call_sites" "$analyzer"
fi

for v in "${variants[@]}"; do
  build_quietly "$work_root/analyzer/$v/CallSites.csproj"
done

# Prints "csc_ms analyzer_seconds tegen_analyzer_seconds" for one forced recompile of variant $1.
compile_once() {
  local dir=$work_root/analyzer/$1 log
  touch "$dir/Calls001.cs"
  log=$(dotnet build "$dir/CallSites.csproj" --no-restore -nologo -v d -clp:PerformanceSummary)
  awk '
    /Task Performance Summary/ { tasks = 1 }
    tasks && $3 == "Csc" && !csc { csc = $1 }
    /Total analyzer execution time:/ && !all { all = $(NF - 1) }
    /TeGen\.Analyzers, Version=/ && $1 ~ /^[0-9.<]+$/ && !tegen { tegen = $1 }
    END { printf "%s %s %s\n", csc, all ? all : 0, tegen ? tegen : 0 }' <<<"$log"
}

declare -A csc analyzers tegen
for i in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    read -r c a t < <(compile_once "$v")
    csc[$v]+="$c " analyzers[$v]+="$a " tegen[$v]+="$t "
    echo "run $i $v: Csc $c ms, all analyzers $a s, TeGen analyzer $t s" >&2
  done
done

echo
echo "| $call_sites call sites, $runs runs, median | Csc (ms) | all analyzers (s) | TeGen analyzer (s) |"
echo "|---|---:|---:|---:|"
for v in "${variants[@]}"; do
  # shellcheck disable=SC2086
  echo "| $v TeGen analyzer | $(median ${csc[$v]}) | $(median ${analyzers[$v]}) | $(median ${tegen[$v]}) |"
done
if [ -n "$analyzer" ]; then
  # shellcheck disable=SC2086
  echo "| analyzer overhead | $(overhead_percent "$(median ${csc[without]})" "$(median ${csc[with]})") | | |"
fi
