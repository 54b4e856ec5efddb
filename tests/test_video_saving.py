"""Saving and publishing pages with videos: the background lookup and poster copy, retries
through the task worker, autosave, and what the editor is told after saving.

The public render of what is stored is in tests/test_video.py.
"""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from PIL import Image
from wagtail.embeds.models import Embed

from tests.embeds import LocalVideoFinder, player_url, video_url
from tests.tasks import run_due_tasks
from tests.videos import (
    edit_theme_1,
    publish_theme_1_video,
    serve_thumbnails,
    soup,
    text_of,
    theme_1,
)
from video.models import VideoPoster

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def video_tasks():
    """The queued or finished video tasks (Wagtail queues its own beside them)."""
    return DBTaskResult.objects.filter(task_path="video.tasks.fetch_video")


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    return client


@pytest.fixture
def lookups(monkeypatch):
    """The addresses the stand-in provider is asked about, in order."""
    asked = []
    find_embed = LocalVideoFinder.find_embed

    def recording(self, url, *args, **kwargs):
        asked.append(url)
        return find_embed(self, url, *args, **kwargs)

    monkeypatch.setattr(LocalVideoFinder, "find_embed", recording)
    return asked


@pytest.fixture
def run_worker(monkeypatch, settings):
    """Switches to the database task backend; returns a function that runs the worker on
    every task that is due, then stops: what the always-on worker does in a moment.

    The worker closes the database connection between tasks, which would close the test's
    transaction under it: here it keeps it (one connection, one thread, nothing to renew)."""
    settings.TASKS = DATABASE_TASKS
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return run_due_tasks


def latest_video_address(page):
    revision = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    (video,) = [block.value for block in revision.body if block.block_type == "video"]
    return video["url"]


def plays(client, page):
    figure = soup(client.get(page.url)).find("figure", class_="video")
    return figure.get("data-video-player") == player_url("krissi-carter") + "?autoplay=1"


# The background task


def test_saving_a_draft_looks_the_video_up_and_stores_its_poster(
    starter_site, editor_client, monkeypatch
):
    thumbnails = serve_thumbnails(monkeypatch)

    edit_theme_1(editor_client, video_url("krissi-carter"))

    embed = Embed.objects.get(url=video_url("krissi-carter"))
    assert embed.provider_name == "Test Video"
    assert thumbnails.requested == [player_url("krissi-carter") + "poster.png"]
    poster = VideoPoster.objects.get(embed=embed)
    assert poster.source_url == embed.thumbnail_url
    with default_storage.open(poster.image.name) as stored, Image.open(stored) as image:
        assert image.format == "JPEG" and image.size == (320, 180)


def test_publishing_queues_the_lookup_for_the_worker(starter_site, client, run_worker, monkeypatch):
    thumbnails = serve_thumbnails(monkeypatch)

    page = publish_theme_1_video(video_url("krissi-carter"))

    (queued,) = video_tasks()
    assert queued.args_kwargs["args"] == [video_url("krissi-carter")]
    assert not Embed.objects.exists() and thumbnails.requested == [], "nothing asked yet"
    assert not plays(client, page), "a link until the worker has looked it up"

    run_worker()

    assert plays(client, page)
    assert VideoPoster.objects.filter(embed__url=video_url("krissi-carter")).exists()
    # Publishing again finds it stored and fresh: nothing is downloaded twice.
    publish_theme_1_video(video_url("krissi-carter"))
    run_worker()
    assert len(thumbnails.requested) == 1


def test_an_outage_at_publishing_is_retried_later_by_the_worker(
    starter_site, client, settings, run_worker, monkeypatch
):
    serve_thumbnails(monkeypatch)
    settings.TEST_VIDEO_PROVIDER_DOWN = True
    page = publish_theme_1_video(video_url("krissi-carter"))

    run_worker()

    assert video_tasks().successful().get().return_value == "not found"
    retry = video_tasks().get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["args"] == [video_url("krissi-carter"), 2]
    assert retry.run_after > timezone.now() + timedelta(minutes=4)
    assert not plays(client, page)

    settings.TEST_VIDEO_PROVIDER_DOWN = False  # the provider is back when the retry is due
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()

    assert plays(client, page)


