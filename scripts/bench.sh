#!/usr/bin/env bash
# Load benchmark (not a test): starts the built jar in local mode on a free port with a throw-away data dir,
# signs up a teacher (code from the outbox), measures login latency, then runs wrk against the authenticated
# GET /api/account (JWT check + Redis denylist/generation lookup) and prints requests/s and latency percentiles.
# Needs: the jar (./scripts/run.sh or mvn package), wrk (apt-get install -y wrk), curl, python3.
# Usage: scripts/bench.sh [duration=30s] [connections=64] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
DURATION=${1:-30s}; CONNECTIONS=${2:-64}; THREADS=${3:-2}
JAR=$(ls backend/target/rollcall-*.jar | head -1)
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
ROLLCALL_DATA_DIR="$WORK/data" SERVER_PORT=$PORT java -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health/readiness" > /dev/null && break; sleep 1; done

json() { curl -fsS -H 'Content-Type: application/json' "$@"; }
EMAIL="bench-$RANDOM$RANDOM@example.test"
PASSWORD="benchmark passphrase"
json -d "{\"email\":\"$EMAIL\"}" "$BASE/api/auth/email-otp"
for _ in $(seq 1 100); do
  CODE=$(cat "$WORK"/data/outbox/*"$EMAIL"* 2>/dev/null | sed -n 's/^Code: \([0-9]\{6\}\)$/\1/p' | head -1)
  [ -n "$CODE" ] && break; sleep 0.1
done
json -d "{\"email\":\"$EMAIL\",\"code\":\"$CODE\"}" "$BASE/api/auth/email-verification"
json -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"displayName\":\"Bench\"}" "$BASE/api/auth/register" > /dev/null

login() { curl -fsS -o "$WORK/login.json" -w '%{time_total}\n' -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/auth/login"; }
# Two warm-up logins (JIT); the per-email throttle allows 10 per 5 minutes, so 8 are measured.
login > /dev/null; login > /dev/null
echo "== login latency (Argon2id m=19MiB t=2 p=1), 8 sequential logins, seconds:"
for _ in $(seq 1 8); do login; done | sort -n | awk '{a[NR]=$1} END {printf "min %.3f  median %.3f  max %.3f\n", a[1], a[int((NR+1)/2)], a[NR]}'
TOKEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["accessToken"])' "$WORK/login.json")

echo "== warm-up (10s), then wrk -t$THREADS -c$CONNECTIONS -d$DURATION GET /api/account:"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $TOKEN" "$BASE/api/account" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE/api/account"
