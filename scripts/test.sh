#!/usr/bin/env bash
# The one test command: starts the test databases, then runs every test in the solution.
# With CI=true a database that cannot be started fails the run; elsewhere live tests skip.
set -euo pipefail

readonly ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ENV_FILE=$ROOT/artifacts/test-databases.env
readonly GALERA_ENV_FILE=$ROOT/artifacts/test-galera.env

usage() {
  cat <<'EOF_USAGE'
Usage: scripts/test.sh [dotnet test arguments...]

Runs scripts/databases.sh and scripts/galera.sh (a three-node MariaDB Galera cluster on
loopback), exports the variables they write (RETORT_TEST_POSTGRES, RETORT_TEST_MYSQL,
RETORT_TEST_GALERA_1..3), installs Alembic (the conformance suite's oracle), Graphviz and zsh (the
history --format dot and completion checks) from the OS packages where missing, then 'dotnet test'
on the solution. Extra arguments go to dotnet test,
e.g. scripts/test.sh --filter FullyQualifiedName~Live

With CI=true a failure to start the databases or the cluster, or to install Alembic, Graphviz or zsh fails the run;
otherwise it is a warning and those tests are skipped.
EOF_USAGE
}

is_ci() { [[ ${CI:-} =~ ^([Tt]rue|1)$ ]]; }

start_databases() {
  if bash "$ROOT/scripts/databases.sh" --env-file "$ENV_FILE"; then
    set -a
    # shellcheck source=/dev/null
    . "$ENV_FILE"
    set +a
  elif is_ci; then
    echo "test: error: the test databases could not be started, and CI=true forbids skipping live tests" >&2
    exit 1
  else
    echo "test: warning: the test databases could not be started; live tests will be skipped" >&2
  fi
}

start_galera() {
  if bash "$ROOT/scripts/galera.sh" start --env-file "$GALERA_ENV_FILE"; then
    set -a
    # shellcheck source=/dev/null
    . "$GALERA_ENV_FILE"
    set +a
  elif is_ci; then
    echo "test: error: the Galera cluster could not be started, and CI=true forbids skipping its tests" >&2
    exit 1
  else
    echo "test: warning: the Galera cluster could not be started; its tests will be skipped" >&2
  fi
}

# Alembic itself, from the OS packages, is the oracle of the conformance suite (tests/Retort.Tests/Conformance).
ensure_alembic() {
  [[ -d /usr/lib/python3/dist-packages/alembic ]] && return 0
  if command -v apt-get >/dev/null &&
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq alembic python3-alembic >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq alembic python3-alembic >/dev/null 2>&1; }; }; then
    return 0
  fi
  if is_ci; then
    echo "test: error: Alembic (apt-get install alembic python3-alembic) could not be installed, and CI=true forbids skipping the conformance suite" >&2
    exit 1
  fi
  echo "test: warning: Alembic could not be installed; the conformance suite will be skipped" >&2
}

# Graphviz checks what history --format dot writes (dot -Tsvg), zsh loads the completion script, strace sees which
# files a command opens (no Roslyn where nothing compiles), gcc links the native front; all from the OS packages.
ensure_shell_tools() {
  command -v dot >/dev/null && command -v zsh >/dev/null && command -v strace >/dev/null && command -v gcc >/dev/null && return 0
  if command -v apt-get >/dev/null &&
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz zsh strace gcc zlib1g-dev >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz zsh strace gcc zlib1g-dev >/dev/null 2>&1; }; }; then
    return 0
  fi
  if is_ci; then
    echo "test: error: Graphviz, zsh, strace and gcc (apt-get install graphviz zsh strace gcc zlib1g-dev) could not be installed, and CI=true forbids skipping their tests" >&2
    exit 1
  fi
  echo "test: warning: Graphviz, zsh, strace or gcc could not be installed; the dot, zsh completion, Roslyn-load and native front checks will be skipped" >&2
}

main() {
  [[ ${1:-} != --help && ${1:-} != -h ]] || { usage; exit 0; }
  cd "$ROOT"
  start_databases
  start_galera
  ensure_alembic
  ensure_shell_tools
  rm -rf "$ROOT/artifacts/hostile" "$ROOT/artifacts/conformance"
  local status log="$ROOT/artifacts/test-output.txt"
  mkdir -p "$ROOT/artifacts"
  dotnet test Retort.slnx --configuration Debug --nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" && status=0 || status=$?
  # The hostile suite's figures: kills, recoveries, double applies, crowds of runs, per database.
  if compgen -G "$ROOT/artifacts/hostile/*.txt" > /dev/null; then
    echo "hostile runs:"
    cat "$ROOT"/artifacts/hostile/*.txt
  fi
  [[ ! -f $ROOT/artifacts/conformance/summary.txt ]] || cat "$ROOT/artifacts/conformance/summary.txt"
  # A failed run's reason can sit thousands of lines up (or be no test at all: a crashed host, a cleanup failure);
  # repeat it last, where a reader of the tail looks.
  if ((status != 0)); then
    echo "why the test run failed (from $log):"
    grep -E '^\s*Failed [A-Za-z]|\[FAIL\]|[Cc]leanup [Ff]ailure|Catastrophic|aborted|Test host process crashed|error [A-Z]+[0-9]+:' "$log" | head -40 || true
  fi
  return "$status"
}

main "$@"
