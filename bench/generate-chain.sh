#!/usr/bin/env bash
# Writes a Retort project with an N-revision linear chain into DIR (for the graph and compile benchmarks).
# usage: bench/generate-chain.sh N DIR
set -euo pipefail
n=$1
dir=$2
rm -rf "$dir"
mkdir -p "$dir/migrations/versions"
cat > "$dir/retort.json" <<JSON
{ "scriptLocation": "migrations", "url": "sqlite:///bench.db" }
JSON
prev=""
for ((i = 1; i <= n; i++)); do
  id=$(printf 'r%011d' "$i")
  revises=""
  [ -n "$prev" ] && revises=", Revises = \"$prev\""
  cat > "$dir/migrations/versions/${id}_step_$i.cs" <<CS
using Retort;

namespace Migrations;

/// <summary>step $i</summary>
[Revision("$id"$revises, CreateDate = "2026-11-26 12:00:00")]
public sealed class Step$i : Migration
{
    public override void Upgrade(Operations op)
    {
        op.Execute("CREATE TABLE t$i (id INTEGER PRIMARY KEY)");
    }

    public override void Downgrade(Operations op)
    {
        op.Execute("DROP TABLE t$i");
    }
}
CS
  prev=$id
done
