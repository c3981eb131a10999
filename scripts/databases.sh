#!/usr/bin/env bash
# Installs PostgreSQL and MariaDB from the Debian packages where missing, starts them on 127.0.0.1,
# and creates the role and databases the live tests use. Safe to run again: what exists is kept,
# a server already running is left alone.
set -euo pipefail

readonly ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly TEST_USER=retort TEST_PASSWORD=retort TEST_DATABASE=retort_test
readonly HOST=127.0.0.1 PG_PORT=5432 MYSQL_PORT=3306
readonly WAIT_SECONDS=${RETORT_DB_WAIT_SECONDS:-60}
readonly LOG_DIR=/var/log/retort-databases MYSQL_ERROR_LOG=/var/log/mysql/error.log
readonly LOCK_FILE=/run/lock/retort-databases.lock
ENV_FILE=$ROOT/artifacts/test-databases.env

usage() {
  cat <<EOF
Usage: scripts/databases.sh [--env-file PATH] [--help]

Installs (apt, where missing) and starts PostgreSQL on $HOST:$PG_PORT and MariaDB on
$HOST:$MYSQL_PORT, then ensures user '$TEST_USER' (password '$TEST_PASSWORD') and database
'$TEST_DATABASE' on both. Prints the test variables and writes them to the env file
(default: artifacts/test-databases.env), one KEY=value a line.

  --env-file PATH   where to write the variables
  --help            this text

Environment: RETORT_DB_WAIT_SECONDS (default 60) bounds the wait for each server.
Must run as root; there is no init system, so the servers are started by hand.
EOF
}

log() { printf 'databases: %s\n' "$*" >&2; }
die() { printf 'databases: error: %s\n' "$*" >&2; exit 1; }

parse_args() {
  while (($#)); do
    case $1 in
      --help | -h) usage; exit 0 ;;
      --env-file) [[ $# -ge 2 ]] || die "--env-file needs a path"; ENV_FILE=$2; shift ;;
      *) die "unknown argument '$1' (see --help)" ;;
    esac
    shift
  done
}

# Runs a command with its output in a log file, showing the log's tail only when it fails.
run_logged() {
  local name=$1; shift
  mkdir -p "$LOG_DIR"
  "$@" >"$LOG_DIR/$name.log" 2>&1 && return 0
  tail -n 25 "$LOG_DIR/$name.log" >&2
  die "'$*' failed (full log: $LOG_DIR/$name.log)"
}

ensure_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} (can take a few minutes)"
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be absent or stale on a new machine; an install without them fails.
  run_logged apt-update apt-get update -q
  run_logged apt-install apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Polls a command until it succeeds; a server that never answers is an error, not a hang.
# A starter pid that is given and gone ends the wait at once.
wait_until() {
  local what=$1 log_file=$2 pid=$3; shift 3
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    [[ -z $pid ]] || kill -0 "$pid" 2>/dev/null || die "$what exited at start (log: $log_file)"
    ((SECONDS < deadline)) || die "$what did not answer within ${WAIT_SECONDS}s (log: $log_file)"
    sleep 0.5
  done
}

# Prints "version port status" of the cluster named main, or nothing.
postgres_cluster() {
  pg_lsclusters --no-header 2>/dev/null | awk '$2 == "main" { print $1, $3, $4; exit }'
}

postgres_sql() {
  (cd / && runuser -u postgres -- psql -X -q -At -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
}

# shellcheck source=scripts/detach.sh
. "$ROOT/scripts/detach.sh"

# A postmaster killed just before can stay unreaped for some seconds, and while it does its socket
# lock file looks held; only that failure is retried.
start_postgres_cluster() {
  local version=$1 log_file=$LOG_DIR/pg-start.log
  local deadline=$((SECONDS + WAIT_SECONDS))
  mkdir -p "$LOG_DIR"
  until (exec_detached pg_ctlcluster "$version" main start) >"$log_file" 2>&1; do
    if ! grep -q 'lock file .* already exists' "$log_file" || ((SECONDS >= deadline)); then
      tail -n 25 "$log_file" >&2
      die "PostgreSQL $version did not start (full log: $log_file)"
    fi
    sleep 1
  done
}

start_postgres() {
  if [[ -z $(postgres_cluster) ]]; then
    local newest
    newest=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    run_logged pg-createcluster pg_createcluster "$newest" main --port "$PG_PORT"
  fi
  local version port status
  read -r version port status <<<"$(postgres_cluster)"
  [[ $port == "$PG_PORT" ]] || die "PostgreSQL cluster $version/main listens on port $port, not $PG_PORT"
  local hba=/etc/postgresql/$version/main/pg_hba.conf
  if ! grep -Eq "^host\s+all\s+all\s+$HOST/32\s+(scram-sha-256|md5)" "$hba"; then
    echo "host all all $HOST/32 scram-sha-256" >>"$hba"
    [[ $status != online* ]] || run_logged pg-reload pg_ctlcluster "$version" main reload
  fi
  if [[ $status != online* ]]; then
    log "starting PostgreSQL $version"
    # Debian's postgresql.conf ends by including conf.d, so this file wins over its defaults.
    echo "listen_addresses = '$HOST'" >"/etc/postgresql/$version/main/conf.d/retort.conf"
    start_postgres_cluster "$version"
  fi
  wait_until "PostgreSQL on $HOST:$PG_PORT" "/var/log/postgresql/postgresql-$version-main.log" "" \
    pg_isready -q -h "$HOST" -p "$PG_PORT"
}

create_postgres_objects() {
  postgres_sql <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$TEST_USER') THEN CREATE ROLE $TEST_USER; END IF;
END \$\$;
ALTER ROLE $TEST_USER WITH LOGIN CREATEDB PASSWORD '$TEST_PASSWORD';
SELECT 'CREATE DATABASE $TEST_DATABASE OWNER $TEST_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$TEST_DATABASE') \gexec
SQL
}

