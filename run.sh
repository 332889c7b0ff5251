#!/usr/bin/env bash
# The one entry point for people and scripts. ./run.sh help lists the commands.
set -euo pipefail
cd "$(dirname "$0")"

JAR=target/ecommerce.jar
# -XX:-DontCompileHugeMethods: vertx-json-schema validates every request's input in one method of
# 9,290 bytes of bytecode, past HotSpot's 8,000-byte limit for compiling, so by default it runs
# interpreted for the process's whole life (docs/decisions.md, issue 27)
# -Xms384m = -Xmx384m with -XX:+AlwaysPreTouch and MALLOC_ARENA_MAX=2: the process takes its memory
# at start and keeps it, so RSS stays flat instead of following G1 growing and shrinking the heap
# and glibc opening an arena per thread (docs/decisions.md, issue 33). export: ./run.sh soak starts
# its node with the same options.
export JAVA_OPTS=${JAVA_OPTS:--Xms384m -Xmx384m -XX:+AlwaysPreTouch -XX:-DontCompileHugeMethods}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

usage() {
  cat <<'USAGE'
Usage: ./run.sh [command]
  (none)                    build the jar if missing or stale, start the server in the foreground
                            (SQLite at data/ecommerce.db with demo data on first start; Ctrl-C stops it);
                            prints the shop's and the admin console's URLs once it is ready
  test                      run the whole test suite (MariaDB tests too when MYSQL_TEST_URL is set); installs
                            Debian's chromium and chromium-driver first when missing (the browser tests), and
                            galera-4 and rsync when MYSQL_TEST_URL is set (the Galera tests)
  demo-data [--sales N] [--products N] [--yes]
                            (re)generate demo data in the configured database (default 2000 sales);
                            --products N adds N generated products to the 25 demo ones
  cluster [N] [--analytics-node] [--galera]
                            N nodes (default 3) on loopback, clustered over Hazelcast, against the
                            local MariaDB (database ecommerce_cluster); HTTP on ports 8000.., /metrics on
                            9000.. (each node's management listener); with
                            --analytics-node the last node runs only sales analytics; with --galera
                            on three MariaDB Galera nodes on loopback (GALERA_PORT, default 3311..3313)
                            instead of the local MariaDB; Ctrl-C stops all
  import-legacy FILE [--yes]
                            import a database of the original FastAPI system (read-only) into the
                            configured database (--yes replaces catalog, stock and sales already there)
  smoke [URL]               run the request collection endpoints.json once against a running server (default
                            http://127.0.0.1:8000, e.g. a fresh ./run.sh) with newman, every answer checked;
                            needs Node 20+ (npm installs newman once into ~/.cache/ecommerce-npm-tools)
  bench [--quick]           the benchmark suite: the app beside a bare Vert.x server doing the same SQL,
                            driven by wrk (get_products, get_product, purchase, login, get_sales_data over
                            1M sale items; --quick: small data and short runs) on SQLite, MariaDB and
                            three MariaDB Galera nodes on loopback (reads and purchases, with their ratios
                            to one MariaDB) (BENCH_ENGINES, BENCH_SCENARIOS, BENCH_MYSQL_*;
                            BENCH_VERSUS_JAR=FILE: that build's app instead of the bare server); report in
                            target/bench/report.md
  bench-catalog             p50 of every get_products order, filter, cursor, deep page and search, of
                            get_low_stock_products and get_product, at 25 demo products plus 0, 200,000
                            and 1,000,000 generated ones (BENCH_PRODUCTS), one connection; a sorted page at
                            64 connections beside the bare server; create/edit/deactivate/buy; SQLite and
                            MariaDB (BENCH_ENGINES); BENCH_KEEP_DATA=DIR keeps the generated catalogs
  bench-purchases           p50/p99 of get_purchases page 1 (admin and customer) at 666,667 demo sales
  bench-bulkhead            get_product and purchase p50/p99 with and without 16 large get_sales_data running,
                            on SQLite and MariaDB (BENCH_ENGINES, BENCH_SALES, BENCH_KEEP_DATA=DIR); report in
                            target/bench/bulkhead.md
  soak [MINUTES]            one fresh node under continuous mixed load for MINUTES (default 30), sampled every
                            15 s (RSS, heap after GC, threads, descriptors, WAL and database size, pool queues,
                            per-route latency); report with each figure's slope per minute and every WARN/ERROR
                            line in target/soak/ENGINE-TIME/report.md; SOAK_ENGINE=sqlite (default) or mariadb
  bench-analytics           time get_sales_data against the bare SQL on 1M and 10M demo sale items
                            (BENCH_ITEMS), the 1M-row CSV export beside a bare JDBC read and the heap during it,
                            on SQLite and MariaDB (BENCH_ENGINES="sqlite mariadb"; MariaDB at
                            BENCH_MYSQL_HOST/PORT/USER/PASSWORD, default root@127.0.0.1:3306); BENCH_KEEP_DATA=DIR
                            keeps the generated data there (MariaDB: databases BENCH_DB_PREFIX_<items>) and
                            reuses it; BENCH_WARMUP_SECONDS of answers before the timed ones (default 30),
                            BENCH_BARE_RUNS bare scans per query (default 9); BENCH_ONLY=json-rows times only
                            the rows-included JSON answer against the CSV of the same rows
  build                     build target/ecommerce.jar
  help                      this text
Configuration comes from conf/config.json, then .vars, then the environment (see README.md).
USAGE
}

# Builds the jar when it is missing or older than any source, migration, config or the pom.
build_if_needed() {
  if [[ ! -f $JAR ]] || [[ -n $(find src sql conf pom.xml -newer "$JAR" -type f -print -quit 2>/dev/null) ]]; then
    echo "Building $JAR ..." >&2
    mvn -q -B -DskipTests package >&2
  fi
}

# The web front's browser tests drive Debian's headless Chromium through its chromedriver.
ensure_browser() {
  if [[ ! -x /usr/bin/chromedriver || ! -x /usr/bin/chromium ]]; then
    echo "Installing chromium and chromium-driver for the browser tests ..." >&2
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >&2
  fi
}

ensure_mariadb() {
  if ! mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1; then
    echo "Starting MariaDB ..." >&2
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    for _ in $(seq 1 60); do
      mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1 && return 0
      sleep 1
    done
    echo "MariaDB did not start" >&2
    return 1
  fi
}

# N clustered nodes on loopback sharing one MariaDB database; stops them all on Ctrl-C.
cluster() {
  local n=3 analytics_node=false galera=false
  for arg in "$@"; do
    case "$arg" in
      --analytics-node) analytics_node=true ;;
      --galera) galera=true ;;
      ''|*[!0-9]*) echo "Usage: ./run.sh cluster [N] [--analytics-node] [--galera]" >&2; exit 2 ;;
      *) n=$arg ;;
    esac
  done
  (( n >= 1 && n <= 9 )) || { echo "N must be 1..9" >&2; exit 2; }
  build_if_needed
  local db=${CLUSTER_DATABASE:-ecommerce_cluster} hosts=127.0.0.1:3306 galera_dir=""
  if [[ $galera == true ]]; then
    # three Galera nodes on loopback, SQL on GALERA_PORT.. (default 3311..3313); removed on Ctrl-C
    local base=${GALERA_PORT:-3311} j
    bash src/scripts/galera.sh require
    galera_dir=$(mktemp -d /tmp/ecommerce-galera.XXXXXX)
    echo "Starting 3 MariaDB Galera nodes on 127.0.0.1:$base-$((base + 2)) (data in $galera_dir) ..."
    bash src/scripts/galera.sh start "$galera_dir" "$base" 3 > /dev/null \
      || { bash src/scripts/galera.sh stop "$galera_dir"; rm -rf "$galera_dir"; exit 1; }
    bash src/scripts/galera.sh sql "$galera_dir" 1 "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    hosts=""
    for ((j = 0; j < 3; j++)); do hosts+="${hosts:+,}127.0.0.1:$((base + j))"; done
  else
    ensure_mariadb
    mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  fi
  export JWT_SECRET=${JWT_SECRET:-$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')}
  local members="" i
  for ((i = 0; i < n; i++)); do members+="${members:+,}127.0.0.1:$((5701 + i))"; done
  mkdir -p target/cluster
  local pids=()
  trap 'echo; echo "Stopping ${#pids[@]} nodes ..."; kill -TERM "${pids[@]}" 2>/dev/null; wait
    if [[ -n $galera_dir ]]; then echo "Stopping the Galera nodes ..."; bash src/scripts/galera.sh stop "$galera_dir"; rm -rf "$galera_dir"; fi
    exit 0' INT TERM
  for ((i = 0; i < n; i++)); do
    local verticles=all
    if [[ $analytics_node == true && $n -gt 1 && $i -eq $((n - 1)) ]]; then verticles=sales; fi
    HTTP_PORT=$((8000 + i)) MANAGEMENT_PORT=$((9000 + i)) \
      CLUSTER=true CLUSTER_HOST=127.0.0.1 CLUSTER_PORT=$((5701 + i)) \
      CLUSTER_MEMBERS=$members VERTICLES=$verticles DEMO_DATA=${DEMO_DATA:-true} \
      DATABASE_URL="mysql://root@$hosts/$db" \
      ADMIN_EMAIL=${ADMIN_EMAIL:-admin@example.com} ADMIN_PASSWORD=${ADMIN_PASSWORD:-Admin123!} \
      java $JAVA_OPTS -jar "$JAR" > "target/cluster/node$i.log" 2>&1 &
    pids+=($!)
  done
  echo "Waiting for $n nodes to join ..."
  for ((i = 0; i < n; i++)); do
    for _ in $(seq 1 120); do
      grep -q "Node started" "target/cluster/node$i.log" 2>/dev/null && break
      kill -0 "${pids[$i]}" 2>/dev/null || { echo "node $i exited; see target/cluster/node$i.log" >&2; kill "${pids[@]}" 2>/dev/null; exit 1; }
      sleep 1
    done
  done
  echo
  printf '%-6s %-8s %-26s %-36s %-16s %s\n' node pid http "metrics (scrape this)" cluster verticles
  for ((i = 0; i < n; i++)); do
    local verticles=all http="http://127.0.0.1:$((8000 + i))/"
    if [[ $analytics_node == true && $n -gt 1 && $i -eq $((n - 1)) ]]; then verticles=sales; http="(none)"; fi
    printf '%-6s %-8s %-26s %-36s %-16s %s\n' "$i" "${pids[$i]}" "$http" "http://127.0.0.1:$((9000 + i))/metrics" \
      "127.0.0.1:$((5701 + i))" "$verticles"
  done
  echo
  echo "Database: mysql://root@$hosts/$db   logs: target/cluster/node*.log"
  if [[ -n $galera_dir ]]; then
    echo "Galera: kill -9 \$(cat $galera_dir/node1/mysqld.pid) to crash DB node 1;"
    echo "        bash src/scripts/galera.sh restart $galera_dir 1 rejoins it by IST (docs/operations.md)"
  fi
  echo "Log in on any node as ${ADMIN_EMAIL:-admin@example.com}; try: curl -s http://127.0.0.1:8000/health"
  echo "Kill one node (kill -9 <pid>) to watch the others carry on. Ctrl-C stops them all."
  wait
}

