"""Tags each new object of the uploads bucket 'too-large' when it is over LIMIT_BYTES, 'ok' otherwise."""
import os
import urllib.parse


def verdict(size, limit):
    return "too-large" if size > limit else "ok"


def handler(event, context):
    import boto3  # the Lambda runtime provides it

    s3 = boto3.client("s3")
    limit = int(os.environ.get("LIMIT_BYTES", "10485760"))
    tagged = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        tag = verdict(record["s3"]["object"].get("size", 0), limit)
        s3.put_object_tagging(Bucket=bucket, Key=key, Tagging={"TagSet": [{"Key": "scan", "Value": tag}]})
        tagged.append({"key": key, "scan": tag})
    return {"tagged": tagged}
