#!/usr/bin/env bash
# Times the graph commands (heads, history) and a cold and a warm compile on N-revision chains,
# and any command on a two-revision project. Needs hyperfine (apt-get install hyperfine).
# usage: bench/graph.sh [N ...]      (default: 100 1000 5000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
retort=$("$root/scripts/build.sh")
retort="$root/$retort"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 5000)

for n in 2 "${sizes[@]}"; do
  "$root/bench/generate-chain.sh" "$n" "$work/chain$n"
  cd "$work/chain$n"
  echo "== $n revisions"
  hyperfine -N --warmup 3 --runs 20 --style basic --export-markdown "$work/heads$n.md" "$retort heads" | grep -E "Time|Range"
  hyperfine -N --warmup 3 --runs 20 --style basic "$retort history" | grep -E "Time|Range"
  hyperfine -N --warmup 1 --runs 5 --style basic --prepare "rm -rf .retort/cache" "$retort compile" | grep -E "Time|Range" | sed 's/^/cold compile: /'
  "$retort" compile >/dev/null
  hyperfine -N --warmup 3 --runs 20 --style basic "$retort compile" | grep -E "Time|Range" | sed 's/^/warm compile: /'
done
