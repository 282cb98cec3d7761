#!/usr/bin/env bash
# Issue 11's photo-cost figure through HTTP with the real engine: another teacher's 1080p marking latency, idle and
# while one teacher floods marking with 6000x4000 photos (target: within 2x of idle). Run on a quiet machine.
# Usage: scripts/bench-photo-flood.sh [-Drollcall.bench.rounds=15] [-Drollcall.bench.flooders=8]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
mvn -B -q -f backend/pom.xml -Dskip.npm=true test -Dtest=PhotoFloodBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat backend/target/photo-flood-benchmark.txt
