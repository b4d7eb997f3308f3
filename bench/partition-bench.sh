#!/usr/bin/env bash
# End-to-end timing of the partition manager CLI against NCS's partition_manager.py on the same
# 200-partition workload (whole processes, run alternately in the same session), plus a byte
# comparison of their outputs. Fetches nothing: pass the directory holding the reference
# scripts (sdk-nrf/scripts). Needs bench/target/benchmarks.jar and the CLI jar:
#   ./mvnw -B -q -pl bench -am package -DskipTests
#
# usage: bench/partition-bench.sh /path/to/sdk-nrf/scripts [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scripts="${1:-}"
runs="${2:-10}"
python="${PYTHON:-/usr/bin/python3}"
if [[ -z "$scripts" || ! -f "$scripts/partition_manager.py" ]]; then
  echo "partition-bench: reference script not found: ${scripts:-<none given>}/partition_manager.py" >&2
  echo "usage: bench/partition-bench.sh /path/to/sdk-nrf/scripts [runs]   (the script fetches nothing)" >&2
  exit 2
fi
bench_jar="$root/bench/target/benchmarks.jar"
[[ -f "$bench_jar" ]] || { echo "partition-bench: build first: ./mvnw -B -q -pl bench -am package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$bench_jar" io.multiimage.bench.partition.PartitionWorkload "$work"
read -r -a region_args < "$work/place.args"
mkdir -p "$work/ref" "$work/ours"

now_ms() { date +%s%3N; }
ref_total=0; ours_total=0
for ((i = 1; i <= runs; i++)); do
  t0=$(now_ms)
  "$python" "$scripts/partition_manager.py" --input-files "$work/pm.yml" \
    --output-partitions "$work/ref/partitions.yml" --output-regions "$work/ref/regions.yml" "${region_args[@]}" > /dev/null
  t1=$(now_ms)
  "$root/bin/partition-manager" place --input-files "$work/pm.yml" \
    --output-partitions "$work/ours/partitions.yml" --output-regions "$work/ours/regions.yml" "${region_args[@]}" > /dev/null
  t2=$(now_ms)
  ref_total=$((ref_total + t1 - t0)); ours_total=$((ours_total + t2 - t1))
done
echo "workload: 200 partitions (+ containers) in 3 regions, $runs runs each"
echo "reference partition_manager.py: $((ref_total / runs)) ms per run (mean, whole process)"
echo "bin/partition-manager place:    $((ours_total / runs)) ms per run (mean, whole process)"
if cmp -s "$work/ref/partitions.yml" "$work/ours/partitions.yml" && cmp -s "$work/ref/regions.yml" "$work/ours/regions.yml"; then
  echo "outputs: byte-identical"
else
  echo "outputs: DIFFERENT"; diff "$work/ref/partitions.yml" "$work/ours/partitions.yml" | head -20; exit 1
fi
