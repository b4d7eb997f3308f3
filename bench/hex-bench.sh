#!/usr/bin/env bash
# Benchmarks the hexformat merge against srec_cat, whole process against whole process, in
# the same run, plus JMH in-process throughput and a peak-heap check. Prints a Markdown
# report (also written to bench/target/hex-bench/report.md).
#
# usage: bench/hex-bench.sh [RUNS] [--no-jmh]      RUNS = timed runs per tool and workload (default 5)
#
# Workloads (seeded, identical on every machine), Intel HEX with 16 data bytes per record:
#   small  4 images, 1 MiB in total     ext16  16 MiB external + 1 MiB internal     big64  4 x 16 MiB
# srec_cat merges them with:  srec_cat a.hex -Intel b.hex -Intel ... -o out.hex -Intel
# hexformat merges them with: bin/hexformat merge -o out.hex a.hex b.hex ...
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=5
jmh=yes
for arg in "$@"; do
    case "$arg" in
        --no-jmh) jmh=no ;;
        *[!0-9]*|"") echo "usage: bench/hex-bench.sh [RUNS] [--no-jmh]" >&2; exit 2 ;;
        *) runs="$arg" ;;
    esac
done
(( runs >= 5 )) || { echo "hex-bench: use at least 5 runs (medians of fewer mean little)" >&2; exit 2; }
command -v srec_cat >/dev/null || { echo "hex-bench: srec_cat not found; apt-get install -y srecord" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "hex-bench: /usr/bin/time not found; apt-get install -y time" >&2; exit 2; }

out="$root/bench/target/hex-bench"
rm -rf "$out"
mkdir -p "$out"
echo "building hexformat CLI and benchmarks..." >&2
./mvnw -B -q -pl hexformat,bench -am package -DskipTests >&2
jar="$(ls "$root"/hexformat/target/hexformat-*-cli.jar)"
rm -f "${jar%.jar}.jsa"

