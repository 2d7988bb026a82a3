#!/usr/bin/env bash
# `./build.sh Deploy --env local` against its peer, the AWS CLI (bench/deploy/peer.sh: zip, s3 cp,
# cloudformation deploy, lambda publish-version + alias, s3 sync), on the local AWS (moto's server), in
# three scenarios: the first deploy of the three sample projects, a no-op second deploy, and a change to one
# function's handler. Prints markdown tables: times, ratios, and what each tool did, read back from moto.
#   bench/deploy/run.sh              ROUNDS=5 bench/deploy/run.sh
#
# Each tool's series starts on a fresh moto, so the two never share state; moto's start is not timed.
# "First deploy" starts with artifacts/, the staging folders and the front ends' dist/ removed, but with
# node_modules kept (npm's download is not what is measured). The peer ships the trees Liftoff's Compile
# stages, so its timed run is `./build.sh Compile` followed by peer.sh: both tools build the same way.
# Liftoff's local endpoint is fixed at 127.0.0.1:4566 (environments.yaml); when unshare is available the
# whole run happens in a private network namespace, so a local AWS someone else runs there is neither used
# nor disturbed. Results and logs go to bench/deploy/out/<time>/ (ignored by git).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/deploy"
ROUNDS="${ROUNDS:-3}"
HANDLER="projects/fraud-or-not/functions/api/index.js"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
source "$ROOT/bench/lib/moto.sh"

if [[ -z "${BENCH_DEPLOY_INSIDE:-}" ]]; then
  if ! git diff --quiet -- "$HANDLER"; then
    echo "$HANDLER has uncommitted changes; the benchmark edits and restores it with git checkout. Commit or stash them first." >&2
    exit 1
  fi
  OUT="$HERE/out/$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$OUT"
  # Warm: the build project compiled and node_modules installed (this may need the network; the run does not).
  echo "Warming up (./build.sh Compile) ..." >&2
  ./build.sh Compile > "$OUT/warmup.log" 2>&1 || { echo "Compile failed; see $OUT/warmup.log" >&2; exit 1; }
  export BENCH_DEPLOY_INSIDE=1 BENCH_DEPLOY_OUT="$OUT"
  if unshare -n true 2> /dev/null; then
    exec unshare -n "$0" "$@"
  elif unshare -rn true 2> /dev/null; then
    exec unshare -rn "$0" "$@"
  fi
  if curl -s -o /dev/null "$ENDPOINT"; then
    echo "Something already answers on $ENDPOINT and no private network namespace is available (unshare -n):" >&2
    echo "stop it (./build.sh LocalAwsStop) and run again." >&2
    exit 1
  fi
  echo "(no private network namespace: running on this machine's 127.0.0.1:$PORT)" >&2
fi

OUT="$BENCH_DEPLOY_OUT"
ip link set lo up 2> /dev/null || true

cleanup() {
  stop_moto
  git checkout -- "$HANDLER" 2> /dev/null || true
  # Liftoff's LocalAws starts moto only when nothing answers; should it have, stop that one too.
  [[ -f .nuke/temp/local-aws.pid ]] && ./build.sh LocalAwsStop > /dev/null 2>&1 || true
}
trap cleanup EXIT

# Seconds of CPU moto has used so far (user + system).
moto_cpu() {
  awk -v tick="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / tick }' "/proc/$MOTO_PID/stat"
}

