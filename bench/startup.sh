#!/usr/bin/env bash
# Startup of the packaged JVM app, with PostgreSQL already up and the schema already migrated: wall time from the
# start of the java process to the first 200 of /q/health/ready (which includes the database check), the CPU time
# the JVM used until then, and the idle RSS a few seconds later. Prints every run, then the medians.
#
# Usage: bench/startup.sh [runs]   (default 5)
#   env: PORT=18730, DB_URL=jdbc:postgresql://127.0.0.1:5432/slugline_7_bench, REBUILD=1 to package again,
#        JAVA_OPTS to try other JVM options (default: those of src/main/docker/Dockerfile.jvm, which the README's
#        run command uses too), IDLE=5 seconds before RSS is read.
# The jar is started from target/quarkus-app, as operators start it: the AppCDS archive records the class path.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=${PORT:-18730}
DB_URL=${DB_URL:-jdbc:postgresql://127.0.0.1:5432/slugline_7_bench}
IDLE=${IDLE:-5}
DOCKER_OPTS=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' src/main/docker/Dockerfile.jvm)
JAVA_OPTS=${JAVA_OPTS:-$DOCKER_OPTS}
OUT=$(pwd)/bench/out; mkdir -p "$OUT"

db=${DB_URL##*/}
psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db"

# quarkus.package.jar.appcds.enabled=true is in application.properties: packaging records target/quarkus-app/app-cds.jsa
if [[ ! -f target/quarkus-app/quarkus-run.jar || ${REBUILD:-0} == 1 ]]; then
  ./mvnw -B -q package -DskipTests
fi

start_app() { # $1: log file, rest: extra JVM options; sets pid
  local log=$1; shift
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_JDBC_URL=$DB_URL QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_HTTP_PORT=$PORT \
    bash -c 'cd target/quarkus-app && exec java "$@" -jar quarkus-run.jar' java $JAVA_OPTS "$@" >"$log" 2>&1 &
  pid=$!
}
wait_ready() {
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    sleep 0.01
    kill -0 "$pid" 2>/dev/null || { echo "the app died; see $1"; exit 1; }
  done
}
stop_app() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; }
now_ms() { date +%s%3N; }
thread_cpu() { # $1: pid, $2: regex of thread names; CPU ms of those threads
  local hz t sum=0; hz=$(getconf CLK_TCK)
  for t in /proc/"$1"/task/*; do
    grep -Eq "$2" "$t/comm" 2>/dev/null && sum=$(( sum + $(awk -v hz="$hz" '{print int(($14+$15)*1000/hz)}' "$t/stat") ))
  done
  echo "$sum"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# A first start, not counted: it migrates a new database's schema and warms the page cache
start_app "$OUT/startup-warmup.log"; wait_ready "$OUT/startup-warmup.log"; stop_app

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
times=(); rss=(); cpus=(); mains=(); jits=()
for run in $(seq 1 "$RUNS"); do
  log="$OUT/startup-$run.log"
  start=$(now_ms)
  start_app "$log"
  wait_ready "$log"
  ready=$(( $(now_ms) - start ))
  # CPU time (user+sys, all threads) the JVM used until ready: less sensitive than wall time to a crowded machine
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14+$15)*1000/hz)}' "/proc/$pid/stat")
  # of which the main thread (Quarkus's start runs on it) and the JIT compilers (C1, C2), threads still alive
  main=$(thread_cpu "$pid" '^java$'); jit=$(thread_cpu "$pid" '^C[12] CompilerThre')
  sleep "$IDLE"
  r=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  reported=$(grep -o 'started in [0-9.]*s' "$log" | head -n 1 || true)
  echo "run $run: ready after ${ready} ms (Quarkus: ${reported:-?}), CPU ${cpu} ms (main thread ${main}, JIT ${jit}), idle RSS ${r} MB, load $(cut -d' ' -f1 /proc/loadavg)"
  times+=("$ready"); rss+=("$r"); cpus+=("$cpu"); mains+=("$main"); jits+=("$jit")
  stop_app
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Is the AppCDS archive really used with these options? One more start, logging where each class came from
start_app "$OUT/startup-classes.log" -Xlog:class+load=info:file="$OUT/startup-classes.txt"
wait_ready "$OUT/startup-classes.log"; stop_app
classes=$(wc -l < "$OUT/startup-classes.txt")
shared=$(grep -c 'shared objects file' "$OUT/startup-classes.txt" || true)

echo "startup to ready: median $(median "${times[@]}") ms over $RUNS runs (min $(printf '%s\n' "${times[@]}" | sort -n | head -n 1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -n 1); target < 1500 ms)"
echo "CPU time to ready: median $(median "${cpus[@]}") ms (main thread $(median "${mains[@]}"), JIT compilers $(median "${jits[@]}"))"
echo "idle RSS (${IDLE} s after ready): median $(median "${rss[@]}") MB (target < 250 MB)"
echo "classes loaded until ready: $classes, from CDS archives (JDK's and app-cds.jsa): $shared"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo) MB, load before $load_before, after $load_after, $(java -version 2>&1 | head -n 1), $(date -u +%FT%TZ)"
echo "JVM options: $JAVA_OPTS"
