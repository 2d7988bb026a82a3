#!/usr/bin/env python3
"""Reads back what a run left in the local AWS, for bench/reliability/run.sh. Prints one line; exits 1 when the check fails.

    check.py consistent ENDPOINT PROJECT...   no record in progress; each function's alias on the live release's version,
                                              alone; the site bucket holding exactly the live release's files and hashes
    check.py cancelled ENDPOINT PROJECT       the newest record is cancelled and the deployment lock is free
    check.py once ENDPOINT PROJECT...         one record per project, succeeded; one published version per function
    check.py records ENDPOINT PROJECT         how many records the project has (a number)
"""
import json
import sys

import boto3

ENV = "local"
BUCKET = "liftoff-artifacts-local"


def clients(endpoint):
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    return tuple(session.client(name, endpoint_url=endpoint) for name in ("s3", "lambda", "cloudformation"))


def records(s3, project):
    prefix = f"releases/{project}/{ENV}/"
    keys = [o["Key"] for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
            for o in page.get("Contents", [])]
    found = [json.loads(s3.get_object(Bucket=BUCKET, Key=k)["Body"].read()) for k in keys]
    return sorted(found, key=lambda r: r["startedAt"], reverse=True)


def lock_free(s3, project):
    try:
        s3.head_object(Bucket=BUCKET, Key=f"locks/{project}/{ENV}.json")
        return False
    except s3.exceptions.ClientError:
        return True


def consistent(endpoint, projects):
    s3, lam, cfn = clients(endpoint)
    problems = []
    for project in projects:
        all_records = records(s3, project)
        problems += [f"{project}: {r['id']} in progress" for r in all_records if r["status"] == "in-progress"]
        live = next((r for r in all_records if r["status"] == "succeeded"), None)
        if live is None:
            problems.append(f"{project}: no live release")
            continue
        for function, version in live["functionVersions"].items():
            alias = lam.get_alias(FunctionName=f"{project}-{ENV}-lambda-{function}", Name="live")
            weights = (alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {}
            if alias["FunctionVersion"] != version or weights:
                problems.append(f"{project}/{function}: live on {alias['FunctionVersion']} {weights}, recorded {version}")
        if live.get("assets"):
            resources = cfn.describe_stack_resources(StackName=f"{project}-{ENV}")["StackResources"]
            # The samples' site bucket is the resource SiteBucket (project.yaml outputs.siteBucket).
            site = next(r["PhysicalResourceId"] for r in resources if r.get("LogicalResourceId") == "SiteBucket")
            stored = {o["Key"]: s3.head_object(Bucket=site, Key=o["Key"])["Metadata"].get("sha256")
                      for page in s3.get_paginator("list_objects_v2").paginate(Bucket=site) for o in page.get("Contents", [])}
            recorded = {f["path"]: f["sha256Hex"] for f in live["assets"]["files"]}
            if stored != recorded:
                problems.append(f"{project}: site differs from release {live['id']}")
        if not lock_free(s3, project):
            problems.append(f"{project}: lock still held")
    return problems


def cancelled(endpoint, project):
    s3, _, _ = clients(endpoint)
    newest = records(s3, project)[0]
    problems = [] if newest["status"] == "cancelled" else [f"{project}: newest record {newest['id']} is {newest['status']}"]
    return problems + ([] if lock_free(s3, project) else [f"{project}: lock still held"])


def once(endpoint, projects):
    s3, lam, _ = clients(endpoint)
    problems = []
    for project in projects:
        found = records(s3, project)
        if [r["status"] for r in found] != ["succeeded"]:
            problems.append(f"{project}: records {[r['status'] for r in found]}")
        for function in found[0]["functionVersions"] if found else []:
            name = f"{project}-{ENV}-lambda-{function}"
            versions = [v["Version"] for v in lam.list_versions_by_function(FunctionName=name)["Versions"]]
            if versions != ["$LATEST", "1"]:
                problems.append(f"{name}: versions {versions}")
    return problems


def main():
    command, endpoint, projects = sys.argv[1], sys.argv[2], sys.argv[3:]
    if command == "records":
        print(len(records(clients(endpoint)[0], projects[0])))
        return
    problems = {"consistent": lambda: consistent(endpoint, projects), "cancelled": lambda: cancelled(endpoint, projects[0]),
                "once": lambda: once(endpoint, projects)}[command]()
    print("; ".join(problems) if problems else "ok")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
