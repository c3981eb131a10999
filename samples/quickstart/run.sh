#!/usr/bin/env bash
# The quickstart: builds the retort CLI and migrates this sample's SQLite database (the embedded default)
# up to head and back one step, showing where it stands after each move.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
retort="$here/../../$("$here/../../scripts/build.sh")"
cd "$here"
rm -f quickstart.db
set -x
"$retort" history
"$retort" upgrade head --sql
"$retort" upgrade head
"$retort" current
"$retort" downgrade -1
"$retort" current
"$retort" upgrade head
"$retort" current --verbose
