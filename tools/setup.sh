#!/usr/bin/env bash
# Installs what vppsim needs on a Debian machine (run as root) and builds it in release mode.
# Needs a Swift 6 toolchain on PATH (swift.org's Linux toolchain; Debian does not package it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
swift build -c release --product vppsim 2>&1 | tail -n 1
