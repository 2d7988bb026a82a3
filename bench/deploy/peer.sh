#!/usr/bin/env bash
# The peer of `./build.sh Deploy --env local`: the same deploy written as a team would write it with the AWS
# CLI alone, for the three sample projects. It starts from the trees Liftoff's Compile stages
# (.nuke/temp/staging/<project>/<function>) and the front ends' dist folders, so both tools ship the same
# files. For each project, in parallel as Liftoff does:
#   zip each function -> aws s3 cp -> aws cloudformation deploy (same parameters and tags as Liftoff)
#   -> aws lambda publish-version + update-alias live (create-alias the first time: moto does not create
#   AWS::Lambda::Alias from a template) -> aws s3 sync --delete of the front end to its site bucket.
# Prints one line per project: project, what `cloudformation deploy` did, its exit code, live versions,
# front-end files uploaded and deleted, and the number of aws CLI processes started.
#   ENDPOINT=http://127.0.0.1:4566 bench/deploy/peer.sh [LOG_DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENDPOINT="${ENDPOINT:-http://127.0.0.1:4566}"
ENV_NAME=local
ARTIFACT_BUCKET="liftoff-artifacts-$ENV_NAME"
LOG_DIR="${1:-$(mktemp -d)}"
mkdir -p "$LOG_DIR"
export AWS_PAGER="" AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"

# What environments.yaml and project.yaml say for the local environment, written out by hand as a team's
# script would: function name:code-key parameter, then the stack parameters (Liftoff's values, checked by
# run.sh against the stacks Liftoff creates).
declare -A FUNCTIONS=(
  [fraud-or-not]="api:ApiCodeKey"
  [media-register]="register:RegisterCodeKey"
  [people-cards]="users:UsersCodeKey"
)
declare -A PARAMETERS=(
  [fraud-or-not]="ApiMemorySize=256 ApiTimeout=10 ApiArchitecture=x86_64 LogLevel=info"
  [media-register]="RegisterMemorySize=256 RegisterTimeout=10 RegisterArchitecture=x86_64"
  [people-cards]="UsersMemorySize=128 UsersTimeout=10 UsersArchitecture=arm64"
)

deploy_project() {
  local project="$1" stack="$1-$ENV_NAME" log="$LOG_DIR/$1.log" counter="$LOG_DIR/$1.calls"
  local -a overrides=("Project=$project" "Environment=$ENV_NAME" "ArtifactBucket=$ARTIFACT_BUCKET" ${PARAMETERS[$project]})
  local -a functions=(${FUNCTIONS[$project]})
  # One line per aws process, in a file: command substitutions run in subshells, where a counter would be lost.
  cli() { echo >> "$counter"; aws --endpoint-url "$ENDPOINT" "$@"; }
  : > "$log"; : > "$counter"

  local entry function parameter work zip key
  for entry in "${functions[@]}"; do
    function="${entry%%:*}" parameter="${entry#*:}"
    # The same files must give the same zip, or every deploy would upload a new key and update the stack:
    # a copy with fixed times, entries in a fixed order, no extra attributes.
    work="$(mktemp -d)"
    cp -r "$ROOT/.nuke/temp/staging/$project/$function/." "$work/"
    find "$work" -exec touch -h -d '2000-01-01T00:00:00Z' {} +
    zip="$LOG_DIR/$project-$function.zip"
    rm -f "$zip"
    (cd "$work" && find . -type f | LC_ALL=C sort | zip -X -q -@ "$zip")
    rm -rf "$work"
    key="$project/$function/$(sha256sum "$zip" | cut -d' ' -f1).zip"
    cli s3 cp "$zip" "s3://$ARTIFACT_BUCKET/$key" --only-show-errors >> "$log"
    overrides+=("$parameter=$key")
  done

  local deploy_rc=0 stack_result
  cli cloudformation deploy --template-file "$ROOT/projects/$project/template.yaml" --stack-name "$stack" \
    --parameter-overrides "${overrides[@]}" --capabilities CAPABILITY_NAMED_IAM \
    --tags "environment=$ENV_NAME" --no-fail-on-empty-changeset >> "$log" 2>&1 || deploy_rc=$?
  if grep -q "No changes to deploy" "$log"; then stack_result="no changes"
  elif grep -q "Successfully created/updated stack" "$log"; then stack_result="executed"
  else stack_result="failed"; fi
  [[ $deploy_rc -eq 0 ]] || { echo "$project: cloudformation deploy exited $deploy_rc; see $log" >&2; return 1; }

  local live=() version
  for entry in "${functions[@]}"; do
    function="$project-$ENV_NAME-lambda-${entry%%:*}"
    version="$(cli lambda publish-version --function-name "$function" --query Version --output text)"
    cli lambda update-alias --function-name "$function" --name live --function-version "$version" > /dev/null 2>&1 \
      || cli lambda create-alias --function-name "$function" --name live --function-version "$version" > /dev/null
    live+=("${entry%%:*}:$version")
  done

  local uploaded=0 deleted=0 bucket sync_log
  if [[ -d "$ROOT/projects/$project/frontend/dist" ]]; then
    # moto gives a stack deployed through a change set no Outputs: read the bucket from the stack's resources
    # (DescribeStackResources: moto 5's DescribeStackResource fails with a 500 on a stack holding a resource
    # type it does not create, such as AWS::Lambda::Alias).
    bucket="$(cli cloudformation describe-stack-resources --stack-name "$stack" \
      --query "StackResources[?LogicalResourceId=='SiteBucket'].PhysicalResourceId | [0]" --output text)"
    sync_log="$(cli s3 sync --delete --no-progress "$ROOT/projects/$project/frontend/dist" "s3://$bucket/")"
    echo "$sync_log" >> "$log"
    uploaded="$(grep -c '^upload:' <<< "$sync_log" || true)"
    deleted="$(grep -c '^delete:' <<< "$sync_log" || true)"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$project" "$stack_result" "$deploy_rc" "${live[*]}" "$uploaded" "$deleted" "$(wc -l < "$counter")"
}

# The artifact bucket first (Liftoff's Upload creates it when missing too); then the projects in parallel.
calls=1
if ! aws --endpoint-url "$ENDPOINT" s3api head-bucket --bucket "$ARTIFACT_BUCKET" > /dev/null 2>&1; then
  calls=2
  aws --endpoint-url "$ENDPOINT" s3 mb "s3://$ARTIFACT_BUCKET" > /dev/null
fi
echo "$calls" > "$LOG_DIR/bucket.calls"

pids=()
for project in fraud-or-not media-register people-cards; do
  deploy_project "$project" > "$LOG_DIR/$project.result" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
cat "$LOG_DIR"/*.result
exit $status
