#!/usr/bin/env bash
# Graceful shutdown: fires concurrent writes at one instance, sends SIGTERM while they are in flight, then checks
# that every write the instance answered 201 is in the database, that no other post was written (nothing
# half-done), and how the writes that arrived after SIGTERM were refused.
# Usage: bench/graceful.sh [writes]   (env: PORT=18770)
set -euo pipefail
cd "$(dirname "$0")/.."
WRITES=${1:-40}
PORT=${PORT:-18770}
DB=slugline_7_graceful
OUT=$(pwd)/bench/out/graceful; rm -rf "$OUT"; mkdir -p "$OUT"
[[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
source bench/admin.sh
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_HTTP_PORT=$PORT \
  java -jar target/quarkus-app/quarkus-run.jar >"$OUT/app.log" 2>&1 &
app=$!
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.2; done
filler=$(head -c 200000 /dev/zero | tr '\0' 'x')
for i in $(seq 1 "$WRITES"); do
  printf '{"title":"Graceful %s","slug":"graceful-%s","markdown":"%s"}' "$i" "$i" "$filler" >"$OUT/body-$i.json"
done
for i in $(seq 1 "$WRITES"); do
  ( code=$(curl -s -o /dev/null -w '%{http_code}' -u "$SLUGLINE_ADMIN_USERNAME:$SLUGLINE_ADMIN_PASSWORD" -H 'Content-Type: application/json' --data-binary @"$OUT/body-$i.json" \
      "http://127.0.0.1:$PORT/api/posts" || true); echo "$i $code $(date +%s%3N)" >>"$OUT/answers.txt" ) &
  if [[ $i == $((WRITES / 2)) ]]; then
    sleep 0.3; term=$(date +%s%3N); kill -TERM $app; echo "SIGTERM sent after $i writes were started"
  fi
done
wait
created=$(awk '$2 == 201' "$OUT/answers.txt" | wc -l)
refused=$(awk '$2 != 201' "$OUT/answers.txt" | wc -l)
in_db=$(psql -h 127.0.0.1 -U postgres -d $DB -tAc "select count(*) from post")
missing=0
for i in $(awk '$2 == 201 {print $1}' "$OUT/answers.txt"); do
  [[ $(psql -h 127.0.0.1 -U postgres -d $DB -tAc "select count(*) from post where slug = 'graceful-$i'") == 1 ]] || missing=$((missing + 1))
done
echo "writes: $WRITES; answered 201: $created; refused or cut: $refused (statuses: $(awk '$2 != 201 {print $2}' "$OUT/answers.txt" | sort | uniq -c | tr '\n' ' '))"
echo "answers after SIGTERM: $(awk -v t="$term" '$3 > t' "$OUT/answers.txt" | awk '{print $2}' | sort | uniq -c | tr '\n' ' ')"
echo "posts in the database: $in_db; 201s missing from it: $missing; posts written without a 201: $((in_db - created))"
grep -o 'stopped in [0-9.]*s' "$OUT/app.log" || true
