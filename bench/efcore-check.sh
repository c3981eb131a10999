#!/usr/bin/env bash
# `retort check` on the EF Core sample (samples/efcore's AppDbContext on SQLite) against EF Core's own pending-change
# check on the same context, `dotnet ef migrations has-pending-model-changes` (which compares the model with the
# migrations' snapshot, not with the database), alternating, RUNS each (default 5), medians:
#   retort cold:   the assembly built, Retort's EF cache empty: an msbuild no-op build and a probe run
#   retort warm:   cached: neither build nor probe
#   dotnet ef:     as run by default (it builds: an msbuild no-op)
#   dotnet ef --no-build
# The release CLI (scripts/build.sh) and dotnet-ef 10.0.15 (installed into the work folder) are used.
# usage: RUNS=5 bench/efcore-check.sh
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
runs=${RUNS:-5}
dotnet tool install --tool-path "$work/tools" dotnet-ef --version 10.0.15 >/dev/null
ef="$work/tools/dotnet-ef"
# A copy of the sample in the work folder, with the repository's package versions and a minimal build set-up of its
# own; EF's migrations are added to the copy only.
copy="$work/efcore"
mkdir -p "$copy/app" "$copy/db"
cp "$root/Directory.Packages.props" "$copy/"
printf '<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup></Project>\n' > "$copy/Directory.Build.props"
cp "$root"/samples/efcore/*.cs "$root/samples/efcore/Sample.EfCore.csproj" "$copy/app/"
cp -r "$root/samples/efcore-db/migrations" "$copy/db/"
printf '{ "url": "sqlite:///shop.db", "model": { "efCore": { "project": "../app", "context": "AppDbContext" } } }\n' > "$copy/db/retort.json"
dotnet build "$copy/app" -c Debug --nologo -v quiet >/dev/null
(cd "$copy/app" && "$ef" migrations add Initial --no-build --context AppDbContext >/dev/null && dotnet build -c Debug --nologo -v quiet >/dev/null)
cd "$copy/db"
"$retort" revision --autogenerate -m init >/dev/null 2>&1
"$retort" upgrade heads >/dev/null 2>&1
"$retort" check >/dev/null   # clean, or the bench stops here
(cd "$copy/app" && "$ef" migrations has-pending-model-changes --no-build --context AppDbContext >/dev/null)

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
cold=(); warm=(); efb=(); efn=()
for i in $(seq "$runs"); do
  rm -rf .retort/cache/efcore
  c=$(seconds "$retort" check); w=$(seconds "$retort" check)
  b=$(cd "$copy/app" && seconds "$ef" migrations has-pending-model-changes --context AppDbContext)
  n=$(cd "$copy/app" && seconds "$ef" migrations has-pending-model-changes --no-build --context AppDbContext)
  cold+=("$c"); warm+=("$w"); efb+=("$b"); efn+=("$n")
  echo "run $i: retort cold ${c}s warm ${w}s | dotnet ef ${b}s, --no-build ${n}s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median of $runs: retort check cold $(median "${cold[@]}")s, warm $(median "${warm[@]}")s; dotnet ef migrations has-pending-model-changes $(median "${efb[@]}")s, --no-build $(median "${efn[@]}")s"
