"""A small file holding a huge picture is refused on upload, with a message saying why, so
that no worker spends gigabytes decoding it: an 11000x11000 PNG of about 15 KB."""

import io
import struct
import zlib

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from staff.names import EDITORS

pytestmark = pytest.mark.django_db

SIDE = 11000


def png_bomb(side=SIDE):
    """A valid black-and-white PNG of side x side pixels: 1 bit a pixel, all zero, so it
    compresses to a few kilobytes (written by hand: Pillow would build it in memory)."""

    def chunk(kind, data):
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    row = b"\0" * (1 + (side + 7) // 8)  # filter byte, then the packed bits
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.fixture
def editor(db, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user("editor")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_the_bomb_is_small_and_huge():
    bomb = png_bomb()
    assert len(bomb) < 30_000
    assert struct.unpack(">II", bomb[16:24]) == (SIDE, SIDE)  # IHDR's width and height


def test_the_admin_upload_refuses_it_with_a_clear_message(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Huge", "file": SimpleUploadedFile("huge.png", png_bomb(), "image/png")},
    )
    assert response.status_code == 200  # the form again, not a 500
    text = response.content.decode()
    # Wagtail's message (Pillow refuses to read so many pixels: "unknown number").
    assert "This file has too many pixels" in text and "Maximum pixels 25000000." in text
    assert not get_image_model().objects.exists()


def test_the_multiple_uploader_refuses_it_too(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("huge.png", png_bomb(), "image/png")},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "too many pixels" in answer["error_message"]
    assert not get_image_model().objects.exists()


def test_pillow_refuses_the_same_images_stored_by_other_means():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 25_000_000
    assert Image.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(png_bomb()))
