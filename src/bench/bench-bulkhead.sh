#!/usr/bin/env bash
# The reports' bulkhead, measured (./run.sh bench-bulkhead; docs/benchmarks.md): do buyers and
# shoppers keep their latency while many large reports run?
#
# For each engine (BENCH_ENGINES, default "sqlite mariadb"; MariaDB database
# ecommerce_bench_bulkhead at BENCH_MYSQL_HOST/PORT/USER/PASSWORD, dropped afterwards unless kept):
#   1. demo data of BENCH_SALES sales (default 20,000, ~30,000 sale items over three years), or the
#      data kept in BENCH_KEEP_DATA=DIR by an earlier run;
#   2. the app from the jar (-Xms64m -Xmx384m, defaults otherwise: ANALYTICS_POOL_SIZE 1 on SQLite;
#      on MySQL 1 on up to 2 cores, 2 above; ANALYTICS_CPU_PERCENT 50 on up to 2 cores, 100 above;
#      either taken from the environment when set), the two purchase products given a huge stock;
#   3. BENCH_WARMUP s (20) of the measured load: get_product at 8 connections and purchase at 4, at
#      once (wrk, one thread each);
#   4. four measured slices of BENCH_DURATION s (20) of that same load: without reports, with, with,
#      without. "With": 16 connections of get_sales_data as the admin (the whole range, with every
#      sale row: include_sales_items=true; BENCH_REPORT_QUERY to change it) running from 5 s before
#      the slice to its end, so that 16 large reports are always running or queued.
# Per engine and route: p50 and p99 of all the requests of the two slices without reports, and of
# the two with them (pooled histograms), the ratio of the p99s, PASS when it is <= 2; the reports'
# own count, p50 and errors; the 1-minute load average at each slice. Report in
# target/bench/bulkhead.md. Never part of the build.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=target/ecommerce.jar
OUT=target/bench
REPORT=$OUT/bulkhead.md
WRK_DIR=$PWD/src/bench/wrk
ENGINES=${BENCH_ENGINES:-sqlite mariadb}
SALES=${BENCH_SALES:-20000}
WARMUP=${BENCH_WARMUP:-20}
DURATION=${BENCH_DURATION:-20}
KEEP=${BENCH_KEEP_DATA:-}
REPORTS=16
LEAD=5
source src/bench/engines.sh
source src/bench/server.sh
MYSQL_DB=${BENCH_MYSQL_DATABASE:-ecommerce_bench_bulkhead}
SCRATCH=$(mktemp -d /tmp/ecommerce-bench.XXXXXX)
ADMIN=bench-admin@example.com
ADMIN_PW=bench-password-1
CUSTOMER=customer@example.com      # made by demo-data
CUSTOMER_PW='Customer123!'

export APPLICATION_SETTINGS=""   # never read a developer's .vars
export DATA_DIR=$SCRATCH JWT_SECRET=benchmark-only-secret-with-more-than-32-bytes
export ADMIN_EMAIL=$ADMIN ADMIN_PASSWORD=$ADMIN_PW DEMO_DATA=false
export BENCH_WRK_DIR=$WRK_DIR BENCH_PURCHASE_IDS=1,2

