#!/usr/bin/env bash
# Writes an Alembic project (`alembic init`'s alembic.ini and env.py, target_metadata set to the models) whose
# SQLAlchemy declarative models are bench/generate-model.sh's N tables: 8 columns, an index on code, a unique
# constraint on name, a foreign key to the previous table (for bench/memory.sh).
# One line more than `alembic init` writes in env.py: a higher recursion limit, since SQLAlchemy 1.4 reflects a table's
# foreign-key target from within the table's own reflection, and a chain of 1,000 tables exceeds Python's default 1,000.
# usage: bench/alembic/generate-model.sh N DIR URL
set -euo pipefail
n=$1
dir=$2
url=$3
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
/usr/bin/alembic init migrations >/dev/null
sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = $url|" alembic.ini
sed -i 's|^target_metadata = None|import sys\nsys.setrecursionlimit(50000)\nfrom models import Base\ntarget_metadata = Base.metadata|' migrations/env.py
{
  cat <<'PY'
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()
PY
  for ((i = 1; i <= n; i++)); do
    fk="parent_id = Column(Integer, nullable=True)"
    [ "$i" -gt 1 ] && fk="parent_id = Column(Integer, ForeignKey(\"item_$((i - 1)).id\"), nullable=True)
    parent = relationship(\"Item$((i - 1))\")"
    cat <<PY


class Item$i(Base):
    __tablename__ = "item_$i"
    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False, unique=True)
    code = Column(String(20), nullable=True, index=True)
    amount = Column(Numeric(12, 2), nullable=False)
    created_at = Column(DateTime, nullable=False)
    active = Column(Boolean, nullable=False)
    note = Column(Text, nullable=True)
    $fk
PY
  done
} > models.py
