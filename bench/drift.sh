#!/usr/bin/env bash
# Times `retort check --drift` (the revisions replayed on a scratch database, both schemas read and compared) on a
# database of N tables made by N revisions, after one change by hand: on SQLite, and on PostgreSQL and MariaDB when
# RETORT_TEST_POSTGRES / RETORT_TEST_MYSQL are set (the database is upgraded, measured, then downgraded to base).
# usage: bench/drift.sh [N ...]      (default: 100)
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100)
for n in "${sizes[@]}"; do
  chain_project "$n"
  for target in "${targets[@]}"; do
    name=${target%%|*}
    url=${target#*|}
    # shellcheck disable=SC2086
    "$retort" upgrade head $url 2>/dev/null
    echo "ALTER TABLE t1 ADD COLUMN by_hand INTEGER" > by_hand.sql
    case $name in
      sqlite) sqlite3 bench.db < by_hand.sql ;;
      postgresql) psql -q "$RETORT_TEST_POSTGRES" < by_hand.sql ;;
      mariadb) mysql -h 127.0.0.1 -u retort -pretort retort_test < by_hand.sql ;;
    esac
    echo "== check --drift, $n tables, $name"
    # shellcheck disable=SC2086
    "$retort" check --drift $url | head -2 || true
    # shellcheck disable=SC2086
    hyperfine -N -i --runs 3 --style basic "$retort check --drift $url" | grep -E "Time|Range"
    # shellcheck disable=SC2086
    "$retort" downgrade base $url 2>/dev/null
  done
done