command=${1:-serve}
[[ $# -gt 0 ]] && shift
case "$command" in
  serve)
    build_if_needed
    exec java $JAVA_OPTS -jar "$JAR" "$@"
    ;;
  test)
    ensure_browser
    # the MariaDB tests include a Galera cluster's (GaleraMariaDbTest), which skips without galera-4
    if [[ -n ${MYSQL_TEST_URL:-} ]]; then bash src/scripts/galera.sh require; fi
    exec mvn -B verify "$@"
    ;;
  demo-data)
    build_if_needed
    exec java $JAVA_OPTS -jar "$JAR" demo-data "$@"
    ;;
  cluster)
    cluster "$@"
    ;;
  import-legacy)
    build_if_needed
    exec java $JAVA_OPTS -jar "$JAR" import-legacy "$@"
    ;;
  smoke)
    newman=$(bash src/scripts/npm-tools.sh)/newman
    exec "$newman" run endpoints.json --env-var "baseUrl=${1:-http://127.0.0.1:8000}" --color off
    ;;
  bench)
    build_if_needed
    exec bash src/bench/bench.sh "$@"
    ;;
  bench-analytics)
    build_if_needed
    exec bash src/bench/bench-analytics.sh "$@"
    ;;
  bench-catalog)
    build_if_needed
    exec bash src/bench/bench-catalog.sh "$@"
    ;;
  bench-purchases)
    build_if_needed
    exec bash src/bench/bench-purchases.sh "$@"
    ;;
  bench-bulkhead)
    build_if_needed
    exec bash src/bench/bench-bulkhead.sh "$@"
    ;;
  soak)
    build_if_needed
    exec bash src/bench/soak.sh "$@"
    ;;
  build)
    mvn -q -B -DskipTests package
    ;;
  help|-h|--help)
    usage
    ;;
  *)
    echo "Unknown command: $command" >&2
    usage >&2
    exit 2
    ;;
esac
