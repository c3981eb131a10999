#!/usr/bin/env bash
# Times autogenerate on N-table models (8 columns, an index, a unique constraint, a foreign key each) against a
# database that already has them (the comparison finds nothing: the cost is reading the model and the catalog).
# Then the same on a database another tool made (bench/generate-foreign.sh: SQLAlchemy's DDL, FLOAT, DATETIME, names the
# database chose) with a quarter of the tables changed in the model: the operations written must be exactly those changes.
# Databases: sqlite, and postgresql / mariadb when RETORT_TEST_POSTGRES / RETORT_TEST_MYSQL are set (scripts/databases.sh).
# usage: bench/autogenerate.sh [N ...]      (default: 100 1000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
for tool in hyperfine sqlite3; do
  command -v "$tool" >/dev/null || apt-get install -y "$tool" >/dev/null
done
retort="$root/$("$root/scripts/build.sh")"
[ -f "$root/artifacts/test-databases.env" ] && set -a && . "$root/artifacts/test-databases.env" && set +a
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)

database_url() { # dialect n
  case $1 in
    sqlite) echo "sqlite:///bench.db" ;;
    postgresql) psql "${RETORT_TEST_POSTGRES}" -qc "DROP DATABASE IF EXISTS retort_bench_$2 WITH (FORCE)" -c "CREATE DATABASE retort_bench_$2" >/dev/null
                echo "${RETORT_TEST_POSTGRES%/*}/retort_bench_$2" ;;
    mariadb) mysql -uretort -pretort -h127.0.0.1 -e "DROP DATABASE IF EXISTS retort_bench_$2; CREATE DATABASE retort_bench_$2" 2>/dev/null
             echo "mariadb://retort:retort@127.0.0.1:3306/retort_bench_$2" ;;
  esac
}

dialects=(sqlite)
[ -n "${RETORT_TEST_POSTGRES:-}" ] && dialects+=(postgresql)
[ -n "${RETORT_TEST_MYSQL:-}" ] && dialects+=(mariadb)
for n in "${sizes[@]}"; do
  for dialect in "${dialects[@]}"; do
    dir="$work/$dialect$n"
    "$root/bench/generate-model.sh" "$n" "$dir" "$(database_url "$dialect" "$n")"
    cd "$dir"
    echo "== $n tables on $dialect"
    /usr/bin/time -f %e -o "$work/cold" "$retort" revision --autogenerate -m initial >/dev/null 2>&1
    cold=$(cat "$work/cold")
    echo "cold (compiling the model), from an empty database: ${cold} s"
    "$retort" upgrade head 2>/dev/null
    hyperfine -N --warmup 1 --runs 5 --style basic "$retort check" | grep -E "Time|Range" | sed 's/^/check, warm: /'
    hyperfine -N --warmup 1 --runs 5 --style basic --prepare "sh -c 'rm -f migrations/versions/*_again.cs'" "$retort revision --autogenerate -m again" | grep -E "Time|Range" | sed 's/^/revision --autogenerate, warm: /'
  done
done

run_ddl() { # dialect n file
  case $1 in
    sqlite) sqlite3 bench.db < "$3" ;;
    postgresql) psql -q -v ON_ERROR_STOP=1 "${RETORT_TEST_POSTGRES%/*}/retort_bench_$2" -f "$3" >/dev/null ;;
    mariadb) mysql -uretort -pretort -h127.0.0.1 "retort_bench_$2" < "$3" 2>/dev/null ;;
  esac
}

status=0
for n in "${sizes[@]}"; do
  drift=$((n / 4))
  for dialect in "${dialects[@]}"; do
    dir="$work/foreign_$dialect$n"
    "$root/bench/generate-foreign.sh" "$n" "$drift" "$dir" "$(database_url "$dialect" "$n")" "$dialect"
    cd "$dir"
    run_ddl "$dialect" "$n" schema.sql
    written=$("$retort" revision --autogenerate -m drift 2>&1 | grep -c '^Detected ' || true)
    echo "== $n tables made by SQLAlchemy-style DDL on $dialect: $written operations written for $drift changed tables"
    hyperfine -N --warmup 1 --runs 5 --style basic "$retort check" -i | grep -E "Time|Range" | sed 's/^/check (finds the drift), warm: /'
    [ "$written" -eq "$drift" ] || { echo "autogenerate: error: $written operations for $drift changes on $dialect" >&2; status=1; }
  done
done
exit $status
