# Helpers shared by the build-cost scripts (sourced, not run).

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Scratch projects go under artifacts/ (ignored by git) but inside the repository, so they get the repository's
# Directory.Build.props and central package versions exactly as the real projects do.
work_root="$repo_root/artifacts/build-cost"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Wall-clock seconds of a command, its output discarded; fails when the command does.
time_seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

# Median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# "a b" -> percentage by which b exceeds a.
overhead_percent() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f %%\n", (b - a) / a * 100 }'
}

# dotnet build with its output shown only when it fails.
build_quietly() {
  local log
  if ! log=$(dotnet build "$@" -v q -nologo 2>&1); then
    printf '%s\n' "$log" >&2
    return 1
  fi
}
