#!/usr/bin/env bash
# Times autogenerate on N-table models (8 columns, an index, a unique constraint, a foreign key each) against a
# database that already has them (the comparison finds nothing: the cost is reading the model and the catalog).
# Databases: sqlite, and postgresql / mariadb when RETORT_TEST_POSTGRES / RETORT_TEST_MYSQL are set (scripts/databases.sh).
# usage: bench/autogenerate.sh [N ...]      (default: 100 1000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
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
