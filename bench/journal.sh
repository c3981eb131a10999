#!/usr/bin/env bash
# What the MariaDB journal costs: `upgrade head` of a chain of N revisions, each one CREATE TABLE and ten INSERTs
# (11 statements, each counted in the log as it commits), on a fresh MariaDB database per run; mean of hyperfine
# runs, with statements per second. Give several CLI commands to compare builds side by side (e.g. the build of an
# earlier commit); by default the CLI from scripts/build.sh. Needs hyperfine, the mysql client and the test server
# of scripts/databases.sh.
# usage: bench/journal.sh [-n N] ["CLI COMMAND" ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=100
if [ "${1:-}" = "-n" ]; then n=$2; shift 2; fi
clis=("$@")
[ ${#clis[@]} -gt 0 ] || clis=("$root/$("$root/scripts/build.sh")")
bash "$root/scripts/databases.sh" --env-file "$root/artifacts/test-databases.env" >/dev/null
set -a; . "$root/artifacts/test-databases.env"; set +a
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/migrations/versions"
url="${RETORT_TEST_MYSQL%/*}/retort_bench_journal"
printf '{ "scriptLocation": "migrations", "url": "%s" }\n' "$url" > "$work/retort.json"
previous=""
for i in $(seq 1 "$n"); do
  id=$(printf 'j%011d' "$i")
  revises=${previous:+, Revises = \"$previous\"}
  cat > "$work/migrations/versions/$id.cs" <<CS
using Retort;
namespace Migrations;
[Revision("$id"$revises)]
public sealed class R$id : Migration
{
    public override void Upgrade(Operations op)
    {
        op.Execute("CREATE TABLE t$i (id INT PRIMARY KEY, name VARCHAR(20))");
        for (var row = 1; row <= 10; row++)
            op.Execute(\$"INSERT INTO t$i (id, name) VALUES ({row}, 'row {row}')");
    }
}
CS
  previous=$id
done
admin() { mysql -h 127.0.0.1 -u retort -pretort -e "$1" 2>/dev/null; }
cd "$work"
for cli in "${clis[@]}"; do
  admin "DROP DATABASE IF EXISTS retort_bench_journal; CREATE DATABASE retort_bench_journal"
  $cli upgrade head >/dev/null 2>&1   # compiles once, outside the timing
  hyperfine -N --runs 5 --style none --export-json "$work/run.json" \
    --prepare "mysql -h 127.0.0.1 -u retort -pretort -e 'DROP DATABASE IF EXISTS retort_bench_journal; CREATE DATABASE retort_bench_journal'" \
    "$cli upgrade head" >/dev/null
  python3 - "$work/run.json" "$n" "$cli" <<'PY'
import json, statistics, sys
times = json.load(open(sys.argv[1]))["results"][0]["times"]
n = int(sys.argv[2])
mean = statistics.mean(times)
print(f"{sys.argv[3]}: {n} revisions, {n * 11} statements: mean {mean * 1000:.0f} ms "
      f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}), {n * 11 / mean:.0f} statements/s")
PY
done
admin "DROP DATABASE IF EXISTS retort_bench_journal"
