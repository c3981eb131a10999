#!/usr/bin/env bash
# Writes a database's DDL the way SQLAlchemy writes it (FLOAT, DATETIME, unnamed UNIQUE, FOREIGN KEY and CHECK, so the
# database names them) for N tables, and a Retort project whose model describes the same tables with DRIFT real
# changes: a new nullable column on each of the first DRIFT tables. Autogenerate must write DRIFT operations.
# usage: bench/generate-foreign.sh N DRIFT DIR URL DIALECT (sqlite, postgresql or mariadb); the DDL goes to DIR/schema.sql
set -euo pipefail
n=$1 drift=$2 dir=$3 url=$4 dialect=$5
"$(dirname "$0")/generate-model.sh" "$n" "$dir" "$url" "$drift"
case $dialect in
  sqlite) key="INTEGER NOT NULL" float=FLOAT stamp=DATETIME bool=BOOLEAN ;;
  postgresql) key="SERIAL NOT NULL" float=FLOAT stamp="TIMESTAMP WITHOUT TIME ZONE" bool=BOOLEAN ;;
  mariadb) key="INTEGER NOT NULL AUTO_INCREMENT" float=DOUBLE stamp=DATETIME bool=BOOL ;;
esac
for ((i = 1; i <= n; i++)); do
  parent=""
  [ "$i" -gt 1 ] && parent="
  FOREIGN KEY(parent_id) REFERENCES item_$((i - 1)) (id),"
  cat >> "$dir/schema.sql" <<SQL
CREATE TABLE item_$i (
  id $key,
  name VARCHAR(50) NOT NULL,
  code VARCHAR(20),
  amount NUMERIC(12, 2) NOT NULL,
  weight $float NOT NULL,
  created_at $stamp NOT NULL,
  active $bool NOT NULL,
  note TEXT,
  parent_id INTEGER,
  PRIMARY KEY (id),
  UNIQUE (name),$parent
  CHECK (amount >= 0)
);
CREATE INDEX ix_item_${i}_code ON item_$i (code);
SQL
done
