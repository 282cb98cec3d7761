#!/usr/bin/env bash
# Builds the backend (with the browser app and the models inside) and starts Rollcall in local mode:
# embedded PostgreSQL and Redis, data under ./data, mail to ./data/outbox. Then open http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
mvn -B -q -f backend/pom.xml -DskipTests package
# Files the app and its embedded PostgreSQL/Redis create (data, append-only file rewrites, mails) are for this user only.
umask 077
exec java -jar backend/target/rollcall-*.jar "$@"
