#!/usr/bin/env bash
# Warm `dotnet build` of a consumer after a one-line edit of its own code, for three consumers wired as users wire
# the SDK (generator and analyzers as analyzers, the runtime as a reference): no client, the DevicePolicies group of
# the bundled spec, and every group. Each consumer is built once to warm up, then edited and rebuilt `runs` times;
# the three alternate so a machine that slows down mid-way slows them alike. Prints the median per consumer and the
# generated lines. Usage: bench/build-time/build-time.sh [runs]   (default 5; run it on a quiet machine)
#
# The builds run on the compiler server, as a user's `dotnet build` does by default: a warm build is one whose
# compiler is already loaded and jitted. An environment that sets UseSharedCompilation=false (CI machines often do)
# starts a new compiler for every build; `SHARED=false` measures that instead.
set -euo pipefail

runs="${1:-5}"
export UseSharedCompilation="${SHARED:-true}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"; dotnet build-server shutdown --razor --vbcscompiler >/dev/null 2>&1 || true' EXIT

make_consumer() { # name, OpenApiSpec item (empty for none)
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/IoTDA.Generator/build/IoTDA.Sdk.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generator/IoTDA.Generator/IoTDA.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/analyzers/IoTDA.Analyzers/IoTDA.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/IoTDA.Runtime/IoTDA.Runtime.csproj" />
    $2
  </ItemGroup>
  <Import Project="$repo/generator/IoTDA.Generator/build/IoTDA.Sdk.targets" />
</Project>
XML
  printf 'namespace Consumer;\npublic static class Edited\n{\n    public static int Value => 0;\n}\n' > "$work/$1/Edited.cs"
}

spec="$repo/spec/iotda.openapi.yaml"
make_consumer none ""
make_consumer policies "<OpenApiSpec Include=\"$spec\" Namespace=\"IoTDA\" ClientName=\"IoTDAClient\" Tags=\"DevicePolicies\" />"
make_consumer all "<OpenApiSpec Include=\"$spec\" Namespace=\"IoTDA\" ClientName=\"IoTDAClient\" />"

# Three builds each before timing: the compiler server reaches its steady speed only once its code has been
# recompiled by the runtime's tiered JIT, which takes a few builds.
for name in none policies all; do
  dotnet build "$work/$name" -nologo -v quiet >/dev/null
  for warmup in 1 2; do
    sed -i "s/Value => [0-9]*/Value => 10$warmup/" "$work/$name/Edited.cs"
    dotnet build "$work/$name" --no-restore -nologo -v quiet >/dev/null
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A times
for run in $(seq "$runs"); do
  for name in none policies all; do
    sed -i "s/Value => [0-9]*/Value => $run/" "$work/$name/Edited.cs"
    start=$(date +%s%N)
    dotnet build "$work/$name" --no-restore -nologo -v quiet >/dev/null
    end=$(date +%s%N)
    times[$name]+="$(( (end - start) / 1000000 )) "
  done
done

echo "warm build after a one-line edit, median of $runs (ms), and generated lines:"
for name in none policies all; do
  ms=$(printf '%s\n' ${times[$name]} | median)
  lines=$(find "$work/$name/obj" -path '*generated*' -name '*.g.cs' -exec cat {} + 2>/dev/null | wc -l)
  printf '%-9s %7s ms  %7s lines\n' "$name" "$ms" "$lines"
done
