#!/usr/bin/env bash
# Builds the retort CLI into artifacts/retort/retort, for fast start-up: a native front for the commands that only read
# the graph (scripts/native.sh), and the managed CLI for the rest: self-contained, with the .NET framework and
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
# retort itself is the native front (scripts/native.sh): the graph commands in a few milliseconds, the rest handed to
# Retort.Cli. Without a C toolchain for it, retort is Retort.Cli under another name.
scripts/native.sh -o artifacts/retort >/dev/null ||
  { echo "build: warning: the native front could not be built; retort is the managed CLI for every command" >&2; ln -sf Retort.Cli artifacts/retort/retort; }
# The runner 'retort bundle' copies, where the CLI looks for it by default (runner/retort-runner beside itself).
scripts/runner.sh -o artifacts/retort/runner >/dev/null
echo "artifacts/retort/retort"
