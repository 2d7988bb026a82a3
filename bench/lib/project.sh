#!/usr/bin/env bash
# Writes a minimal Liftoff repository and projects for the benchmarks: sourced, not run.
#   new_repository DIR                       .nuke/, environments.yaml (local only)
#   new_project DIR NAME [FUNCTION_SOURCE]   projects/NAME: one Node function "api" (index.handler), its
#                                            template (role, log group, function); FUNCTION_SOURCE is copied
#                                            in as the function's folder, else a one-file handler is written

new_repository() {
  local dir="$1"
  mkdir -p "$dir/.nuke" "$dir/projects"
  echo '{}' > "$dir/.nuke/parameters.json"
  cat > "$dir/environments.yaml" <<'YAML'
environments:
  local:
    region: us-east-1
    endpointUrl: http://127.0.0.1:4566
    artifactBucket: liftoff-artifacts-{env}
    requiresApproval: false
    terminationProtection: false
    rollout:
      strategy: all-at-once
    tags:
      environment: local
YAML
}

new_project() {
  local dir="$1" name="$2" source="${3:-}" project="$1/projects/$2"
  mkdir -p "$project/functions"
  if [[ -n "$source" ]]; then
    rm -rf "$project/functions/api"
    mkdir -p "$project/functions/api"
    cp "$source"/package.json "$source"/package-lock.json "$source"/index.js "$project/functions/api/"
  else
    mkdir -p "$project/functions/api"
    printf 'exports.handler = async () => ({ statusCode: 200, body: %s });\n' "'\"$name\"'" > "$project/functions/api/index.js"
  fi
  cat > "$project/project.yaml" <<YAML
description: Generated for a benchmark.
template: template.yaml
functions:
  api:
    runtime: nodejs22.x
    handler: index.handler
    source: functions/api
    memorySize: 128
    timeout: 10
YAML
  cat > "$project/template.yaml" <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Description: A generated project with one function.
Parameters:
  Project:
    Type: String
  Environment:
    Type: String
  ArtifactBucket:
    Type: String
  ApiCodeKey:
    Type: String
  ApiMemorySize:
    Type: Number
    Default: 128
  ApiTimeout:
    Type: Number
    Default: 10
  ApiArchitecture:
    Type: String
    Default: x86_64
    AllowedValues: [x86_64, arm64]
Resources:
  ApiFunctionRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "${Project}-${Environment}-role-api"
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
  ApiFunction:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub "${Project}-${Environment}-lambda-api"
      Runtime: nodejs22.x
      Handler: index.handler
      Role: !GetAtt ApiFunctionRole.Arn
      MemorySize: !Ref ApiMemorySize
      Timeout: !Ref ApiTimeout
      Architectures:
        - !Ref ApiArchitecture
      Code:
        S3Bucket: !Ref ArtifactBucket
        S3Key: !Ref ApiCodeKey
Outputs:
  FunctionArn:
    Value: !GetAtt ApiFunction.Arn
YAML
}
