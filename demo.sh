#!/usr/bin/env bash
# The main job, end to end: builds samples/secure-boot (b0 -> mcuboot -> app for QEMU's
# Cortex-M3 board) with `mvn package`, which places the three images with the partition
# manager and merges them, then boots the merged HEX in QEMU with `firmware:run`.
# Usage: ./demo.sh
set -euo pipefail
cd "$(dirname "$0")"
. scripts/ensure-tools.sh
ensure_tools
# The plugin and its libraries go into the local Maven repository, as a user would get them.
./mvnw -B -q -ntp install -DskipTests -Dinvoker.skip
cd samples/secure-boot
../../mvnw -B -ntp package firmware:run | grep -E '\[uart\]|Firmware exited|ERROR|BUILD' || true
test -f app/target/firmware/merged.hex
echo "merged HEX: $(pwd)/app/target/firmware/merged.hex"
