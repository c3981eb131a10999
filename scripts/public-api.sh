#!/usr/bin/env bash
# Records new public API of the packed libraries in their PublicAPI.Unshipped.txt (the analyzer's own code fix), after
# a change that adds public members. A removed or changed member is not recorded here: its line in PublicAPI.Shipped.txt
# must be edited by hand, so that a breaking change is a deliberate, reviewed diff.
set -euo pipefail
readonly ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ ${1:-} != -h && ${1:-} != --help ]] || { sed -n '2,4p' "$0" | sed 's/^# //'; exit 0; }
cd "$ROOT"
for project in src/*/PublicAPI.Shipped.txt; do
  dir=$(dirname "$project")
  dotnet format analyzers "$dir" --diagnostics RS0016 RS0037 --severity warn
  echo "public-api: $dir/PublicAPI.Unshipped.txt: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped entries"
done
