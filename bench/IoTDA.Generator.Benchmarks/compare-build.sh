#!/usr/bin/env bash
# Times a cold Release build (compile) of a client for one OpenAPI spec made three ways, on this machine in one run:
#   ours   a consumer project with the spec as an <OpenApiSpec> item: the generator runs inside the compiler;
#   NSwag  NSwag.ConsoleCore's openapi2csclient output (System.Text.Json), compiled in a project of its own;
#   Kiota  Microsoft.OpenApi.Kiota's C# output, compiled against the Kiota packages (what Microsoft.Kiota.Bundle holds).
# Each project is made in a temporary folder (Release, net10.0) and restored first, outside the timing; each build
# then starts with no build server (`dotnet build-server shutdown`), no shared compilation and no obj/bin, and runs
# `dotnet build --no-restore` under /usr/bin/time -v: wall time, CPU time and peak resident memory. NSwag's and
# Kiota's generation is timed apart (it comes before their build; ours happens inside it).
#
#   bash bench/IoTDA.Generator.Benchmarks/compare-build.sh                    # synthetic spec, 1,000 operations
#   OPERATIONS=200 bash bench/IoTDA.Generator.Benchmarks/compare-build.sh     # a smaller synthetic spec
#   SPEC=/path/to/api.github.com.json NAMESPACE=GitHub CLIENT=GitHubClient PATCH_PEERS=1 bash bench/IoTDA.Generator.Benchmarks/compare-build.sh
#
# Other settings: RUNS (builds per peer, fresh obj each time, the median counts; default 1), TOOLS (where the CLIs are
# installed as dotnet tools, default /tmp/tools), KIOTA_PACKAGES (version of the Kiota packages, default 2.1.6),
# KEEP=1 (keep the temporary folder and print its path), PEERS (default "ours nswag kiota"), PATCH_PEERS=1 (see below).
#
# PATCH_PEERS=1 applies the smallest fixes that make the peers' output compile where it does not as generated (on
# GitHub's spec, neither does), before the timed build and outside it:
#   NSwag  every type the compiler reports missing (CS0246: types NSwag references but never writes) gets an empty
#          `partial class` stub, found by one untimed build;
#   Kiota  a path parameter named `base` (a C# keyword Kiota does not escape) is written `@base`.
# Both stubs and escapes leave the peer with slightly less to compile than a working output would have.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

operations=${OPERATIONS:-1000}
runs=${RUNS:-1}
tools=${TOOLS:-/tmp/tools}
peers=${PEERS:-ours nswag kiota}
nswag_version=14.7.1
kiota_version=1.38.0
# Kiota 1.38 asks for Microsoft.Kiota.Bundle 2.1.2; the registry here serves the Bundle's parts, not the Bundle.
kiota_packages=${KIOTA_PACKAGES:-2.1.6}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
export KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_CONSOLE_COLORS_ENABLED=false
export DOTNET_ROLL_FORWARD=Major

[ -x /usr/bin/time ] || { echo "needs GNU time as /usr/bin/time (Debian package 'time': apt-get install time)" >&2; exit 1; }

