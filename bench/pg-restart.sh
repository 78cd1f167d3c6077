#!/usr/bin/env bash
# PostgreSQL restart under load, on a PostgreSQL of this script's own (Debian's binaries, a data dir under /tmp, its
# own port; the shared server is never touched). Prints errors before, during and after the outage and how long
# Slugline took to serve again once PostgreSQL was back, without restarting Slugline.
# Usage: bench/pg-restart.sh [seconds] [outage-seconds]   (env: CONNECTIONS=20)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-40}
OUTAGE=${2:-8}
CONNECTIONS=${CONNECTIONS:-20}
PG_PORT=18750; APP=18751
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
PGDATA=/tmp/slugline7-bench-pg
OUT=$(pwd)/bench/out/pg-restart; rm -rf "$OUT"; mkdir -p "$OUT"
[[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
source bench/admin.sh

as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA.log" -w "$@"; }
if [[ ! -f $PGDATA/PG_VERSION ]]; then
  mkdir -p "$PGDATA"; [[ $(id -u) == 0 ]] && chown postgres "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres >/dev/null
fi
[[ $(id -u) == 0 ]] && touch "$PGDATA.log" && chown postgres "$PGDATA.log"
pg -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
cleanup() { [[ -f $OUT/app.pid ]] && kill "$(cat "$OUT/app.pid")" 2>/dev/null || true; sleep 2; pg -m fast stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

# a fresh database each run: the admin account (bench/admin.sh) gets a new password every time
psql -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -qc "drop database if exists slugline_restart" -c "create database slugline_restart"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/slugline_restart QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_HTTP_PORT=$APP java -XX:+UseSerialGC -Xmx256m -jar target/quarkus-app/quarkus-run.jar >"$OUT/app.log" 2>&1 &
echo $! >"$OUT/app.pid"
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$APP/q/health/ready" && break; sleep 0.2; done

python3 bench/load.py --base 127.0.0.1:$APP --connections "$CONNECTIONS" --duration "$DURATION" --write-ratio 0.2 \
  --report-every 5 --log "$OUT/requests.csv" --prefix restart &
load=$!
sleep $((DURATION / 4))
down=$(date +%s%3N); pg -m fast stop >/dev/null; echo "PostgreSQL stopped at $(date -u +%T.%3N)"
ready_during=$(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' "http://127.0.0.1:$APP/q/health/ready")
sleep "$OUTAGE"
pg -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null; up=$(date +%s%3N)
echo "PostgreSQL started again at $(date -u +%T.%3N) after ${OUTAGE}s; readiness during the outage: $ready_during"
wait $load

python3 - "$OUT/requests.csv" "$down" "$up" <<'PY'
import sys
rows = [l.split(",") for l in open(sys.argv[1]).read().split() if l]
down, up = int(sys.argv[2]), int(sys.argv[3])
def bad(r): return not r[2].startswith("2")
def end(r): return int(r[0]) + float(r[3])
# a request that was in flight when PostgreSQL stopped or came back belongs to the outage
before = [r for r in rows if end(r) < down]
during = [r for r in rows if end(r) >= down and int(r[0]) < up]
after = [r for r in rows if int(r[0]) >= up]
first_ok = min((int(r[0]) for r in after if not bad(r)), default=None)
codes = sorted({r[2] for r in during})
slow = max((float(r[3]) for r in during), default=0)
print(f"before the outage: {len(before)} requests, {sum(map(bad, before))} errors")
print(f"during the outage: {len(during)} requests, {sum(map(bad, during))} errors (statuses {codes}), slowest answer {slow:.0f} ms")
last_bad = max((end(r) for r in after if bad(r)), default=None)
print(f"after PostgreSQL was back: {len(after)} requests, {sum(map(bad, after))} errors "
      f"(statuses {sorted({r[2] for r in after if bad(r)})}); first success "
      f"{((first_ok - up) / 1000 if first_ok else float('nan')):.2f} s after it was back; "
      f"last error answered {((last_bad - up) / 1000 if last_bad else 0):.2f} s after it was back")
PY
