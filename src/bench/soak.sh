#!/usr/bin/env bash
# The soak (./run.sh soak [MINUTES], default 30; docs/operations.md "A node that runs for days"):
# one fresh node under continuous mixed load for MINUTES, sampled every 15 s, then a report.
#
# Engine: SOAK_ENGINE=sqlite (default; a scratch SQLite file) or mariadb (a scratch database
# SOAK_MYSQL_DATABASE, default ecommerce_soak, at BENCH_MYSQL_HOST/PORT/USER/PASSWORD, dropped
# afterwards). Two soaks, one per engine, may run at the same time.
# The node: the jar with 2,000 demo sales (demo-data), started with ./run.sh's JAVA_OPTS and
# MALLOC_ARENA_MAX (the production launch) plus -XX:NativeMemoryTracking=summary, DEMO_DATA=false,
# its /metrics on a management port of its own. jcmd VM.native_memory summary at the start, the
# middle and the end of the load: nmt-start.txt, nmt-middle.txt, nmt-end.txt.
# The load, 32 connections at once, each stream a loop of 15 s wrk runs (src/bench/wrk/*.lua):
#   get_product 12, get_products 6, purchase 4 (no key), purchase with an Idempotency-Key 4 (every
#   4th request replays the previous key), get_sales_data of the running year (monthly buckets,
#   include_sales_items=false) as the admin 4 (the reports' bulkhead queues them), add_inventory 1
#   (one request per 100 ms at most), and two login + logout_user + a request with the revoked
#   token (must be 401) a second, from curl.
# Every 15 s: RSS, heap used after a full GC (jcmd GC.run, then GC.heap_info), threads, open
# descriptors, the SQLite WAL and database file sizes (MariaDB: the database's data + index size),
# vertx_pool_queue_pending of each pool from /metrics, load average; per 15 s wrk run: requests/s,
# p50, p99 and errors (non-2xx and socket errors) of its route.
# The report (target/soak/ENGINE-TIME/report.md, beside samples.tsv, routes.tsv and the node's log):
# first, last, max and the least-squares slope per minute of each figure over the last two thirds
# of the run; the checks (RSS slope <= 1 MB/min, WAL < 64 MB, no ERROR line, no "Promise already
# completed", vertx_pool_queue_pending never negative, no error answer, every revoked token
# refused); every WARN and ERROR line of the node's log. Exit 0 when every check passes, 1 if not.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${JAVA_OPTS:?run the soak as ./run.sh soak: it takes the production JVM options from run.sh}"
MINUTES=${1:-30}
[[ $MINUTES =~ ^[0-9]+$ ]] && (( MINUTES >= 1 )) || { echo "Usage: ./run.sh soak [MINUTES]" >&2; exit 2; }
ENGINE=${SOAK_ENGINE:-sqlite}
[[ $ENGINE == sqlite || $ENGINE == mariadb ]] || { echo "SOAK_ENGINE must be sqlite or mariadb" >&2; exit 2; }
JAR=target/ecommerce.jar
WRK_DIR=$PWD/src/bench/wrk
PERIOD=15
source src/bench/engines.sh
source src/bench/server.sh
MYSQL_DB=${SOAK_MYSQL_DATABASE:-ecommerce_soak}
OUT=target/soak/$ENGINE-$(date -u +%Y%m%dT%H%M%SZ)
SCRATCH=$(mktemp -d /tmp/ecommerce-soak.XXXXXX)
ADMIN=soak-admin@example.com
ADMIN_PW=soak-password-1
CUSTOMER=customer@example.com      # made by demo-data
CUSTOMER_PW='Customer123!'
PURCHASE_IDS=1,2

export APPLICATION_SETTINGS=""   # never read a developer's .vars
export DATA_DIR=$SCRATCH
export JWT_SECRET=soak-only-secret-with-more-than-32-bytes-of-it
export ADMIN_EMAIL=$ADMIN ADMIN_PASSWORD=$ADMIN_PW DEMO_DATA=false
export BENCH_WRK_DIR=$WRK_DIR BENCH_PURCHASE_IDS=$PURCHASE_IDS BENCH_PAGES=1,2,3

