#!/usr/bin/env python3
"""What the local AWS holds after a deploy, read the same way whichever tool deployed, and the report.

    state.py snapshot ENDPOINT FILE [ZIPS]   stacks, change sets, Lambda versions and aliases, bucket objects
                                             -> JSON; ZIPS ("dir/{project}/{function}.zip") names the zips
                                             the tool shipped, to check each live version runs their code
    state.py report OUT_DIR            the markdown tables of a bench/deploy/run.sh run

The snapshot is taken outside the timed commands. It uses boto3 (installed with moto), so that reading back
costs one process rather than one aws CLI process per call.
"""
import json
import re
import statistics
import sys
from pathlib import Path

PROJECTS = ["fraud-or-not", "media-register", "people-cards"]
STACKS = [f"{p}-local" for p in PROJECTS]
FUNCTIONS = ["fraud-or-not-local-lambda-api", "media-register-local-lambda-register", "people-cards-local-lambda-users"]
SCENARIOS = [("first", "first deploy (all three projects)"), ("noop", "no-op second deploy"),
             ("change", "one-function change (fraud-or-not api)")]


def snapshot(endpoint: str, file: str, zips: str | None = None) -> None:
    import base64
    import hashlib

    import boto3

    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    cfn = session.client("cloudformation", endpoint_url=endpoint)
    lam = session.client("lambda", endpoint_url=endpoint)
    s3 = session.client("s3", endpoint_url=endpoint)
    state = {"stacks": {}, "change_sets": {}, "functions": {}, "buckets": {}}

    for stack in STACKS:
        try:
            described = cfn.describe_stacks(StackName=stack)["Stacks"][0]
        except cfn.exceptions.ClientError:
            continue
        state["stacks"][stack] = {
            "status": described["StackStatus"],
            "parameters": {p["ParameterKey"]: p["ParameterValue"] for p in described.get("Parameters", [])},
            "tags": {t["Key"]: t["Value"] for t in described.get("Tags", [])},
        }
        # moto 5 lists every stack's change sets whatever StackName says, and keeps executed ones (AWS
        # removes a stack's change sets once one is executed): keep this stack's, by name.
        for summary in cfn.list_change_sets(StackName=stack).get("Summaries", []):
            if summary["StackName"] != stack or summary["ChangeSetId"] in state["change_sets"]:
                continue
            changes = cfn.describe_change_set(ChangeSetName=summary["ChangeSetId"]).get("Changes", [])
            state["change_sets"][summary["ChangeSetId"]] = {
                "stack": stack, "name": summary["ChangeSetName"], "execution": summary.get("ExecutionStatus"),
                "status": summary.get("Status"), "changes": len(changes)}

    for function in FUNCTIONS:
        try:
            versions = lam.list_versions_by_function(FunctionName=function)["Versions"]
        except lam.exceptions.ResourceNotFoundException:
            continue
        try:
            live = lam.get_alias(FunctionName=function, Name="live")["FunctionVersion"]
        except lam.exceptions.ResourceNotFoundException:
            live = None
        state["functions"][function] = {
            "versions": sorted(v["Version"] for v in versions if v["Version"] != "$LATEST"),
            "live": live,
            "live_sha": next((v["CodeSha256"] for v in versions if v["Version"] == live), None),
        }
        if zips:
            project, name = function.split("-local-lambda-")
            shipped = Path(zips.format(project=project, function=name))
            state["functions"][function]["shipped_sha"] = base64.b64encode(
                hashlib.sha256(shipped.read_bytes()).digest()).decode() if shipped.exists() else None

    for bucket in s3.list_buckets()["Buckets"]:
        objects = s3.list_objects_v2(Bucket=bucket["Name"]).get("Contents", [])
        state["buckets"][bucket["Name"]] = {o["Key"]: o["ETag"] for o in objects}

    Path(file).write_text(json.dumps(state, indent=1, sort_keys=True))


