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
MYSQL_HOST=${BENCH_MYSQL_HOST:-127.0.0.1}
MYSQL_PORT=${BENCH_MYSQL_PORT:-3306}
MYSQL_USER=${BENCH_MYSQL_USER:-root}
MYSQL_PASSWORD=${BENCH_MYSQL_PASSWORD:-}
MYSQL_DB=ecommerce_bench_analytics
ENGINES=${BENCH_ENGINES:-sqlite mariadb}
SCRATCH=$(mktemp -d /tmp/ecommerce-bench.XXXXXX)
export APPLICATION_SETTINGS=""   # never read a developer's .vars
export DATA_DIR=$SCRATCH

mysql_cli() {
  mariadb -h"$MYSQL_HOST" -P"$MYSQL_PORT" -u"$MYSQL_USER" ${MYSQL_PASSWORD:+-p"$MYSQL_PASSWORD"} "$@"
}
cleanup() {
  rm -rf "$SCRATCH"
  if [[ " $ENGINES " == *" mariadb "* ]]; then
    mysql_cli -e "DROP DATABASE IF EXISTS $MYSQL_DB" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

mkdir -p "$(dirname "$RESULTS")"
echo "# get_sales_data benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $SALES demo sales" >> "$RESULTS"

for engine in $ENGINES; do
  case $engine in
    sqlite)
      url="sqlite:$SCRATCH/bench.db"
      jdbc="jdbc:sqlite:$SCRATCH/bench.db"
      ;;
    mariadb)
      mysql_cli -e "DROP DATABASE IF EXISTS $MYSQL_DB; CREATE DATABASE $MYSQL_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
      auth=$MYSQL_USER${MYSQL_PASSWORD:+:$MYSQL_PASSWORD}
      url="mysql://$auth@$MYSQL_HOST:$MYSQL_PORT/$MYSQL_DB"
      jdbc="jdbc:mariadb://$MYSQL_HOST:$MYSQL_PORT/$MYSQL_DB"
      ;;
    *) echo "unknown engine $engine" >&2; exit 2 ;;
  esac
  echo "== $engine: generating $SALES demo sales =="
  start=$(date +%s)
  DATABASE_URL=$url java -Xmx1g -jar "$JAR" demo-data --sales "$SALES" --yes | tail -n 1
  echo "generated in $(( $(date +%s) - start )) s"
  java -Xmx512m -cp "$JAR" app.ecommerce.bench.AnalyticsBench "$engine" "$url" "$jdbc" "$MYSQL_USER" "$MYSQL_PASSWORD" "$RESULTS"
done
echo "Results appended to $RESULTS"
