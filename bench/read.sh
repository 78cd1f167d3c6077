#!/usr/bin/env bash
# Load run of Slugline's read API against 10,000 posts, next to nginx serving the same post JSON as a static file.
# Usage: bash bench/read.sh            (from the repository root; builds the jar if it is missing)
# Env:   BENCH_DURATION (10s) BENCH_CONNECTIONS (50) BENCH_THREADS (2) BENCH_PORT (18520) BENCH_NGINX_PORT (18530)
#        BENCH_DB (slugline_5_bench) PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres)
# Prints one line per scenario: requests/s, p50, p99 and the ratio to nginx's static throughput; then the
# query plans (EXPLAIN ANALYZE) of the list, tag and search queries and the SQL statements per request.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
PORT=${BENCH_PORT:-18520}
NGINX_PORT=${BENCH_NGINX_PORT:-18530}
DB=${BENCH_DB:-slugline_5_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d /tmp/slugline-bench.XXXXXX)
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || command -v "/usr/sbin/$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx; then
    echo "Installing wrk and nginx (Debian packages)..." >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null 2>&1 \
        || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

echo "Database $DB: recreating and migrating..." >&2
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
java -Xmx512m -Dquarkus.http.port="$PORT" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
     -Dquarkus.datasource.username="$PGUSER" -Dquarkus.log.level=WARN -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { cat "$WORK/app.log"; exit 1; }

echo "Seeding 10,000 posts, 50 tags, 10 categories..." >&2
psql -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<'SQL'
insert into tag (id, slug, name) select i, 'tag-' || i, 'Tag ' || i from generate_series(1, 50) i;
insert into category (id, slug, name) select i, 'category-' || i, 'Category ' || i from generate_series(1, 10) i;
select setval('tag_seq', 100), setval('category_seq', 100);
insert into post (id, slug, title, summary, markdown, html, status, published_at, published_offset, word_count,
                  reading_minutes, front_matter, created_at, updated_at, version, publish_announced)
select i, 'post-' || i,
       'Post number ' || i || ' about ' || (array['kubecon', 'quarkus', 'postgres', 'paris', 'java'])[1 + i % 5],
       'A summary of post ' || i || ' with some words to index.',
       repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit, contributor summit ' || i || '. ', 40),
       '<p>' || repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit, contributor summit ' || i || '. ', 40) || '</p>',
       'PUBLISHED', timestamptz '2015-01-01' + i * interval '6 hours', 0, 400, 2, '{}', now(), now(), 0,
       true -- published long ago, as an API write or an import records it: nothing left for the scheduler to announce
from generate_series(1, 10000) i;
select setval('post_seq', 20000);
insert into content_api_key (id, secret, name, created_by, created_at) values (1, '0123456789abcdef0123456789', 'bench', 'bench', now());
insert into post_tag (post_id, tag_id) select i, 1 + i % 50 from generate_series(1, 10000) i;
insert into post_tag (post_id, tag_id) select i, 1 + (i * 7) % 50 from generate_series(1, 10000) i where (i * 7) % 50 <> i % 50;
insert into post_category (post_id, category_id) select i, 1 + i % 10 from generate_series(1, 10000) i;
insert into author (id, slug, name, description) select i, 'author-' || i, 'Author ' || i, 'Writes post ' || i from generate_series(1, 20) i;
select setval('author_seq', 100);
insert into post_author (post_id, position, author_id) select i, 0, 1 + i % 20 from generate_series(1, 10000) i;
insert into post_author (post_id, position, author_id) select i, 1, 1 + (i + 3) % 20 from generate_series(1, 10000, 3) i;
vacuum analyze;
SQL

BASE="http://127.0.0.1:$PORT"
curl -fs "$BASE/api/posts/post-5000" >"$WORK/post.json"

cat >"$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / { root $WORK; default_type application/json; }
    }
}
NGINX
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"

# Paths with a random number in them, so that the in-memory response cache cannot answer (a miss each time)
cat >"$WORK/random.lua" <<'LUA'
local template = os.getenv("BENCH_TEMPLATE")
request = function()
    local path = template:gsub("{n}", tostring(math.random(1, 10000))):gsub("{t}", tostring(math.random(1, 50))):gsub("{p}", tostring(math.random(1, 35)))
    return wrk.format(nil, path)
