#!/usr/bin/env bash
# Import fidelity: for each site folder (default: every fixture under src/test/resources/sites/real/), Hugo builds a
# theme-less copy that prints every page as JSON (bench/fidelity/layouts), the zipped site is imported into the
# packaged Slugline on a database of its own, and every post is read back and compared with Hugo's page: imported,
# readable (GET 200), metadata equal (title, instant and offset, tags, categories, draft), body text >= 0.9 similar to
# Hugo's .Content (HTML parsed, typographic quotes and dashes folded, difflib ratio over words), and markup shown as
# text ({{<, {{%, [^, <div, <a href, <table, <img, <iframe, <!--, </ in a text node of the HTML or in the summary).
# Prints one table row per site and the failing posts (also in bench/out/fidelity/failures.tsv).
# Usage: bench/fidelity.sh [site-dir...]   Env: FIDELITY_PORT (18085), FIDELITY_DB (slugline_fidelity)
# Needs: hugo (Debian's 0.111.3) and python3-yaml; both are installed with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${FIDELITY_PORT:-18085}
DB=${FIDELITY_DB:-slugline_fidelity}
OUT=bench/out/fidelity
PY=/usr/bin/python3
JAR=target/quarkus-app/quarkus-run.jar
if [ $# -gt 0 ]; then SITES=("$@"); else SITES=(src/test/resources/sites/real/*/); fi

command -v hugo > /dev/null || apt-get install -y hugo > /dev/null
$PY -c 'import yaml' 2> /dev/null || apt-get install -y python3-yaml > /dev/null
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
source bench/admin.sh
mkdir -p "$OUT"
rm -f "$OUT/failures.tsv"

psql -h 127.0.0.1 -U postgres -qc "drop database if exists \"$DB\"" postgres
psql -h 127.0.0.1 -U postgres -qc "create database \"$DB\"" postgres
if (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT is in use: choose another with FIDELITY_PORT" >&2
  exit 1
fi
QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_IDLE_TIMEOUT=900S QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  java -Xmx512m -jar "$JAR" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null && wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done

echo "| Site | Posts in Hugo | Imported | Readable (200) | Metadata equal | Body ≥ 0.9 similar | Markup as text |"
echo "|---|---|---|---|---|---|---|"
for site in "${SITES[@]}"; do
  site=${site%/}
  name=$(basename "$site")
  work="$OUT/$name"
  mkdir -p "$work"
  $PY bench/fidelity/fidelity.py hugo "$site" "$work" 2> "$work/hugo.log" || { echo "| $name | hugo failed: see $work/hugo.log |"; continue; }
  $PY bench/fidelity/fidelity.py zip "$site" "$work/site.zip"
  curl -sS -m 900 -u "$SLUGLINE_ADMIN_USERNAME:$SLUGLINE_ADMIN_PASSWORD" -o "$work/report.json" -H 'Content-Type: application/zip' \
       --data-binary @"$work/site.zip" "http://127.0.0.1:$PORT/api/imports"
  $PY bench/fidelity/fidelity.py compare "$name" "$work" "$work/report.json" "http://127.0.0.1:$PORT" \
      "$SLUGLINE_ADMIN_USERNAME" "$SLUGLINE_ADMIN_PASSWORD"
  cat "$work/failures.txt" >> "$OUT/failures.tsv"
done
echo
echo "Failing posts (site, cause, file, detail):"
sort -t$'\t' -k2,2 -k1,1 "$OUT/failures.tsv" | sed 's/^/  /'
echo
echo "Hugo: $(hugo version | cut -d' ' -f1-2); date: $(date -u +%Y-%m-%dT%H:%MZ); server log: $OUT/server.log"
