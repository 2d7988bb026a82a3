"""GET /orders lists the orders; POST /orders places one and answers with its new id."""
import json
import os
import uuid

_table = None


def orders():
    # Made on first use, so loading the module needs no AWS configuration.
    global _table
    if _table is None:
        import boto3

        _table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
    return _table


def handler(event, context):
    if event.get("httpMethod") == "POST":
        order = json.loads(event.get("body") or "{}")
        order["id"] = str(uuid.uuid4())
        orders().put_item(Item=order)
        return {"statusCode": 201, "body": json.dumps(order)}
    return {"statusCode": 200, "body": json.dumps(orders().scan().get("Items", []), default=str)}
