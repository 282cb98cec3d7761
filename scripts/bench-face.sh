#!/usr/bin/env bash
# Face engine speed, each recogniser beside the others in the same run (machines of this kind differ ~2.5x in speed,
# so only figures from one run compare): `face bench` of the built jar with --recogniser fused, dlib (the engine
# before the fused recogniser, as far as its networks go) and mobilefacenet, alternating, ROUNDS times.
# Usage: scripts/bench-face.sh SINGLE_PHOTO GROUP_PHOTO [ROUNDS (default 2)] [OTHER_JAR to run beside, e.g. an older build]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
single=$1
group=$2
rounds=${3:-2}
other=${4:-}
jar=${JAR:-$(ls backend/target/rollcall-*.jar | head -1)}
for round in $(seq "$rounds"); do
  for recogniser in fused dlib mobilefacenet; do
    echo "== round $round, --recogniser $recogniser, load $(cut -d' ' -f1-3 /proc/loadavg)"
    java -jar "$jar" face bench --recogniser "$recogniser" --single "$single" --group "$group" --runs 30 2>/dev/null
  done
  if [ -n "$other" ]; then
    echo "== round $round, $other, load $(cut -d' ' -f1-3 /proc/loadavg)"
    java -jar "$other" face bench --single "$single" --group "$group" --runs 30 2>/dev/null
  fi
done
