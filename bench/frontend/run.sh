#!/usr/bin/env bash
# A generated static site of 2,000 files (bench/frontend/site.py) published by `./build.sh Deploy --env local`
# against `aws s3 sync --delete` of the same folder, on the local AWS (moto's server), in three scenarios:
# the first publish, a no-op, and a change of three files. Prints markdown tables: medians of ROUNDS paired
# runs (each round runs both tools in every scenario, who goes first alternating), the paired ratios, and the
# objects and bytes each tool sent, counted from moto's request log (every PUT into the tool's bucket), and the
# server-side copies Liftoff made of replaced files for Rollback.
#   bench/frontend/run.sh            ROUNDS=7 FILES=2000 bench/frontend/run.sh
#
# The site lives in a generated repository, bench/frontend/out/repo (ignored by git), as one project with a
# front end (its build command does nothing: the files are the built site) and one small function. Each
# round starts on a fresh moto: Liftoff's first publish is its first deploy (artifact bucket, stack with the
# site bucket, function, ledger); the peer's bucket is made before it is timed. Liftoff's local endpoint is
# fixed at 127.0.0.1:4566, so the run happens in a private network namespace (unshare -n).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/frontend"
ROUNDS="${ROUNDS:-5}"
FILES="${FILES:-2000}"
OUT="${BENCH_FRONTEND_OUT:-$HERE/out/$(date -u +%Y%m%dT%H%M%SZ)}"
REPO="$HERE/out/repo"
SITE="$REPO/projects/site/site"
LIFTOFF_BUCKET="site-local-s3-site"
PEER_BUCKET="peer-site"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
source "$ROOT/bench/lib/project.sh"
source "$ROOT/bench/lib/moto.sh"

if [[ -z "${BENCH_FRONTEND_INSIDE:-}" ]]; then
  mkdir -p "$OUT"
  rm -rf "$REPO"
  new_repository "$REPO"
  new_project "$REPO" site
  cat >> "$REPO/projects/site/project.yaml" <<'YAML'
frontEnd:
  source: site
  build: "true"
  output: site
outputs:
  siteBucket: { output: SiteBucketName, resource: SiteBucket }
YAML
  cat >> "$REPO/projects/site/template.yaml" <<'YAML'
  SiteBucketName:
    Value: !Ref SiteBucket
YAML
  sed -i 's/^Resources:$/Resources:\n  SiteBucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${Project}-${Environment}-s3-site"/' "$REPO/projects/site/template.yaml"
  echo "Warming up (the build project compiled, the template linted once) ..." >&2
  (cd "$REPO" && python3 "$HERE/site.py" generate "$SITE" --files "$FILES" > /dev/null && "$ROOT/build.sh" Compile --root "$REPO" > "$OUT/warmup.log" 2>&1) \
    || { echo "Compile failed; see $OUT/warmup.log" >&2; exit 1; }
  export BENCH_FRONTEND_INSIDE=1 BENCH_FRONTEND_OUT="$OUT"
  exec_in_private_network "$0" "$@"
fi

cd "$REPO"
trap stop_moto EXIT

# Counts the PUTs into a bucket in moto's log since a line number, and the bytes of the files they sent; for Liftoff, also
# the copies of replaced site files it keeps for Rollback (writes under kept/site/ in the artifact bucket). Liftoff
# makes those only by CopyObject, inside S3, so they count apart and send no bytes (moto's log shows a copy as a PUT).
sent() {  # log from_line bucket [kept_prefix] -> "objects bytes copies"
  tail -n "+$(( $2 + 1 ))" "$1" | grep -oE "\"PUT /($3|${4:-no-kept-copies})/[^ ?]*" | sed -E "s#\"PUT /##" | sort -u | python3 -c '
import os, sys, urllib.parse
site, bucket = sys.argv[1], sys.argv[2]
sizes, copies = [], 0
for line in sys.stdin:
    target, _, key = line.strip().partition("/")
    if not key:
        continue
    if target == bucket:
        sizes.append(os.path.getsize(os.path.join(site, urllib.parse.unquote(key))))
    else:
        copies += 1
print(len(sizes), sum(sizes), copies)' "$SITE" "$3"
}

run() {  # round scenario tool
  local log="$OUT/r$1-moto.log" mark start wall objects bytes copies
  mark=$(wc -l < "$log")
  start=$(date +%s%N)
  if [[ $3 == liftoff ]]; then
    "$ROOT/build.sh" Deploy --env local --root "$REPO" > "$OUT/r$1-$2-liftoff.log" 2>&1 || { echo "Deploy failed; see $OUT/r$1-$2-liftoff.log" >&2; exit 1; }
  else
    aws --endpoint-url "$ENDPOINT" s3 sync --delete "$SITE" "s3://$PEER_BUCKET" > "$OUT/r$1-$2-peer.log" 2>&1 \
      || { echo "s3 sync failed; see $OUT/r$1-$2-peer.log" >&2; exit 1; }
  fi
  wall=$(awk -v ns="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.3f", ns / 1e9 }')
  if [[ $3 == liftoff ]]; then
    read -r objects bytes copies <<< "$(sent "$log" "$mark" "$LIFTOFF_BUCKET" "liftoff-artifacts-local/kept/site")"
  else
    read -r objects bytes copies <<< "$(sent "$log" "$mark" "$PEER_BUCKET")"
  fi
  echo "{\"round\": $1, \"scenario\": \"$2\", \"tool\": \"$3\", \"wall\": $wall, \"objects\": $objects, \"bytes\": $bytes, \"copies\": $copies, \"load\": $(cut -d' ' -f1 /proc/loadavg)}" >> "$OUT/runs.jsonl"
  echo "round $1 $2 $3: $wall s, $objects objects, $bytes bytes, $copies server-side copies" >&2
}

: > "$OUT/runs.jsonl"
for ((round = 1; round <= ROUNDS; round++)); do
  rm -rf "$SITE" artifacts
  python3 "$HERE/site.py" generate "$SITE" --files "$FILES" > /dev/null
  start_moto "$OUT/r$round-moto.log"
  aws --endpoint-url "$ENDPOINT" s3 mb "s3://$PEER_BUCKET" > /dev/null
  for scenario in first noop change; do
    [[ $scenario == change ]] && python3 "$HERE/site.py" change "$SITE" "round $round" > "$OUT/r$round-changed.txt"
    if (( round % 2 )); then run "$round" "$scenario" liftoff; run "$round" "$scenario" peer
    else run "$round" "$scenario" peer; run "$round" "$scenario" liftoff; fi
  done
  stop_moto
done

{
  echo "bench/frontend, $(date -u +%F), Liftoff at $(git -C "$ROOT" rev-parse --short HEAD); $(aws --version 2>&1 | cut -d' ' -f1);" \
    "moto $(python3 -c 'import moto; print(moto.__version__)'); $(nproc) cores; site: $(find "$SITE" -type f | wc -l) files, $(du -sb "$SITE" | cut -f1) bytes"
  echo
  python3 "$ROOT/bench/lib/paired.py" "$OUT/runs.jsonl" liftoff peer "Liftoff Deploy" "aws s3 sync --delete"
} | tee "$OUT/report.md"
