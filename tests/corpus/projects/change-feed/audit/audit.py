"""One audit line per change of the accounts table: what happened to which account."""
import json
import os


def line(record):
    keys = record.get("dynamodb", {}).get("Keys", {})
    account = keys.get("accountId", {}).get("S", "?")
    return f"{record.get('eventName', 'UNKNOWN')} {account}"


def handler(event, context):
    lines = [line(r) for r in event.get("Records", [])]
    if os.environ.get("AUDIT_LEVEL") == "full":
        for record in event.get("Records", []):
            print(json.dumps(record.get("dynamodb", {}), default=str))
    return {"audited": lines}
