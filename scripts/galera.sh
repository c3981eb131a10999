#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on loopback, for the live cluster tests. Each node has its own
# data folder, ports and config under $GALERA_HOME; the nodes find each other over 127.0.0.1.
# The cluster is scratch: when no node runs, `start` bootstraps a fresh one (old data removed).
set -euo pipefail

readonly ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly HOST=127.0.0.1 NODES=3
readonly SQL_PORT_BASE=3310 GCOMM_PORT_BASE=4570 IST_PORT_BASE=4580 SST_PORT_BASE=4590
readonly TEST_USER=retort TEST_PASSWORD=retort TEST_DATABASE=retort_test
readonly GALERA_HOME=${RETORT_GALERA_HOME:-/var/lib/retort-galera}
readonly WAIT_SECONDS=${RETORT_DB_WAIT_SECONDS:-90}
readonly LOCK_FILE=/run/lock/retort-galera.lock
ENV_FILE=$ROOT/artifacts/test-galera.env

usage() {
  cat <<EOF
Usage: scripts/galera.sh [start|stop|status|kill N|start-node N] [--env-file PATH]

  start         starts the cluster's three nodes (bootstrapping a fresh cluster when none runs),
                creates user '$TEST_USER' and database '$TEST_DATABASE', and writes the env file
                (default: artifacts/test-galera.env) with RETORT_TEST_GALERA_1..3
  stop          stops every node (clean shutdown)
  status        prints each node's port, state and the cluster size it sees
  kill N        kills node N (1-3) with SIGKILL, as a crash would
  start-node N  starts node N alone; it rejoins the running cluster (state transfer by IST or rsync)

Node N listens on $HOST:$((SQL_PORT_BASE))+N for SQL and $HOST:$((GCOMM_PORT_BASE))+N for replication.
Data lives in $GALERA_HOME (RETORT_GALERA_HOME). Installs galera-4 and rsync where missing. Root only.
EOF
}

log() { printf 'galera: %s\n' "$*" >&2; }
die() { printf 'galera: error: %s\n' "$*" >&2; exit 1; }

sql_port() { echo $((SQL_PORT_BASE + $1)); }
node_dir() { echo "$GALERA_HOME/node$1"; }
node_pid() { local f; f=$(node_dir "$1")/mariadbd.pid; [[ -s $f ]] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }
node_sql() { local n=$1; shift; mariadb --protocol=tcp -h "$HOST" -P "$(sql_port "$n")" -u root -N -B "$@"; }

check_node() {
  [[ $1 =~ ^[1-3]$ ]] || die "node must be 1, 2 or 3, not '$1'"
}

ensure_packages() {
  local missing=() package
  for package in galera-4 rsync mariadb-server; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install ${missing[*]} failed"
}

cluster_address() {
  local n list=()
  for ((n = 1; n <= NODES; n++)); do list+=("$HOST:$((GCOMM_PORT_BASE + n))"); done
  local IFS=,
  echo "gcomm://${list[*]}"
}

write_config() {
  local n=$1 dir
  dir=$(node_dir "$n")
  install -d -o mysql -g mysql -m 750 "$dir" "$dir/data"
  # Small buffers: three nodes share a test machine with the other servers.
  cat >"$dir/my.cnf" <<EOF
[mariadbd]
user = mysql
datadir = $dir/data
socket = $dir/mariadbd.sock
pid-file = $dir/mariadbd.pid
log-error = $dir/error.log
bind-address = $HOST
port = $(sql_port "$n")
skip-name-resolve
max_connections = 500
innodb_buffer_pool_size = 64M
innodb_log_file_size = 48M
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
wsrep_on = ON
wsrep_provider = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_name = retort_test_cluster
wsrep_cluster_address = $(cluster_address)
wsrep_node_name = node$n
wsrep_node_address = $HOST:$((GCOMM_PORT_BASE + n))
wsrep_provider_options = "gmcast.listen_addr=tcp://$HOST:$((GCOMM_PORT_BASE + n));ist.recv_addr=$HOST:$((IST_PORT_BASE + n));gcache.size=64M"
wsrep_sst_method = rsync
wsrep_sst_receive_address = $HOST:$((SST_PORT_BASE + n))
EOF
}

# shellcheck source=scripts/detach.sh
. "$ROOT/scripts/detach.sh"

wait_synced() {
  local n=$1 pid=$2 deadline=$((SECONDS + WAIT_SECONDS)) state=""
  until state=$(node_sql "$n" -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2) && [[ $state == Synced ]]; do
    kill -0 "$pid" 2>/dev/null || die "node $n exited at start (log: $(node_dir "$n")/error.log)"
    ((SECONDS < deadline)) || die "node $n not Synced within ${WAIT_SECONDS}s (state '$state'; log: $(node_dir "$n")/error.log)"
    sleep 0.5
  done
}

