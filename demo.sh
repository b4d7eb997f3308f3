#!/usr/bin/env bash
# The main job, end to end: merges the example images shipped in examples/hex/ into one
# flashable HEX with the hexformat CLI and shows what it holds.
# Usage: ./demo.sh
set -euo pipefail
cd "$(dirname "$0")"
. scripts/ensure-tools.sh
ensure_tools
jar=hexformat/target/hexformat-0.1.0-SNAPSHOT-cli.jar
if [ ! -f "$jar" ]; then
    ./mvnw -B -q -ntp -pl hexformat -am package -DskipTests
fi
mkdir -p target/demo
java -jar "$jar" merge -o target/demo/merged.hex examples/hex/*.hex
java -jar "$jar" info target/demo/merged.hex
echo "merged HEX: $(pwd)/target/demo/merged.hex"
