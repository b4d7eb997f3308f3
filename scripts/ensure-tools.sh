#!/usr/bin/env bash
# Makes sure the machine has what the build and the tests use; sourced by ./demo.sh and ./test.sh.
# As root it installs what is missing with apt-get; otherwise it prints the exact command and stops.
# Installs nothing when everything is present, so running it again changes nothing.

ensure_tools() {
    local missing=()
    command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
    command -v arm-none-eabi-gcc >/dev/null 2>&1 || missing+=(gcc-arm-none-eabi)
    [ -f /usr/lib/arm-none-eabi/newlib/libc.a ] || [ -d /usr/lib/arm-none-eabi/newlib ] || missing+=(libnewlib-arm-none-eabi)
    command -v qemu-system-arm >/dev/null 2>&1 || missing+=(qemu-system-arm)
    command -v srec_cat >/dev/null 2>&1 || missing+=(srecord)
    command -v dtc >/dev/null 2>&1 || missing+=(device-tree-compiler)
    command -v cmake >/dev/null 2>&1 || missing+=(cmake)
    # Maven 3.8.7, the oldest Maven the plugin supports: a few ITs run on it too.
    [ -x /usr/share/maven/bin/mvn ] || missing+=(maven)
    command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || missing+=(curl)
    /usr/bin/python3 -c 'import intelhex' >/dev/null 2>&1 || missing+=(python3-intelhex)
    /usr/bin/python3 -c 'import kconfiglib' >/dev/null 2>&1 || missing+=(python3-kconfiglib)
    /usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
    # The Kconfig interfaces' tests: tmux drives firmware:menuconfig, headless Chromium firmware:guiconfig
    # (and renders memory-report.html in MemoryReportChromiumTest).
    command -v tmux >/dev/null 2>&1 || missing+=(tmux)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)

    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "multiimage needs these Debian/Ubuntu packages: ${missing[*]}" >&2
        echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        return 1
    fi
    echo "Installing missing packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
