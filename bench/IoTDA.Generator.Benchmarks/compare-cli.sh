#!/usr/bin/env bash
# Times NSwag's CLI and Kiota's CLI generating C# from the synthetic spec (1,000 operations unless OPERATIONS says
# otherwise) and compares them with this generator on the same spec. The tools are installed as dotnet tools into
# TOOLS (default /tmp/tools), never globally. Each CLI runs RUNS times (default 3); the median counts.
#
#   bash bench/IoTDA.Generator.Benchmarks/compare-cli.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

operations=${OPERATIONS:-1000}
runs=${RUNS:-3}
tools=${TOOLS:-/tmp/tools}
nswag_version=14.7.1
kiota_version=1.38.0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# No update check, hints, telemetry or colours from Kiota: only the generation is timed.
export KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_CONSOLE_COLORS_ENABLED=false
# The tools may target an older .NET than the one installed.
export DOTNET_ROLL_FORWARD=Major

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release bench/IoTDA.Generator.Benchmarks -nologo -v quiet >"$work/build.log" || { cat "$work/build.log"; exit 1; }
bench="dotnet bench/IoTDA.Generator.Benchmarks/bin/Release/net10.0/IoTDA.Generator.Benchmarks.dll"
spec="$work/synthetic.openapi.yaml"
$bench write-spec "$operations" "$spec"
echo "spec: $operations operations, $(wc -c <"$spec") bytes"

[ -x "$tools/nswag" ] || dotnet tool install --tool-path "$tools" NSwag.ConsoleCore --version "$nswag_version" >/dev/null
[ -x "$tools/kiota" ] || dotnet tool install --tool-path "$tools" Microsoft.OpenApi.Kiota --version "$kiota_version" >/dev/null

# Milliseconds of wall time of one command (its output goes to $work/last.log; a failure stops the script).
wall_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >"$work/last.log" 2>&1 || { echo "failed: $*" >&2; cat "$work/last.log" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# The median of RUNS wall times of one command.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do times+=("$(wall_ms "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

mkdir -p "$work/nswag"
ours_process=$(median_ms $bench generate "$spec" "$work/ours")
read -r ours_first ours_warm < <($bench time "$spec" 10)
nswag=$(median_ms "$tools/nswag" openapi2csclient /input:"$spec" /namespace:Synthetic /classname:SyntheticClient /output:"$work/nswag/SyntheticClient.cs")
kiota=$(median_ms "$tools/kiota" generate --language CSharp --openapi "$spec" --class-name SyntheticClient --namespace-name Synthetic --output "$work/kiota" --clean-output --log-level Warning)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
echo
echo "| generator | ms | vs ours, in-process warm (${ours_warm} ms) | vs ours, whole process (${ours_process} ms) |"
echo "|---|---|---|---|"
echo "| IoTDA.Generator, in-process warm regeneration (median of 10) | $ours_warm | 1.0x | |"
echo "| IoTDA.Generator, first run in a fresh process (JIT included) | $ours_first | | |"
echo "| IoTDA.Generator, whole process: start, generate, write files | $ours_process | | 1.0x |"
echo "| NSwag $nswag_version openapi2csclient (whole process) | $nswag | $(ratio "$nswag" "$ours_warm") | $(ratio "$nswag" "$ours_process") |"
echo "| Kiota $kiota_version generate --language CSharp (whole process) | $kiota | $(ratio "$kiota" "$ours_warm") | $(ratio "$kiota" "$ours_process") |"
echo
echo "output: ours $(cat "$work"/ours/*.cs | wc -l) lines; NSwag $(wc -l <"$work/nswag/SyntheticClient.cs") lines; Kiota $(find "$work/kiota" -name '*.cs' | wc -l) files, $(find "$work/kiota" -name '*.cs' -exec cat {} + | wc -l) lines"
