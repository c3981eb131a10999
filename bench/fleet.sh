#!/usr/bin/env bash
# Times one `upgrade head --all` over N SQLite files (a section's target-set file) with --parallel 1 and --parallel 4,
# the rerun that finds all N at head, and N single-database `upgrade head --url …` runs one after another: wall time
# and peak RSS (/usr/bin/time; for the one-after-another loop, the largest of its processes). A chain of R revisions.
# usage: bench/fleet.sh [N] [R]      (default: 200 20)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
retort="$root/$("$root/scripts/build.sh")"
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
