#!/usr/bin/env bash
# Issue 4 figures through HTTP with the real engine: marking a 1920x1080 photo of 30 faces against a 40-student
# roster, enrolment of one photo, and recognition accuracy on the development faces (not in the repository).
# Usage: scripts/bench-attendance.sh [FACES_DIR (default /work/shared/faces)] [speed|accuracy|speed,accuracy] [-Dkey=value…]
# Extra -D options reach the application, e.g. -Drollcall.face.fused.match-threshold=3.8 to try another engine setting.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
faces="${1:-/work/shared/faces}"
what="${2:-speed,accuracy}"
shift $(( $# < 2 ? $# : 2 ))
mvn -B -q -f backend/pom.xml -Dskip.npm=true test -Dtest=AttendanceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Drollcall.faces="$faces" -Drollcall.bench="$what" -Dlogging.level.org.rollcall.attendance=debug "$@"
cat backend/target/attendance-benchmark.txt
