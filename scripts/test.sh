#!/usr/bin/env bash
# Runs every test: the frontend's lint and format check (ESLint, Prettier), backend unit + integration tests
# (embedded PostgreSQL/Redis, GreenMail SMTP, real ONNX models) and the browser end-to-end tests in Chromium against
# the real backend.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
echo "Using JDK at $JAVA_HOME"
# frontend lint (ESLint) and format (Prettier) check first: it takes seconds and fails fast
[ -d frontend/node_modules ] || (cd frontend && npm ci --no-audit --no-fund --prefer-offline)
(cd frontend && npm run --silent lint)
mvn -B -f backend/pom.xml verify
# browser end-to-end tests (Chromium) against the jar built above
scripts/e2e.sh