fresh_start() {
  rm -rf artifacts .nuke/temp/staging projects/*/frontend/dist
}

change_handler() {
  echo "// bench/deploy: a one-line change, $(date -u +%FT%TZ)" >> "$HANDLER"
}

# timed NAME COMMAND... : runs the command under GNU time; sets WALL and CPU (seconds).
timed() {
  local name="$1"; shift
  /usr/bin/time -f '%e %U %S' -o "$OUT/$name.time" "$@" > "$OUT/$name.log" 2>&1 \
    || { echo "$name failed; see $OUT/$name.log" >&2; exit 1; }
  read -r WALL user sys < "$OUT/$name.time"
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

record() {  # round tool scenario, then key=value pairs of numbers or strings
  local json="{\"round\": $1, \"tool\": \"$2\", \"scenario\": \"$3\""
  shift 3
  local pair
  for pair in "$@"; do
    if [[ "${pair#*=}" =~ ^[0-9.]+$ ]]; then json+=", \"${pair%%=*}\": ${pair#*=}"
    else json+=", \"${pair%%=*}\": \"${pair#*=}\""; fi
  done
  echo "$json}" >> "$OUT/runs.jsonl"
}

liftoff_series() {
  local round="$1" scenario name load cpu0 before after=""
  start_moto "$OUT/r$round-liftoff-moto.log"
  fresh_start
  for scenario in first noop change; do
    name="r$round-liftoff-$scenario"
    [[ $scenario == change ]] && change_handler
    before="${after:-$OUT/r$round-liftoff-start.json}"; after="$OUT/$name.after.json"
    [[ -f "$before" ]] || python3 "$HERE/state.py" snapshot "$ENDPOINT" "$before"
    load=$(cut -d' ' -f1 /proc/loadavg); cpu0=$(moto_cpu)
    timed "$name" ./build.sh Deploy --env local
    record "$round" liftoff "$scenario" wall="$WALL" cpu="$CPU" load="$load" \
      moto_cpu="$(awk -v a="$cpu0" -v b="$(moto_cpu)" 'BEGIN { printf "%.2f", b - a }')" \
      log="$OUT/$name.log" before="$before" after="$after"
    python3 "$HERE/state.py" snapshot "$ENDPOINT" "$after" "$ROOT/artifacts/{project}/{function}.zip"
    echo "round $round Liftoff $scenario: ${WALL} s (load $load)" >&2
  done
  git checkout -- "$HANDLER"
  stop_moto
}

peer_series() {
  local round="$1" scenario name load cpu0 before after="" build_wall build_cpu
  start_moto "$OUT/r$round-peer-moto.log"
  fresh_start
  for scenario in first noop change; do
    name="r$round-peer-$scenario"
    [[ $scenario == change ]] && change_handler
    before="${after:-$OUT/r$round-peer-start.json}"; after="$OUT/$name.after.json"
    [[ -f "$before" ]] || python3 "$HERE/state.py" snapshot "$ENDPOINT" "$before"
    load=$(cut -d' ' -f1 /proc/loadavg); cpu0=$(moto_cpu)
    timed "$name-build" ./build.sh Compile
    build_wall="$WALL" build_cpu="$CPU"
    timed "$name" env ENDPOINT="$ENDPOINT" "$HERE/peer.sh" "$OUT/$name"
    record "$round" peer "$scenario" wall="$(awk -v a="$build_wall" -v b="$WALL" 'BEGIN { printf "%.2f", a + b }')" \
      script_wall="$WALL" build_wall="$build_wall" \
      cpu="$(awk -v a="$build_cpu" -v b="$CPU" 'BEGIN { printf "%.2f", a + b }')" load="$load" \
      moto_cpu="$(awk -v a="$cpu0" -v b="$(moto_cpu)" 'BEGIN { printf "%.2f", b - a }')" \
      log="$OUT/$name.log" result="$OUT/$name.log" before="$before" after="$after"
    python3 "$HERE/state.py" snapshot "$ENDPOINT" "$after" "$OUT/$name/{project}-{function}.zip"
    echo "round $round AWS CLI $scenario: ${build_wall} s build + ${WALL} s script (load $load)" >&2
  done
  git checkout -- "$HANDLER"
  stop_moto
}

# What `aws cloudformation deploy` does on a stack with nothing to change when it is not told
# --no-fail-on-empty-changeset (peer.sh passes it): recorded once, untimed, on a fresh moto.
probe_empty_changeset() {
  start_moto "$OUT/probe-moto.log"
  ENDPOINT="$ENDPOINT" "$HERE/peer.sh" "$OUT/probe" > /dev/null
  local rc=0 parameters
  parameters=$(aws --endpoint-url "$ENDPOINT" cloudformation describe-stacks --stack-name people-cards-local \
    --query 'Stacks[0].Parameters[].[join(`=`, [ParameterKey, ParameterValue])]' --output text)
  # shellcheck disable=SC2086
  aws --endpoint-url "$ENDPOINT" cloudformation deploy --template-file projects/people-cards/template.yaml \
    --stack-name people-cards-local --parameter-overrides $parameters --capabilities CAPABILITY_NAMED_IAM \
    --tags environment=local > "$OUT/probe-empty-changeset.log" 2>&1 || rc=$?
  echo "$rc" > "$OUT/probe-empty-changeset.rc"
  stop_moto
}

: > "$OUT/runs.jsonl"
for ((round = 1; round <= ROUNDS; round++)); do
  if (( round % 2 )); then liftoff_series "$round"; peer_series "$round"
  else peer_series "$round"; liftoff_series "$round"; fi
done
probe_empty_changeset
# Compile lints every template on every run; how much of Compile that is.
lint_start=$(date +%s%N)
cfn-lint projects/*/template.yaml > /dev/null 2>&1 || true
lint_seconds=$(awk -v ns="$(( $(date +%s%N) - lint_start ))" 'BEGIN { printf "%.1f", ns / 1e9 }')

{
  echo "bench/deploy, $(date -u +%F), Liftoff at $(git rev-parse --short HEAD) ($(git rev-parse --abbrev-ref HEAD));" \
    "$(aws --version 2>&1 | cut -d' ' -f1); moto $(python3 -c 'import moto; print(moto.__version__)'); $(nproc) cores"
  echo
  python3 "$HERE/state.py" report "$OUT"
  echo "Without --no-fail-on-empty-changeset, \`aws cloudformation deploy\` on an unchanged stack (people-cards)" \
    "exits $(cat "$OUT/probe-empty-changeset.rc"): $(grep -v '^\s*$' "$OUT/probe-empty-changeset.log" | tail -n 1)."
  echo "cfn-lint alone on the three templates, as Compile runs it: $lint_seconds s."
} | tee "$OUT/report.md"
