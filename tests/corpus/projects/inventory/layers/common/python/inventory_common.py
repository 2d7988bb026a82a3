"""What every inventory function shares: how an item is written and when it counts as low."""
import os


def low_stock_threshold():
    return int(os.environ.get("LOW_STOCK", "5"))


def item(sku, count):
    return {"sku": sku, "count": count, "low": count <= low_stock_threshold()}
