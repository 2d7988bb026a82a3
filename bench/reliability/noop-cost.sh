#!/usr/bin/env bash
# What a no-op deploy costs against a warm `./build.sh --help` (issue 14's yardstick: at most 3x): the whole
# `./build.sh Deploy --env local` (Compile, Package, LocalAws, Upload, Deploy with its reality check, SmokeTest,
# InvalidateCdn) of the three samples, deployed and unchanged, and `Deploy --env local --skip` (Deploy alone), each round
# one run of each, interleaved. Given another checkout (e.g. main before a change), its `Deploy --skip` runs too, on the
# same moto and the same ledger, for what the change adds or saves. Each run's AWS requests are counted from moto's log.
#   bench/reliability/noop-cost.sh [/path/to/other/checkout]        ROUNDS=10 ...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/reliability"
OTHER="${1:+$(cd "$1" && pwd)}"
ROUNDS="${ROUNDS:-8}"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
source "$ROOT/bench/lib/moto.sh"

if [[ -z "${BENCH_NOOP_INSIDE:-}" ]]; then
  OUT="$HERE/out/noop-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$OUT"
  echo "Warming up (both builds published, the samples packaged) ..." >&2
  { ./build.sh Package && { [[ -z "$OTHER" ]] || "$OTHER/build.sh" --help; }; } > "$OUT/warmup.log" 2>&1 || { echo "Warm-up failed; see $OUT/warmup.log" >&2; exit 1; }
  export BENCH_NOOP_INSIDE=1 BENCH_NOOP_OUT="$OUT"
  exec_in_private_network "$0" "$@"
fi

OUT="$BENCH_NOOP_OUT"
trap stop_moto EXIT
start_moto "$OUT/moto.log"
./build.sh Deploy --env local > "$OUT/first.log" 2>&1 || { echo "The first deploy failed; see $OUT/first.log" >&2; exit 1; }
# One no-op before timing: what the first deploy built is hashed once more once it is older than the hash caches' racy
# window (a file hashed within 2 s of its last write is read again), as on any machine where the build is not brand new.
sleep 3
./build.sh Deploy --env local > "$OUT/warm.log" 2>&1 || { echo "The warm-up no-op failed; see $OUT/warm.log" >&2; exit 1; }
# The other checkout's whole no-op runs on its own files (its own build, staging and manifest: the same packages, so
# the same releases) against the same moto and ledger.
[[ -z "$OTHER" ]] || "$OTHER/build.sh" Deploy --env local > "$OUT/other-warm.log" 2>&1 || { echo "The other's warm-up no-op failed; see $OUT/other-warm.log" >&2; exit 1; }

# timed TOOL COMMAND...: one run (in the other checkout's folder for other-whole), appended to runs.jsonl with its wall time and the requests moto saw meanwhile.
timed() {
  local tool="$1" before after start end; shift
  before=$(grep -c 'HTTP/1.1"' "$OUT/moto.log" || true)
  start=$(date +%s.%N)
  (if [[ $tool == other-whole ]]; then cd "$OTHER"; fi; "$@") > "$OUT/$tool-$round.log" 2>&1 || { echo "$tool failed; see $OUT/$tool-$round.log" >&2; exit 1; }
  end=$(date +%s.%N)
  after=$(grep -c 'HTTP/1.1"' "$OUT/moto.log" || true)
  echo "{\"round\": $round, \"scenario\": \"no-op deploy\", \"tool\": \"$tool\", \"wall\": $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'), \"objects\": $((after - before)), \"load\": $(cut -d' ' -f1 /proc/loadavg)}" >> "$OUT/runs.jsonl"
}

for round in $(seq "$ROUNDS"); do
  # Who goes first alternates, so a burst of load falls on each in turn.
  if (( round % 2 )); then
    timed whole ./build.sh Deploy --env local; timed help ./build.sh --help; timed this ./build.sh Deploy --env local --skip
  else
    timed help ./build.sh --help; timed this ./build.sh Deploy --env local --skip; timed whole ./build.sh Deploy --env local
  fi
  [[ -z "$OTHER" ]] || timed other "$OTHER/build.sh" Deploy --env local --skip --root "$ROOT"
  [[ -z "$OTHER" ]] || timed other-whole "$OTHER/build.sh" Deploy --env local
done
for log in "$OUT"/this-1.log "$OUT"/whole-1.log; do
  grep -q "confirmed live" "$log" || { echo "The no-op did not check AWS; see $log" >&2; exit 1; }
  [[ $(grep -c "up to date (release" "$log") == 3 ]] || { echo "The no-op deployed something; see $log" >&2; exit 1; }
done
if [[ -n "$OTHER" ]]; then
  python3 "$ROOT/bench/lib/paired.py" "$OUT/runs.jsonl" other this "other build" "this build" | sed 's/objects sent/AWS requests/; s/| no-op deploy |/| `Deploy --skip` (Deploy alone) |/'
  python3 "$ROOT/bench/lib/paired.py" "$OUT/runs.jsonl" other-whole whole "other build" "this build" | sed 's/objects sent/AWS requests/; s/| no-op deploy |/| `Deploy` (everything) |/' | tail -n +3
  echo
fi
python3 - "$OUT/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
by_round = {}
for r in runs:
    by_round.setdefault(r["round"], {})[r["tool"]] = r
def row(tool, name):
    walls = [v[tool]["wall"] for v in by_round.values()]
    ratios = [v[tool]["wall"] / v["help"]["wall"] for v in by_round.values()]
    requests = statistics.median(v[tool]["objects"] for v in by_round.values())
    print(f"| {name} | {statistics.median(walls):.2f} s ({min(walls):.2f}-{max(walls):.2f}) | **{statistics.median(ratios):.1f}x** "
          f"({min(ratios):.1f}-{max(ratios):.1f}) | {requests:.0f} |")
print("| command (three samples, nothing to do) | median wall | vs. warm `./build.sh --help` (median of per-round ratios) | AWS requests |")
print("| --- | ---: | ---: | ---: |")
row("whole", "`./build.sh Deploy --env local`")
row("this", "`./build.sh Deploy --env local --skip` (Deploy alone)")
row("help", "`./build.sh --help`")
loads = [r["load"] for r in runs]
print(f"\n{len(by_round)} rounds; load average {min(loads):.1f}-{max(loads):.1f} at the start of the runs.")
PY
