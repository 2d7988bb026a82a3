#!/usr/bin/env bash
# Liftoff bootstrap: find (or install) the SDK pinned by global.json, build the build project only when one
# of its inputs changed, then run it with every argument and return its exit code.
set -eo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP="$ROOT/.nuke/temp"
BUILD_PROJECT="$ROOT/build/Liftoff.Build.csproj"
# Published, not just built: a Release build with ReadyToRun code starts in a fraction of the time a Debug
# build spends compiling itself at every start (bench/startup).
BUILD_OUT="$ROOT/build/bin/publish"
BUILD_DLL="$BUILD_OUT/Liftoff.Build.dll"
STAMP="$TEMP/build.stamp"
INPUTS="$TEMP/build.inputs"
# Read without starting a process: a warm run should cost little more than the build's own start (bench/startup).
SDK_VERSION=""
while IFS= read -r line || [[ -n "$line" ]]; do
  if [[ "$line" =~ \"version\"[[:space:]]*:[[:space:]]*\"([^\"]*)\" ]]; then SDK_VERSION="${BASH_REMATCH[1]}"; break; fi
done < "$ROOT/global.json"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
[[ -d "$TEMP" ]] || mkdir -p "$TEMP"

# global.json rolls forward to the latest feature band: any SDK with the same major.minor and a
# feature band and patch at least the pinned ones will do.
sdk_satisfies() {
  local have="$1" want="$SDK_VERSION"
  [[ "${have%%-*}" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || return 1
  local hmaj=${BASH_REMATCH[1]} hmin=${BASH_REMATCH[2]} hpatch=${BASH_REMATCH[3]}
  [[ "$want" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || return 1
  [[ $hmaj -eq ${BASH_REMATCH[1]} && $hmin -eq ${BASH_REMATCH[2]} && $hpatch -ge ${BASH_REMATCH[3]} ]]
}

find_dotnet() {
  # The answer is cached until global.json changes: asking the SDK costs more than the whole warm run should.
  local cache="$TEMP/dotnet-path"
  if [[ -f "$cache" && "$cache" -nt "$ROOT/global.json" ]]; then
    local cached; cached="$(<"$cache")"
    [[ -x "$cached" ]] && { echo "$cached"; return; }
  fi
  local candidate
  for candidate in "$(command -v dotnet || true)" "$TEMP/dotnet/dotnet"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    while read -r version _; do
      if sdk_satisfies "$version"; then echo "$candidate" | tee "$cache"; return; fi
    done < <("$candidate" --list-sdks 2>/dev/null)
  done
  echo "Installing .NET SDK $SDK_VERSION under .nuke/temp/dotnet ..." >&2
  local script="$TEMP/dotnet-install.sh"
  curl -sSfL https://dot.net/v1/dotnet-install.sh -o "$script" \
    || { echo "Could not download dotnet-install.sh. Install the .NET SDK $SDK_VERSION and put dotnet on PATH." >&2; exit 1; }
  bash "$script" --version "$SDK_VERSION" --install-dir "$TEMP/dotnet" --no-path >&2
  echo "$TEMP/dotnet/dotnet" | tee "$cache"
}

# The runtime identifier ReadyToRun code is compiled for: this machine's.
runtime_id() {
  local os arch
  case "$(uname -s)" in
    Darwin) os=osx ;;
    *) os=linux; ldd --version 2>&1 | grep -qi musl && os=linux-musl ;;
  esac
  case "$(uname -m)" in
    aarch64 | arm64) arch=arm64 ;;
    *) arch=x64 ;;
  esac
  echo "$os-$arch"
}

# The build inputs: the build project's and engine's sources (bin/ and obj/ are outputs) and the SDK and
# package settings. The list itself is kept after each build, so a new, deleted or renamed file is noticed
# without looking at directory times, which the build's own bin/ and obj/ folders change. GNU find lists each
# file with its modification time, so one pass over the tree also notices an edit; elsewhere (BSD find) a
# second pass asks for files newer than the last build.
if [[ "$OSTYPE" == linux* ]]; then TIMED_LIST=1; else TIMED_LIST=""; fi
list_inputs() {
  if [[ -n "$TIMED_LIST" ]]; then
    find "$ROOT/build" "$ROOT/src" \( -name bin -o -name obj \) -prune -o -type f -printf '%p %T@\n'
    find "$ROOT/global.json" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" -printf '%p %T@\n' 2>/dev/null || true
  else
    find "$ROOT/build" "$ROOT/src" \( -name bin -o -name obj \) -prune -o -type f -print
    find "$ROOT/global.json" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" -print 2>/dev/null || true
  fi
}

# True when the inputs are not the ones of the last successful build, or one was edited since.
build_inputs_changed() {
  [[ -f "$STAMP" && -f "$INPUTS" && -f "$BUILD_DLL" ]] || return 0
  [[ "$1" == "$(<"$INPUTS")" ]] || return 0
  [[ -n "$TIMED_LIST" ]] && return 1
  [[ -n "$(find "$ROOT/build" "$ROOT/src" \( -name bin -o -name obj \) -prune -o -type f -newer "$STAMP" -print -quit)" ]] && return 0
  [[ -n "$(find "$ROOT/global.json" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" -newer "$STAMP" -print -quit 2>/dev/null)" ]]
}

DOTNET="$(find_dotnet)"
INPUT_LIST="$(list_inputs)"
if build_inputs_changed "$INPUT_LIST"; then
  touch "$STAMP.next"
  "$DOTNET" publish "$BUILD_PROJECT" -c Release -r "$(runtime_id)" -o "$BUILD_OUT" -nologo -v q "-clp:NoSummary;ErrorsOnly" >&2 \
    || { echo "The build project failed to compile; see the errors above." >&2; exit 1; }
  printf '%s' "$INPUT_LIST" > "$INPUTS"
  mv "$STAMP.next" "$STAMP"
fi

exec "$DOTNET" "$BUILD_DLL" "$@"
