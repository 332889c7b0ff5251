#!/usr/bin/env bash
# get_purchases benchmark (./run.sh bench-purchases): page 1 of the purchase history at the
# bench's 666,667 demo sales (BENCH_SALES), on a scratch SQLite file and a scratch MariaDB database
# (BENCH_ENGINES). The demo customer made every one of those sales, so their own history is as
# deep as the admin's view of all. For each engine it times, with wrk (2 threads, 8 connections,
# BENCH_DURATION s after as many of warm-up): the admin's page 1 of everything, the admin's page 1
# filtered to the customer (user_id), the admin's page 1 of one month (start_date/end_date), and
# the customer's own page 1. Prints requests/s, p50 and p99 and appends them to
# target/bench-purchases.txt. Never fails a build.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=target/ecommerce.jar
SALES=${BENCH_SALES:-666667}
DURATION=${BENCH_DURATION:-10}
RESULTS=${BENCH_RESULTS:-target/bench-purchases.txt}
source src/bench/engines.sh
MYSQL_DB=ecommerce_bench_purchases
ENGINES=${BENCH_ENGINES:-sqlite mariadb}
SCRATCH=$(mktemp -d /tmp/ecommerce-bench.XXXXXX)
ADMIN=bench-admin@example.com
ADMIN_PW=bench-password-1
export APPLICATION_SETTINGS=""   # never read a developer's .vars
export DATA_DIR=$SCRATCH JWT_SECRET=benchmark-only-secret-with-more-than-32-bytes
export ADMIN_EMAIL=$ADMIN ADMIN_PASSWORD=$ADMIN_PW DEMO_DATA=false BENCH_WRK_DIR=$PWD/src/bench/wrk
SERVER=

cleanup() {
  if [[ -n $SERVER ]]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$SCRATCH"
  if [[ " $ENGINES " == *" mariadb "* ]]; then
    drop_database "$MYSQL_DB"
  fi
}
trap cleanup EXIT

require_wrk
login() { # PORT EMAIL PASSWORD
  curl -fsS -XPOST "http://127.0.0.1:$1/ecommerce/v1/login_user" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
}
mkdir -p "$(dirname "$RESULTS")"
echo "# get_purchases benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $SALES demo sales" >> "$RESULTS"

for engine in $ENGINES; do
  use_engine "$engine" "$SCRATCH" "$MYSQL_DB"
  echo "== $engine: generating $SALES demo sales =="
  generate_demo_data "$JAR" "$SALES"
  port=$((20000 + RANDOM % 20000))
  HTTP_PORT=$port MANAGEMENT_PORT=0 java -Xms64m -Xmx384m -XX:-DontCompileHugeMethods -jar "$JAR" > "$SCRATCH/$engine.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  admin=$(login "$port" "$ADMIN" "$ADMIN_PW")
  customer=$(login "$port" customer@example.com 'Customer123!')
  customer_id=$(curl -fsS "http://127.0.0.1:$port/ecommerce/v1/get_purchases?per_page=1" \
    -H "Authorization: Bearer $customer" | grep -o '"user_id":[0-9]*' | head -n 1 | cut -d: -f2)
  month=$(curl -fsS "http://127.0.0.1:$port/ecommerce/v1/get_purchases?per_page=1" -H "Authorization: Bearer $admin" \
    | grep -o '"created_at":"[0-9-]*' | head -n 1 | cut -d'"' -f4 | cut -c1-7)
  total=$(curl -fsS "http://127.0.0.1:$port/ecommerce/v1/get_purchases?per_page=1" -H "Authorization: Bearer $admin" \
    | grep -o '"total":[0-9]*' | cut -d: -f2)
  echo "$engine: $total purchases; the customer is user $customer_id; the latest month is $month"
  for scenario in "admin all:$admin:" "admin one user:$admin:&user_id=$customer_id" \
      "admin one month:$admin:&start_date=$month-01&end_date=$month-28" "customer own:$customer:"; do
    IFS=: read -r name token query <<<"$scenario"
    BENCH_TOKEN=$token BENCH_QUERY=$query wrk -t2 -c8 -d"${DURATION}s" -s src/bench/wrk/get_purchases.lua \
      "http://127.0.0.1:$port" > /dev/null
    out=$(BENCH_TOKEN=$token BENCH_QUERY=$query wrk -t2 -c8 -d"${DURATION}s" --latency -s src/bench/wrk/get_purchases.lua \
      "http://127.0.0.1:$port")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    line=$(printf '%-8s %-16s %9s req/s  p50 %9s  p99 %9s  non-2xx %s' "$engine" "$name" "$rps" "$p50" "$p99" "${errors:-0}")
    echo "$line" | tee -a "$RESULTS"
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
done
echo "Results appended to $RESULTS"