def what_changed(before: dict, after: dict) -> dict:
    """Change sets executed (and how many of those held no change), versions published, live moves."""
    new_sets = [c for i, c in after["change_sets"].items() if i not in before["change_sets"]]
    executed = [c for c in new_sets if c["execution"] == "EXECUTE_COMPLETE"]
    # The template never changes here, so an update whose stack parameters stayed the same had nothing to do.
    # (moto lists no Changes for a parameter-only update either, so its Changes cannot tell.)
    idle = [c for c in executed if c["stack"] in before["stacks"]
            and before["stacks"][c["stack"]]["parameters"] == after["stacks"][c["stack"]]["parameters"]]
    published, moved = [], []
    for function, state in after["functions"].items():
        old = before["functions"].get(function, {"versions": [], "live": None})
        short = function.rsplit("-", 1)[-1]
        published += [f"{short}:{v}" for v in state["versions"] if v not in old["versions"]]
        if state["live"] != old["live"]:
            moved.append(f"{short}:{old['live'] or '-'}→{state['live']}")
    return {
        "executed": len(executed),
        "executed_idle": len(idle),
        "live_is_shipped": all(f.get("live_sha") == f.get("shipped_sha") for f in after["functions"].values())
                           and len(after["functions"]) == len(FUNCTIONS),
        "left": sum(1 for c in new_sets if c["execution"] != "EXECUTE_COMPLETE"),
        "published": published,
        "moved": moved,
    }


def parameters_match(liftoff: dict, peer: dict) -> str:
    """The peer must deploy what Liftoff deploys: same stack parameters (code keys aside) and tags."""
    differences = []
    for stack in STACKS:
        a, b = liftoff["stacks"].get(stack), peer["stacks"].get(stack)
        if a is None or b is None:
            differences.append(f"{stack}: missing")
            continue
        for key in sorted(set(a["parameters"]) | set(b["parameters"])):
            if key.endswith("CodeKey"):
                continue
            if a["parameters"].get(key) != b["parameters"].get(key):
                differences.append(f"{stack} {key}: Liftoff {a['parameters'].get(key)}, peer {b['parameters'].get(key)}")
        if a["tags"] != b["tags"]:
            differences.append(f"{stack} tags: Liftoff {a['tags']}, peer {b['tags']}")
    return "identical (code keys aside)" if not differences else "; ".join(differences)


def liftoff_did(log: str) -> dict:
    """From Liftoff's own output: the Compile target's time, zips sent, and the Deploy table's front-end column."""
    text = Path(log).read_text(errors="replace")
    compile_s = re.search(r"^\s*Compile\s+Succeeded\s+([\d.]+) s", text, re.M)
    uploads = re.findall(r"\.zip\s*│[^│]*│\s*([^│]+?)\s*│", text)
    front = []
    for project in PROJECTS:
        row = re.search(rf"^│ {re.escape(project)}\s*│\s*local\s*│[^\n]*", text, re.M)
        if row:
            cells = [c.strip() for c in row.group(0).strip("│").split("│")]
            if len(cells) >= 6 and cells[5] != "-":
                front.append(cells[5])
    results = {}
    for project in PROJECTS:
        row = re.search(rf"^│ {re.escape(project)}\s*│\s*local\s*│\s*([^│]+?)\s*│", text, re.M)
        if row:
            results[row.group(1)] = results.get(row.group(1), 0) + 1
    sent = sum(1 for u in uploads if u not in ("already present", "sent before"))
    return {"compile": float(compile_s.group(1)) if compile_s else None, "zips_sent": sent,
            "front": "; ".join(front) or "none", "results": ", ".join(f"{k} {v}" for k, v in results.items())}


def target_times(log: str) -> dict:
    """The engine's summary table: target name -> seconds, for the targets that ran."""
    text = Path(log).read_text(errors="replace")
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+Succeeded\s+([\d.]+) s\s*$", text, re.M)}


def peer_did(result: str) -> dict:
    rows = [line.split("\t") for line in Path(result).read_text().splitlines() if line.count("\t") == 6]
    stack = {}
    for row in rows:
        stack.setdefault(f"{row[1]} (exit {row[2]})", []).append(row[0])
    uploaded = sum(int(r[4]) for r in rows)
    deleted = sum(int(r[5]) for r in rows)
    calls = sum(int(r[6]) for r in rows)
    return {"deploy": "; ".join(f"{k}: {len(v)}" for k, v in stack.items()), "zips_sent": len(rows),
            "front": f"{uploaded} uploaded, {deleted} deleted", "calls": calls}


def median(values):
    return statistics.median(values) if values else float("nan")


def seconds(values) -> str:
    if not values:
        return "-"
    text = f"{median(values):.1f} s"
    return text + (f" ({min(values):.1f}-{max(values):.1f})" if len(values) > 1 else "")


