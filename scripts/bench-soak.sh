#!/usr/bin/env bash
# Issue 11's soak: mixed traffic at a fixed rate (default 40 requests/s for 10 minutes) against the whole app,
# errors, p50/p99 per kind of call, heap after GC and RSS once a minute. Run on a quiet machine.
# Usage: scripts/bench-soak.sh [-Drollcall.bench.minutes=10] [-Drollcall.bench.rate=40]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
mvn -B -q -f backend/pom.xml -Dskip.npm=true test -Dtest=SoakBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat backend/target/soak-benchmark.txt
