#!/bin/sh
# Times the instructor's report on 10,000 learners × 9 lessons (or $1 learners) with a release build.
# Not a test: machines differ. The target is under 200 ms for ClassReport.load (the report) at 10,000 learners.
set -eu
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build-release}"
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product kubetutor >&2
"$scratch/release/kubetutor" report --bench "${1:-10000}"
