"""The order to send so every low SKU is back to its target count."""
from inventory_common import item


def handler(event, context):
    target = int(event.get("target", 20))
    items = [item(sku, count) for sku, count in event.get("levels", {}).items()]
    return {i["sku"]: target - i["count"] for i in items if i["low"]}
