#!/usr/bin/env bash
# Writes a Retort project whose model has N tables of 8 columns, each with an index, a unique constraint and a
# foreign key to the previous table (for the autogenerate benchmark). With DRIFT, the model matches the tables of
# bench/generate-foreign.sh (a weight column and a check), and the first DRIFT tables have one column more.
# usage: bench/generate-model.sh N DIR URL [DRIFT]
set -euo pipefail
n=$1
dir=$2
url=$3
drift=${4:-}
rm -rf "$dir"
mkdir -p "$dir/migrations/versions" "$dir/Models"
cat > "$dir/retort.json" <<JSON
{ "scriptLocation": "migrations", "url": "$url", "model": { "sources": ["Models/*.cs"] } }
JSON
for ((i = 1; i <= n; i++)); do
  fk=""
  [ "$i" -gt 1 ] && fk="[Column(\"parent_id\"), ForeignKey(nameof(Parent))] public int? ParentId { get; set; }
    public Item$((i - 1))? Parent { get; set; }"
  [ "$i" -eq 1 ] && fk="[Column(\"parent_id\")] public int? ParentId { get; set; }"
  check="" weight="" extra=""
  if [ -n "$drift" ]; then
    check=", Check(\"amount >= 0\")"
    weight="[Column(\"weight\")] public double Weight { get; set; }"
    [ "$i" -le "$drift" ] && extra="[Column(\"extra\"), MaxLength(40)] public string? Extra { get; set; }"
  fi
  cat > "$dir/Models/Item$i.cs" <<CS
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using Retort;

namespace Bench.Models;

[Table("item_$i")]
public class Item$i
{
    [Key, Column("id")] public int Id { get; set; }
    [Column("name"), MaxLength(50), Unique] public string Name { get; set; } = "";
    [Column("code"), MaxLength(20), Index] public string? Code { get; set; }
    [Column("amount"), Precision(12, 2)$check] public decimal Amount { get; set; }
    $weight
    [Column("created_at")] public DateTime CreatedAt { get; set; }
    [Column("active")] public bool Active { get; set; }
    [Column("note")] public string? Note { get; set; }
    $fk
    $extra
}
CS
done
