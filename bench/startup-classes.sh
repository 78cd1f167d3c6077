#!/usr/bin/env bash
# Writes src/main/resources/META-INF/slugline/startup-classes.txt: the classes a whole start of the packaged app loads
# from its jars and the JDK until /q/health/ready answers (PostgreSQL up, as in bench/startup.sh). The AppCDS recording
# run loads and links them (dev.slugline.operations.AppCdsPreload) so that app-cds.jsa covers the whole start, not only
# what Quarkus reaches before it stops that run. Run it again after a dependency upgrade, then ./mvnw package.
# Left out: classes the JVM generates at run time (lambdas, proxies: no class file to archive) and those already in
# the JDK's own archive.
#
# Usage: bench/startup-classes.sh   env: PORT=18730, DB_URL=jdbc:postgresql://127.0.0.1:5432/slugline_7_bench
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18730}
DB_URL=${DB_URL:-jdbc:postgresql://127.0.0.1:5432/slugline_7_bench}
OUT=$(pwd)/bench/out; mkdir -p "$OUT"
LIST=src/main/resources/META-INF/slugline/startup-classes.txt

db=${DB_URL##*/}
psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db"
[[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests

rm -f "$OUT/startup-classes-list.txt"
QUARKUS_DATASOURCE_JDBC_URL=$DB_URL QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_HTTP_PORT=$PORT \
  bash -c 'cd target/quarkus-app && exec java -XX:+UseSerialGC "$@" -jar quarkus-run.jar' java \
  -Xlog:class+load=info:file="$OUT/startup-classes-list.txt" >"$OUT/startup-classes-list.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  sleep 0.05
  kill -0 "$pid" 2>/dev/null || { echo "the app died; see $OUT/startup-classes-list.log"; exit 1; }
done
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true

# "source: shared objects file" alone is the JDK's archive; "(top)" is app-cds.jsa, whose classes stay listed
awk '/source: __/ {next} /source: shared objects file$/ {next} $2 !~ /\// {print $2}' "$OUT/startup-classes-list.txt" \
  | sort -u > "$LIST"
echo "$(wc -l < "$LIST") classes written to $LIST"