def report(out_dir: str) -> None:
    out = Path(out_dir)
    runs = [json.loads(line) for line in (out / "runs.jsonl").read_text().splitlines() if line.strip()]
    rounds = sorted({r["round"] for r in runs})

    def pick(tool, scenario):
        return [r for r in runs if r["tool"] == tool and r["scenario"] == scenario]

    print("| scenario | Liftoff | AWS CLI script | ratio (CLI / Liftoff) |")
    print("| --- | ---: | ---: | ---: |")
    for key, title in SCENARIOS:
        lift, peer = pick("liftoff", key), pick("peer", key)
        ratios = [p["wall"] / l["wall"] for l in lift for p in peer if p["round"] == l["round"]]
        print(f"| {title} | {seconds([r['wall'] for r in lift])} | {seconds([r['wall'] for r in peer])} "
              f"| {median(ratios):.2f}x |")
    print()
    print("Without the build both share (Liftoff: its run less its Compile target; peer: the script alone):")
    print()
    print("| scenario | Liftoff after Compile | AWS CLI script alone | ratio | client CPU Liftoff / peer | moto CPU Liftoff / peer |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for key, title in SCENARIOS:
        lift, peer = pick("liftoff", key), pick("peer", key)
        lift_rest = [r["wall"] - (liftoff_did(r["log"])["compile"] or 0) for r in lift]
        peer_rest = [r["script_wall"] for r in peer]
        ratios = [p["script_wall"] / (l["wall"] - (liftoff_did(l["log"])["compile"] or 0))
                  for l in lift for p in peer if p["round"] == l["round"]]
        print(f"| {title} | {seconds(lift_rest)} | {seconds(peer_rest)} | {median(ratios):.2f}x "
              f"| {median([r['cpu'] for r in lift]):.1f} s / {median([r['cpu'] for r in peer]):.1f} s "
              f"| {median([r['moto_cpu'] for r in lift]):.1f} s / {median([r['moto_cpu'] for r in peer]):.1f} s |")
    print()
    print("Liftoff's own target times (median; the rest of its run is the .NET start and the plan):")
    print()
    print("| scenario | Compile | Package | Upload | Deploy |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for key, title in SCENARIOS:
        targets = [target_times(r["log"]) for r in pick("liftoff", key)]
        cells = [f"{median([t[name] for t in targets if name in t]):.1f} s" for name in ("Compile", "Package", "Upload", "Deploy")]
        print(f"| {title} | {' | '.join(cells)} |")
    print()
    print("What each did (read back from moto after each scenario, the same way for both; last round):")
    print()
    print("| scenario | tool | change sets executed (with nothing to change) / left behind | versions published "
          "| live moved | live runs the shipped zip | zips sent | front-end files | what the tool said |")
    print("| --- | --- | --- | --- | --- | --- | ---: | --- | --- |")
    last = rounds[-1]
    for key, title in SCENARIOS:
        for tool in ("liftoff", "peer"):
            run = next(r for r in pick(tool, key) if r["round"] == last)
            changed = what_changed(json.loads(Path(run["before"]).read_text()), json.loads(Path(run["after"]).read_text()))
            did = liftoff_did(run["log"]) if tool == "liftoff" else peer_did(run["result"])
            step = f"Deploy table: {did['results']}" if tool == "liftoff" \
                else f"cloudformation deploy: {did['deploy']}; {did['calls']} aws processes"
            print(f"| {title} | {'Liftoff' if tool == 'liftoff' else 'AWS CLI'} "
                  f"| {changed['executed']} ({changed['executed_idle']}) / {changed['left']} "
                  f"| {', '.join(changed['published']) or 'none'} | {', '.join(changed['moved']) or 'none'} "
                  f"| {'yes' if changed['live_is_shipped'] else 'NO'} "
                  f"| {did['zips_sent']} | {did['front']} | {step} |")
    print()
    first = {tool: next(r for r in runs if r["tool"] == tool and r["scenario"] == "first" and r["round"] == last)
             for tool in ("liftoff", "peer")}
    print("Stacks after the first deploy, Liftoff's against the peer's: " + parameters_match(
        json.loads(Path(first["liftoff"]["after"]).read_text()), json.loads(Path(first["peer"]["after"]).read_text())) + ".")
    loads = [r["load"] for r in runs]
    print(f"Load average (1 min) before each timed command: {min(loads):.2f}-{max(loads):.2f}, median {median(loads):.2f}; "
          f"{len(rounds)} round(s), the order of the tools alternating.")


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        snapshot(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif sys.argv[1] == "report":
        report(sys.argv[2])
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
