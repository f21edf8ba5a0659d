#!/usr/bin/env bash
# Writes a synthetic consumer project with CALL_SITES TeGen call sites (default 2000) in files of 20, for measuring
# what a Roslyn analyzer adds to compile time. The calls mix admin contact creates (with an owner), gets and page
# reads, the shapes a TeGen analyzer inspects. With ANALYZER_DLL set, the project loads that analyzer.
#
# Usage: benchmarks/build-cost/generate-call-sites.sh OUTPUT_DIR [CALL_SITES] [ANALYZER_DLL]
set -euo pipefail
source "$(dirname "$0")/common.sh"

out=${1:?output directory}
call_sites=${2:-2000}
analyzer=${3:-}
per_file=20

rm -rf "$out"
mkdir -p "$out"
analyzer_item=""
if [ -n "$analyzer" ]; then
  [ -f "$analyzer" ] || { echo "Analyzer not found: $analyzer" >&2; exit 1; }
  analyzer_item="<Analyzer Include=\"$(cd "$(dirname "$analyzer")" && pwd)/$(basename "$analyzer")\" />"
fi

cat >"$out/CallSites.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <IsPackable>false</IsPackable>
    <!-- Per-analyzer execution times in the compiler's output (-v:d). -->
    <ReportAnalyzer>true</ReportAnalyzer>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo_root/src/TeGen.Client/TeGen.Client.csproj" />
    $analyzer_item
  </ItemGroup>
</Project>
XML

files=$(( (call_sites + per_file - 1) / per_file ))
n=0
for f in $(seq -w 1 "$files"); do
  {
    echo "using TeGen.Client;"
    echo
    echo "namespace CallSites;"
    echo
    echo "public static class Calls$f"
    echo "{"
    echo "    public static async Task<long> RunAsync(TotalExpertAdminClient admin, CancellationToken cancellationToken)"
    echo "    {"
    echo "        long total = 0;"
    for i in $(seq 1 "$per_file"); do
      [ "$n" -lt "$call_sites" ] || break
      n=$((n + 1))
      case $((n % 3)) in
        0) echo "        total += (await admin.Contacts.CreateContactAsync(new NewContact { Source = \"Web\", FirstName = \"Ann$n\", LastName = \"Lee\", Email = \"ann$n@example.com\", Owner = new OwnerRef { Id = 101 } }, cancellationToken)).Id;" ;;
        1) echo "        total += (await admin.Contacts.GetContactAsync($n, cancellationToken)).Id ?? 0;" ;;
        2) echo "        total += (await admin.Contacts.ListContactsAsync($(( n % 9 + 1 )), 100, \"source=Web\", null, cancellationToken)).Items.Count;" ;;
      esac
    done
    echo "        return total;"
    echo "    }"
    echo "}"
  } >"$out/Calls$f.cs"
done
echo "Wrote $n call sites in $files files to $out" >&2
