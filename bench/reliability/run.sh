#!/usr/bin/env bash
# The guarantees README lists under "What Liftoff guarantees", tried on the real ./build.sh and the sample projects
# against the local AWS (moto's server), in a private network namespace. Prints a markdown table, one row per run.
#   bench/reliability/run.sh            logs in bench/reliability/out/<time>/ (ignored by git)
#
# 1. A first deploy of the three samples through the tests' FaultInjectingProxy failing 20% of requests (throttling,
#    500, 503, resets, answers lost after the call took effect): it succeeds, one record per project, one version per
#    function.
# 2. fraud-or-not (its local rollout made canary 10% for the run, so that every deploy shifts traffic) stopped at five
#    points through the test hook (LIFTOFF_TEST_PAUSE_AT): killed with SIGKILL, then the next run (--force-unlock: its
#    holder is known dead) ends consistent; and sent SIGTERM: exit 143, the lock free and the record cancelled as soon as
#    the process has exited.
# 3. Two deploys at once, and a --force-unlock during a live deploy: one changes things, the other stops saying why.
# Each run deploys a new version: a comment appended to the api handler and the stylesheet (restored at the end).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/reliability"
MOTO_BEHIND_PROXY=4567
PROJECT=fraud-or-not
CHANGED=(projects/fraud-or-not/functions/api/index.js projects/fraud-or-not/frontend/src/style.css environments.yaml)
POINTS=(after-upload after-change-set during-execution during-shift during-front-end)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
unset LIFTOFF_TEST_PAUSE_AT LIFTOFF_TEST_PAUSE_DIR
source "$ROOT/bench/lib/moto.sh"

if [[ -z "${BENCH_RELIABILITY_INSIDE:-}" ]]; then
  if ! git diff --quiet -- "${CHANGED[@]}"; then
    echo "${CHANGED[*]} have uncommitted changes; the benchmark edits and restores them with git checkout." >&2
    exit 1
  fi
  OUT="$HERE/out/$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$OUT"
  echo "Warming up (./build.sh Compile, the fault proxy) ..." >&2
  ./build.sh Compile > "$OUT/warmup.log" 2>&1 || { echo "Compile failed; see $OUT/warmup.log" >&2; exit 1; }
  dotnet build "$HERE/FaultProxy" -c Release -o "$OUT/proxy" -v q >> "$OUT/warmup.log" 2>&1 \
    || { echo "The fault proxy did not build; see $OUT/warmup.log" >&2; exit 1; }
  export BENCH_RELIABILITY_INSIDE=1 BENCH_RELIABILITY_OUT="$OUT"
  exec_in_private_network "$0" "$@"
fi

OUT="$BENCH_RELIABILITY_OUT"
source "$HERE/steps.sh"
PROXY_PID=""
cleanup() {
  [[ -n "$PROXY_PID" ]] && kill "$PROXY_PID" 2> /dev/null && wait "$PROXY_PID" 2> /dev/null || true
  stop_moto
  git checkout -- "${CHANGED[@]}" 2> /dev/null || true
}
trap cleanup EXIT

echo "| scenario | what was checked | result |" > "$OUT/table.md"
echo "| --- | --- | --- |" >> "$OUT/table.md"

faults
canary_rollout
start_moto "$OUT/moto.log"
run "baseline" ./build.sh Deploy --env local --project "$PROJECT" > /dev/null
for point in "${POINTS[@]}"; do
  killed_at "$point"
  terminated_at "$point"
done
two_at_once
force_unlock_during_a_deploy

cat "$OUT/table.md"
