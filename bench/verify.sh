#!/usr/bin/env bash
# Times `retort verify` (each revision up, down and up again on a scratch database, the schema inspected and compared
# after each move) on an N-revision chain that creates a table per revision, so the schema grows to N tables: on a
# temporary SQLite file, and on PostgreSQL and MariaDB scratch databases when RETORT_TEST_POSTGRES / RETORT_TEST_MYSQL
# are set (scripts/databases.sh). The revisions are compiled first; the times are verify's alone.
# usage: bench/verify.sh [N ...]      (default: 100 1000)
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
for n in "${sizes[@]}"; do
  chain_project "$n"
  for target in "${targets[@]}"; do
    name=${target%%|*}
    url=${target#*|}
    echo "== verify, $n revisions, $name"
    # shellcheck disable=SC2086
    "$retort" verify $url | tail -1
    # shellcheck disable=SC2086
    hyperfine -N --runs 3 --style basic "$retort verify $url" | grep -E "Time|Range"
  done
done
