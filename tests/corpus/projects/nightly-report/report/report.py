"""The summary of the day before the scheduled event's time: its date, and when it was made."""
import datetime


def yesterday(now):
    return (now - datetime.timedelta(days=1)).date().isoformat()


def handler(event, context):
    when = datetime.datetime.fromisoformat(event.get("time", "1970-01-02T00:00:00Z").replace("Z", "+00:00"))
    return {"day": yesterday(when), "made": when.isoformat()}
