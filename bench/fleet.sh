#!/usr/bin/env bash
# Times one `upgrade head --all` over N SQLite files (a section's target-set file) with --parallel 1 and --parallel 4,
# the rerun that finds all N at head, and N single-database `upgrade head --url …` runs one after another: wall time
# and peak RSS (/usr/bin/time; for the one-after-another loop, the largest of its processes). A chain of R revisions.
# With RETORT_BENCH_POSTGRES=URL, also N PostgreSQL schemas of a schema set (created and dropped here): the first
# upgrade, the rerun at head, and the connections each opened (pg_stat_database.sessions, PostgreSQL 14+).
# RETORT=FILE times that CLI instead of scripts/build.sh's release build.
# usage: bench/fleet.sh [N] [R]      (default: 200 20)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
retort=${RETORT:-"$root/$("$root/scripts/build.sh")"}
n=${1:-200}
revisions=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/bench/generate-chain.sh" "$revisions" "$work/fleet"
cd "$work/fleet"
mkdir db
for ((i = 1; i <= n; i++)); do printf 'sqlite:///db/t%03d.db\n' "$i"; done > targets.txt
cat > retort.json <<JSON
{ "scriptLocation": "migrations", "sections": { "shards": { "targets": { "file": "targets.txt" } } } }
JSON
"$retort" compile >/dev/null

# measure LABEL KEEP COMMAND...: runs COMMAND on fresh databases (unless KEEP is "keep") and prints its time and peak RSS.
measure() {
  local label=$1 keep=$2
  shift 2
  [ "$keep" = keep ] || rm -f db/*
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { tail -3 "$work/stderr"; }
  read -r seconds kb < "$work/time"
  printf '%-44s %7.2f s   peak RSS %4d MB\n' "$label" "$seconds" $((kb / 1024))
}
echo "== $n SQLite databases, $revisions revisions each"
measure "one at a time: $n x upgrade head --url" fresh bash -c \
  "for ((i = 1; i <= $n; i++)); do \"$retort\" upgrade head --url \"sqlite:///db/t\$(printf %03d \$i).db\" 2>/dev/null; done"
measure "upgrade head --all --parallel 1" fresh "$retort" upgrade head --all --parallel 1
measure "upgrade head --all --parallel 4" fresh "$retort" upgrade head --all --parallel 4
measure "rerun, all at head: --all --parallel 4" keep "$retort" upgrade head --all --parallel 4
measure "current --all --parallel 4" keep "$retort" current --all --parallel 4

[ -n "${RETORT_BENCH_POSTGRES:-}" ] || exit 0
pg=$RETORT_BENCH_POSTGRES
schemas=$(for ((i = 1; i <= n; i++)); do printf 'bench_fleet_%03d ' "$i"; done)
drop() { for s in $schemas; do echo "DROP SCHEMA IF EXISTS $s CASCADE;"; done | psql -q "$pg" 2>/dev/null; }
trap 'drop; rm -rf "$work"' EXIT
drop
for s in $schemas; do echo "CREATE SCHEMA $s;"; done | psql -q "$pg"
cat > retort.json <<JSON
{ "scriptLocation": "migrations", "sections": { "tenants": { "url": "$pg",
  "targets": { "query": "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\\\_fleet\\\\_%' ORDER BY 1", "each": "schema" } } } }
JSON
sessions() { psql -Atc "SELECT sessions FROM pg_stat_database WHERE datname = current_database()" "$pg"; }
echo "== $n PostgreSQL schemas, $revisions revisions each"
for label in "upgrade head --all --parallel 4" "rerun, all at head: --all --parallel 4"; do
  before=$(sessions)
  measure "$label" keep "$retort" upgrade head --all --parallel 4
  echo "    connections opened: $(($(sessions) - before - 1))"
done
