#!/usr/bin/env bash
# Package on a real npm tree: `./build.sh Package --project npm-tree --force --skip` (handler check
# included) against `zip -X -r -q -6` of the same staged folder, and Compile's staging of that tree.
# The function (bench/package/npm/function) depends on @aws-sdk/client-s3, @aws-sdk/client-dynamodb,
# lodash, moment, axios and express; npm installs its locked tree (about 6,300 files) once into a generated
# repository, bench/package/npm/out/repo (ignored by git), which later runs reuse.
#   bench/package/npm/run.sh          RUNS=9 bench/package/npm/run.sh
# Prints a markdown table: medians of RUNS paired runs (the two commands back to back, who goes first
# alternating) after one warm-up pair, and the median of the per-pair ratios.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/bench/package/npm"
RUNS="${RUNS:-5}"
REPO="$HERE/out/repo"
STAGING="$REPO/.nuke/temp/staging/npm-tree/api"
ZIP="$HERE/out/zip.zip"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
source "$ROOT/bench/lib/project.sh"

if [[ ! -f "$REPO/projects/npm-tree/functions/api/node_modules/.package-lock.json" ]]; then
  echo "Installing the npm tree into $REPO (needs the npm registry once) ..." >&2
  rm -rf "$REPO"
  new_repository "$REPO"
  new_project "$REPO" npm-tree "$HERE/function"
fi
cd "$REPO"
"$ROOT/build.sh" Compile --root "$REPO" > "$HERE/out/compile.log" 2>&1 || { echo "Compile failed; see $HERE/out/compile.log" >&2; exit 1; }
echo "Staged: $(find -L "$STAGING" -type f | wc -l) files, $(du -sbL "$STAGING" | cut -f1) bytes" >&2

liftoff() { "$ROOT/build.sh" Package --project npm-tree --force --skip --root "$REPO" > "$HERE/out/package.log" 2>&1; }
# zip updates an archive that exists, so it starts from none each time, as Package does.
peer() { rm -f "$ZIP"; (cd "$STAGING" && zip -X -r -q -6 "$ZIP" .); }
# --force: staging itself is measured; an unchanged function is not staged again at all (the no-op row).
compile() { "$ROOT/build.sh" Compile --project npm-tree --force --root "$REPO" > "$HERE/out/compile.log" 2>&1; }
copy() { rm -rf "$HERE/out/copy"; cp -rL "$STAGING" "$HERE/out/copy"; }

seconds() { local start; start=$(date +%s%N); "$@"; awk -v ns="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.3f", ns / 1e9 }'; }

# pairs NAME_A A NAME_B B: RUNS pairs after one warm-up pair; prints a table row.
pairs() {
  local a=() b=() r=() i x y
  seconds "$2" > /dev/null; seconds "$4" > /dev/null
  for ((i = 0; i < RUNS; i++)); do
    if (( i % 2 )); then y=$(seconds "$4"); x=$(seconds "$2"); else x=$(seconds "$2"); y=$(seconds "$4"); fi
    a+=("$x"); b+=("$y"); r+=("$(awk -v x="$x" -v y="$y" 'BEGIN { printf "%.3f", y / x }')")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  printf '| %s | %.2f s | %s | %.2f s | **%.2fx** (%s-%s) |\n' "$1" "$(median "${a[@]}")" "$3" "$(median "${b[@]}")" \
    "$(median "${r[@]}")" "$(printf '%s\n' "${r[@]}" | sort -g | head -1)" "$(printf '%s\n' "${r[@]}" | sort -g | tail -1)"
}

echo "| command | median | peer | median | ratio (peer / command) |"
echo "| --- | ---: | --- | ---: | ---: |"
pairs '`./build.sh Package --project npm-tree --force --skip`' liftoff '`zip -X -r -q -6` of the staged folder' peer
pairs '`./build.sh Compile --project npm-tree --force` (staging by links)' compile '`cp -rL` of the staged folder (staging by copying)' copy
echo
echo "$RUNS pairs after a warm-up pair; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; Liftoff at $(git -C "$ROOT" rev-parse --short HEAD)."
rm -rf "$HERE/out/copy"
