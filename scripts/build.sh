#!/usr/bin/env bash
# Builds the retort CLI into artifacts/retort/retort, for fast start-up: self-contained, with the .NET framework and
# every dependency ReadyToRun-compiled into one composite image. Compiled one by one, each assembly leaves to the JIT
# the generic code it shares with another (ImmutableArray<T> of Roslyn's structs, async state machines in
# Npgsql...): some 3,000 methods on a cold autogenerate. The composite image holds them; the price is a ~180 MB
# folder and a ~3-minute compile whenever a project changes.
# Its own intermediate folder (ArtifactsPivots) keeps composite and per-assembly ReadyToRun files apart: mixing them
# yields an executable that aborts at start.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Retort.Cli -c Release -r linux-x64 --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:ArtifactsPivots=cli-composite \
  -o artifacts/retort --nologo -v quiet "$@" >/dev/null
ln -sf Retort.Cli artifacts/retort/retort
# The runner 'retort bundle' copies, where the CLI looks for it by default (runner/retort-runner beside itself).
scripts/runner.sh -o artifacts/retort/runner >/dev/null
echo "artifacts/retort/retort"
