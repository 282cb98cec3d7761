#!/usr/bin/env bash
# Issue 10 figures: recognition over several days of class photos with and without learning from the teacher's
# corrections (lfw-dev people with 4+ photos; development data, not in the repository). Runs the whole app with the
# real engine through HTTP; prints a table and writes it to backend/target/learning-benchmark.txt.
# Usage: scripts/bench-learning.sh [FACES_DIR (default /work/shared/faces)] [DAYS (default 3)] [-Dkey=value…]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
faces="${1:-/work/shared/faces}"
days="${2:-3}"
shift $(( $# < 2 ? $# : 2 ))
mvn -B -q -f backend/pom.xml -Dskip.npm=true test -Dtest=LearningBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Drollcall.faces="$faces" -Drollcall.bench.days="$days" "$@"
cat backend/target/learning-benchmark.txt
