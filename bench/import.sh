#!/usr/bin/env bash
# Import benchmark: generates a Hugo content folder of N realistic posts (default 10,000), starts the packaged
# Slugline on its own database and port, imports the zip through POST /api/imports twice, and prints posts per
# second, the second (unchanged) import's speed-up, when the background search indexer had caught up, peak heap
# (jstat, sampled) and peak RSS (VmHWM).
# Then a real blog (BENCH_REAL_SITE) against Hugo: Hugo builds a theme-less copy of it (bench/fidelity, median of 3
# builds) and the same site is imported to the warm server (warmed by the imports above and by one import of the same
# site with every post touched, so the measured import updates every post), printed as a ratio.
# Usage: bench/import.sh [posts]    Env: BENCH_PORT (18401), BENCH_DB (slugline_4_bench), BENCH_HEAP (-Xmx512m),
#        BENCH_JAVA_OPTS (extra JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/import.jfr),
#        BENCH_REAL_SITE (a Hugo or Jekyll site folder; src/test/resources/sites/real/otel-blog; "none" skips it)
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${1:-10000}
PORT=${BENCH_PORT:-18401}
DB=${BENCH_DB:-slugline_4_bench}
HEAP=${BENCH_HEAP:--Xmx512m}
WORK=$(mktemp -d /tmp/slugline-bench.XXXXXX)
source bench/admin.sh
JAR=target/quarkus-app/quarkus-run.jar

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
echo "Generating $POSTS posts..."
java bench/GenerateSite.java "$POSTS" "$WORK/site.zip"
echo "Archive: $(du -h "$WORK/site.zip" | cut -f1)"

# a fresh database of our own (never another one)
psql -h 127.0.0.1 -U postgres -qc "drop database if exists \"$DB\"" postgres
psql -h 127.0.0.1 -U postgres -qc "create database \"$DB\"" postgres