end
LUA

# run NAME URL [HEADER|lua:TEMPLATE] -> "name req/s p50 p99 non-2xx"
run() {
    local name=$1 url=$2 header=${3:-}
    local out
    if [[ "$header" == lua:* ]]; then
        out=$(BENCH_TEMPLATE="${header#lua:}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/random.lua" "$url")
    elif [ -n "$header" ]; then
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$header" "$url")
    else
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    fi
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    p50=$(awk '$1=="50%"{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    errors=$(awk '/Non-2xx or 3xx responses/{print $5}' <<<"$out")
    echo "$name $rps $p50 $p99 ${errors:-0}"
}

echo "Warming up..." >&2
GHOST_KEY=0123456789abcdef0123456789
for path in "/api/posts/post-5000" "/api/posts?size=10" "/api/posts?tag=tag-7" "/api/posts?q=kubecon%20summit" "/feeds/rss.xml" \
        "/api/posts?size=10&fields=id,slug,title,summary,publishedAt,tags,authors,html" \
        "/ghost/api/content/posts/slug/post-5000/?key=$GHOST_KEY" "/ghost/api/content/posts/?key=$GHOST_KEY&limit=10&include=tags,authors"; do
    wrk -t2 -c"$CONNECTIONS" -d5s "$BASE$path" >/dev/null
done
# the miss path too (a fresh JVM compiles it during the first seconds it runs)
for template in "/api/posts/post-{n}" "/api/posts?tag=tag-{t}&page={p}&size=10" "/api/posts?q=summit%20{n}&size=10" \
        "/api/posts?tag=tag-{t}&page={p}&size=10&fields=id,slug,title,summary,publishedAt,tags,authors,html" \
        "/ghost/api/content/posts/slug/post-{n}/?key=$GHOST_KEY&include=tags,authors" \
        "/ghost/api/content/posts/?key=$GHOST_KEY&limit=10&page={p}&filter=tag:tag-{t}&include=tags,authors"; do
    BENCH_TEMPLATE="$template" wrk -t2 -c"$CONNECTIONS" -d5s -s "$WORK/random.lua" "$BASE" >/dev/null
done

echo "Running $DURATION per scenario, $CONNECTIONS connections, $THREADS threads..." >&2
RESULTS=()
RESULTS+=("$(run nginx-static "http://127.0.0.1:$NGINX_PORT/post.json")")
RESULTS+=("$(run post-by-slug "$BASE/api/posts/post-5000")")
RESULTS+=("$(run list-first-page "$BASE/api/posts?size=10")")
RESULTS+=("$(run tag-page "$BASE/api/posts?tag=tag-7&size=10")")
RESULTS+=("$(run search "$BASE/api/posts?q=kubecon%20summit&size=10")")
RESULTS+=("$(run post-random-slug "$BASE" "lua:/api/posts/post-{n}")")
RESULTS+=("$(run tag-page-uncached "$BASE" "lua:/api/posts?tag=tag-{t}&page={p}&size=10")")
RESULTS+=("$(run search-uncached "$BASE" "lua:/api/posts?q=summit%20{n}&size=10")")
RESULTS+=("$(run rss-feed "$BASE/feeds/rss.xml")")
# issue 15: Ghost's shapes of the same post and list page, against Slugline's own (target: within 1.5x); cached
# and, with random slugs and pages, uncached
# Ghost's browse carries each post's html: Slugline's own list with html is its counterpart
RESULTS+=("$(run list-page-html "$BASE/api/posts?size=10&fields=id,slug,title,summary,publishedAt,tags,authors,html")")
RESULTS+=("$(run tag-page-html-uncached "$BASE" "lua:/api/posts?tag=tag-{t}&page={p}&size=10&fields=id,slug,title,summary,publishedAt,tags,authors,html")")
RESULTS+=("$(run ghost-post-by-slug "$BASE/ghost/api/content/posts/slug/post-5000/?key=$GHOST_KEY")")
RESULTS+=("$(run ghost-browse-page "$BASE/ghost/api/content/posts/?key=$GHOST_KEY&limit=10&include=tags,authors")")
RESULTS+=("$(run ghost-random-slug "$BASE" "lua:/ghost/api/content/posts/slug/post-{n}/?key=$GHOST_KEY&include=tags,authors")")
RESULTS+=("$(run ghost-tag-uncached "$BASE" "lua:/ghost/api/content/posts/?key=$GHOST_KEY&limit=10&page={p}&filter=tag:tag-{t}&include=tags,authors")")
# the list's ETag as the client that revalidates got it with its last 200 (no Accept header, like wrk's requests)
ETAG=$(curl -fs -H 'Accept:' -D - -o /dev/null "$BASE/api/posts?size=10" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
wrk -t2 -c"$CONNECTIONS" -d5s -H "If-None-Match: $ETAG" "$BASE/api/posts?size=10" >/dev/null
RESULTS+=("$(run conditional-304 "$BASE/api/posts?size=10" "If-None-Match: $ETAG")")

NGINX_RPS=$(awk '{print $2}' <<<"${RESULTS[0]}")
echo
echo "Slugline read benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
printf '%-18s %12s %10s %10s %10s %8s\n' scenario req/s p50 p99 vs-nginx non-2xx
for line in "${RESULTS[@]}"; do
    read -r name rps p50 p99 errors <<<"$line"
    ratio=$(awk -v a="$rps" -v b="$NGINX_RPS" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    printf '%-18s %12s %10s %10s %10s %8s\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$errors"
done

rps_of() { for line in "${RESULTS[@]}"; do read -r name rps _ <<<"$line"; [ "$name" = "$1" ] && echo "$rps"; done; }
echo
awk -v post="$(rps_of post-by-slug)" -v gpost="$(rps_of ghost-post-by-slug)" \
    -v glist="$(rps_of ghost-browse-page)" -v rpost="$(rps_of post-random-slug)" -v grpost="$(rps_of ghost-random-slug)" \
    -v rtag="$(rps_of tag-page-html-uncached)" -v grtag="$(rps_of ghost-tag-uncached)" -v list="$(rps_of list-page-html)" 'BEGIN {
    printf "Ghost API vs own API (own throughput / Ghost throughput, target <= 1.5): cached post by slug %.2fx, "\
        "cached list page with html %.2fx; uncached post by slug %.2fx, uncached tag page with html %.2fx\n",
        post / gpost, list / glist, rpost / grpost, rtag / grtag }'

echo
echo "Query plans (EXPLAIN ANALYZE, execution time):"
explain() {
    local name=$1 sql=$2
    local plan
    plan=$(psql -At -d "$DB" -c "explain (analyze, buffers) $sql")
    printf '  %-12s %s | %s\n' "$name" "$(grep -m1 -oE 'Execution Time: .*' <<<"$plan")" \
        "$(grep -oE '(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)( Backward)? (using [a-z_]+ )?on [a-z_]+' <<<"$plan" | sort -u | paste -sd ';' -)"
}
explain list "select p.id from post p where p.status = 'PUBLISHED' order by p.published_at desc, p.id desc limit 11"
explain tag "select p.id from post p where p.status = 'PUBLISHED' and exists (select 1 from post_tag j join tag x on x.id = j.tag_id where j.post_id = p.id and x.slug in ('tag-7')) order by p.published_at desc, p.id desc limit 11"
explain search "select p.id, ts_rank(p.search_vector, websearch_to_tsquery('english', 'kubecon summit') || websearch_to_tsquery('simple', 'kubecon summit')) r from post p where p.status = 'PUBLISHED' and p.search_vector @@ (websearch_to_tsquery('english', 'kubecon summit') || websearch_to_tsquery('simple', 'kubecon summit')) order by r desc, p.id desc limit 11"
explain search-rare "select p.id, ts_rank(p.search_vector, websearch_to_tsquery('english', 'summit 123') || websearch_to_tsquery('simple', 'summit 123')) r from post p where p.status = 'PUBLISHED' and p.search_vector @@ (websearch_to_tsquery('english', 'summit 123') || websearch_to_tsquery('simple', 'summit 123')) order by r desc, p.id desc limit 11"
explain count "select count(*) from post p where p.status = 'PUBLISHED'"
