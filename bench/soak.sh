#!/usr/bin/env bash
# Soak: mixed traffic (90% reads, 10% writes, 50 connections) against one packaged instance for a configurable time;
# prints throughput, p99 and heap after each minute, then the totals (errors must be 0).
# Usage: bench/soak.sh [minutes]   (env: CONNECTIONS=50, REPORT_EVERY=60, PORT=18760)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-5}
CONNECTIONS=${CONNECTIONS:-50}
PORT=${PORT:-18760}
DB=slugline_7_soak
OUT=$(pwd)/bench/out/soak; rm -rf "$OUT"; mkdir -p "$OUT"
[[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
source bench/admin.sh
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_HTTP_PORT=$PORT \
  java -XX:+UseSerialGC -Xmx256m -jar target/quarkus-app/quarkus-run.jar >"$OUT/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.2; done
echo "soak: $MINUTES min, $CONNECTIONS connections, 90% reads / 10% writes, instance on $PORT (-Xmx256m)"
python3 bench/load.py --base 127.0.0.1:$PORT --connections "$CONNECTIONS" --duration $((MINUTES * 60)) --write-ratio 0.1 \
  --report-every "${REPORT_EVERY:-60}" --heap-from 127.0.0.1:$PORT --prefix soak
echo "RSS at the end: $(awk '/VmRSS/ {print int($2/1024)}' /proc/$app/status) MB"
