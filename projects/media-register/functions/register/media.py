"""Media items: what a registration needs, and the record it makes."""

import re
import uuid
from datetime import datetime, timezone

KINDS = ("image", "video", "audio", "document")
MAX_BYTES = 5 * 1024 * 1024 * 1024  # S3's limit for a single PUT
_FILE_NAME = re.compile(r"^[\w][\w .-]{0,199}$")


def validate(body):
    """Returns every problem with a registration request; an empty list when it is usable."""
    if not isinstance(body, dict):
        return ["the body must be a JSON object"]
    problems = []
    title = body.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("title is required")
    if body.get("kind") not in KINDS:
        problems.append("kind must be one of " + ", ".join(KINDS))
    file_name = body.get("fileName")
    if not isinstance(file_name, str) or not _FILE_NAME.match(file_name):
        problems.append("fileName must be a plain file name (letters, digits, space, . _ -)")
    size = body.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_BYTES:
        problems.append(f"size must be a whole number of bytes from 1 to {MAX_BYTES}")
    content_type = body.get("contentType")
    if not isinstance(content_type, str) or "/" not in content_type:
        problems.append("contentType must be a media type such as image/png")
    return problems


def new_item(body, now=None, new_id=None):
    """The record kept for a registration: where the upload goes and when it was registered."""
    item_id = new_id or str(uuid.uuid4())
    registered = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "id": item_id,
        "title": body["title"].strip(),
        "kind": body["kind"],
        "fileName": body["fileName"],
        "size": body["size"],
        "contentType": body["contentType"],
        "uploadKey": f"uploads/{item_id}/{body['fileName']}",
        "status": "awaiting-upload",
        "registeredAt": registered,
    }
