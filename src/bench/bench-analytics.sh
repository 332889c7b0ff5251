#!/usr/bin/env bash
# get_sales_data benchmark (./run.sh bench-analytics): 1,000,000 sale items of demo data in a
# scratch SQLite file and a scratch MariaDB database; on each, the server is started from the jar
# and timed against the bare SQL (see src/bench/java/app/ecommerce/bench/AnalyticsBench.java).
# Prints the results and appends them to target/bench-analytics.txt. Never fails a build.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=target/ecommerce.jar
SALES=${BENCH_SALES:-666667}                 # demo data makes ~1.5 items per sale: ~1,000,000 items
RESULTS=${BENCH_RESULTS:-target/bench-analytics.txt}
source src/bench/engines.sh
build_bench_jar
MYSQL_DB=ecommerce_bench_analytics
ENGINES=${BENCH_ENGINES:-sqlite mariadb}
SCRATCH=$(mktemp -d /tmp/ecommerce-bench.XXXXXX)
export APPLICATION_SETTINGS=""   # never read a developer's .vars
export DATA_DIR=$SCRATCH

cleanup() {
  rm -rf "$SCRATCH"
  if [[ " $ENGINES " == *" mariadb "* ]]; then
    drop_database "$MYSQL_DB"
  fi
}
trap cleanup EXIT

mkdir -p "$(dirname "$RESULTS")"
echo "# get_sales_data benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $SALES demo sales" >> "$RESULTS"

for engine in $ENGINES; do
  use_engine "$engine" "$SCRATCH" "$MYSQL_DB"
  echo "== $engine: generating $SALES demo sales =="
  generate_demo_data "$JAR" "$SALES"
  java -Xmx512m -cp "$BENCH_JAR" app.ecommerce.bench.AnalyticsBench "$engine" "$DATABASE_URL" "$JDBC_URL" "$MYSQL_USER" "$MYSQL_PASSWORD" "$RESULTS"
done
echo "Results appended to $RESULTS"
