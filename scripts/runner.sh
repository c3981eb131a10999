#!/usr/bin/env bash
# Publishes the runner of 'retort bundle': the CLI without Roslyn (a bundle's revisions come compiled), self-contained,
# in one compressed file. Default output: artifacts/retort/runner/retort-runner, where the release CLI of
# scripts/build.sh looks for it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/retort/runner
extra=()
while (($#)); do
  case $1 in
    -o) [[ $# -ge 2 ]] || { echo "runner: error: -o needs a folder" >&2; exit 2; }; out=$2; shift ;;
    --no-ready-to-run) extra+=(-p:PublishReadyToRun=false) ;;
    -h | --help) echo "Usage: scripts/runner.sh [-o FOLDER] [--no-ready-to-run]   (writes FOLDER/retort-runner; the tests skip ReadyToRun to save time)"; exit 0 ;;
    *) echo "runner: error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
# RetortRunner=true also moves the build to artifacts/runner-build (Directory.Build.props): its restore excludes Roslyn.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
dotnet publish src/Retort.Cli -c Release -r linux-x64 -p:RetortRunner=true "${extra[@]}" \
  -o "$staging" --nologo -v quiet >"$staging.log" 2>&1 || { tail -n 30 "$staging.log" >&2; rm -f "$staging.log"; exit 1; }
rm -f "$staging.log"
mkdir -p "$out"
mv "$staging/Retort.Cli" "$out/retort-runner"
echo "$out/retort-runner"
