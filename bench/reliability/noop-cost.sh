#!/usr/bin/env bash
# What the reality check adds to a no-op deploy: `./build.sh Deploy --env local --skip` (Deploy alone, the three
# samples deployed and unchanged) of this checkout against another checkout's build (one without the check, e.g. main
# before it landed), on the same moto and the same ledger, interleaved; with this checkout's warm `--help` as the
# yardstick. Each run's AWS requests are counted from moto's log.
#   bench/reliability/noop-cost.sh /path/to/other/checkout        ROUNDS=10 ...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/reliability"
OTHER="$(cd "${1:?the other checkout to compare with}" && pwd)"
ROUNDS="${ROUNDS:-8}"
PORT=4566
ENDPOINT="http://127.0.0.1:$PORT"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
unset AWS_PROFILE AWS_ENDPOINT_URL
source "$ROOT/bench/lib/moto.sh"

if [[ -z "${BENCH_NOOP_INSIDE:-}" ]]; then
  OUT="$HERE/out/noop-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$OUT"
  echo "Warming up (both builds published, the samples packaged) ..." >&2
  { ./build.sh Package && "$OTHER/build.sh" --help; } > "$OUT/warmup.log" 2>&1 || { echo "Warm-up failed; see $OUT/warmup.log" >&2; exit 1; }
  export BENCH_NOOP_INSIDE=1 BENCH_NOOP_OUT="$OUT"
  exec_in_private_network "$0" "$@"
fi

OUT="$BENCH_NOOP_OUT"
trap stop_moto EXIT
start_moto "$OUT/moto.log"
./build.sh Deploy --env local > "$OUT/first.log" 2>&1 || { echo "The first deploy failed; see $OUT/first.log" >&2; exit 1; }

# timed TOOL COMMAND...: one run, appended to runs.jsonl with its wall time and the requests moto saw meanwhile.
timed() {
  local tool="$1" before after start end; shift
  before=$(grep -c 'HTTP/1.1"' "$OUT/moto.log" || true)
  start=$(date +%s.%N)
  "$@" > "$OUT/$tool-$round.log" 2>&1 || { echo "$tool failed; see $OUT/$tool-$round.log" >&2; exit 1; }
  end=$(date +%s.%N)
  after=$(grep -c 'HTTP/1.1"' "$OUT/moto.log" || true)
  echo "{\"round\": $round, \"scenario\": \"no-op deploy\", \"tool\": \"$tool\", \"wall\": $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'), \"objects\": $((after - before)), \"load\": $(cut -d' ' -f1 /proc/loadavg)}" >> "$OUT/runs.jsonl"
}

for round in $(seq "$ROUNDS"); do
  timed other "$OTHER/build.sh" Deploy --env local --skip --root "$ROOT"
  timed this ./build.sh Deploy --env local --skip
  timed help ./build.sh --help
done
grep -q "confirmed live" "$OUT/this-1.log" || { echo "This build did not check AWS; see $OUT/this-1.log" >&2; exit 1; }
python3 "$ROOT/bench/lib/paired.py" "$OUT/runs.jsonl" other this "other build" "this build" | sed 's/objects sent/AWS requests/'
python3 - "$OUT/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
wall = lambda tool: statistics.median(r["wall"] for r in runs if r["tool"] == tool)
print(f"\nwarm --help: {wall('help'):.2f} s (median); this build's no-op deploy is {wall('this') / wall('help'):.1f}x it, "
      f"the other's {wall('other') / wall('help'):.1f}x")
PY
