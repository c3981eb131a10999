#!/usr/bin/env bash
# Publishes the native front of the CLI (src/Retort.Cli with RetortNative=true): the graph commands (history, heads,
# branches, show, edit) and current on SQLite and PostgreSQL compiled ahead of time, which hand every other command to
# the managed Retort.Cli in the same folder. Needs a C toolchain for the native link (gcc or clang; installed from the OS packages where missing).
# Default output: artifacts/retort/retort, in front of the release CLI of scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/retort
while (($#)); do
  case $1 in
    -o) [[ $# -ge 2 ]] || { echo "native: error: -o needs a folder" >&2; exit 2; }; out=$2; shift ;;
    -h | --help) echo "Usage: scripts/native.sh [-o FOLDER]   (writes FOLDER/retort, which runs FOLDER/Retort.Cli for the commands it does not run itself)"; exit 0 ;;
    *) echo "native: error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if ! command -v gcc >/dev/null && ! command -v clang >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc zlib1g-dev >/dev/null 2>&1 ||
    { echo "native: error: ahead-of-time compilation needs gcc or clang (apt-get install gcc zlib1g-dev)" >&2; exit 1; }
fi
# RetortNative=true also moves the build to artifacts/native-build (Directory.Build.props).
staging=$(mktemp -d)
trap 'rm -rf "$staging" "$staging.log"' EXIT
dotnet publish src/Retort.Cli -c Release -r linux-x64 -p:RetortNative=true -o "$staging" --nologo -v quiet >"$staging.log" 2>&1 ||
  { tail -n 30 "$staging.log" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out/retort"
mv "$staging/Retort.Cli" "$out/retort"
# SQLite's native library, which current on SQLite loads (the managed CLI's publish has the same file).
cp "$staging/libe_sqlite3.so" "$out/"
echo "$out/retort"
