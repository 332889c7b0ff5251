#!/usr/bin/env bash
# The one entry point for people and scripts. ./run.sh help lists the commands.
set -euo pipefail
cd "$(dirname "$0")"

JAR=target/ecommerce.jar
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx384m}

usage() {
  cat <<'USAGE'
Usage: ./run.sh [command]
  (none)                    build the jar if missing or stale, start the server in the foreground
                            (SQLite at data/ecommerce.db with demo data on first start; Ctrl-C stops it)
  test                      run the whole test suite (MariaDB tests too when MYSQL_TEST_URL is set)
  demo-data [--sales N] [--yes]
                            (re)generate demo data in the configured database (default 2000 sales)
  import-legacy FILE [--yes]
                            import a database of the original FastAPI system (read-only) into the
                            configured database (--yes replaces catalog, stock and sales already there)
  bench-analytics           time get_sales_data against the bare SQL on 1M demo sale items, and the heap
                            during a 1M-row CSV export, on SQLite and MariaDB (BENCH_ENGINES="sqlite mariadb";
                            MariaDB at BENCH_MYSQL_HOST/PORT/USER/PASSWORD, default root@127.0.0.1:3306)
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

command=${1:-serve}
[[ $# -gt 0 ]] && shift
case "$command" in
  serve)
    build_if_needed
    exec java $JAVA_OPTS -jar "$JAR" "$@"
    ;;
  test)
    exec mvn -B verify "$@"
    ;;
  demo-data)
    build_if_needed
    exec java $JAVA_OPTS -jar "$JAR" demo-data "$@"
    ;;
  import-legacy)
    build_if_needed
    exec java $JAVA_OPTS -jar "$JAR" import-legacy "$@"
    ;;
  bench-analytics)
    build_if_needed
    exec bash src/bench/bench-analytics.sh "$@"
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
