#!/usr/bin/env bash
# Prints the fidelity table: for each corpus schema (tests/Retort.Tests/Fidelity/Corpus) on SQLite, PostgreSQL and
# MariaDB, the false differences autogenerate finds right after the schema's DDL made the database, and the operations
# each single model change yields (one, or none where the database keeps no such thing; the suite asserts each cell).
# Starts the test databases as scripts/test.sh does.
# usage: bench/fidelity.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/databases.sh" --env-file "$root/artifacts/test-databases.env" >/dev/null
set -a; . "$root/artifacts/test-databases.env"; set +a
dotnet test "$root/Retort.slnx" --nologo --filter "FullyQualifiedName~FidelityReportTests" >/dev/null
cat "$root/artifacts/fidelity.md"