work=$(mktemp -d /tmp/compare-build.XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then trap 'echo "kept $work"' EXIT; else trap 'rm -rf "$work"' EXIT; fi

# Fails the script with a log's tail.
run_logged() {
  local log=$1; shift
  "$@" >"$log" 2>&1 || { echo "failed: $*" >&2; tail -n 40 "$log" >&2; exit 1; }
}

echo "building the generator, the runtime and the benchmark tool (Release)..."
run_logged "$work/prebuild.log" dotnet build -c Release bench/IoTDA.Generator.Benchmarks -nologo -v quiet
run_logged "$work/prebuild-gen.log" dotnet build -c Release generator/IoTDA.Generator -nologo -v quiet
run_logged "$work/prebuild-rt.log" dotnet build -c Release runtime/IoTDA.Runtime -nologo -v quiet
bench="dotnet $repo/bench/IoTDA.Generator.Benchmarks/bin/Release/net10.0/IoTDA.Generator.Benchmarks.dll"

if [ -n "${SPEC:-}" ]; then
  spec=$(realpath "$SPEC")
  namespace=${NAMESPACE:-BenchApi}
  client=${CLIENT:-BenchApiClient}
  echo "spec: $spec, $(wc -c <"$spec") bytes"
else
  spec="$work/synthetic.openapi.yaml"
  $bench write-spec "$operations" "$spec"
  namespace=${NAMESPACE:-Synthetic}
  client=${CLIENT:-SyntheticClient}
  echo "spec: synthetic, $operations operations, $(wc -c <"$spec") bytes"
fi

[ -x "$tools/nswag" ] || dotnet tool install --tool-path "$tools" NSwag.ConsoleCore --version "$nswag_version" >/dev/null
[ -x "$tools/kiota" ] || dotnet tool install --tool-path "$tools" Microsoft.OpenApi.Kiota --version "$kiota_version" >/dev/null

# The projects see none of the MSBuild files of the folders above them.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' >"$work/$f"; done

# The same settings for the three projects.
common='<TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <SatelliteResourceLanguages>en</SatelliteResourceLanguages>'

mkdir -p "$work/ours" "$work/nswag" "$work/kiota"
cat >"$work/ours/Ours.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/IoTDA.Generator/build/IoTDA.Sdk.props" />
  <PropertyGroup>
    $common
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generator/IoTDA.Generator/IoTDA.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/IoTDA.Runtime/IoTDA.Runtime.csproj" />
    <OpenApiSpec Include="$spec" Namespace="$namespace" ClientName="$client" />
  </ItemGroup>
  <Import Project="$repo/generator/IoTDA.Generator/build/IoTDA.Sdk.targets" />
</Project>
EOF
cat >"$work/nswag/NSwagClient.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    $common
  </PropertyGroup>
</Project>
EOF
cat >"$work/kiota/KiotaClient.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    $common
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="$kiota_packages" />
  </ItemGroup>
</Project>
EOF

# Runs a command under /usr/bin/time -v; prints "wall_seconds peak_MB cpu_seconds". Its output goes to the log. A
# failure prints the log's errors (or its tail) and returns 1: that peer is reported as failed, the others go on.
measure() {
  local log=$1; shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v -o "$log.time" "$@" >"$log" 2>&1 || {
    echo "failed: $*" >&2
    { grep -E ': error |error:' "$log" | sort -u | head -n 20; tail -n 20 "$log"; } >&2
    return 1
  }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) -F': ' '
    /Maximum resident set size/ { rss = $2 }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    END { printf "%.2f %.0f %.1f\n", ns / 1e9, rss / 1024, cpu }' "$log.time"
}

# Generation by the peers' CLIs (not part of their build; timed for context).
declare -A gen failed
if [[ " $peers " == *" nswag "* ]]; then
  echo "generating with NSwag $nswag_version..."
  gen[nswag]=$(measure "$work/nswag-gen.log" "$tools/nswag" openapi2csclient /input:"$spec" /output:"$work/nswag/$client.cs" \
    /namespace:"$namespace" /classname:"$client" /JsonLibrary:SystemTextJson /GenerateNullableReferenceTypes:true) \
    || failed[nswag]="generation failed"
fi
if [[ " $peers " == *" kiota "* ]]; then
  echo "generating with Kiota $kiota_version..."
  gen[kiota]=$(measure "$work/kiota-gen.log" "$tools/kiota" generate --language CSharp --openapi "$spec" --class-name "$client" \
    --namespace-name "$namespace" --output "$work/kiota/Generated" --clean-output --log-level Warning) \
    || failed[kiota]="generation failed"
fi

