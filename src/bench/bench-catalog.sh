#!/usr/bin/env bash
# Catalog benchmark (./run.sh bench-catalog, issue 32): get_products, get_product, search and
# get_low_stock_products at catalogs of BENCH_PRODUCTS generated products beside the 25 demo ones
# (default "0 200000 1000000"), on SQLite and MariaDB (BENCH_ENGINES). Each request kind runs at
# one connection for BENCH_DURATION s (default 4) after the server has had BENCH_WARMUP s (default
# 20) of every kind mixed, and its p50 and p99 are printed. Then a sorted page (by price, desc) at
# 64 connections against the app and, on the same database, the bare server of src/bench doing the
# same SQL; and the catalog's writes at one connection (create, edit of a price, rename (a new
# name and description), deactivate, buy).
# BENCH_SCENARIOS=reads,throughput,writes picks the parts, BENCH_KINDS (an extended regular
# expression, e.g. '^q,') the read kinds by name, warm-up included. BENCH_KEEP_DATA=DIR keeps the
# generated data (SQLite files in DIR, MariaDB databases <BENCH_DB_PREFIX><N>, default
# ecommerce_bench_catalog_) and reuses it;
# BENCH_APP_JAR runs another build of the app (for a before/after of the writes; it generates its
# own data when N is 0). Appends to target/bench-catalog.txt. Never fails a build.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=${BENCH_APP_JAR:-target/ecommerce.jar}
SIZES=${BENCH_PRODUCTS:-0 200000 1000000}
DURATION=${BENCH_DURATION:-4}
WARMUP=${BENCH_WARMUP:-20}
SCENARIOS=${BENCH_SCENARIOS:-reads,throughput,writes}
KINDS=${BENCH_KINDS:-.}
DB_PREFIX=${BENCH_DB_PREFIX:-ecommerce_bench_catalog_}
RESULTS=${BENCH_RESULTS:-target/bench-catalog.txt}
source src/bench/engines.sh
ENGINES=${BENCH_ENGINES:-sqlite mariadb}
SCRATCH=$(mktemp -d /tmp/ecommerce-bench.XXXXXX)
KEEP=${BENCH_KEEP_DATA:-}
export APPLICATION_SETTINGS=""   # never read a developer's .vars
export DATA_DIR=$SCRATCH JWT_SECRET=benchmark-only-secret-with-more-than-32-bytes DEMO_DATA=false
export BENCH_WRK_DIR=$PWD/src/bench/wrk
SERVERS=()

cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$SCRATCH"
  if [[ -z $KEEP && " $ENGINES " == *" mariadb "* ]]; then
    for size in $SIZES; do drop_database "$DB_PREFIX$size"; done
  fi
}
trap cleanup EXIT

require_wrk
if [[ $SCENARIOS == *throughput* ]]; then build_bench_jar; fi
free_port() { echo $((20000 + RANDOM % 20000)); }
login() { # PORT EMAIL PASSWORD
  curl -fsS -XPOST "http://127.0.0.1:$1/ecommerce/v1/login_user" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
}
start() { # JAR-OR-CLASS PORT LOG
  if [[ $1 == bare ]]; then
    HTTP_PORT=$2 java -Xms64m -Xmx384m -cp "$BENCH_JAR" app.ecommerce.bench.BareServer > "$3" 2>&1 &
  else
    HTTP_PORT=$2 MANAGEMENT_PORT=0 java -Xms64m -Xmx384m -jar "$1" > "$3" 2>&1 &
  fi
  SERVERS+=($!)
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$2/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "server on $2 did not start; see $3" >&2; return 1
}
stop_all() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  SERVERS=()
}
# p50 and p99 (ms) and requests/s of one wrk run: PORT CONNECTIONS SECONDS SCRIPT
measure() {
  local out
  out=$(wrk -t1 -c"$2" -d"$3s" --latency -s "src/bench/wrk/$4" "http://127.0.0.1:$1")
  local errors
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%s %s %s %s' "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "${errors:-0}"
}
# One line of the table: ENGINE SIZE NAME P50 P99 RPS ERRORS
report() {
  printf '%-8s %8s  %-44s p50 %9s  p99 %9s  %9s req/s  non-2xx %s\n' "$@" | tee -a "$RESULTS"
}

mkdir -p "$(dirname "$RESULTS")"
echo "# catalog benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), app $JAR, sizes: $SIZES" >> "$RESULTS"

