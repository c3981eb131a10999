#!/usr/bin/env bash
# Builds the retort CLI, ReadyToRun-compiled for fast start-up, into artifacts/retort/retort.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Retort.Cli -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o artifacts/retort --nologo -v quiet "$@" >/dev/null
ln -sf Retort.Cli artifacts/retort/retort
echo "artifacts/retort/retort"
