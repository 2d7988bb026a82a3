import unittest
from datetime import datetime, timezone

import media

VALID = {"title": " Sunset ", "kind": "image", "fileName": "sunset.png", "size": 2048, "contentType": "image/png"}


class ValidateTests(unittest.TestCase):
    def test_a_complete_request_has_no_problems(self):
        self.assertEqual(media.validate(VALID), [])

    def test_every_problem_is_listed(self):
        problems = media.validate({"kind": "hologram", "fileName": "../etc/passwd", "size": 0})
        self.assertEqual(len(problems), 5)
        self.assertIn("kind must be one of image, video, audio, document", problems)

    def test_a_boolean_is_not_a_size(self):
        self.assertIn("size", media.validate({**VALID, "size": True})[0])

    def test_a_body_that_is_not_an_object_is_refused(self):
        self.assertEqual(media.validate([1, 2]), ["the body must be a JSON object"])


class NewItemTests(unittest.TestCase):
    def test_the_upload_key_is_under_the_item_id(self):
        item = media.new_item(VALID, now=datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc), new_id="m-1")
        self.assertEqual(item["uploadKey"], "uploads/m-1/sunset.png")
        self.assertEqual(item["title"], "Sunset")
        self.assertEqual(item["registeredAt"], "2026-01-02T03:04:05Z")
        self.assertEqual(item["status"], "awaiting-upload")


if __name__ == "__main__":
    unittest.main()