def test_a_changed_thumbnail_is_copied_again_under_the_same_name(starter_site, monkeypatch):
    thumbnails = serve_thumbnails(monkeypatch)
    publish_theme_1_video(video_url("krissi-carter"))
    first = VideoPoster.objects.get()
    # The provider's answer, refreshed, names another thumbnail.
    Embed.objects.update(thumbnail_url=player_url("new-still") + "poster.png")

    publish_theme_1_video(video_url("krissi-carter"))

    poster = VideoPoster.objects.get()
    assert thumbnails.requested[-1] == player_url("new-still") + "poster.png"
    assert poster.source_url == player_url("new-still") + "poster.png"
    assert poster.image.name == first.image.name  # the same address, so no stale copies
    assert default_storage.exists(poster.image.name)


# The editor


def test_autosave_asks_no_provider_and_leaves_no_message(
    starter_site, editor_client, settings, lookups
):
    # Down, so that a lookup would also leave a warning for the editor's next page.
    settings.TEST_VIDEO_PROVIDER_DOWN = True

    page, response = edit_theme_1(
        editor_client, video_url("krissi-carter"), headers={"Accept": "application/json"}
    )

    assert response.status_code == 200 and response.json()["success"]
    assert latest_video_address(page) == video_url("krissi-carter")
    assert lookups == []
    assert not Embed.objects.exists()
    editor = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert "Krissi Carter" not in "".join(m.message for m in editor.context["messages"])


def test_editor_gets_a_clear_error_for_a_url_no_provider_recognises(starter_site, editor_client):
    page, response = edit_theme_1(editor_client, "https://example.com/videos/42")

    assert response.status_code == 200
    assert "We can't embed videos from example.com." in text_of(response)
    assert latest_video_address(page) == ""  # nothing saved


@pytest.mark.parametrize("action", [None, "action-publish"], ids=["draft", "publish"])
def test_provider_down_at_save_keeps_the_address_and_warns(
    starter_site, editor_client, settings, action
):
    settings.TEST_VIDEO_PROVIDER_DOWN = True

    page, response = edit_theme_1(editor_client, video_url("krissi-carter"), action)

    assert response.status_code == 200
    assert latest_video_address(page) == video_url("krissi-carter")
    assert "We couldn't get the video “Krissi Carter: TED talk” from video.test" in (
        text_of(response)
    )
    if action:
        live = editor_client.get(page.url)
        assert live.status_code == 200
        assert soup(live).find_all("a", href=video_url("krissi-carter"))


@pytest.mark.parametrize("action", [None, "action-publish"], ids=["draft", "publish"])
def test_saving_with_the_provider_up_stores_the_lookup_and_gives_no_warning(
    starter_site, editor_client, settings, lookups, action
):
    settings.TASKS = DATABASE_TASKS

    page, response = edit_theme_1(editor_client, video_url("krissi-carter"), action)

    assert latest_video_address(page) == video_url("krissi-carter")
    assert "We couldn't get the video" not in text_of(response)
    # Looked up once, while saving, to tell the editor; the poster copy is left to the
    # worker: one task, whether the page was saved as a draft or published.
    assert lookups == [video_url("krissi-carter")]
    assert Embed.objects.filter(url=video_url("krissi-carter")).exists()
    assert video_tasks().count() == 1
    if action:
        assert plays(editor_client, theme_1())


NO_ADDRESS = (
    "Visitors don't see this part of the page yet: the video “Krissi Carter: TED talk” "
    "has no web address yet. Add its address."
)


def test_publishing_says_nothing_about_a_video_it_did_not_change(starter_site, editor_client):
    # Issue 18 changed this: publishing a change elsewhere on Theme 1 warned about the talk's
    # missing address, which the live page lacks already. Warnings name what the save changed.
    _, response = edit_theme_1(editor_client, "", "action-publish")

    assert NO_ADDRESS not in text_of(response)


def test_a_draft_save_says_nothing_about_a_video_it_did_not_change(starter_site, editor_client):
    # The live page's video has no address either: this save changed nothing about it.
    _, response = edit_theme_1(editor_client, "")

    assert NO_ADDRESS not in text_of(response)
