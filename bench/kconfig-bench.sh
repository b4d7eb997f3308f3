#!/usr/bin/env bash
# Times the Kconfig engine against Kconfiglib 14.1.0 on the same generated Zephyr-sized tree
# (about 7 000 symbols in some 350 files, a board defconfig and a 300-line prj.conf), in one
# session: our 'kconfig' command in a fresh JVM (bin/multiimage-core, whole process), the
# reference script (kconfig_reference.py, whole python3 process), runs alternating; then our
# engine warm (in-process runs after warm-up). Checks that both write byte-identical .config,
# autoconf.h and warnings first. Needs the jars:
#   ./mvnw -B -q -pl core,bench -am package -DskipTests
#
# usage: bench/kconfig-bench.sh [runs] [seed]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
seed="${2:-13}"
python="${PYTHON:-/usr/bin/python3}"
bench_jar="$root/bench/target/benchmarks.jar"
reference="$root/core/src/test/resources/kconfig-engine/kconfig_reference.py"
[[ -f "$bench_jar" ]] || { echo "kconfig-bench: build first: ./mvnw -B -q -pl core,bench -am package -DskipTests" >&2; exit 2; }
"$python" -c 'import kconfiglib' 2>/dev/null || { echo "kconfig-bench: $python cannot import kconfiglib (apt-get install python3-kconfiglib)" >&2; exit 2; }
timer=()
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -f "%e %U %S" -o)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir -p "$tree" "$work/ours" "$work/ref"
java -cp "$bench_jar" io.multiimage.bench.kconfig.ZephyrSizedTree "$tree" "$seed"
read -r -a env_args < "$tree/env.args"
ours=("$root/bin/multiimage-core" kconfig "${env_args[@]}" --config-out ../ours/.config --header-out ../ours/autoconf.h
      --warnings-out ../ours/warnings.txt Kconfig board_defconfig prj.conf)
ref=("$python" "$reference" "${env_args[@]}" --config-out ../ref/.config --header-out ../ref/autoconf.h
     --warnings-out ../ref/warnings.txt Kconfig board_defconfig prj.conf)

cd "$tree"
"${ours[@]}" > /dev/null   # the first run also writes the class-data archive next to the jar
"${ref[@]}" > /dev/null
for f in .config autoconf.h warnings.txt; do
  if ! cmp -s "../ours/$f" "../ref/$f"; then
    echo "outputs: $f DIFFERENT"; diff "../ref/$f" "../ours/$f" | head -20; exit 1
  fi
done
echo "outputs: byte-identical ($(wc -l < ../ref/.config) lines of .config, $(wc -l < ../ref/warnings.txt) warnings)"

# One run of a command: prints "wall_s cpu_s" (cpu = user + sys when /usr/bin/time is there).
measure() {
  local t0 t1
  t0=$(date +%s%N)
  if [[ ${#timer[@]} -gt 0 ]]; then
    "${timer[@]}" "$work/time.txt" "$@" > /dev/null
  else
    "$@" > /dev/null
  fi
  t1=$(date +%s%N)
  local cpu="-"
  if [[ ${#timer[@]} -gt 0 ]]; then
    cpu=$(awk '{printf "%.2f", $2 + $3}' "$work/time.txt")
  fi
  awk -v ns=$((t1 - t0)) -v cpu="$cpu" 'BEGIN {printf "%.3f %s\n", ns / 1e9, cpu}'
}
: > "$work/ours.txt"; : > "$work/ref.txt"
for ((i = 1; i <= runs; i++)); do
  measure "${ours[@]}" >> "$work/ours.txt"
  measure "${ref[@]}" >> "$work/ref.txt"
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
ours_wall=$(cut -d' ' -f1 "$work/ours.txt" | median); ref_wall=$(cut -d' ' -f1 "$work/ref.txt" | median)
ours_cpu=$(cut -d' ' -f2 "$work/ours.txt" | median); ref_cpu=$(cut -d' ' -f2 "$work/ref.txt" | median)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "kconfiglib (python3 kconfig_reference.py):     median ${ref_wall} s wall, ${ref_cpu} s CPU ($runs runs)"
echo "multiimage-core kconfig (fresh JVM):            median ${ours_wall} s wall, ${ours_cpu} s CPU ($runs runs)"
java -XX:+UseSerialGC -cp "$bench_jar" io.multiimage.bench.kconfig.KconfigWarmRuns "$tree" 50 30