# Starts one node; with --bootstrap it founds a new cluster instead of joining one.
launch_node() {
  local n=$1 bootstrap=${2:-} dir
  dir=$(node_dir "$n")
  [[ -z $(node_pid "$n") ]] || return 0
  write_config "$n"
  if [[ ! -d $dir/data/mysql ]]; then
    mariadb-install-db --defaults-file="$dir/my.cnf" --user=mysql --datadir="$dir/data" \
      --auth-root-authentication-method=normal >"$dir/install.log" 2>&1 || die "mariadb-install-db failed for node $n (log: $dir/install.log)"
  fi
  log "starting node $n${bootstrap:+ (new cluster)} on $HOST:$(sql_port "$n")"
  (exec_detached setsid mariadbd --defaults-file="$dir/my.cnf" ${bootstrap:+--wsrep-new-cluster} </dev/null >>"$dir/stdout.log" 2>&1) &
  wait_synced "$n" $!
}

running_nodes() {
  local n
  for ((n = 1; n <= NODES; n++)); do [[ -z $(node_pid "$n") ]] || echo "$n"; done
}

create_objects() {
  local n=$1
  node_sql "$n" <<SQL
CREATE USER IF NOT EXISTS '$TEST_USER'@'$HOST' IDENTIFIED BY '$TEST_PASSWORD';
CREATE USER IF NOT EXISTS '$TEST_USER'@'localhost' IDENTIFIED BY '$TEST_PASSWORD';
GRANT ALL PRIVILEGES ON \`retort\\_%\`.* TO '$TEST_USER'@'$HOST', '$TEST_USER'@'localhost';
CREATE DATABASE IF NOT EXISTS $TEST_DATABASE;
SQL
}

write_env_file() {
  local n
  mkdir -p "$(dirname "$ENV_FILE")"
  : >"$ENV_FILE"
  for ((n = 1; n <= NODES; n++)); do
    echo "RETORT_TEST_GALERA_$n=mysql://$TEST_USER:$TEST_PASSWORD@$HOST:$(sql_port "$n")/$TEST_DATABASE" >>"$ENV_FILE"
  done
  log "wrote $ENV_FILE"
  cat "$ENV_FILE"
}

start_cluster() {
  local first n
  first=$(running_nodes)
  first=${first%%$'\n'*}
  if [[ -z $first ]]; then
    # No node to join: a fresh cluster. The old data could hold a cluster id the new one would not match.
    rm -rf "$GALERA_HOME"
    launch_node 1 bootstrap
    first=1
  fi
  for ((n = 1; n <= NODES; n++)); do launch_node "$n"; done
  create_objects "$first"
  write_env_file
}

stop_node() {
  local n=$1 pid deadline
  pid=$(node_pid "$n") || return 0
  [[ -n $pid ]] || return 0
  kill -TERM "$pid"
  deadline=$((SECONDS + WAIT_SECONDS))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || die "node $n (pid $pid) did not stop within ${WAIT_SECONDS}s"
    sleep 0.3
  done
  log "stopped node $n"
}

status() {
  local n
  for ((n = 1; n <= NODES; n++)); do
    if [[ -n $(node_pid "$n") ]]; then
      printf 'node %d  %s:%d  %s  cluster size %s\n' "$n" "$HOST" "$(sql_port "$n")" \
        "$(node_sql "$n" -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" \
        "$(node_sql "$n" -e "SHOW STATUS LIKE 'wsrep_cluster_size'" 2>/dev/null | cut -f2)"
    else
      printf 'node %d  %s:%d  stopped\n' "$n" "$HOST" "$(sql_port "$n")"
    fi
  done
}

take_lock() {
  mkdir -p "$(dirname "$LOCK_FILE")"
  exec 9>"$LOCK_FILE"
  flock -w 600 9 || die "another scripts/galera.sh held $LOCK_FILE for 10 minutes"
}

main() {
  local command=start node=""
  while (($#)); do
    case $1 in
      --help | -h) usage; exit 0 ;;
      --env-file) [[ $# -ge 2 ]] || die "--env-file needs a path"; ENV_FILE=$2; shift ;;
      start | stop | status) command=$1 ;;
      kill | start-node) command=$1; [[ $# -ge 2 ]] || die "$1 needs a node number (1-3)"; node=$2; check_node "$node"; shift ;;
      *) die "unknown argument '$1' (see --help)" ;;
    esac
    shift
  done
  [[ $EUID -eq 0 ]] || die "must run as root (installs packages, starts servers)"
  case $command in
    status) status; return ;;
  esac
  take_lock
  case $command in
    start) ensure_packages; start_cluster ;;
    stop) for ((n = NODES; n >= 1; n--)); do stop_node "$n"; done ;;
    kill)
      local pid
      pid=$(node_pid "$node") || true
      [[ -n $pid ]] || die "node $node is not running"
      kill -KILL "$pid"
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
      log "killed node $node" ;;
    start-node)
      [[ -n $(running_nodes) ]] || die "no node runs to join; use 'start'"
      launch_node "$node" ;;
  esac
}

main "$@"
