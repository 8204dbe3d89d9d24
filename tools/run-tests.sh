#!/usr/bin/env bash
# Runs every test: the Swift unit, physics, optimiser, validation and end-to-end tests, then
# the checks written in Python (scenario files against the JSON Schema, the derived data
# against a fresh derivation from the pinned wheels, the optimiser against HiGHS).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh   # quick when everything is already there

swift build --build-tests 2>&1 | tail -n 1
# swift test runs the XCTest cases, then the Swift Testing ones; its own exit status covers
# both, and the log is checked for each as well (an XCTest failure prints only a count).
set +e
swift test --skip-build > .build/swift-test.log 2>&1
status=$?
set -e
grep -E "^(✘|✔ Test run|✘ Test run)|Executed [0-9]+ tests|error:" .build/swift-test.log || true
if [ "$status" -ne 0 ] || grep -q "✘ Test run" .build/swift-test.log \
    || grep -qE "Executed [0-9]+ tests?, with [1-9][0-9]* failures?" .build/swift-test.log \
    || ! grep -q "✔ Test run" .build/swift-test.log; then
    echo "swift test failed (exit $status); see .build/swift-test.log" >&2
    exit 1
fi
python3 tools/scenarios/check_schema.py
python3 tools/data/derive_data.py --check
python3 tools/solver/check_against_highs.py --configuration debug
