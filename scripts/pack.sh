#!/usr/bin/env bash
# Packs every packable project (those that set IsPackable: Retort, Retort.Cli as the `retort` dotnet tool, and
# Retort.Hosting, Retort.EntityFrameworkCore where present) into one folder, a local NuGet feed, with symbols.
set -euo pipefail

readonly ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

usage() {
  cat <<'EOF_USAGE'
Usage: scripts/pack.sh [-o FOLDER] [--version VERSION]

Packs Retort's packages in Release into FOLDER (default artifacts/package/release): a .nupkg and a .snupkg (symbols)
for each packable project, with deterministic, CI-style builds (machine paths mapped away, SourceLink). The folder is
a local feed:

  dotnet tool install --tool-path ./tools Retort.Cli --add-source FOLDER
  dotnet add package Retort --source FOLDER

--version sets the package version (default: the repository's <Version> in Directory.Build.props).
EOF_USAGE
}

main() {
  local out=$ROOT/artifacts/package/release version=""
  while (($#)); do
    case $1 in
      -o | --output) out=$(realpath -m "$2"); shift 2 ;;
      --version) version=$2; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) echo "pack: error: unknown argument '$1' (see scripts/pack.sh --help)" >&2; exit 2 ;;
    esac
  done
  mkdir -p "$out"
  local projects=()
  while IFS= read -r project; do
    if dotnet msbuild "$project" -getProperty:IsPackable -nologo 2>/dev/null | grep -qx true; then
      projects+=("$project")
    fi
  done < <(find "$ROOT/src" -name '*.csproj' | sort)
  ((${#projects[@]})) || { echo "pack: error: no packable project under src/" >&2; exit 1; }
  local project
  for project in "${projects[@]}"; do
    # Each project separately: one `dotnet pack` of the solution would also try the tests and benches.
    dotnet pack "$project" -c Release -o "$out" --nologo -v quiet -p:RetortPack=true \
      ${version:+-p:Version=$version} >/dev/null
  done
  ls "$out"/*.nupkg
}

main "$@"
