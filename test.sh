#!/usr/bin/env bash
# Runs every test of multiimage: unit, property, differential (srec_cat, intelhex, dtc,
# kconfiglib), real ARM compiles, QEMU boots and the Maven integration tests.
# Usage: ./test.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")"
. scripts/ensure-tools.sh
ensure_tools
exec ./mvnw -B -ntp verify "$@"
