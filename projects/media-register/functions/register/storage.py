"""DynamoDB and S3 access. boto3 ships with the Lambda Python runtime, so nothing is packaged for it."""

import os


class MediaTable:
    def __init__(self, table_name):
        import boto3  # imported here so unit tests run without it

        self._table = boto3.resource("dynamodb").Table(table_name)

    def put(self, item):
        self._table.put_item(Item=item, ConditionExpression="attribute_not_exists(id)")

    def get(self, item_id):
        return self._table.get_item(Key={"id": item_id}).get("Item")


class Uploads:
    def __init__(self, bucket_name, expires_seconds=900):
        import boto3

        self._s3 = boto3.client("s3")
        self._bucket = bucket_name
        self._expires = expires_seconds

    def upload_url(self, key, content_type):
        return self._s3.generate_presigned_url(
            "put_object",
            Params={"Bucket": self._bucket, "Key": key, "ContentType": content_type},
            ExpiresIn=self._expires,
        )


def from_environment():
    return MediaTable(os.environ["TABLE_NAME"]), Uploads(os.environ["UPLOAD_BUCKET"])
