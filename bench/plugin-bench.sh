#!/usr/bin/env bash
# Times the Maven plugin on the 3-image secure-boot sample, whole Maven processes, same run:
#   clean build      mvn package after removing every target/
#   no-op build      mvn package again (nothing changed), and mvn firmware:build (the goal alone)
#   validate         mvn validate on the same reactor (the floor: Maven's own start-up)
#   parallel speedup mvn -pl app package (app builds b0, mcuboot, app itself) with
#                    -Dfirmware.parallel=1 vs =2, after removing target/, on a copy of the
#                    sample whose images each get 8 generated C files to compile (the
#                    sample's own images compile in ~0.1 s, too little to measure anything)
# Prints the median of N runs of each and the ratios. Needs the plugin installed in the local
# repository (./mvnw install -DskipTests -Dinvoker.skip).
# Usage: bench/plugin-bench.sh [runs, default 5]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/samples/secure-boot" "$work/sample"
cp -r "$root/samples/secure-boot" "$work/bulk"
# Unused functions: compiled (that is the work measured), dropped again by --gc-sections.
for image in b0 mcuboot app; do
    for file in $(seq 1 8); do
        for fn in $(seq 1 150); do
            echo "int bulk_${file}_${fn}(int x) { int s = ${fn}; for (int i = 0; i < x; i++) { s += (i * ${file}) ^ (s >> 3); if (s & 64) s -= i; } return s; }"
        done > "$work/bulk/$image/src/main/c/bulk_$file.c"
    done
done
cd "$work/sample"
mvn=("$root/mvnw" -B -q -o)

clean() { rm -rf b0/target mcuboot/target app/target target; }
ms() { local start end; start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A times
for _ in $(seq "$runs"); do
    clean; times[clean]+="$(ms "${mvn[@]}" package) "
    times[noop]+="$(ms "${mvn[@]}" package) "
    times[goal]+="$(ms "${mvn[@]}" firmware:build) "
    times[validate]+="$(ms "${mvn[@]}" validate) "
    cd "$work/bulk"
    clean; times[jobs1]+="$(ms "${mvn[@]}" -pl app package -Dfirmware.parallel=1) "
    clean; times[jobs2]+="$(ms "${mvn[@]}" -pl app package -Dfirmware.parallel=2) "
    cd "$work/sample"
done
for key in clean noop goal validate jobs1 jobs2; do
    printf '%s %s\n' "$key" "$(tr ' ' '\n' <<<"${times[$key]}" | grep . | median)"
done | tee "$work/medians"
awk '{m[$1]=$2} END {
    printf "no-op package / validate = %.2f\n", m["noop"] / m["validate"];
    printf "no-op firmware:build / validate = %.2f\n", m["goal"] / m["validate"];
    printf "parallel 2 / parallel 1 speedup = %.2f\n", m["jobs1"] / m["jobs2"] }' "$work/medians"
