# Sourced by the benchmark scripts (bench.sh, bench-analytics.sh): the MariaDB they use
# (BENCH_MYSQL_HOST/PORT/USER/PASSWORD, default root@127.0.0.1:3306), bench.sh's Galera cluster of
# three nodes on loopback, and, per engine, a fresh database filled with demo data by the jar.

# The benchmark drivers live in a jar of their own (the pom's bench profile), never in the app's.
BENCH_JAR=target/bench-build/ecommerce-bench.jar

build_bench_jar() {
  if [[ ! -f $BENCH_JAR ]] || [[ -n $(find src sql conf pom.xml -newer "$BENCH_JAR" -type f -print -quit 2>/dev/null) ]]; then
    echo "Building $BENCH_JAR ..." >&2
    mvn -q -B -Pbench -Dmaven.test.skip=true package >&2
  fi
}

# wrk from Debian's packages; a fresh machine may have no package lists yet: refresh them once if
# the first attempt fails
require_wrk() {
  command -v wrk >/dev/null || apt-get install -y -q wrk >&2 || { apt-get update -q >&2 && apt-get install -y -q wrk >&2; }
}

# Three Galera nodes on loopback under a directory of their own (src/scripts/galera.sh, the script
# ./run.sh cluster --galera and the tests use), SQL on GALERA_BASE..GALERA_BASE+2 and the group
# communication, IST and SST ports after them, on a block of free ports; stop_galera removes them.
GALERA_DIR=""
GALERA_BASE=""
start_galera() {
  bash src/scripts/galera.sh require
  # not under the script's scratch directory: as root the nodes run as the mysql user, who must
  # reach their data directories (galera.sh opens the one directory it is given)
  GALERA_DIR=$(mktemp -d /tmp/ecommerce-bench-galera.XXXXXX)
  GALERA_BASE=$(free_port_block 40)
  local start=$SECONDS
  bash src/scripts/galera.sh start "$GALERA_DIR" "$GALERA_BASE" 3 >/dev/null
  echo "3 Galera nodes Synced on 127.0.0.1:$GALERA_BASE-$((GALERA_BASE + 2)) in $((SECONDS - start)) s"
}
stop_galera() {
  [[ -n $GALERA_DIR ]] || return 0
  bash src/scripts/galera.sh stop "$GALERA_DIR" || true
  rm -rf "$GALERA_DIR"
  GALERA_DIR=""
}
galera_cli() { # STATEMENT on node 1, rows printed tab-separated
  bash src/scripts/galera.sh sql "$GALERA_DIR" 1 "$1"
}
# "bf_aborts cert_failures" summed over the three nodes: transactions Galera aborted for a
# conflicting write from another node (brute force), and commits that failed certification
galera_conflicts() {
  local i bf=0 cert=0 v
  for i in 1 2 3; do
    v=$(bash src/scripts/galera.sh sql "$GALERA_DIR" "$i" "SHOW GLOBAL STATUS LIKE 'wsrep_local_bf_aborts'" | cut -f2)
    bf=$((bf + ${v:-0}))
    v=$(bash src/scripts/galera.sh sql "$GALERA_DIR" "$i" "SHOW GLOBAL STATUS LIKE 'wsrep_local_cert_failures'" | cut -f2)
    cert=$((cert + ${v:-0}))
  done
  echo "$bf $cert"
}

MYSQL_HOST=${BENCH_MYSQL_HOST:-127.0.0.1}
MYSQL_PORT=${BENCH_MYSQL_PORT:-3306}
MYSQL_USER=${BENCH_MYSQL_USER:-root}
MYSQL_PASSWORD=${BENCH_MYSQL_PASSWORD:-}

mysql_cli() {
  mariadb -h"$MYSQL_HOST" -P"$MYSQL_PORT" -u"$MYSQL_USER" ${MYSQL_PASSWORD:+-p"$MYSQL_PASSWORD"} "$@"
}

# Exports DATABASE_URL and sets JDBC_URL for a new, empty database of ENGINE: the SQLite file
# DIR/bench.db, or the MariaDB database DB dropped and created again (galera: on the cluster
# start_galera started, DATABASE_URL naming its three nodes).
use_engine() { # ENGINE DIR DB
  case $1 in
    sqlite)
      DATABASE_URL="sqlite:$2/bench.db"
      JDBC_URL="jdbc:sqlite:$2/bench.db"
      ;;
    mariadb)
      mysql_cli -e "DROP DATABASE IF EXISTS $3; CREATE DATABASE $3 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
      DATABASE_URL="mysql://$MYSQL_USER${MYSQL_PASSWORD:+:$MYSQL_PASSWORD}@$MYSQL_HOST:$MYSQL_PORT/$3"
      JDBC_URL="jdbc:mariadb://$MYSQL_HOST:$MYSQL_PORT/$3"
      ;;
    galera)
      [[ -n $GALERA_DIR ]] || { echo "the galera engine needs start_galera first" >&2; exit 2; }
      galera_cli "DROP DATABASE IF EXISTS $3; CREATE DATABASE $3 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
      local hosts="127.0.0.1:$GALERA_BASE,127.0.0.1:$((GALERA_BASE + 1)),127.0.0.1:$((GALERA_BASE + 2))"
      DATABASE_URL="mysql://root@$hosts/$3"
      JDBC_URL="jdbc:mariadb:sequential://$hosts/$3"
      ;;
    *) echo "unknown engine $1" >&2; exit 2 ;;
  esac
  export DATABASE_URL
}

# Fills DATABASE_URL with SALES demo sales (about 1.5 sale items each) and says how long it took.
generate_demo_data() { # JAR SALES
  local start
  start=$(date +%s)
  java -Xmx1g -jar "$1" demo-data --sales "$2" --yes | tail -n 1
  echo "generated in $(( $(date +%s) - start )) s"
}

# For the EXIT traps: the scratch MariaDB database goes whatever happened.
drop_database() { # DB
  mysql_cli -e "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1 || true
}

# The SQLite database at FILE instead of the one use_engine chose.
mv_sqlite_url() { # FILE
  DATABASE_URL="sqlite:$1"
  JDBC_URL="jdbc:sqlite:$1"
  export DATABASE_URL
}

# True when a kept database of ENGINE (the SQLite FILE, or the MariaDB database DB) holds sales.
data_exists() { # ENGINE FILE DB
  case $1 in
    sqlite) [[ -s $2 ]] ;;
    mariadb) [[ $(mysql_cli -N -e "SELECT COUNT(*) FROM $3.sales" 2>/dev/null || echo 0) -gt 0 ]] ;;
  esac
}

# Points DATABASE_URL and JDBC_URL at a kept database without emptying it.
reuse_engine() { # ENGINE FILE DB
  case $1 in
    sqlite) mv_sqlite_url "$2" ;;
    mariadb)
      DATABASE_URL="mysql://$MYSQL_USER${MYSQL_PASSWORD:+:$MYSQL_PASSWORD}@$MYSQL_HOST:$MYSQL_PORT/$3"
      JDBC_URL="jdbc:mariadb://$MYSQL_HOST:$MYSQL_PORT/$3"
      export DATABASE_URL
      ;;
  esac
}
