#!/usr/bin/env bash
# `retort check` on the EF Core sample (samples/efcore-db, model.efCore -> samples/efcore), cold (the assembly built, the
# EF model cache empty: an msbuild no-op build and a probe run) and warm (cached: neither), alternating, RUNS each.
# Needs the CLI built: dotnet build src/Retort.Cli -c Debug. Prints one line per run and the medians.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
cli="$root/artifacts/bin/Retort.Cli/debug/Retort.Cli.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/samples/efcore-db/." "$work/"
sed -i "s|\"../efcore\"|\"$root/samples/efcore\"|" "$work/retort.json"
cd "$work"
# The database: every table of the model, made by Retort itself from the EF model (check then finds nothing).
dotnet "$cli" revision --autogenerate -m init >/dev/null 2>&1
dotnet "$cli" upgrade heads >/dev/null 2>&1
seconds() { local start end; start=$(date +%s.%N); dotnet "$cli" check >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
cold=(); warm=()
for i in $(seq "$runs"); do
  rm -rf .retort/cache/efcore
  c=$(seconds); w=$(seconds)
  cold+=("$c"); warm+=("$w")
  echo "run $i: cold ${c}s warm ${w}s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median: cold $(median "${cold[@]}")s warm $(median "${warm[@]}")s ($runs runs each)"
