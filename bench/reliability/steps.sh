#!/usr/bin/env bash
# The scenarios of bench/reliability/run.sh (sourced; needs ROOT, HERE, OUT, ENDPOINT, PROJECT, MOTO_BEHIND_PROXY).

STEP=0

# row SCENARIO CHECKED RESULT: one line of the table, and on the console.
row() {
  echo "| $1 | $2 | $3 |" >> "$OUT/table.md"
  echo "$1: $3" >&2
}

# run NAME COMMAND...: runs it with its output in $OUT/<n>-NAME.log; returns its exit code.
run() {
  local name="$1"; shift
  STEP=$((STEP + 1))
  LOG="$OUT/$(printf %02d "$STEP")-$name.log"
  "$@" > "$LOG" 2>&1
}

# check ...: check.py's verdict ("ok" or what is wrong), never stopping the run.
check() { python3 "$HERE/check.py" "$@" 2>&1 || true; }

# A new version of fraud-or-not's api and site, packaged and uploaded, so the next deploy changes everything.
new_version() {
  echo "// bench/reliability $STEP" >> projects/fraud-or-not/functions/api/index.js
  echo "/* bench/reliability $STEP */" >> projects/fraud-or-not/frontend/src/style.css
  run upload ./build.sh Upload --env local --project "$PROJECT" || { echo "Upload failed; see $LOG" >&2; exit 1; }
}

# paused_deploy POINT FOLDER [ARGS...]: starts a deploy that stops at POINT; sets PAUSED_PID once it has stopped there.
paused_deploy() {
  local point="$1" folder="$2"; shift 2
  STEP=$((STEP + 1))
  LOG="$OUT/$(printf %02d "$STEP")-paused-$point.log"
  LIFTOFF_TEST_PAUSE_AT="$point" LIFTOFF_TEST_PAUSE_DIR="$folder" \
    ./build.sh Deploy --env local --project "$PROJECT" --skip "$@" > "$LOG" 2>&1 &
  PAUSED_PID=$!
  PAUSED_LOG="$LOG"
  until [[ -f "$folder/$point.paused" ]]; do
    kill -0 "$PAUSED_PID" 2> /dev/null || { echo "The deploy ended before $point; see $LOG" >&2; exit 1; }
    sleep 0.1
  done
}

