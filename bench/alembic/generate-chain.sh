#!/usr/bin/env bash
# Writes an Alembic project (`alembic init`'s alembic.ini and env.py) with an N-revision linear chain into DIR, each
# revision creating one table as bench/generate-chain.sh's do, on sqlite:///bench.db (for bench/memory.sh).
# usage: bench/alembic/generate-chain.sh N DIR
set -euo pipefail
n=$1
dir=$2
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
/usr/bin/alembic init migrations >/dev/null
sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///bench.db|' alembic.ini
prev=None
for ((i = 1; i <= n; i++)); do
  id=$(printf 'r%011d' "$i")
  cat > "migrations/versions/${id}_step_$i.py" <<PY
"""step $i

Revision ID: $id
Revises: ${prev//\'/}
Create Date: 2026-11-26 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '$id'
down_revision = $prev
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE t$i (id INTEGER PRIMARY KEY)")


def downgrade() -> None:
    op.execute("DROP TABLE t$i")
PY
  prev="'$id'"
done
