#!/usr/bin/env bash
# get_sales_data benchmark (./run.sh bench-analytics): demo data of 1,000,000 and 10,000,000 sale
# items (BENCH_ITEMS, default "1000000 10000000") in a scratch SQLite file and a scratch MariaDB
# database; on each, the server is started from the jar and timed against the bare SQL scan (see
# src/bench/java/app/ecommerce/bench/AnalyticsBench.java). The 1M-row CSV export (and the bare
# JDBC read of the same rows) runs on the smallest size only. BENCH_KEEP_DATA=DIR keeps the
# generated data (SQLite files in DIR, MariaDB databases <BENCH_DB_PREFIX>_<items>, by default
# ecommerce_bench_analytics_<items>) and reuses it on the next run instead of generating it again.
# BENCH_WARMUP_SECONDS: untimed answers before the timed ones (default 30); BENCH_BARE_RUNS: bare
# scans per query (default 9). BENCH_ONLY=json-rows times only the rows-included JSON answer against
# the CSV of the same rows (BENCH_JSON_RUNS pairs, default 9); BENCH_HTTP_PORT fixes the server's port.
# Prints the results and appends them to target/bench-analytics.txt. Never fails a build.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=target/ecommerce.jar
ITEMS=${BENCH_ITEMS:-1000000 10000000}
RESULTS=${BENCH_RESULTS:-target/bench-analytics.txt}
source src/bench/engines.sh
build_bench_jar
ENGINES=${BENCH_ENGINES:-sqlite mariadb}
SCRATCH=$(mktemp -d /tmp/ecommerce-bench.XXXXXX)
KEEP=${BENCH_KEEP_DATA:-}
DB_PREFIX=${BENCH_DB_PREFIX:-ecommerce_bench_analytics}
export APPLICATION_SETTINGS=""   # never read a developer's .vars
export DATA_DIR=$SCRATCH

cleanup() {
  rm -rf "$SCRATCH"
  if [[ -z $KEEP && " $ENGINES " == *" mariadb "* ]]; then
    for items in $ITEMS; do drop_database "${DB_PREFIX}_$items"; done
  fi
}
trap cleanup EXIT

mkdir -p "$(dirname "$RESULTS")"
echo "# get_sales_data benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), sale items: $ITEMS" >> "$RESULTS"

smallest=$(tr ' ' '\n' <<< "$ITEMS" | sort -n | head -n 1)
for engine in $ENGINES; do
  for items in $ITEMS; do
    sales=$(( items * 2 / 3 ))           # demo data makes ~1.5 items per sale
    dir=${KEEP:-$SCRATCH}
    mkdir -p "$dir"
    if [[ -n $KEEP ]] && data_exists "$engine" "$dir/bench-$items.db" "${DB_PREFIX}_$items"; then
      reuse_engine "$engine" "$dir/bench-$items.db" "${DB_PREFIX}_$items"
      echo "== $engine: reusing the demo data of $dir ($items sale items) =="
    else
      use_engine "$engine" "$dir" "${DB_PREFIX}_$items"
      if [[ $engine == sqlite ]]; then
        rm -f "$dir/bench-$items.db"*
        mv_sqlite_url "$dir/bench-$items.db"
      fi
      echo "== $engine: generating $sales demo sales (~$items sale items) =="
      generate_demo_data "$JAR" "$sales"
    fi
    BENCH_CSV=$([[ $items == "$smallest" ]] && echo true || echo false) \
      java -Xmx512m -cp "$BENCH_JAR" app.ecommerce.bench.AnalyticsBench "$engine" "$DATABASE_URL" "$JDBC_URL" "$MYSQL_USER" "$MYSQL_PASSWORD" "$RESULTS"
  done
done
echo "Results appended to $RESULTS"