for engine in $ENGINES; do
  for size in $SIZES; do
    db=$DB_PREFIX$size
    dir=${KEEP:-$SCRATCH}
    mkdir -p "$dir"
    if [[ -n $KEEP ]] && data_exists "$engine" "$dir/catalog-$size.db" "$db"; then
      reuse_engine "$engine" "$dir/catalog-$size.db" "$db"
      echo "== $engine: reusing the catalog of $dir ($size generated products) =="
    else
      use_engine "$engine" "$dir" "$db"
      if [[ $engine == sqlite ]]; then rm -f "$dir/catalog-$size.db"*; mv_sqlite_url "$dir/catalog-$size.db"; fi
      echo "== $engine: generating 25 demo + $size products =="
      started=$(date +%s)
      if (( size > 0 )); then
        java -Xmx1g -jar "$JAR" demo-data --sales 2000 --products "$size" --yes | tail -n 1
      else
        java -Xmx1g -jar "$JAR" demo-data --sales 2000 --yes | tail -n 1
      fi
      echo "generated in $(( $(date +%s) - started )) s" | tee -a "$RESULTS"
    fi
    port=$(free_port)
    start "$JAR" "$port" "$SCRATCH/$engine-$size.log"
    admin=$(login "$port" admin@example.com 'Admin123!')
    max=$((25 + size))
    first_category=7
    if [[ $SCENARIOS == *reads* ]]; then
      deep=$(curl -fsS "http://127.0.0.1:$port/ecommerce/v1/get_products?per_page=20&page=$(( max > 200000 ? 5000 : max / 40 + 1 ))&order_by=price" \
        | grep -o '"next_cursor":"[^"]*"' | cut -d'"' -f4)
      deep_name=$(curl -fsS "http://127.0.0.1:$port/ecommerce/v1/get_products?per_page=20&page=$(( max / 40 + 1 ))&order_by=product_name&order=desc" \
        | grep -o '"next_cursor":"[^"]*"' | cut -d'"' -f4)
      kinds=()
      for order_by in id product_name price quantity created_at; do
        for order in asc desc; do
          kinds+=("page 1, $order_by $order|customer|get_products?per_page=20&order_by=$order_by&order=$order")
        done
        kinds+=("page 1, one category, $order_by|customer|get_products?per_page=20&category_ids=[$first_category]&order_by=$order_by")
        kinds+=("page 1, admin, include_inactive, $order_by desc|admin|get_products?per_page=20&include_inactive=true&order_by=$order_by&order=desc")
      done
      kinds+=(
        "page 1, three categories, price|customer|get_products?per_page=20&category_ids=[7,8,9]&order_by=price"
        "page 1, min/max price, price|customer|get_products?per_page=20&min_price=50&max_price=100&order_by=price"
        "page 1, in_stock, price desc|customer|get_products?per_page=20&in_stock=true&order_by=price&order=desc"
        "page 1, category+in_stock+min_price, created_at|customer|get_products?per_page=20&category_ids=[$first_category]&in_stock=true&min_price=20&order_by=created_at&order=desc"
        "after cursor, deep, price|customer|get_products?per_page=20&order_by=price&after=$deep"
        "after cursor, deep, product_name desc|customer|get_products?per_page=20&order_by=product_name&order=desc&after=$deep_name"
        "page=5000 per_page=20, price|customer|get_products?per_page=20&page=5000&order_by=price"
        "page=5000 per_page=20, id|customer|get_products?per_page=20&page=5000"
        "q, one word|customer|get_products?per_page=20&q=lamp|get_products?per_page=20&q=walnut|get_products?per_page=20&q=nordic|get_products?per_page=20&q=kettle"
        "q, three words|customer|get_products?per_page=20&q=oak%20desk%20lamp|get_products?per_page=20&q=compact%20steel%20kettle|get_products?per_page=20&q=nordic%20cotton%20blanket"
        "q, one word, page 3|customer|get_products?per_page=20&q=lamp&page=3|get_products?per_page=20&q=steel&page=3"
        "q, one word, by price|customer|get_products?per_page=20&q=lamp&order_by=price|get_products?per_page=20&q=walnut&order_by=price"
        "get_low_stock_products page 1|admin|get_low_stock_products?per_page=20"
        "get_product|customer|get_product?product_id=1|get_product?product_id=$((max / 2))|get_product?product_id=$max"
      )
      selected=()
      for k in "${kinds[@]}"; do [[ ${k%%|*} =~ $KINDS ]] && selected+=("$k"); done
      kinds=("${selected[@]}")
      # warm-up: every kind mixed
      all=$(for k in "${kinds[@]}"; do IFS='|' read -r _ _ paths <<<"$k"; printf '%s|' "$paths"; done)
      BENCH_TOKEN=$admin BENCH_PATHS="$all" wrk -t1 -c2 -d"${WARMUP}s" -s src/bench/wrk/get_path.lua \
        "http://127.0.0.1:$port" > /dev/null
      for k in "${kinds[@]}"; do
        name=${k%%|*}; rest=${k#*|}; who=${rest%%|*}; paths=${rest#*|}
        token=""; [[ $who == admin ]] && token=$admin
        read -r p50 p99 rps errors <<<"$(BENCH_TOKEN=$token BENCH_PATHS="$paths" measure "$port" 1 "$DURATION" get_path.lua)"
        report "$engine" "$size" "$name" "$p50" "$p99" "$rps" "$errors"
      done
    fi
    if [[ $SCENARIOS == *throughput* ]]; then
      bare_port=$(free_port)
      start bare "$bare_port" "$SCRATCH/$engine-$size-bare.log"
      path="get_products?per_page=20&order_by=price&order=desc"
      for server in app bare app bare; do
        p=$port; [[ $server == bare ]] && p=$bare_port
        BENCH_PATHS=$path wrk -t2 -c64 -d5s -s src/bench/wrk/get_path.lua "http://127.0.0.1:$p" > /dev/null
        read -r p50 p99 rps errors <<<"$(BENCH_PATHS=$path measure "$p" 64 10 get_path.lua)"
        report "$engine" "$size" "64 connections, page by price desc: $server" "$p50" "$p99" "$rps" "$errors"
      done
    fi
    if [[ $SCENARIOS == *writes* ]]; then
      for write in create edit rename deactivate buy; do
        BENCH_TOKEN=$admin BENCH_WRITE=$write BENCH_MAX_ID=$max wrk -t1 -c1 -d3s -s src/bench/wrk/write.lua \
          "http://127.0.0.1:$port" > /dev/null
        read -r p50 p99 rps errors <<<"$(BENCH_TOKEN=$admin BENCH_WRITE=$write BENCH_MAX_ID=$max measure "$port" 1 "$DURATION" write.lua)"
        report "$engine" "$size" "write: $write" "$p50" "$p99" "$rps" "$errors"
      done
    fi
    stop_all
  done
done
echo "Results appended to $RESULTS"