APP_PID=
cleanup() {
  [[ -n $APP_PID ]] && stop_pid "$APP_PID"
  if [[ -z $KEEP && " $ENGINES " == *" mariadb "* ]]; then
    drop_database "$MYSQL_DB"
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

require_wrk
mkdir -p "$OUT"
rm -f "$OUT"/bulkhead-*
export BENCH_REPORT_QUERY=${BENCH_REPORT_QUERY:-start_date=2000-01-01&end_date=2100-01-01&timezone=UTC&include_sales_items=true}
RESULTS=$OUT/bulkhead-results.tsv
: > "$RESULTS"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

# get_product (8 connections) and purchase (4) at once for SECONDS; their latencies into
# bulkhead-ENGINE-ROUTE-SLICE.latency.txt, their wrk output beside.
buyers() { # ENGINE SLICE SECONDS PORT
  local route conns pids=()
  for route in get_product:8 purchase:4; do
    conns=${route#*:} route=${route%:*}
    BENCH_TOKEN=$CUSTOMER_TOKEN BENCH_LATENCY_FILE="$OUT/bulkhead-$1-$route-$2.latency.txt" \
      wrk -t1 -c"$conns" -d"${3}s" --timeout 30s --latency -s "$WRK_DIR/$route.lua" "http://127.0.0.1:$4" \
      > "$OUT/bulkhead-$1-$route-$2.wrk.txt" &
    pids+=($!)
  done
  wait "${pids[@]}"   # not the app, also a child of this shell
}
errors_of() { # FILE...
  local file total=0 f
  for file in "$@"; do read -r -a f <<<"$(wrk_figures "$file")"; total=$(( total + f[3] )); done
  echo "$total"
}

for engine in $ENGINES; do
  dir=${KEEP:-$SCRATCH}
  mkdir -p "$dir"
  if [[ -n $KEEP ]] && data_exists "$engine" "$dir/bulkhead-$SALES.db" "$MYSQL_DB"; then
    reuse_engine "$engine" "$dir/bulkhead-$SALES.db" "$MYSQL_DB"
    echo "== $engine: reusing the demo data kept in $KEEP =="
  else
    use_engine "$engine" "$dir" "$MYSQL_DB"
    [[ $engine == sqlite ]] && mv_sqlite_url "$dir/bulkhead-$SALES.db" && rm -f "$dir/bulkhead-$SALES.db"*
    echo "== $engine: generating $SALES demo sales =="
    generate_demo_data "$JAR" "$SALES"
  fi
  port=$(free_port)
  HTTP_PORT=$port MANAGEMENT_PORT=0 java -Xms64m -Xmx384m -XX:-DontCompileHugeMethods -jar "$JAR" \
    > "$OUT/bulkhead-$engine-app.log" 2>&1 &
  APP_PID=$!
  await_ready "$port" "$APP_PID" "$OUT/bulkhead-$engine-app.log"
  ADMIN_TOKEN=$(login_token "$port" "$ADMIN" "$ADMIN_PW")
  CUSTOMER_TOKEN=$(login_token "$port" "$CUSTOMER" "$CUSTOMER_PW")
  products=$(curl -fsS "http://127.0.0.1:$port/ecommerce/v1/get_products?per_page=1" \
    -H "Authorization: Bearer $CUSTOMER_TOKEN" | grep -o '"total":[0-9]*' | cut -d: -f2)
  export BENCH_PRODUCT_IDS; BENCH_PRODUCT_IDS=$(seq -s, 1 "$products")
  for id in 1 2; do
    curl -fsS -XPUT "http://127.0.0.1:$port/ecommerce/v1/add_inventory" -H "Authorization: Bearer $ADMIN_TOKEN" \
      -H 'Content-Type: application/json' -d "{\"product_id\":$id,\"quantity\":1000000}" >/dev/null
  done
  one=$(curl -fsS -o /dev/null -w '%{time_total} %{size_download}' -H "Authorization: Bearer $ADMIN_TOKEN" \
    "http://127.0.0.1:$port/ecommerce/v1/get_sales_data?$BENCH_REPORT_QUERY")
  echo "== $engine: app pid $APP_PID port $port; one report alone: $(awk -v t="${one% *}" 'BEGIN { printf "%.0f ms", t * 1000 }'), $(awk -v b="${one#* }" 'BEGIN { printf "%.1f MB", b / 1048576 }') =="
  buyers "$engine" warmup "$WARMUP" "$port"
  loads=""
  for slice in base-1 reports-1 reports-2 base-2; do
    report_pid=
    if [[ $slice == reports-* ]]; then
      BENCH_TOKEN=$ADMIN_TOKEN BENCH_SALES_QUERY=$BENCH_REPORT_QUERY BENCH_LATENCY_FILE="$OUT/bulkhead-$engine-report-$slice.latency.txt" \
        wrk -t1 -c"$REPORTS" -d"$(( DURATION + LEAD ))s" --timeout 60s --latency -s "$WRK_DIR/get_sales_data.lua" \
        "http://127.0.0.1:$port" > "$OUT/bulkhead-$engine-report-$slice.wrk.txt" &
      report_pid=$!
      sleep "$LEAD"
    fi
    loads+="${loads:+; }$slice $(cut -d' ' -f1 /proc/loadavg)"
    buyers "$engine" "$slice" "$DURATION" "$port"
    [[ -n $report_pid ]] && wait "$report_pid"
    echo "  $slice done (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  for route in get_product purchase; do
    read -r base50 base99 < <(pooled_percentiles "$OUT/bulkhead-$engine-$route"-base-*.latency.txt)
    read -r rep50 rep99 < <(pooled_percentiles "$OUT/bulkhead-$engine-$route"-reports-*.latency.txt)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$engine" "$route" "$base50" "$base99" "$rep50" "$rep99" \
      "$(errors_of "$OUT/bulkhead-$engine-$route"-*.wrk.txt)" "$loads" >> "$RESULTS"
  done
  read -r r50 r99 < <(pooled_percentiles "$OUT/bulkhead-$engine-report"-*.latency.txt)
  rcount=$(cat "$OUT/bulkhead-$engine-report"-*.wrk.txt | awk '/requests in/ { n += $1 } END { print n + 0 }')
  printf '%s\treports\t%s\t%s\t%s\t%s\t%s\t%s\n' "$engine" "$rcount" "$r50" "$r99" "${one% *}" \
    "$(errors_of "$OUT/bulkhead-$engine-report"-*.wrk.txt)" "${one#* }" >> "$RESULTS"
  stop_pid "$APP_PID"
  APP_PID=
done

{
  echo "# Bulkhead benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$([[ -n $(git status --porcelain 2>/dev/null) ]] && echo ' (uncommitted changes)')"
  echo "- machine: $(nproc) cores, shared; load average at start $LOAD_AT_START, at end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- app settings: ANALYTICS_POOL_SIZE ${ANALYTICS_POOL_SIZE:-default}, ANALYTICS_CPU_PERCENT ${ANALYTICS_CPU_PERCENT:-default}"
  echo "- $SALES demo sales; buyers: get_product 8 connections + purchase 4, ${WARMUP} s warm-up, then slices of ${DURATION} s: without reports, with, with, without; reports: $REPORTS connections of get_sales_data?$BENCH_REPORT_QUERY from ${LEAD} s before each slice with them"
  echo
  echo "| engine | route | p50 ms without | p99 ms without | p50 ms with 16 reports | p99 ms with 16 reports | p99 ratio | target | result | error answers | 1-min load at each slice |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---|---:|---|"
  awk -F'\t' '$2 != "reports" { r = ($4 > 0) ? $6 / $4 : 0
      printf "| %s | %s | %s | %s | %s | %s | %.2f | p99 <= 2 x without | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, r, (r <= 2 && $7 == 0) ? "PASS" : "MISS", $7, $8 }' "$RESULTS"
  echo
  echo "| engine | reports answered in the slices with them | p50 ms | p99 ms | one report alone, ms | its size, MB | error answers |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '$2 == "reports" { printf "| %s | %s | %s | %s | %.0f | %.1f | %s |\n", $1, $3, $4, $5, $6 * 1000, $8 / 1048576, $7 }' "$RESULTS"
  echo
  echo "Raw wrk output and the app's logs: $OUT/bulkhead-*."
} > "$REPORT"
echo
cat "$REPORT"
