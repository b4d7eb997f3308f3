#!/usr/bin/env bash
# Agent 2's clean build with and without the shared build cache (Apache Maven Build Cache Extension
# 1.3.0, the samples' .mvn configuration), whole Maven processes, median of N runs each, for
# samples/secure-boot, samples/dual-core and a generated 10-image 2-domain project
# (bench/generate-multi-image-project.sh). Agent 1 builds each project once into its own cache
# directory; every run of agent 2 is a fresh copy of the project (no target/) with, for the cached
# build, a fresh copy of agent 1's cache directory standing for the company's remote cache (the
# IT build-cache-shares-images-between-two-agents checks the same through Nexus). Prints the load
# average before and after.
# Needs the plugin in maven-plugin/target/local-repo, as the invoker ITs install it:
#   ./mvnw -B -o verify -pl maven-plugin -am -Dinvoker.test=build-cache-shares-images-between-two-agents -DskipTests -DskipITs
# Usage: bench/build-cache-bench.sh [runs, default 3]
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
repo="$root/maven-plugin/target/local-repo"
[ -d "$repo/io/multiimage/firmware-maven-plugin" ] || { echo "no plugin in $repo: run the IT first (see the header)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The IT installed these artifacts from its own repository ids: the tracking file is not consulted.
mvn=("$root/mvnw" -B -q -o "-Dmaven.repo.local=$repo" -Daether.enhancedLocalRepository.trackingFilename=bench-none)

cp -r "$root/samples/secure-boot" "$work/secure-boot"
cp -r "$root/samples/dual-core" "$work/dual-core"
"$root/bench/generate-multi-image-project.sh" "$work/ten-images"

ms() { local start end; start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fresh() { rm -rf "$work/agent2" && cp -r "$work/$1" "$work/agent2" && find "$work/agent2" -name target -type d -prune -exec rm -rf {} +; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for project in secure-boot dual-core ten-images; do
    (cd "$work/$project" && "${mvn[@]}" package "-Dmaven.build.cache.location=$work/cache-$project")
    without="" with=""
    for _ in $(seq "$runs"); do
        fresh "$project"
        without+="$(cd "$work/agent2" && ms "${mvn[@]}" package -Dmaven.build.cache.enabled=false) "
        fresh "$project"
        rm -rf "$work/cache-agent2" && cp -r "$work/cache-$project" "$work/cache-agent2"
        with+="$(cd "$work/agent2" && ms "${mvn[@]}" package "-Dmaven.build.cache.location=$work/cache-agent2") "
    done
    printf '%s: without cache %s ms, with cache %s ms (runs: without %s; with %s)\n' "$project" \
        "$(median <<<"$without")" "$(median <<<"$with")" "$without" "$with"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
