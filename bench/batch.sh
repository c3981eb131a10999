#!/usr/bin/env bash
# Times a SQLite batch rebuild of a 1,000,000-row table: `retort upgrade` of one revision holding an
# op.BatchAlterTable (bench/batch/b1_rebuild_users.cs), against the floor, the same rebuild written by hand
# (bench/batch/floor.sql) run straight through Microsoft.Data.Sqlite by bench/floor. Both are whole processes.
# Needs hyperfine and the sqlite3 shell (to build the table once). usage: bench/batch.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
retort="$root/$("$root/scripts/build.sh")"
dotnet publish "$root/bench/floor" -c Release -o "$root/artifacts/bench-floor" --nologo -v quiet >/dev/null
floor="$root/artifacts/bench-floor/Retort.Bench.Floor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/migrations/versions"
cp "$root"/bench/batch/*.cs "$work/migrations/versions/"
echo '{ "scriptLocation": "migrations", "url": "sqlite:///bench.db" }' > "$work/retort.json"
cd "$work"
sqlite3 base.db < "$root/bench/batch/setup.sql"
cp base.db bench.db && "$retort" stamp a1 2>/dev/null && mv bench.db stamped.db
"$retort" compile >/dev/null
echo "== rebuild of a 1,000,000-row table ($(du -h base.db | cut -f1) file)"
hyperfine -N --runs "$runs" --style basic --prepare "cp stamped.db bench.db" "$retort upgrade head" | grep -E "Time|Range" | sed 's/^/retort upgrade: /'
hyperfine -N --runs "$runs" --style basic --prepare "cp base.db floor.db" "$floor floor.db $root/bench/batch/floor.sql" | grep -E "Time|Range" | sed 's/^/floor: /'
cp stamped.db bench.db && "$retort" upgrade head 2>/dev/null
echo "check: $(sqlite3 bench.db 'PRAGMA integrity_check; SELECT count(*) FROM users;' | tr '\n' ' ')"