echo "generating workloads..." >&2
java -cp bench/target/benchmarks.jar io.multiimage.bench.hex.WorkloadGenerator "$out/workloads" > "$out/workloads.txt"
cat "$out/workloads.txt" >&2
# The first launcher run creates the class-data archive; let a large merge create it (so it
# holds the classes a merge uses), outside the measurements.
bin/hexformat merge -o "$out/archive-run.hex" "$out/workloads/ext16"/*.hex

# run_timed LABEL FILE CMD... : appends "wall_seconds user+sys_seconds" to FILE
run_timed() {
    local file="$1"; shift
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%U %S" -o "$out/time.tmp" "$@" > /dev/null 2> "$out/stderr.tmp" || {
        echo "hex-bench: command failed: $*" >&2; cat "$out/stderr.tmp" >&2; exit 1; }
    end=$(date +%s%N)
    awk -v w="$(( end - start ))" '{ printf "%.4f %.4f\n", w / 1e9, $1 + $2 }' "$out/time.tmp" >> "$file"
}

report="$out/report.md"
{
    echo "## Whole-process merge: hexformat CLI vs srec_cat"
    echo
    echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); host: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(srec_cat -version | head -1)."
    echo "Runs per tool and workload: $runs, alternating hexformat and srec_cat; ratio = srec_cat / hexformat per pair, then the median."
    echo
    echo "| workload | data | HEX text in | hexformat wall (median) | srec_cat wall (median) | wall ratio (median of pairs) | hexformat CPU | srec_cat CPU | CPU ratio |"
    echo "|---|---|---|---|---|---|---|---|---|"
} > "$report"

for w in small ext16 big64; do
    dir="$out/workloads/$w"
    inputs=("$dir"/*.hex)
    srec_args=()
    for f in "${inputs[@]}"; do srec_args+=("$f" -Intel); done
    ours=(bin/hexformat merge -o "$out/$w-hexformat.hex" "${inputs[@]}")
    theirs=(srec_cat "${srec_args[@]}" -o "$out/$w-srec_cat.hex" -Intel)
    # Warm the page cache and check both tools agree on every byte.
    "${ours[@]}"
    "${theirs[@]}"
    a=$(bin/hexformat info "$out/$w-hexformat.hex" | awk '/sha256/ {print $2}')
    b=$(bin/hexformat info "$out/$w-srec_cat.hex" | awk '/sha256/ {print $2}')
    [[ "$a" == "$b" ]] || { echo "hex-bench: $w: merged data differs (sha256 $a vs $b)" >&2; exit 1; }
    : > "$out/$w.ours"; : > "$out/$w.theirs"
    for (( i = 1; i <= runs; i++ )); do
        echo "$w run $i/$runs" >&2
        run_timed "$out/$w.ours" "${ours[@]}"
        run_timed "$out/$w.theirs" "${theirs[@]}"
    done
    data=$(awk -v w="$w" '$1 == w":" {print $4}' "$out/workloads.txt")
    text=$(awk -v w="$w" '$1 == w":" {print $7}' "$out/workloads.txt")
    /usr/bin/python3 - "$w" "$data" "$text" "$out/$w.ours" "$out/$w.theirs" >> "$report" <<'PY'
import statistics, sys
w, data, text, ours_file, theirs_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
ours = [tuple(map(float, l.split())) for l in open(ours_file)]
theirs = [tuple(map(float, l.split())) for l in open(theirs_file)]
med = lambda xs: statistics.median(xs)
wall_ratio = med([t[0] / o[0] for o, t in zip(ours, theirs)])
cpu_ratio = med([t[1] / o[1] for o, t in zip(ours, theirs)])
print(f"| {w} | {data / 2**20:.1f} MiB | {text / 1e6:.1f} MB | {med([o[0] for o in ours]):.3f} s "
      f"| {med([t[0] for t in theirs]):.3f} s | **{wall_ratio:.1f}x** | {med([o[1] for o in ours]):.3f} s "
      f"| {med([t[1] for t in theirs]):.3f} s | {cpu_ratio:.1f}x |")
PY
done

{
    echo
    echo "Raw timings (wall seconds, user+sys CPU seconds), one line per run: \`bench/target/hex-bench/<workload>.ours|.theirs\`."
    echo
    echo "## Peak heap"
    echo
    echo "The CLI merge run with a maximum heap of 1.5 x the data bytes (\`-Xmx\`); it must succeed."
    echo "\"after GC\" is the largest heap occupancy the GC log shows after a collection (live data plus survivors)."
    echo
    echo "| workload | data | -Xmx (1.5 x data) | result | max heap after GC | GCs |"
    echo "|---|---|---|---|---|---|"
} >> "$report"
for w in ext16 big64; do
    data=$(awk -v w="$w" '$1 == w":" {print $4}' "$out/workloads.txt")
    xmx=$(( (data * 3 / 2) / 1048576 ))
    log="$out/$w-gc.log"
    if HEXFORMAT_JAVA_OPTS="-Xmx${xmx}m -Xlog:gc:file=$log" bin/hexformat merge -o "$out/$w-heap.hex" "$out/workloads/$w"/*.hex \
            2> "$out/$w-heap.err"; then result=ok; else result="FAILED ($(head -c 200 "$out/$w-heap.err"))"; fi
    peak=$(grep -o -- '->[0-9]*M' "$log" | tr -d -- '->M' | sort -n | tail -1)
    gcs=$(grep -c 'Pause' "$log" || true)
    echo "| $w | $(( data / 1048576 )) MiB | ${xmx} MiB | $result | ${peak:-n/a} MiB | $gcs |" >> "$report"
done

if [[ "$jmh" == yes ]]; then
    echo "running JMH (a few minutes)..." >&2
    java -jar bench/target/benchmarks.jar 'io.multiimage.bench.hex.HexMergeBenchmark' \
        -jvmArgsAppend "-Dhexbench.dir=$out/jmh-files" -rf json -rff "$out/jmh.json" > "$out/jmh.txt"
    {
        echo
        echo "## In-process throughput (JMH)"
        echo
        echo "\`java -jar bench/target/benchmarks.jar io.multiimage.bench.hex.HexMergeBenchmark\` (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement, -Xmx2g)."
        echo "Throughput = bytes of input HEX text / average time of one parse + merge + write."
        echo
        echo "| benchmark | workload | time per merge | HEX text in | throughput |"
        echo "|---|---|---|---|---|"
    } >> "$report"
    /usr/bin/python3 - "$out/jmh.json" "$out/workloads.txt" >> "$report" <<'PY'
import json, sys
sizes = {}
for line in open(sys.argv[2]):
    parts = line.split()
    sizes[parts[0].rstrip(":").upper()] = int(parts[6])
for r in json.load(open(sys.argv[1])):
    w = r["params"]["workload"]
    ms = r["primaryMetric"]["score"]
    err = r["primaryMetric"]["scoreError"]
    name = r["benchmark"].rsplit('.', 1)[1]
    print(f"| {name} | {w} | {ms:.1f} ± {err:.1f} ms | {sizes[w] / 1e6:.1f} MB | **{sizes[w] / 1e6 / (ms / 1e3):.0f} MB/s** |")
PY
fi
{
    echo
    echo "## In-process cost by CPU time"
    echo
    echo "\`java -Xms1g -Xmx1g -XX:+UseSerialGC -cp bench/target/benchmarks.jar io.multiimage.bench.hex.CpuTimeThroughput\`: the same"
    echo "in-memory parse + merge + write, timed by the process CPU time (all threads), which other"
    echo "processes on a busy machine do not inflate, and by the wall clock."
    echo
    java -Xms1g -Xmx1g -XX:+UseSerialGC -cp bench/target/benchmarks.jar io.multiimage.bench.hex.CpuTimeThroughput
    echo
} >> "$report"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$report"
cat "$report"
