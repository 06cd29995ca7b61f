#!/usr/bin/env bash
# Cold start to the first call, as whole processes: each run starts the benchmark executable in its first-call
# mode (build a client, one 20-target unbind against the in-memory handler, exit), so runtime start-up and JIT are
# counted. Floor and generated runs alternate, so a machine that slows down mid-way slows both alike.
# Usage: bench/IoTDA.Benchmarks/cold-start.sh [runs]   (default 15; run it on a quiet machine)
set -euo pipefail

runs="${1:-15}"
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build -c Release "$here" -nologo -v quiet >/dev/null
exe="$here/bin/Release/net10.0/IoTDA.Benchmarks"

time_one() {
  local start end
  start=$(date +%s%N)
  "$exe" --first-call "$1"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

floor_times=()
generated_times=()
for _ in $(seq "$runs"); do
  floor_times+=("$(time_one floor)")
  generated_times+=("$(time_one generated)")
done

floor_ms=$(printf '%s\n' "${floor_times[@]}" | median)
generated_ms=$(printf '%s\n' "${generated_times[@]}" | median)
echo "runs: $runs (median, ms)"
echo "floor:     $floor_ms"
echo "generated: $generated_ms"
awk -v f="$floor_ms" -v g="$generated_ms" 'BEGIN { printf "ratio:     %.2fx\n", g / f }'
