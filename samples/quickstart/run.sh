#!/usr/bin/env bash
# The quickstart: builds the retort CLI and runs it on this sample project (SQLite, the embedded default).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
retort="$here/../../$("$here/../../scripts/build.sh")"
cd "$here"
set -x
"$retort" history
"$retort" heads
"$retort" show head
"$retort" compile
