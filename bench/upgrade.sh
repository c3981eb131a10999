#!/usr/bin/env bash
# Times `upgrade head` of N-revision chains on SQLite: cold (compiling) and warm (cached), the offline SQL,
# `current`, and the floor (the same SQL straight through Microsoft.Data.Sqlite). Needs hyperfine.
# usage: bench/upgrade.sh [N ...]      (default: 1000 5000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
retort="$root/$("$root/scripts/build.sh")"
dotnet publish "$root/bench/floor" -c Release -o "$root/artifacts/bench-floor" --nologo -v quiet >/dev/null
floor="$root/artifacts/bench-floor/Retort.Bench.Floor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)
for n in "${sizes[@]}"; do
  "$root/bench/generate-chain.sh" "$n" "$work/chain$n"
  cd "$work/chain$n"
  echo "== $n revisions"
  hyperfine -N --runs 3 --style basic --prepare "rm -rf .retort/cache bench.db" "$retort upgrade head" | grep -E "Time|Range" | sed 's/^/cold upgrade: /'
  "$retort" compile >/dev/null
  hyperfine -N --runs 5 --style basic --prepare "rm -f bench.db" "$retort upgrade head" | grep -E "Time|Range" | sed 's/^/warm upgrade: /'
  hyperfine -N --warmup 1 --runs 10 --style basic "$retort upgrade head --sql" | grep -E "Time|Range" | sed 's/^/offline (warm): /'
  "$retort" upgrade head --sql > "$work/up$n.sql" 2>/dev/null
  hyperfine -N --runs 5 --style basic --prepare "rm -f floor.db" "$floor floor.db $work/up$n.sql" | grep -E "Time|Range" | sed 's/^/floor: /'
  rm -f bench.db && "$retort" upgrade head 2>/dev/null
  hyperfine -N --warmup 2 --runs 20 --style basic "$retort current" | grep -E "Time|Range" | sed 's/^/current: /'
done
