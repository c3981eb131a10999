#!/usr/bin/env bash
# Times `retort lint` on an N-revision chain of typed operations (each revision creates a table and changes the one
# before it: a NOT NULL column without a default, an index, a type change), so that every revision has findings: for
# the project's SQLite, and for PostgreSQL and MariaDB (judged for that server with --url: the version read, the rows
# counted). The revisions are compiled first; the times are lint's alone.
# usage: bench/lint.sh [N ...]      (default: 1000)
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)
for n in "${sizes[@]}"; do
  dir="$work/lint$n"
  mkdir -p "$dir/migrations/versions"
  echo '{ "scriptLocation": "migrations", "url": "sqlite:///bench.db" }' > "$dir/retort.json"
  prev=""
  for ((i = 1; i <= n; i++)); do
    id=$(printf 'r%011d' "$i")
    revises="" changes=""
    if [ -n "$prev" ]; then
      revises=", Revises = \"$prev\""
      changes="op.AddColumn(\"t$((i - 1))\", new Column(\"email\", SqlType.String(80), nullable: false));
        op.CreateIndex(\"ix_t$((i - 1))_name\", \"t$((i - 1))\", [\"name\"]);
        op.AlterColumn(\"t$((i - 1))\", \"name\", type: SqlType.String(20), existingType: SqlType.String(40));"
    fi
    cat > "$dir/migrations/versions/${id}_step_$i.cs" <<CS
using Retort;

namespace Migrations;

/// <summary>step $i</summary>
[Revision("$id"$revises, CreateDate = "2026-12-07 12:00:00")]
public sealed class Step$i : Migration
{
    public override void Upgrade(Operations op)
    {
        op.CreateTable("t$i", new Column("id", SqlType.BigInteger, primaryKey: true), new Column("name", SqlType.String(40)));
        $changes
    }
}
CS
    prev=$id
  done
  cd "$dir"
  "$retort" compile >/dev/null
  for target in "${targets[@]}"; do
    name=${target%%|*}
    url=${target#*|}
    echo "== lint, $n revisions, $name"
    # shellcheck disable=SC2086
    "$retort" lint $url | tail -1 || true
    # shellcheck disable=SC2086
    hyperfine -N -i --runs 5 --style basic "$retort lint $url" | grep -E "Time|Range"
  done
done
