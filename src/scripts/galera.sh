#!/usr/bin/env bash
# A MariaDB Galera cluster of N nodes on loopback, for ./run.sh cluster --galera, ./run.sh bench
# and the tests (GaleraCluster.java): one piece of start/stop logic for all three.
#
#   galera.sh start DIR BASE [N]   N nodes (default 3) under DIR; node i (1-based) listens on
#                                  SQL BASE+i-1, group communication BASE+10+i-1, IST BASE+20+i-1,
#                                  SST BASE+30+i-1. Prints "ready" when every node is Synced.
#   galera.sh stop DIR             stops every node started under DIR (SIGTERM, then SIGKILL)
#   galera.sh kill DIR I           kill -9 of node I (a crash)
#   galera.sh restart DIR I        the documented crash restart: --wsrep-recover, then
#                                  --wsrep-start-position, so the node rejoins by IST
#   galera.sh sql DIR I STATEMENT  runs a statement on node I (its socket), prints the rows
#   galera.sh require              installs galera-4 and rsync with apt-get when either is missing
#
# The first node is bootstrapped (mariadb-install-db, --wsrep-new-cluster); the others start with
# empty data directories and join by rsync SST one after the other (a donor serves one at a time).
set -euo pipefail

# As root, the nodes run as the mysql user: rsync's SST daemon, started by a root server, would
# write as "nobody" and be refused by the joiner's data directory.
RUN_AS=$(id -un)
if [[ $RUN_AS == root ]]; then RUN_AS=mysql; fi
PROVIDER=${GALERA_PROVIDER:-$(dpkg -L galera-4 2>/dev/null | grep -m1 '/libgalera_smm\.so$' || echo /usr/lib/galera/libgalera_smm.so)}

node_dir() { echo "$1/node$2"; }

write_config() { # DIR BASE N I
  local dir=$1 base=$2 n=$3 i=$4 nd peers="" j
  nd=$(node_dir "$dir" "$i")
  for ((j = 0; j < n; j++)); do peers+="${peers:+,}127.0.0.1:$((base + 10 + j))"; done
  mkdir -p "$nd/data"
  cat > "$nd/my.cnf" <<EOF
[mysqld]
user=$RUN_AS
datadir=$nd/data
socket=$nd/mysqld.sock
pid-file=$nd/mysqld.pid
log-error=$nd/error.log
port=$((base + i - 1))
bind-address=127.0.0.1
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=64M
innodb_log_file_size=32M
innodb_flush_log_at_trx_commit=2
max_connections=400
skip-log-bin
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=ecommerce_loopback
wsrep_cluster_address=gcomm://$peers
wsrep_node_address=127.0.0.1:$((base + 10 + i - 1))
wsrep_node_name=node$i
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$((base + 10 + i - 1));ist.recv_addr=127.0.0.1:$((base + 20 + i - 1));gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT5S;evs.install_timeout=PT5S"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((base + 30 + i - 1))
EOF
  echo "$n" > "$dir/nodes"
  if [[ $(id -u) == 0 ]]; then chown -R "$RUN_AS" "$nd"; chmod 755 "$dir"; fi
}

sql() { # DIR I STATEMENT
  mariadb --no-defaults -S "$(node_dir "$1" "$2")/mysqld.sock" -uroot -N -B -e "$3"
}

await_synced() { # DIR I SECONDS
  local deadline=$((SECONDS + $3)) state
  while ((SECONDS < deadline)); do
    state=$(sql "$1" "$2" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2 || true)
    if [[ $state == Synced ]]; then return 0; fi
    if ((SECONDS > deadline - $3 + 5)) && ! pgrep -f -- "--defaults-file=$(node_dir "$1" "$2")/my.cnf" > /dev/null; then
      echo "node $2 is not running; its log:" >&2
      tail -30 "$(node_dir "$1" "$2")/error.log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "node $2 not Synced within $3 s; its log:" >&2
  tail -30 "$(node_dir "$1" "$2")/error.log" >&2
  return 1
}

launch() { # DIR I [mariadbd options...]
  local nd
  nd=$(node_dir "$1" "$2")
  shift 2
  setsid mariadbd --defaults-file="$nd/my.cnf" "$@" > /dev/null 2>&1 < /dev/null &
}

start() { # DIR BASE N
  local dir=$1 base=$2 n=${3:-3} i
  mkdir -p "$dir"
  for ((i = 1; i <= n; i++)); do write_config "$dir" "$base" "$n" "$i"; done
  mariadb-install-db --defaults-file="$(node_dir "$dir" 1)/my.cnf" --auth-root-authentication-method=normal \
    --skip-test-db > "$dir/install.log" 2>&1
  launch "$dir" 1 --wsrep-new-cluster
  await_synced "$dir" 1 60
  for ((i = 2; i <= n; i++)); do
    launch "$dir" "$i"
    await_synced "$dir" "$i" 90
  done
  echo ready
}

pid_of() { cat "$(node_dir "$1" "$2")/mysqld.pid" 2>/dev/null || true; }

stop() { # DIR
  local dir=$1 n i pid pids=()
  n=$(cat "$dir/nodes" 2>/dev/null || echo 0)
  for ((i = 1; i <= n; i++)); do
    pid=$(pid_of "$dir" "$i")
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; pids+=("$pid"); fi
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

crash() { # DIR I
  local pid
  pid=$(pid_of "$1" "$2")
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}

restart() { # DIR I: --wsrep-recover, then --wsrep-start-position (operations.md)
  local nd position
  nd=$(node_dir "$1" "$2")
  mariadbd --defaults-file="$nd/my.cnf" --wsrep-recover --log-error="$nd/recover.log" > /dev/null 2>&1 || true
  [[ $(id -u) == 0 ]] && chown -R "$RUN_AS" "$nd"
  position=$(grep -o 'Recovered position: [^ ]*' "$nd/recover.log" | tail -1 | cut -d' ' -f3)
  if [[ -z $position ]]; then
    echo "no recovered position in $nd/recover.log" >&2
    return 1
  fi
  launch "$1" "$2" --wsrep-start-position="$position"
  await_synced "$1" "$2" 60
  echo "ready $position"
}

# galera-4 (the provider library) and rsync (state transfer) from Debian's packages; a fresh
# machine may have no package lists yet: refresh them once if the first attempt fails
require() {
  if dpkg -L galera-4 > /dev/null 2>&1 && command -v rsync > /dev/null; then return 0; fi
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "Installing galera-4 and rsync for the Galera nodes ..." >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq galera-4 rsync >&2 \
    || { $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq galera-4 rsync >&2; }
}

case "${1:-}" in
  require) require ;;
  start) start "$2" "$3" "${4:-3}" ;;
  stop) stop "$2" ;;
  kill) crash "$2" "$3" ;;
  restart) restart "$2" "$3" ;;
  sql) sql "$2" "$3" "$4" ;;
  *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac
