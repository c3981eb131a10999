#!/usr/bin/env bash
# Times what AddRetort + MigrateAsync add to the start of a small generic-host app whose database is already at head
# (bench/hosting: the three revisions of samples/webapp compiled in), on SQLite, and on PostgreSQL when
# RETORT_TEST_POSTGRES is set (artifacts/test-databases.env). Three modes of the same app, run in turns:
#   none    the host built, started and stopped: the app without Retort
#   query   the same plus one query of the version table through the provider: the floor, one round trip
#   retort  the same with AddRetort and MigrateAsync instead of the query
# For each: the median whole-process wall time and the median in-process time of the step (the first call in the
# process, so it includes compiling Retort's code path), for the app built as usual (JIT) and published ReadyToRun.
# usage: bench/hosting.sh [RUNS]      (default: 15 runs of each mode)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
[ -f "$root/artifacts/test-databases.env" ] && set -a && . "$root/artifacts/test-databases.env" && set +a
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lock() { if [ -e /tmp/retort-build.lock ]; then flock /tmp/retort-build.lock "$@"; else "$@"; fi; }
lock dotnet publish "$root/bench/hosting" -c Release -o "$work/jit" --nologo -v quiet >/dev/null
lock dotnet publish "$root/bench/hosting" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/r2r" --nologo -v quiet >/dev/null

targets=("sqlite|Data Source=$work/bench.db")
if [ -n "${RETORT_TEST_POSTGRES:-}" ]; then
  PGOPTIONS=--client-min-messages=warning psql "$RETORT_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS retort_bench_hosting WITH (FORCE)" -c "CREATE DATABASE retort_bench_hosting" >/dev/null
  trap 'rm -rf "$work"; PGOPTIONS=--client-min-messages=warning psql "$RETORT_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS retort_bench_hosting WITH (FORCE)" >/dev/null' EXIT
  targets+=("postgresql|$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(f"Host={p.hostname};Port={p.port or 5432};Username={u.unquote(p.username)};Password={u.unquote(p.password or str())};Database=retort_bench_hosting")' "$RETORT_TEST_POSTGRES")")
fi

for target in "${targets[@]}"; do
  provider=${target%%|*}
  connection=${target#*|}
  "$work/jit/Retort.Bench.Hosting" "$provider" "$connection" retort 2>/dev/null   # to head, once
  for build in jit r2r; do
    python3 - "$work/$build/Retort.Bench.Hosting" "$provider" "$connection" "$runs" "$build" <<'PY'
import statistics, subprocess, sys, time
app, provider, connection, runs, build = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
modes = ["none", "query", "retort"]
wall = {m: [] for m in modes}
step = {m: [] for m in modes}
for _ in range(2):  # warm the disk cache
    for m in modes:
        subprocess.run([app, provider, connection, m], check=True, capture_output=True)
for _ in range(runs):
    for m in modes:  # in turns, so a busy moment of the machine hits every mode
        started = time.perf_counter()
        out = subprocess.run([app, provider, connection, m], check=True, capture_output=True, text=True).stderr
        wall[m].append((time.perf_counter() - started) * 1000)
        step[m].append(float(out.strip().split("ms=")[1]))
med = {m: (statistics.median(wall[m]), statistics.median(step[m])) for m in modes}
print(f"{provider} {build}: whole process none {med['none'][0]:.0f} ms, query {med['query'][0]:.0f} ms, retort {med['retort'][0]:.0f} ms"
      f" -> AddRetort adds {med['retort'][0] - med['none'][0]:.0f} ms ({med['retort'][0] - med['query'][0]:.0f} ms over one query);"
      f" in-process step: query {med['query'][1]:.1f} ms, MigrateAsync {med['retort'][1]:.1f} ms ({runs} runs each, medians)")
PY
  done
done
