#!/usr/bin/env bash
# Times `upgrade head` of N-revision chains on SQLite: cold (compiling) and warm (recorded, in the native front; and in
# the managed CLI, as for revisions that are not recorded), the offline SQL,
# `current`, and the floor (the same SQL straight through Microsoft.Data.Sqlite). Needs hyperfine and python3.
# The warm run and the floor are timed in one hyperfine call, taking turns, so a busy moment of the machine hits both;
# their medians and the ratio between them are printed.
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
  "$retort" upgrade head --sql > "$work/up$n.sql" 2>/dev/null
  runs=$(( n > 2000 ? 10 : 20 ))
  # The release CLI's front runs the recorded revisions (bench/generate-chain.sh writes plain op. calls); the managed
  # CLI beside it is what runs a project with a revision that is not recorded.
  hyperfine -N --warmup 2 --runs "$runs" --style none --export-json "$work/warm.json" --prepare "rm -f bench.db floor.db" \
    "$retort upgrade head" "$(dirname "$retort")/Retort.Cli upgrade head" "$floor floor.db $work/up$n.sql" >/dev/null
  python3 - "$work/warm.json" <<'PY'
import json, statistics, sys
warm, managed, floor = (statistics.median(r["times"]) * 1000 for r in json.load(open(sys.argv[1]))["results"])
print(f"warm upgrade: median {warm:.1f} ms; floor: median {floor:.1f} ms; warm / floor = {warm / floor:.2f}")
print(f"warm upgrade, managed CLI (revisions not recorded): median {managed:.1f} ms; / floor = {managed / floor:.2f}")
PY
  hyperfine -N --warmup 1 --runs 10 --style basic "$retort upgrade head --sql" | grep -E "Time|Range" | sed 's/^/offline (warm): /'
  rm -f bench.db && "$retort" upgrade head 2>/dev/null
  hyperfine -N --warmup 2 --runs 20 --style basic "$retort current" | grep -E "Time|Range" | sed 's/^/current: /'
done
