import json
import unittest

import app


class FakeTable:
    def __init__(self):
        self.items = {}

    def put(self, item):
        self.items[item["id"]] = item

    def get(self, item_id):
        return self.items.get(item_id)


class FakeUploads:
    def upload_url(self, key, content_type):
        return f"https://uploads.example/{key}?type={content_type}"


def request(method, resource, body=None, path=None):
    return {"httpMethod": method, "resource": resource, "body": body, "pathParameters": path}


class HandlerTests(unittest.TestCase):
    def setUp(self):
        self.table = FakeTable()
        self.handle = app.create_handler(self.table, FakeUploads(), new_id="m-7")

    def test_post_registers_the_item_and_returns_an_upload_url(self):
        body = json.dumps({"title": "Talk", "kind": "video", "fileName": "talk.mp4", "size": 10, "contentType": "video/mp4"})
        response = self.handle(request("POST", "/media", body))
        self.assertEqual(response["statusCode"], 201)
        created = json.loads(response["body"])
        self.assertEqual(created["uploadUrl"], "https://uploads.example/uploads/m-7/talk.mp4?type=video/mp4")
        self.assertIn("m-7", self.table.items)

    def test_get_returns_a_registered_item(self):
        self.table.put({"id": "m-1", "title": "Song"})
        response = self.handle(request("GET", "/media/{id}", path={"id": "m-1"}))
        self.assertEqual(response["statusCode"], 200)
        self.assertEqual(json.loads(response["body"])["title"], "Song")

    def test_get_of_an_unknown_item_is_404(self):
        response = self.handle(request("GET", "/media/{id}", path={"id": "nope"}))
        self.assertEqual(response["statusCode"], 404)

    def test_post_with_broken_json_is_400(self):
        self.assertEqual(self.handle(request("POST", "/media", "{"))["statusCode"], 400)

    def test_health_answers_ok(self):
        response = self.handle(request("GET", "/health"))
        self.assertEqual(json.loads(response["body"]), {"status": "ok"})


if __name__ == "__main__":
    unittest.main()
