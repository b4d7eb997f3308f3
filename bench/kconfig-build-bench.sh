#!/usr/bin/env bash
# What Kconfig adds to a no-op build: the no-op `mvn firmware:build` of samples/secure-boot (3
# images, whole Maven processes) with the sample's Kconfig files (each image configured by the
# Kconfig engine) and without them (the fragment-only merge), alternating, median of N runs
# each of wall time and of CPU time (user + system, which a busy machine disturbs less), plus
# `mvn validate` (Maven's own start-up) for scale.
# Needs the plugin in a local repository: the default one (./mvnw install -DskipTests
# -Dinvoker.skip), or the ITs' one after an IT ran, given with Maven options after the runs:
#   sed "s|@localRepositoryUrl@|file://$HOME/.m2/repository|" src/it/settings.xml > /tmp/it-settings.xml
#   bench/kconfig-build-bench.sh 9 -s /tmp/it-settings.xml -Dmaven.repo.local=$PWD/maven-plugin/target/local-repo
# Usage: bench/kconfig-build-bench.sh [runs, default 7] [Maven options...]
set -euo pipefail
runs=${1:-7}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/samples/secure-boot" "$work/with"
cp -r "$root/samples/secure-boot" "$work/without"
rm "$work/without/app/Kconfig" "$work/without/mcuboot/Kconfig" "$work/without/b0/Kconfig"
mvn=("$root/mvnw" -B -q -o "$@")
# "wall_ms cpu_ms" of one command
ms() {
    local TIMEFORMAT='%R %U %S' out
    out=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    awk '{printf "%d %d", $1 * 1000, ($2 + $3) * 1000}' <<<"$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for dir in with without; do (cd "$work/$dir" && "${mvn[@]}" package >/dev/null); done
declare -A times cpu
for run in $(seq "$runs"); do
    order="with without"
    if (( run % 2 == 0 )); then order="without with"; fi # neither always goes first
    for dir in $order; do
        cd "$work/$dir"
        read -r w c <<<"$(ms "${mvn[@]}" firmware:build)"
        times[$dir]+="$w "; cpu[$dir]+="$c "
    done
    read -r w c <<<"$(ms "${mvn[@]}" validate)"
    times[validate]+="$w "; cpu[validate]+="$c "
done
grep -q 'CONFIG_MCUBOOT_BUILD_STRATEGY_FROM_SOURCE=y' "$work/with/app/target/firmware/app/.config"
! grep -q 'end of' "$work/without/app/target/firmware/app/.config"
echo "median of $runs: wall ms, CPU ms"
for key in with without validate; do
    printf '%s %s %s\n' "$key" "$(tr ' ' '\n' <<<"${times[$key]}" | grep . | median)" \
        "$(tr ' ' '\n' <<<"${cpu[$key]}" | grep . | median)"
done | tee "$work/medians"
awk '{w[$1]=$2; c[$1]=$3} END {
    printf "Kconfig adds %d ms wall (%.1f%%), %d ms CPU (%.1f%%) to the no-op firmware:build\n",
        w["with"] - w["without"], 100 * (w["with"] - w["without"]) / w["without"],
        c["with"] - c["without"], 100 * (c["with"] - c["without"]) / c["without"] }' "$work/medians"