APP_PID=
LOOPS=()
cleanup() {
  local pid
  for pid in "${LOOPS[@]}"; do
    pkill -TERM -P "$pid" 2>/dev/null || true   # the loop's wrk or curl
    kill -TERM "$pid" 2>/dev/null || true
  done
  [[ -n $APP_PID ]] && stop_pid "$APP_PID"
  [[ $ENGINE == mariadb ]] && drop_database "$MYSQL_DB"
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

require_wrk
mkdir -p "$OUT"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$([[ -n $(git status --porcelain 2>/dev/null) ]] && echo ' (uncommitted changes)' || true)"

use_engine "$ENGINE" "$SCRATCH" "$MYSQL_DB"
echo "== soak, $ENGINE, $MINUTES min: generating the demo data =="
generate_demo_data "$JAR" 2000
app_port=$(free_port)
mgmt_port=$(free_port)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
HTTP_PORT=$app_port MANAGEMENT_PORT=$mgmt_port java $JAVA_OPTS -XX:NativeMemoryTracking=summary -jar "$JAR" \
  > "$OUT/app.log" 2>&1 &
APP_PID=$!
await_ready "$app_port" "$APP_PID" "$OUT/app.log"
BASE=http://127.0.0.1:$app_port/ecommerce/v1
ADMIN_TOKEN=$(login_token "$app_port" "$ADMIN" "$ADMIN_PW")
CUSTOMER_TOKEN=$(login_token "$app_port" "$CUSTOMER" "$CUSTOMER_PW")
products=$(curl -fsS "$BASE/get_products?per_page=1" -H "Authorization: Bearer $CUSTOMER_TOKEN" \
  | grep -o '"total":[0-9]*' | cut -d: -f2)
export BENCH_PRODUCT_IDS; BENCH_PRODUCT_IDS=$(seq -s, 1 "$products")
for id in ${PURCHASE_IDS//,/ }; do   # enough stock that no purchase of the run fails for want of it
  for _ in 1 2 3 4 5; do
    curl -fsS -XPUT "$BASE/add_inventory" -H "Authorization: Bearer $ADMIN_TOKEN" \
      -H 'Content-Type: application/json' -d "{\"product_id\":$id,\"quantity\":1000000}" >/dev/null
  done
done
YEAR=$(date -u +%Y)
export BENCH_SALES_QUERY="start_date=$YEAR-01-01&end_date=$YEAR-12-31&timezone=UTC&buckets=monthly&include_sales_items=false"

printf 'GC.run\nGC.heap_info\n' > "$SCRATCH/jcmd"   # one jcmd (a JVM of its own) per sample, not two
START=$(date +%s)
END=$(( START + MINUTES * 60 ))
echo "== node pid $APP_PID, http $app_port, metrics $mgmt_port; load until $(date -u -d "@$END" +%H:%M:%S) UTC; output $OUT =="

# One route's load: wrk runs of PERIOD s back to back until the end; a line per run in routes.tsv:
# seconds since the start, route, connections, requests, requests/s, p50 ms, p99 ms, errors.
route_loop() { # ROUTE SCRIPT CONNECTIONS TOKEN
  local route=$1 script=$2 conns=$3 token=$4 run=0 file=$OUT/wrk-$1.txt figures requests
  while (( $(date +%s) + PERIOD <= END )); do
    run=$((run + 1))
    BENCH_TOKEN=$token BENCH_KEY_PREFIX="soak-$START-$run" \
      wrk -t1 -c"$conns" -d"${PERIOD}s" --timeout 30s --latency -s "$WRK_DIR/$script.lua" "http://127.0.0.1:$app_port" \
      > "$file" 2>&1 || true
    figures=$(wrk_figures "$file")
    requests=$(awk '/requests in/ {print $1}' "$file")
    printf '%s\t%s\t%s\t%s\t%s\n' "$(( $(date +%s) - START ))" "$route" "$conns" "${requests:-0}" "${figures// /$'\t'}" \
      >> "$OUT/routes.tsv"
  done
}
# Two sign-ins and sign-outs a second; each revoked token must then be refused (401). sessions.txt:
# sign-ins tried, signed out, revoked tokens refused.
session_loop() {
  local logins=0 outs=0 held=0 token code
  while (( $(date +%s) < END )); do
    token=$(login_token "$app_port" "$CUSTOMER" "$CUSTOMER_PW" 2>/dev/null || true)
    logins=$((logins + 1))
    if [[ -n $token ]] \
      && curl -fsS -o /dev/null -XPOST "$BASE/logout_user" -H "Authorization: Bearer $token" 2>/dev/null; then
      outs=$((outs + 1))
      code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/get_product?product_id=1" -H "Authorization: Bearer $token")
      [[ $code == 401 ]] && held=$((held + 1))
    fi
    echo "$logins $outs $held" > "$OUT/sessions.txt"
    sleep 0.5
  done
}
metric() { # TEXT NAME POOL: the value of NAME{pool_name="POOL"} in a /metrics text
  awk -v n="$2" -v p="pool_name=\"$3\"" 'index($0, n "{") == 1 && index($0, p) { v = $NF } END { printf "%d", (v == "" ? 0 : v) }' <<<"$1"
}
database_bytes() {
  if [[ $ENGINE == sqlite ]]; then
    stat -c %s "$SCRATCH/bench.db" 2>/dev/null || echo 0
  else
    mysql_cli -N -e "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables WHERE table_schema = '$MYSQL_DB'"
  fi
}
# samples.tsv: seconds, RSS KiB, heap used after a full GC KiB, threads, descriptors, WAL bytes,
# database bytes, pool_queue_pending main, analytics, load average (1 min).
sample() {
  local rss heap threads fds wal db metrics
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$APP_PID/status")
  fds=$(ls "/proc/$APP_PID/fd" | wc -l)
  heap=$(jcmd "$APP_PID" -f "$SCRATCH/jcmd" 2>/dev/null | sed -n 's/.*heap *total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -n 1)
  wal=0
  [[ $ENGINE == sqlite ]] && wal=$(stat -c %s "$SCRATCH/bench.db-wal" 2>/dev/null || echo 0)
  db=$(database_bytes)
  metrics=$(curl -fs "http://127.0.0.1:$mgmt_port/metrics" || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(( $(date +%s) - START ))" "$rss" "${heap:-0}" "$threads" "$fds" \
    "$wal" "$db" "$(metric "$metrics" vertx_pool_queue_pending main)" "$(metric "$metrics" vertx_pool_queue_pending analytics)" \
    "$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/samples.tsv"
}

route_loop get_product get_product 12 "$CUSTOMER_TOKEN" & LOOPS+=($!)
route_loop get_products get_products 6 "$CUSTOMER_TOKEN" & LOOPS+=($!)
route_loop purchase purchase 4 "$CUSTOMER_TOKEN" & LOOPS+=($!)
route_loop purchase_keyed purchase_keyed 4 "$CUSTOMER_TOKEN" & LOOPS+=($!)
route_loop get_sales_data get_sales_data 4 "$ADMIN_TOKEN" & LOOPS+=($!)
route_loop add_inventory add_inventory 1 "$ADMIN_TOKEN" & LOOPS+=($!)
session_loop & LOOPS+=($!)

nmt() { jcmd "$APP_PID" VM.native_memory summary > "$OUT/nmt-$1.txt" 2>&1 || true; }
nmt start
MIDDLE=$(( START + MINUTES * 30 ))
middle_taken=
next=$START
while (( next <= END )); do
  sample
  if [[ -z $middle_taken ]] && (( $(date +%s) >= MIDDLE )); then nmt middle; middle_taken=1; fi
  # On a busy machine a sample (a JVM for jcmd, a full GC) may take longer than PERIOD: skip the
  # slots it overran rather than sample back to back after the load has ended.
  now=$(date +%s)
  next=$(( next + PERIOD ))
  while (( next < now )); do next=$(( next + PERIOD )); done
  (( next > now && next <= END )) && sleep $(( next - now ))
done
nmt end
wait "${LOOPS[@]}" 2>/dev/null || true
LOOPS=()
LOAD_AT_END=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 2
stop_pid "$APP_PID"
APP_PID=

{
  echo "ENGINE=$ENGINE"
  echo "START=$START"
  echo "END=$END"
  echo "LOAD_AT_START='$LOAD_AT_START'"
  echo "LOAD_AT_END='$LOAD_AT_END'"
  echo "JVM='$JAVA_OPTS, MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-unset}, NativeMemoryTracking=summary'"
  echo "COMMIT='$COMMIT'"
} > "$OUT/run.env"
bash src/bench/soak-report.sh "$OUT"
