#!/usr/bin/env bash
# Installs what vppsim needs on a Debian machine (run as root) and builds it in release mode.
# Needs a Swift 6 toolchain on PATH (swift.org's Linux toolchain; Debian does not package it).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libopenblas-dev liblapacke-dev python3-pip)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -m pip install --quiet -r tools/requirements.txt
swift build -c release --product vppsim 2>&1 | tail -n 1