# PATCH_PEERS=1: see the header.
patch_nswag() {
  local dir="$work/nswag" missing
  run_logged "$work/nswag-patch-restore.log" dotnet restore "$dir/NSwagClient.csproj" -nologo
  dotnet build "$dir/NSwagClient.csproj" -c Release --no-restore -nologo -tl:off >"$work/nswag-patch-build.log" 2>&1 || true
  missing=$(grep -oE "error CS0246: The type or namespace name '[A-Za-z_][A-Za-z0-9_]*'" "$work/nswag-patch-build.log" \
    | sed -E "s/.*name '([^']+)'/\1/" | sort -u)
  rm -rf "$dir/obj" "$dir/bin"
  [ -n "$missing" ] || return 0
  { echo "namespace $namespace"; echo "{"; for t in $missing; do echo "    public partial class $t { }"; done; echo "}"; } \
    >"$dir/MissingTypes.cs"
  echo "patched NSwag's output: stubbed $(echo "$missing" | wc -w) missing types ($(echo $missing))"
}
patch_kiota() {
  local files
  files=$(grep -rlE '\bstring base\b' "$work/kiota/Generated" || true)
  [ -n "$files" ] || return 0
  # shellcheck disable=SC2086
  sed -i -E 's/\bstring base\b/string @base/g; s/\((base)\)/(@\1)/g; s/, base, /, @base, /g; s/"base", base\)/"base", @base)/g' $files
  echo "patched Kiota's output: escaped the parameter 'base' in $(echo "$files" | wc -l) files"
}
if [ "${PATCH_PEERS:-0}" = 1 ]; then
  [[ " $peers " != *" nswag "* || -n "${failed[nswag]:-}" ]] || patch_nswag
  [[ " $peers " != *" kiota "* || -n "${failed[kiota]:-}" ]] || patch_kiota
fi

# Lines of generated C#: ours as the generator writes them for this spec (one run of the benchmark tool, untimed).
declare -A lines files
if [[ " $peers " == *" ours "* ]]; then
  $bench generate "$spec" "$work/ours-generated" >"$work/ours-generated.log" 2>&1 \
    || echo "note: the generator reported errors on this spec (lines counted from what it wrote): $(tail -n 1 "$work/ours-generated.log")"
  files[ours]=$(find "$work/ours-generated" -name '*.cs' 2>/dev/null | wc -l)
  lines[ours]=$(find "$work/ours-generated" -name '*.cs' -exec cat {} + 2>/dev/null | wc -l)
fi
for peer in nswag kiota; do
  [[ " $peers " == *" $peer "* ]] || continue
  files[$peer]=$(find "$work/$peer" -name '*.cs' -not -path '*/obj/*' | wc -l)
  lines[$peer]=$(find "$work/$peer" -name '*.cs' -not -path '*/obj/*' -exec cat {} + | wc -l)
done

