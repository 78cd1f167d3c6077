#!/usr/bin/env bash
# Login timing: how long a failed HTTP Basic login takes for a user that exists (wrong password) and for a name
# that does not, against the packaged app. Both cost one bcrypt check (PasswordIdentityProvider), so the medians
# should be within noise of each other; a large gap would tell an attacker which names exist.
# Requests alternate (known, unknown, then unknown, known) over fresh connections; the login throttle is raised so
# that every answer is a 401. Usage: bench/login-timing.sh [rounds]   (env: PORT=18140, REBUILD=1 repackages)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-200}
PORT=${PORT:-18140}
DB=slugline_login_bench
USER_NAME=bench-admin
USER_PASSWORD=Timing-bench-Lark-93
OUT=$(pwd)/bench/out/login-timing; rm -rf "$OUT"; mkdir -p "$OUT"
[[ -f target/quarkus-app/quarkus-run.jar && ${REBUILD:-0} != 1 ]] || ./mvnw -B -q package -DskipTests
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_HTTP_PORT=$PORT \
  SLUGLINE_ADMIN_USERNAME=$USER_NAME SLUGLINE_ADMIN_PASSWORD=$USER_PASSWORD \
  SLUGLINE_SECURITY_MAX_FAILURES_PER_USER=1000000 SLUGLINE_SECURITY_MAX_FAILURES_PER_ADDRESS=1000000 \
  java -jar target/quarkus-app/quarkus-run.jar >"$OUT/app.log" 2>&1 &
app=$!
trap 'kill -TERM $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  sleep 0.2
  kill -0 $app 2>/dev/null || { echo "the app died; see $OUT/app.log"; exit 1; }
done

url="http://127.0.0.1:$PORT/api/tokens"
# One request: "<status> <seconds>" appended to the file
login() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u "$1:$2" "$url" >>"$3"; }
# Warm-up (JIT, pools), not counted
for i in $(seq 1 20); do
  login "$USER_NAME" "wrong-$i" "$OUT/warmup.txt"; login nobody-here "wrong-$i" "$OUT/warmup.txt"
  login "$USER_NAME" "$USER_PASSWORD" "$OUT/warmup.txt"
done
for i in $(seq 1 "$ROUNDS"); do
  if (( i % 2 )); then
    login "$USER_NAME" "wrong-$i" "$OUT/known.txt"; login nobody-here "wrong-$i" "$OUT/unknown.txt"
  else
    login nobody-here "wrong-$i" "$OUT/unknown.txt"; login "$USER_NAME" "wrong-$i" "$OUT/known.txt"
  fi
  login "$USER_NAME" "$USER_PASSWORD" "$OUT/right.txt"
done

# "<median> <p90> <statuses>" of a file of "<status> <seconds>" lines, in milliseconds
stats() {
  local statuses
  statuses=$(awk '{print $1}' "$1" | sort | uniq -c | awk '{printf "%s%s×%s", sep, $2, $1; sep=" "}')
  awk '{print $2 * 1000}' "$1" | sort -n \
    | awk -v s="$statuses" '{a[NR]=$1} END {printf "%8.1f %8.1f   %s\n", a[int((NR+1)/2)], a[int(NR*0.9+0.5)], s}'
}
echo "login timing, $ROUNDS rounds, GET /api/tokens with HTTP Basic (ms)"
printf '%-34s %8s %8s   %s\n' "case" "median" "p90" "statuses"
printf '%-34s %s\n' "known user, wrong password" "$(stats "$OUT/known.txt")"
printf '%-34s %s\n' "unknown user" "$(stats "$OUT/unknown.txt")"
printf '%-34s %s\n' "known user, right password (ref.)" "$(stats "$OUT/right.txt")"
known=$(stats "$OUT/known.txt" | awk '{print $1}'); unknown=$(stats "$OUT/unknown.txt" | awk '{print $1}')
awk -v k="$known" -v u="$unknown" 'BEGIN {printf "unknown − known: %+.1f ms (%+.1f%% of known)\n", u - k, (u - k) * 100 / k}'
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1), $(date -u +%FT%TZ)"