# a server of an earlier run may still be shutting down (slowly on a loaded machine): wait for its port
for _ in $(seq 1 60); do
  (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || break
  sleep 1
done
if (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT is in use: choose another with BENCH_PORT" >&2
  exit 1
fi

# on a loaded machine the first answer may take longer than the default idle timeout, which would close the connection
PORT=$PORT QUARKUS_HTTP_IDLE_TIMEOUT=${BENCH_IDLE_TIMEOUT:-900S} QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  java $HEAP ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER=$!
SAMPLER=
trap 'kill $SERVER 2>/dev/null && wait $SERVER 2>/dev/null || true; [ -n "$SAMPLER" ] && kill $SAMPLER 2>/dev/null || true; rm -f "$WORK/site.zip"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done

# sample used heap (KB) every 200 ms: S0U + S1U + EU + OU
jstat -gc "$SERVER" 200 > "$WORK/jstat.log" 2>/dev/null &
SAMPLER=$!

# CPU seconds (user + system) of the server, of its JIT compiler and GC threads, and of the PostgreSQL backends
# serving the benchmark database: steadier than wall-clock time on a machine others load too
TICKS=$(getconf CLK_TCK)
cpu_of() { [ $# -gt 0 ] || { echo 0.0; return; }; { cat "$@" 2>/dev/null || true; } | awk -v t="$TICKS" '{ sub(/^.*\) /, ""); s += $12 + $13 } END { printf "%.1f", s / t }'; }
jvm_cpu() { cpu_of /proc/$SERVER/stat; }
jit_cpu() { cpu_of $(grep -l '^C[12] CompilerThre' /proc/$SERVER/task/*/comm 2>/dev/null | sed 's/comm$/stat/'); }
gc_cpu() { cpu_of $(grep -lE '^(GC Thread|G1 )' /proc/$SERVER/task/*/comm 2>/dev/null | sed 's/comm$/stat/'); }
pg_cpu() { cpu_of $(grep -la "postgres $DB " /proc/[0-9]*/cmdline 2>/dev/null | sed 's/cmdline$/stat/'); }
cpu_line() { echo "JVM $(python3 -c "print('%.1f' % ($(jvm_cpu) - $1))") s (JIT $(python3 -c "print('%.1f' % ($(jit_cpu) - $2))") s, GC $(python3 -c "print('%.1f' % ($(gc_cpu) - $3))") s), PostgreSQL $(python3 -c "print('%.1f' % ($(pg_cpu) - $4))") s"; }

run() {
  curl -fsS -u "$SLUGLINE_ADMIN_USERNAME:$SLUGLINE_ADMIN_PASSWORD" -o "$WORK/report-$1.json" -w '%{time_total}' -H 'Content-Type: application/zip' \
       --data-binary @"$WORK/site.zip" "http://127.0.0.1:$PORT/api/imports"
}
echo "Load before:           $(cut -d' ' -f1-3 /proc/loadavg)"
C0=($(jvm_cpu) $(jit_cpu) $(gc_cpu) $(pg_cpu))
FIRST=$(run 1)
FIRST_DONE=$(date +%s.%N)
FIRST_CPU=$(cpu_line "${C0[@]}")
echo "Load after first:      $(cut -d' ' -f1-3 /proc/loadavg)"
C1=($(jvm_cpu) $(jit_cpu) $(gc_cpu) $(pg_cpu))
SECOND=$(run 2)
SECOND_CPU=$(cpu_line "${C1[@]}")
echo "Load after second:     $(cut -d' ' -f1-3 /proc/loadavg)"
# imports leave the posts' search vectors to a background indexer (search is complete meanwhile, computed on the
# fly): how long after the first import's answer every post had its vector
pending() { psql -h 127.0.0.1 -U postgres -Atqc "select count(*) from post where search_vector is null" "$DB"; }
for _ in $(seq 1 1200); do [ "$(pending)" = 0 ] && break; sleep 0.5; done
INDEXED=$(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$FIRST_DONE" "$(date +%s.%N)")
sleep 0.5
kill $SAMPLER 2>/dev/null || true

summary() { python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('created=%d updated=%d unchanged=%d failed=%d' % (r['created'], r['updated'], r['unchanged'], r['failed']))" "$1"; }
PEAK_HEAP_KB=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%d", max }' "$WORK/jstat.log")
PEAK_RSS_KB=$(awk '/VmHWM/ { print $2 }' /proc/$SERVER/status)

echo "Posts:                 $POSTS (+50 images)"
echo "First import:          ${FIRST}s  $(summary "$WORK/report-1.json")"
echo "Second import:         ${SECOND}s  $(summary "$WORK/report-2.json")"
python3 - "$POSTS" "$FIRST" "$SECOND" <<'PY'
import sys
posts, first, second = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print("First import rate:     %.0f posts/s" % (posts / first))
print("Second import rate:    %.0f posts/s" % (posts / second))
print("Unchanged speed-up:    %.1fx" % (first / second))
PY
echo "CPU, first import:     $FIRST_CPU"
echo "CPU, second import:    $SECOND_CPU"
echo "Search index complete: ${INDEXED}s after the first import answered ($(pending) posts pending)"
echo "Peak heap used:        $((PEAK_HEAP_KB / 1024)) MB (heap limit $HEAP)"
echo "Peak RSS:              $((PEAK_RSS_KB / 1024)) MB"
REAL=${BENCH_REAL_SITE:-src/test/resources/sites/real/otel-blog}
if [ "$REAL" != none ] && command -v hugo > /dev/null && /usr/bin/python3 -c 'import yaml' 2> /dev/null; then
  RW="$WORK/real"
  mkdir -p "$RW"
  /usr/bin/python3 bench/fidelity/fidelity.py hugo "$REAL" "$RW" 2> /dev/null
  read -r HUGO_S HUGO_CPU < <(/usr/bin/python3 bench/fidelity/fidelity.py hugo-time "$RW" 3)
  /usr/bin/python3 bench/fidelity/fidelity.py touched-zip "$REAL" "$RW/warm.zip"
  /usr/bin/python3 bench/fidelity/fidelity.py zip "$REAL" "$RW/site.zip"
  real_import() {
    curl -fsS -u "$SLUGLINE_ADMIN_USERNAME:$SLUGLINE_ADMIN_PASSWORD" -o "$RW/report-$2.json" -w '%{time_total}' -H 'Content-Type: application/zip' \
         --data-binary @"$1" "http://127.0.0.1:$PORT/api/imports"
  }
  WARM_S=$(real_import "$RW/warm.zip" warm)
  CR=($(jvm_cpu) $(pg_cpu))
  REAL_S=$(real_import "$RW/site.zip" real)
  REAL_CPU=$(python3 -c "print('%.2f' % ($(jvm_cpu) - ${CR[0]} + $(pg_cpu) - ${CR[1]}))")
  REAL_POSTS=$(/usr/bin/python3 -c "import json,sys; print(sum(1 for f in json.load(open(sys.argv[1]))['files'] if f.get('kind') == 'post'))" "$RW/report-real.json")
  python3 - "$REAL" "$REAL_POSTS" "$HUGO_S" "$REAL_S" "$WARM_S" "$(summary "$RW/report-real.json")" "$HUGO_CPU" "$REAL_CPU" <<'PY'
import sys
site, posts, hugo, real, warm, summary = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
hugo_cpu, real_cpu = float(sys.argv[7]), float(sys.argv[8])
print("Real site vs Hugo:     %s, %s posts: import %.2fs to a warm server (warm-up import of the same site %.2fs; %s), "
      "hugo %.2fs (median of 3, theme-less): %.1fx" % (site, posts, real, warm, summary, hugo, real / hugo))
print("Real site CPU:         import %.2f s (JVM + PostgreSQL), hugo %.2f s (user + system): %.1fx"
      % (real_cpu, hugo_cpu, real_cpu / hugo_cpu if hugo_cpu else float("nan")))
PY
else
  echo "Real site vs Hugo:     skipped (BENCH_REAL_SITE=none, or hugo / python3-yaml missing: apt-get install -y hugo python3-yaml)"
fi
echo "Machine:               $(nproc) cores, $(awk '/MemTotal/ {printf "%d GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "Date:                  $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Server log:            $WORK/server.log"
