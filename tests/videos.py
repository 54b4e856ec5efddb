"""Helpers for the video tests: put a video on Theme 1 as an editor would, read the page the
way a browser would (BeautifulSoup), answer poster downloads without a server, and refuse
any I/O but the database while a page renders."""

import html
import socket
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
import requests
from bs4 import BeautifulSoup
from django.core.files.storage import FileSystemStorage
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.embeds import LocalVideoFinder
from themes.models import ThemePage

TRANSCRIPT = "<p>Good morning. This transcript is for visitors who cannot hear the talk.</p>"


def theme_1():
    return ThemePage.objects.get(slug="belonging-and-leadership")


def publish_theme_1_video(url, transcript=TRANSCRIPT, **fields):
    """Sets the web address, transcript and any other ``fields`` of the starter video on
    Theme 1, publishes the page and returns it."""
    page = theme_1()
    body = [dict(block) for block in page.body.raw_data]
    (video,) = [block for block in body if block["type"] == "video"]
    video["value"] = {**video["value"], "url": url, "transcript": transcript, **fields}
    page.body = body
    page.save_revision().publish()
    return page


def edit_theme_1(client, video_address, action=None, headers=None):
    """Submits Theme 1's edit form with a body of one video block, as the page editor does.
    Without ``action`` it saves a draft. ``headers`` go with the request (e.g. the Accept of
    Wagtail's autosave)."""
    page = theme_1()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "banner_image": page.banner_image_id or "",
            "body": streamfield(
                [
                    (
                        "video",
                        {
                            "title": "Krissi Carter: TED talk",
                            "url": video_address,
                            "description": "A talk.",
                            "poster": "",
                            "duration": "",
                            "transcript": rich_text(TRANSCRIPT),
                            "captions_note": "",
                        },
                    )
                ]
            ),
        }
    )
    if action:
        data[action] = action
    url = f"/admin/pages/{page.pk}/edit/"
    return page, client.post(url, data, follow=not headers, headers=headers or {})


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(response):
    """The page's HTML with entities decoded and white space collapsed."""
    return " ".join(html.unescape(response.content.decode()).split())


class Thumbnails:
    """Stands in for ``requests.get`` in the poster download: answers from the stand-in
    provider's poster view (tests/embeds.py) in process, since no server listens at
    TEST_VIDEO_PLAYER_ORIGIN outside the browser tests. Records what was asked."""

    def __init__(self):
        self.requested = []

    def get(self, url, timeout=None):
        self.requested.append(url)
        answer = Client().get(urlsplit(url).path)
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = answer.content
        response.url = url
        return response


def serve_thumbnails(monkeypatch):
    thumbnails = Thumbnails()
    monkeypatch.setattr(requests, "get", thumbnails.get)
    return thumbnails


@contextmanager
def only_database_io():
    """Inside, any network connection made from Python, any video lookup and any check
    of the storage fails the test (and is listed in the yielded list, in case something
    swallows the failure). The database driver connects in C, and is connected already."""
    attempts = []

    def refuse(what):
        def refused(*args, **kwargs):
            attempts.append((what, args[1:2]))
            pytest.fail(f"{what} while rendering: {args[1:2]}")

        return refused

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse("network connection"))
        patch.setattr(socket.socket, "connect_ex", refuse("network connection"))
        patch.setattr(LocalVideoFinder, "find_embed", refuse("video provider lookup"))
        patch.setattr(FileSystemStorage, "exists", refuse("storage exists()"))
        yield attempts
