"""API Gateway (REST, proxy integration) handler: POST /media registers an item, GET /media/{id} reads it."""

import json

import media

_services = None


def _json(status, body):
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(body, default=str)}


def create_handler(table, uploads, now=None, new_id=None):
    def handle(event, _context=None):
        route = f"{event.get('httpMethod')} {event.get('resource')}"
        if route == "GET /health":
            return _json(200, {"status": "ok"})
        if route == "POST /media":
            try:
                body = json.loads(event.get("body") or "")
            except ValueError:
                return _json(400, {"message": "the body must be JSON"})
            problems = media.validate(body)
            if problems:
                return _json(400, {"message": "invalid media item", "problems": problems})
            item = media.new_item(body, now=now, new_id=new_id)
            table.put(item)
            return _json(201, {**item, "uploadUrl": uploads.upload_url(item["uploadKey"], item["contentType"])})
        if route == "GET /media/{id}":
            item_id = (event.get("pathParameters") or {}).get("id", "")
            item = table.get(item_id)
            return _json(200, item) if item else _json(404, {"message": f"no media item {item_id}"})
        return _json(404, {"message": f"no route {route}"})

    return handle


def handler(event, context):
    global _services
    if _services is None:
        import storage

        _services = create_handler(*storage.from_environment())
    return _services(event, context)
