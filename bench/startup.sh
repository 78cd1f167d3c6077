#!/usr/bin/env bash
# Startup of the packaged JVM app to ready (/q/health/ready answers 200), with PostgreSQL already up, and idle RSS.
# Usage: bench/startup.sh [runs]   (env: PORT=18730, DB_URL=jdbc:postgresql://127.0.0.1:5432/slugline_7_bench,
#        JAVA_OPTS="-XX:+UseSerialGC ...", APPCDS=1 builds the jar with an AppCDS archive and uses it)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=${PORT:-18730}
DB_URL=${DB_URL:-jdbc:postgresql://127.0.0.1:5432/slugline_7_bench}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxRAM=512m"}
APPCDS=${APPCDS:-1}
OUT=$(pwd)/bench/out; mkdir -p "$OUT"
# AppCDS records the class path as it was at build time: the jar is started from its own folder, as Quarkus does

db=${DB_URL##*/}
psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db"

if [[ $APPCDS == 1 ]]; then
  if [[ ! -f target/quarkus-app/app-cds.jsa || ${REBUILD:-0} == 1 ]]; then
    ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
  fi
  CDS="-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto"
else
  [[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
  CDS=""
fi

now_ms() { date +%s%3N; }
times=(); rss=(); cpus=()
for run in $(seq 1 "$RUNS"); do
  start=$(now_ms)
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_JDBC_URL=$DB_URL QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_HTTP_PORT=$PORT \
    bash -c 'cd target/quarkus-app && exec java "$@" -jar quarkus-run.jar' java $JAVA_OPTS $CDS >"$OUT/startup-$run.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    sleep 0.02
    kill -0 $pid 2>/dev/null || { echo "the app died; see $OUT/startup-$run.log"; exit 1; }
  done
  ready=$(( $(now_ms) - start ))
  # CPU time (user+sys) the JVM used until ready: less sensitive than wall time to a crowded machine
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14+$15)*1000/hz)}' /proc/$pid/stat)
  sleep 5
  r=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  reported=$(grep -o 'started in [0-9.]*s' "$OUT/startup-$run.log" | head -n 1 || true)
  echo "run $run: ready after ${ready} ms (Quarkus: ${reported:-?}), CPU ${cpu} ms, idle RSS ${r} MB"
  times+=("$ready"); rss+=("$r"); cpus+=("$cpu")
  kill -TERM $pid; wait $pid 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "startup to ready: median $(median "${times[@]}") ms over $RUNS runs (target < 1500 ms)"
echo "CPU time to ready: median $(median "${cpus[@]}") ms"
echo "idle RSS: median $(median "${rss[@]}") MB (target < 250 MB)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo) MB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1), $(date -u +%FT%TZ)"
echo "options: $JAVA_OPTS ${CDS:+(AppCDS)}"
