# The preamble of the safety-net benchmarks (sourced): the release CLI in $retort, hyperfine, the test servers' URLs,
# a work folder removed at exit, and $targets: "name|global options" for SQLite and each server that is set up.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null
retort="$root/$("$root/scripts/build.sh")"
[ -f "$root/artifacts/test-databases.env" ] && set -a && . "$root/artifacts/test-databases.env" && set +a
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
targets=("sqlite|")
[ -n "${RETORT_TEST_POSTGRES:-}" ] && targets+=("postgresql|--url ${RETORT_TEST_POSTGRES}")
[ -n "${RETORT_TEST_MYSQL:-}" ] && targets+=("mariadb|--url ${RETORT_TEST_MYSQL/mysql:/mariadb:}")

# Writes an N-revision chain (a table per revision) into $work/chainN, compiles it, and enters it.
chain_project() {
  "$root/bench/generate-chain.sh" "$1" "$work/chain$1"
  cd "$work/chain$1"
  "$retort" compile >/dev/null
}
