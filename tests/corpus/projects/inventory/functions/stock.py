"""The stock level of the SKUs the event names."""
from inventory_common import item


def handler(event, context):
    levels = event.get("levels", {})
    return [item(sku, levels.get(sku, 0)) for sku in event.get("skus", [])]
