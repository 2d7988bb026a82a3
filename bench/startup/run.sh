#!/usr/bin/env bash
# Warm start-up of the build: ./build.sh --help against its peers, `dotnet run --project build`, running
# the compiled build directly, and a bare hello-world dll (the runtime's own start, built once into out/). Prints a markdown table: median, min and max of RUNS runs of each command,
# after WARMUP unmeasured rounds.
#   bench/startup/run.sh            RUNS=20 bench/startup/run.sh
# The runs are interleaved (one of each command per round) rather than one command's batch after another's,
# as hyperfine does: the machine is shared, and a burst of someone else's load then hits every command alike.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

HELLO="$ROOT/bench/startup/out/hello"
if [[ ! -f "$HELLO/bin/Release/net10.0/hello.dll" ]]; then
  mkdir -p "$HELLO"
  printf '%s\n' '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$HELLO/hello.csproj"
  echo 'System.Console.WriteLine("hello");' > "$HELLO/Program.cs"
  dotnet build "$HELLO/hello.csproj" -c Release -nologo -v q > /dev/null
fi

COMMANDS=(
  "./build.sh --help"
  "dotnet run --project build -- --help"
  "dotnet build/bin/publish/Liftoff.Build.dll --help"
  "dotnet $HELLO/bin/Release/net10.0/hello.dll"
)

# Warm means compiled and up to date: this first run of build.sh compiles the build project if it must.
./build.sh --help > /dev/null 2>&1

for ((round = 0; round < WARMUP; round++)); do
  for command in "${COMMANDS[@]}"; do $command > /dev/null 2>&1; done
done

declare -A times
for ((round = 0; round < RUNS; round++)); do
  for i in "${!COMMANDS[@]}"; do
    start=$(date +%s%N)
    ${COMMANDS[$i]} > /dev/null 2>&1
    times[$i]+="$(( ($(date +%s%N) - start) / 1000000 )) "
  done
done

# "median min max" of a list of milliseconds.
stats() {
  tr ' ' '\n' <<< "$1" | grep . | sort -n | awk '{ t[NR] = $1 } END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%d %d %d\n", m, t[1], t[NR] }'
}

# The ratio to hello.dll is taken round by round (the two ran back to back, under the same load), then its median.
ratios() {
  paste -d' ' <(tr ' ' '\n' <<< "$1" | grep .) <(tr ' ' '\n' <<< "$2" | grep .) | awk '{ print $1 / $2 }' | sort -g | awk '{ r[NR] = $1 } END {
    m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "%.2fx (%.2f-%.2f)\n", m, r[1], r[NR] }'
}

echo "| command (warm) | median | min | max | vs. a bare hello.dll (median of per-round ratios, min-max) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for i in "${!COMMANDS[@]}"; do
  read -r median min max <<< "$(stats "${times[$i]}")"
  printf '| `%s` | %d ms | %d ms | %d ms | %s |\n' "${COMMANDS[$i]}" "$median" "$min" "$max" "$(ratios "${times[$i]}" "${times[3]}")"
done
echo
echo "$RUNS rounds after $WARMUP warm-up rounds; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; Liftoff at $(git rev-parse --short HEAD)."