faults() {
  rm -rf artifacts .nuke/temp/staging projects/*/frontend/dist
  PORT=$MOTO_BEHIND_PROXY ENDPOINT="http://127.0.0.1:$MOTO_BEHIND_PROXY" start_moto "$OUT/moto-faults.log"
  dotnet "$OUT/proxy/FaultProxy.dll" 4566 "http://127.0.0.1:$MOTO_BEHIND_PROXY" 20 "$OUT/faults.json" > "$OUT/proxy.log" 2>&1 &
  PROXY_PID=$!
  until grep -q "fault proxy on" "$OUT/proxy.log"; do sleep 0.1; done
  local result
  if run faults ./build.sh Deploy --env local; then
    result="$(check once "http://127.0.0.1:$MOTO_BEHIND_PROXY" fraud-or-not media-register people-cards)"
  else
    result="FAILED (exit $?; see $LOG)"
  fi
  kill "$PROXY_PID"; wait "$PROXY_PID" || true; PROXY_PID=""
  stop_moto
  local seen
  seen="$(python3 -c "import json; s = json.load(open('$OUT/faults.json')); print(f\"{sum(s['faults'].values())} of {s['requests']} requests failed: \" + ', '.join(f'{k} {v}' for k, v in sorted(s['faults'].items())))")"
  row "first deploy of the three samples, 20% of requests failing ($seen)" \
      "deploy succeeds; one record per project; one version per function" "$result"
}

# The local environment's rollout as canary 10% with no hold, so that every deploy shifts traffic.
canary_rollout() {
  python3 - <<'PY'
import re
text = open("environments.yaml").read()
local = text.index("  local:")
head, tail = text[:local], text[local:]
tail = re.sub(r"rollout:\n(\s+)strategy: all-at-once", r"rollout:\n\1strategy: canary\n\1percent: 10\n\1intervalMinutes: 0", tail, count=1)
open("environments.yaml", "w").write(head + tail)
PY
}

killed_at() {
  local point="$1" folder
  new_version
  folder="$(mktemp -d)"
  paused_deploy "$point" "$folder"
  kill -9 "$PAUSED_PID"; wait "$PAUSED_PID" 2> /dev/null || true
  local result
  if run after-kill ./build.sh Deploy --env local --project "$PROJECT" --skip --force-unlock; then
    result="$(check consistent "$ENDPOINT" "$PROJECT")"
  else
    result="FAILED: the next run exited $? (see $LOG)"
  fi
  row "SIGKILL at $point, then the next run with --force-unlock" \
      "alias on the live release's version alone; site = its recorded files; no record in progress; lock free" "$result"
  rm -rf "$folder"
}

terminated_at() {
  local point="$1" folder code result
  new_version
  folder="$(mktemp -d)"
  paused_deploy "$point" "$folder"
  kill -TERM "$PAUSED_PID"
  code=0; wait "$PAUSED_PID" || code=$?
  result="$(check cancelled "$ENDPOINT" "$PROJECT")"
  [[ $code == 143 ]] || result="FAILED: exit $code (see $PAUSED_LOG); $result"
  row "SIGTERM at $point" "exit 143; lock free and record cancelled as the process ends" "$result"
  run after-term ./build.sh Deploy --env local --project "$PROJECT" --skip > /dev/null || true
  rm -rf "$folder"
}

two_at_once() {
  new_version
  local before first second a=0 b=0 result
  before="$(check records "$ENDPOINT" "$PROJECT")"
  STEP=$((STEP + 1)); first="$OUT/$(printf %02d "$STEP")-together-1.log"; second="$OUT/$(printf %02d "$STEP")-together-2.log"
  ./build.sh Deploy --env local --project "$PROJECT" --skip > "$first" 2>&1 & local one=$!
  ./build.sh Deploy --env local --project "$PROJECT" --skip > "$second" 2>&1 & local two=$!
  wait "$one" || a=$?; wait "$two" || b=$?
  result="$(check consistent "$ENDPOINT" "$PROJECT")"
  if [[ "$a$b" != "01" && "$a$b" != "10" ]]; then result="FAILED: exits $a and $b"
  elif ! grep -q "already being deployed by" "$first" "$second"; then result="FAILED: no 'already being deployed' message"
  elif [[ "$(check records "$ENDPOINT" "$PROJECT")" != $((before + 1)) ]]; then result="FAILED: not exactly one new record"
  fi
  row "two deploys of one project at once" "one exits 0, the other 1 naming the holder, before any change; one new record" "$result"
}

force_unlock_during_a_deploy() {
  new_version
  local live breaker live_pid code result
  live="$(mktemp -d)"; breaker="$(mktemp -d)"
  paused_deploy after-change-set "$live"; live_pid=$PAUSED_PID; local live_log=$PAUSED_LOG
  paused_deploy after-upload "$breaker" --force-unlock
  touch "$live/after-change-set.resume"
  code=0; wait "$live_pid" || code=$?
  touch "$breaker/after-upload.resume"
  wait "$PAUSED_PID" || result="FAILED: the run with --force-unlock exited $?"
  result="${result:-$(check consistent "$ENDPOINT" "$PROJECT")}"
  if [[ $code != 1 ]] || ! grep -q "took it over with --force-unlock" "$live_log"; then
    result="FAILED: the live run exited $code without saying its lock was taken (see $live_log)"
  fi
  row "--force-unlock during a live deploy" "the live run stops before its next change, naming who took the lock; the other deploys" "$result"
  rm -rf "$live" "$breaker"
}
