#!/usr/bin/env bash
# Cold start to the first call, as whole processes: each run starts the benchmark executable in its first-call
# mode (build a client, one 20-target unbind against the in-memory handler, exit), so runtime start-up and JIT are
# counted. Floor and generated runs alternate, so a machine that slows down mid-way slows both alike.
# Then the same for the native AOT build of the same program (AOT=0 skips it; the publish takes minutes).
# Usage: bench/IoTDA.Benchmarks/cold-start.sh [runs]   (default 15; run it on a quiet machine)
set -euo pipefail

runs="${1:-15}"
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build -c Release "$here" -nologo -v quiet >/dev/null
exe="$here/bin/Release/net10.0/IoTDA.Benchmarks"

time_one() { # executable, variant
  local start end
  start=$(date +%s%N)
  "$1" --first-call "$2"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure() { # label, executable
  local floor_times=() generated_times=()
  for _ in $(seq "$runs"); do
    floor_times+=("$(time_one "$2" floor)")
    generated_times+=("$(time_one "$2" generated)")
  done
  local floor_ms generated_ms
  floor_ms=$(printf '%s\n' "${floor_times[@]}" | median)
  generated_ms=$(printf '%s\n' "${generated_times[@]}" | median)
  awk -v label="$1" -v f="$floor_ms" -v g="$generated_ms" \
    'BEGIN { printf "%-4s floor %5s ms, generated %5s ms, ratio %.2fx\n", label, f, g, g / f }'
}

echo "cold start to the first call, median of $runs runs:"
measure JIT "$exe"
if [ "${AOT:-1}" != 0 ]; then
  aot="$(mktemp -d)"
  trap 'rm -rf "$aot"' EXIT
  # BenchmarkDotNet itself is not trimming-safe; the first-call mode never reaches it, so its warnings are no errors here.
  dotnet publish -c Release -r linux-x64 "$here" -p:TreatWarningsAsErrors=false -o "$aot" -nologo -v quiet >/dev/null
  measure AOT "$aot/IoTDA.Benchmarks"
fi