# One cold build of a peer's project: fresh obj and bin, restored outside the timing, no build server.
# Prints "wall_seconds peak_MB cpu_seconds csc_seconds warnings".
cold_build() {
  local peer=$1 project=$2 run=$3; shift 3
  local dir log result
  dir=$(dirname "$project")
  log="$work/$peer-build-$run.log"
  rm -rf "$dir/obj" "$dir/bin"
  run_logged "$work/$peer-restore-$run.log" dotnet restore "$project" -nologo
  dotnet build-server shutdown >/dev/null 2>&1 || true
  result=$(measure "$log" dotnet build "$project" -c Release --no-restore -nologo -tl:off -nodeReuse:false \
    -p:UseSharedCompilation=false -clp:PerformanceSummary "$@") || return 1
  # The Csc task's own time (for ours, the generator runs inside it) and the build's warning count.
  local csc warnings
  csc=$(awk '/Task Performance Summary/ { t = 1 } t && $2 == "ms" && $3 == "Csc" { printf "%.2f", $1 / 1000; exit }' "$log")
  warnings=$(grep -oE '^ *[0-9]+ Warning\(s\)' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  echo "$result ${csc:-?} ${warnings:-0}"
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

declare -A wall peak cpu csc warns dll
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for peer in $peers; do
  case $peer in
    ours) project="$work/ours/Ours.csproj"; extra=(-p:BuildProjectReferences=false) ;;
    nswag) project="$work/nswag/NSwagClient.csproj"; extra=() ;;
    kiota) project="$work/kiota/KiotaClient.csproj"; extra=() ;;
    *) echo "unknown peer $peer" >&2; exit 1 ;;
  esac
  [ -z "${failed[$peer]:-}" ] || continue
  w=() p=() c=() s=()
  for run in $(seq "$runs"); do
    echo "building $peer (cold, run $run of $runs)..."
    result=$(cold_build "$peer" "$project" "$run" "${extra[@]}") || { failed[$peer]="build failed"; break; }
    read -r rw rp rc rs rwarn <<<"$result"
    w+=("$rw") p+=("$rp") c+=("$rc") s+=("$rs")
  done
  [ -z "${failed[$peer]:-}" ] || continue
  wall[$peer]=$(median "${w[@]}") peak[$peer]=$(median "${p[@]}") cpu[$peer]=$(median "${c[@]}") csc[$peer]=$(median "${s[@]}")
  warns[$peer]=$rwarn
  dll[$peer]=$(find "$(dirname "$project")/bin/Release/net10.0" -maxdepth 1 -name "$(basename "$project" .csproj).dll" -printf '%s' | awk '{ printf "%.0f", $1 / 1024 }')
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "?") printf "%.2fx", a / b; else printf "?" }'; }
label() {
  case $1 in
    ours) echo "IoTDA.Generator (generator runs inside the build)" ;;
    nswag) echo "NSwag $nswag_version openapi2csclient, System.Text.Json" ;;
    kiota) echo "Kiota $kiota_version, Kiota packages $kiota_packages" ;;
  esac
}

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average before the builds $load_before, after $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows the builds); .NET SDK $(dotnet --version); builds per peer: $runs (median)"
echo
echo "| build (cold, Release, net10.0) | wall s | peak MB | CPU s | Csc task s | generated lines (files) | warnings | dll KB | wall vs NSwag | peak vs NSwag |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for peer in $peers; do
  if [ -n "${failed[$peer]:-}" ]; then
    echo "| $(label "$peer") | ${failed[$peer]} | | | | ${lines[$peer]:-} (${files[$peer]:-}) | | | | |"
    continue
  fi
  if [ -n "${wall[nswag]:-}" ]; then vw=$(ratio "${wall[$peer]}" "${wall[nswag]}"); vp=$(ratio "${peak[$peer]}" "${peak[nswag]}"); else vw=- vp=-; fi
  echo "| $(label "$peer") | ${wall[$peer]} | ${peak[$peer]} | ${cpu[$peer]} | ${csc[$peer]} | ${lines[$peer]} (${files[$peer]}) | ${warns[$peer]} | ${dll[$peer]} | $vw | $vp |"
done
if [ -n "${gen[nswag]:-}${gen[kiota]:-}" ]; then
  echo
  echo "| generation before the build (whole CLI process) | wall s | peak MB | CPU s | generate + build wall s |"
  echo "|---|---:|---:|---:|---:|"
  for peer in nswag kiota; do
    [ -n "${gen[$peer]:-}" ] || continue
    read -r gw gp gc <<<"${gen[$peer]}"
    total=$( [ -n "${wall[$peer]:-}" ] && awk -v a="$gw" -v b="${wall[$peer]}" 'BEGIN { printf "%.2f", a + b }' || echo -)
    echo "| $(label "$peer") | $gw | $gp | $gc | $total |"
  done
fi
echo
echo "peak MB is the largest single process of the build (GNU time's maximum resident set size: MSBuild or the compiler), not their sum."
failures=$(for peer in $peers; do [ -z "${failed[$peer]:-}" ] || printf '%s (%s) ' "$peer" "${failed[$peer]}"; done)
[ -z "$failures" ] || { echo "failed: $failures"; exit 1; }
