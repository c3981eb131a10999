#!/usr/bin/env bash
# Records new public API of the packed libraries in their PublicAPI.Unshipped.txt (the analyzer's own code fix), after
# a change that adds public members; a new packed library gets its two files first. A removed or changed member is
# not recorded here: its line in PublicAPI.Shipped.txt must be edited by hand, so that a breaking change is a
# deliberate, reviewed diff.
set -euo pipefail
readonly ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ ${1:-} != -h && ${1:-} != --help ]] || { sed -n '2,6p' "$0" | sed 's/^# //'; exit 0; }
cd "$ROOT"
for project in src/*/*.csproj; do
  grep -q '<IsPackable>true</IsPackable>' "$project" || continue
  ! grep -q '<OutputType>Exe</OutputType>' "$project" || continue
  dir=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [[ -f $dir/$file ]] || printf '#nullable enable\n' > "$dir/$file"
  done
  dotnet format analyzers "$dir" --diagnostics RS0016 RS0037 --severity warn
  echo "public-api: $dir/PublicAPI.Unshipped.txt: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped entries"
done