mysql_answers() { mariadb-admin --protocol=tcp -h "$HOST" -P "$MYSQL_PORT" ping; }

start_mysql() {
  local pid=""
  if ! mariadb-admin --protocol=socket ping >/dev/null 2>&1; then
    log "starting MariaDB"
    install -d -o mysql -g mysql -m 755 /run/mysqld
    [[ -d /var/lib/mysql/mysql ]] ||
      run_logged mariadb-install-db mariadb-install-db --user=mysql --datadir=/var/lib/mysql
    install -d -o mysql -g adm -m 2750 "$(dirname "$MYSQL_ERROR_LOG")"
    install -o mysql -g adm -m 640 /dev/null "$MYSQL_ERROR_LOG"
    # Debian's config logs to syslog, which no daemon reads here. Detached with stdio closed, so that
    # whoever runs this script (CI reading a pipe) is not held open by the server.
    exec_detached setsid mysqld_safe --skip-syslog --log-error="$MYSQL_ERROR_LOG" \
      --bind-address="$HOST" --port="$MYSQL_PORT" </dev/null >/dev/null 2>&1 &
    pid=$!
  fi
  wait_until "MariaDB on $HOST:$MYSQL_PORT" "$MYSQL_ERROR_LOG" "$pid" mysql_answers
}

create_mysql_objects() {
  # Both host names: a TCP login from 127.0.0.1 may be matched as 'localhost' or as the address.
  # The suite makes a database per test, each with a connection pool of its own: more than the default 151 connections.
  mariadb --protocol=socket <<SQL
SET GLOBAL max_connections = 1000;
CREATE USER IF NOT EXISTS '$TEST_USER'@'localhost' IDENTIFIED BY '$TEST_PASSWORD';
CREATE USER IF NOT EXISTS '$TEST_USER'@'$HOST' IDENTIFIED BY '$TEST_PASSWORD';
ALTER USER '$TEST_USER'@'localhost' IDENTIFIED BY '$TEST_PASSWORD';
ALTER USER '$TEST_USER'@'$HOST' IDENTIFIED BY '$TEST_PASSWORD';
GRANT ALL PRIVILEGES ON \`retort\\_%\`.* TO '$TEST_USER'@'localhost', '$TEST_USER'@'$HOST';
CREATE DATABASE IF NOT EXISTS $TEST_DATABASE;
SQL
}

write_env_file() {
  mkdir -p "$(dirname "$ENV_FILE")"
  cat >"$ENV_FILE" <<EOF
RETORT_TEST_POSTGRES=postgresql://$TEST_USER:$TEST_PASSWORD@$HOST:$PG_PORT/$TEST_DATABASE
RETORT_TEST_MYSQL=mysql://$TEST_USER:$TEST_PASSWORD@$HOST:$MYSQL_PORT/$TEST_DATABASE
EOF
  log "wrote $ENV_FILE"
  cat "$ENV_FILE"
}

# Several worktrees may run the tests at once; one run at a time installs and starts. The servers
# are started with the lock's descriptor closed, or they would hold it for good.
take_lock() {
  mkdir -p "$(dirname "$LOCK_FILE")"
  exec 9>"$LOCK_FILE"
  flock -w 900 9 || die "another scripts/databases.sh held $LOCK_FILE for 15 minutes"
}

main() {
  parse_args "$@"
  [[ $EUID -eq 0 ]] || die "must run as root (installs packages, starts servers)"
  take_lock
  ensure_packages postgresql mariadb-server mariadb-client
  start_postgres
  create_postgres_objects
  start_mysql
  create_mysql_objects
  write_env_file
}

main "$@"
