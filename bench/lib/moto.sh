#!/usr/bin/env bash
# moto's server for the benchmarks, on 127.0.0.1:$PORT (sourced, not run), with Liftoff's
# extensions (src/Liftoff/Aws/Local/moto_extensions.py) as the LocalAws target and the tests' MotoFixture start it,
# so a benchmark sees the local AWS the suite sees.
#   exec_in_private_network SCRIPT ARGS...   re-runs the script in its own network namespace, so the local
#                                            AWS Liftoff expects on 127.0.0.1:4566 is this one and no other
#   start_moto LOG / stop_moto
# Sourcing it also sets the environment every local-AWS benchmark runs in: PORT and ENDPOINT of the local AWS Liftoff
# expects for --env local, moto's dummy credentials, and no profile or endpoint of the machine's.

PORT=4566
ENDPOINT="http://127.0.0.1:$PORT"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
unset AWS_PROFILE AWS_ENDPOINT_URL

MOTO_PID=""
MOTO_EXTENSIONS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/src/Liftoff/Aws/Local/moto_extensions.py"

exec_in_private_network() {
  if unshare -n true 2> /dev/null; then exec unshare -n "$@"; fi
  if unshare -rn true 2> /dev/null; then exec unshare -rn "$@"; fi
  echo "No private network namespace (unshare -n) here; the benchmark will not use this machine's 127.0.0.1:$PORT." >&2
  exit 1
}

start_moto() {
  ip link set lo up 2> /dev/null || true
  python3 "$MOTO_EXTENSIONS" -H 127.0.0.1 -p "$PORT" > "$1" 2>&1 &
  MOTO_PID=$!
  for _ in $(seq 300); do
    curl -s -o /dev/null "$ENDPOINT/moto-api/" && return 0
    kill -0 "$MOTO_PID" 2> /dev/null || break
    sleep 0.1
  done
  echo "moto did not start on $ENDPOINT; see $1" >&2
  exit 1
}

stop_moto() {
  if [[ -n "$MOTO_PID" ]]; then
    kill "$MOTO_PID" 2> /dev/null || true
    wait "$MOTO_PID" 2> /dev/null || true
    MOTO_PID=""
  fi
}
