#!/usr/bin/env bash
# The bundle against the CLI it comes from: size, and start-up of the commands a deploy runs (current, heads, an upgrade
# with nothing to do, a full upgrade of a fresh SQLite file), alternating runs with hyperfine.
# Usage: bench/bundle.sh [REVISIONS]   (default 100)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
revisions=${1:-100}
chain_project "$revisions"
sed -i 's|"url": *"[^"]*"|"url": "${APP_DB}"|' retort.json
export APP_DB="sqlite:///$work/bundle.db"
"$retort" bundle -o "$work/migrate" >/dev/null
cli_size=$(du -sb "$(dirname "$(readlink -f "$retort")")" --exclude=runner | cut -f1)
echo "size: bundle $(stat -c %s "$work/migrate") bytes (one file); CLI folder $cli_size bytes (without its runner)"
"$work/migrate" upgrade head 2>/dev/null
hyperfine -N --warmup 3 --runs 20 \
  -n "retort current" "$retort current" -n "bundle current" "$work/migrate current" \
  -n "retort heads" "$retort heads" -n "bundle heads" "$work/migrate heads" \
  -n "retort upgrade head (at head)" "$retort upgrade head" -n "bundle upgrade head (at head)" "$work/migrate upgrade head"
hyperfine -N --warmup 1 --runs 10 --prepare "rm -f $work/fresh.db $work/fresh.db.retort-lock" \
  -n "retort upgrade head ($revisions, fresh file)" "$retort --url sqlite:///$work/fresh.db upgrade head" \
  -n "bundle upgrade head ($revisions, fresh file)" "$work/migrate --url sqlite:///$work/fresh.db upgrade head"
