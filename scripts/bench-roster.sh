#!/usr/bin/env bash
# Issue 12 figures through HTTP with the real engine: a 2 000-row roster import, and 40 photos enrolled in bulk
# against the same photos enrolled one at a time in the same run (development faces, not in the repository).
# Usage: scripts/bench-roster.sh [FACES_DIR (default /work/shared/faces)]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
mvn -B -q -f backend/pom.xml -Dskip.npm=true test -Dtest=RosterBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Drollcall.faces="${1:-/work/shared/faces}"
cat backend/target/roster-benchmark.txt
