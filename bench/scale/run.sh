#!/usr/bin/env bash
# How Liftoff's time grows with the number of projects: generated repositories of 3 and 30 small projects
# (one Node function each, bench/lib/project.sh), each timed through Compile (forced), Package, a first Deploy and a
# no-op Deploy (everything: Compile to InvalidateCdn) to the local AWS (moto's server, fresh each round, in a private
# network namespace).
#   bench/scale/run.sh          ROUNDS=5 SIZES="3 10 30" bench/scale/run.sh
# Prints a markdown table: the median wall time of each step per size (min-max), and the growth from the
# smallest size to the largest next to the growth in projects.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/scale"
ROUNDS="${ROUNDS:-5}"
SIZES="${SIZES:-3 30}"
OUT="${BENCH_SCALE_OUT:-$HERE/out/$(date -u +%Y%m%dT%H%M%SZ)}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
source "$ROOT/bench/lib/project.sh"
source "$ROOT/bench/lib/moto.sh"

if [[ -z "${BENCH_SCALE_INSIDE:-}" ]]; then
  mkdir -p "$OUT"
  for size in $SIZES; do
    repo="$HERE/out/repo-$size"
    rm -rf "$repo"
    new_repository "$repo"
    for ((i = 1; i <= size; i++)); do new_project "$repo" "$(printf 'p%02d' "$i")"; done
    # Warm: the build project compiled and the (identical) templates linted once.
    (cd "$repo" && "$ROOT/build.sh" Compile --root "$repo" > "$OUT/warmup-$size.log" 2>&1) || { echo "Compile failed; see $OUT/warmup-$size.log" >&2; exit 1; }
  done
  export BENCH_SCALE_INSIDE=1 BENCH_SCALE_OUT="$OUT"
  exec_in_private_network "$0" "$@"
fi
trap stop_moto EXIT

step() {  # round size name target...
  local round="$1" size="$2" name="$3" start wall; shift 3
  start=$(date +%s%N)
  (cd "$HERE/out/repo-$size" && "$ROOT/build.sh" "$@" --root "$HERE/out/repo-$size" > "$OUT/r$round-$size-$name.log" 2>&1) \
    || { echo "$* failed; see $OUT/r$round-$size-$name.log" >&2; exit 1; }
  wall=$(awk -v ns="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.3f", ns / 1e9 }')
  echo "{\"round\": $round, \"size\": $size, \"step\": \"$name\", \"wall\": $wall, \"load\": $(cut -d' ' -f1 /proc/loadavg)}" >> "$OUT/runs.jsonl"
  echo "round $round, $size projects, $name: $wall s" >&2
}

: > "$OUT/runs.jsonl"
for ((round = 1; round <= ROUNDS; round++)); do
  for size in $SIZES; do
    rm -rf "$HERE/out/repo-$size/artifacts"
    start_moto "$OUT/r$round-$size-moto.log"
    # --force: the build itself (a Compile of unchanged projects builds nothing; the no-op deploy includes that one).
    step "$round" "$size" compile Compile --force
    step "$round" "$size" package Package --skip
    step "$round" "$size" "first deploy" Deploy --env local
    step "$round" "$size" "no-op deploy" Deploy --env local
    stop_moto
  done
done

python3 - "$OUT/runs.jsonl" <<'PY' | tee "$OUT/report.md"
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
sizes = sorted({r["size"] for r in runs})
steps = list(dict.fromkeys(r["step"] for r in runs))
cell = lambda v: f"{statistics.median(v):.2f} s ({min(v):.2f}-{max(v):.2f})"
print("| step | " + " | ".join(f"{s} projects" for s in sizes) + f" | growth {sizes[0]} → {sizes[-1]} (projects: {sizes[-1] / sizes[0]:.0f}x) |")
print("| --- | " + " | ".join("---:" for _ in sizes) + " | ---: |")
for step in steps:
    walls = {s: [r["wall"] for r in runs if r["step"] == step and r["size"] == s] for s in sizes}
    growth = statistics.median(walls[sizes[-1]]) / statistics.median(walls[sizes[0]])
    print(f"| {step} | " + " | ".join(cell(walls[s]) for s in sizes) + f" | {growth:.1f}x |")
loads = [r["load"] for r in runs]
print(f"\n{len({r['round'] for r in runs})} rounds; load average {min(loads):.1f}-{max(loads):.1f} at the start of the steps.")
PY
