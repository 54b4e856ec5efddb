"""Save-time warnings in the real page editor (acceptance 1 of issue 12): an Editor changes a
live page; Wagtail autosaves several times while they type; then they save.

Autosave asks no video provider and leaves no banner; the save shows each warning at most
once, and none about what the save did not change (the page's video, its search
description). Changing the video's address then warns about that video, once."""

import io
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from staff.names import EDITORS
from tests.browser.admin import add_user, field, sign_in
from tests.browser.conftest import LOCAL_HOSTS
from tests.embeds import LocalVideoFinder, video_url
from themes.models import ThemePage

pytestmark = pytest.mark.browser


@pytest.fixture
def provider_calls(monkeypatch):
    """Every address the stand-in video provider is asked about, in order."""
    calls = []
    find_embed = LocalVideoFinder.find_embed

    def counting(self, url, *args, **kwargs):
        calls.append(url)
        return find_embed(self, url, *args, **kwargs)

    monkeypatch.setattr(LocalVideoFinder, "find_embed", counting)
    return calls


# Wagtail's edit form takes its starting state two seconds after its change watcher is set up
# ("w-unsaved:watch-edits"), and it may be set up more than once while the editor starts, each
# time without saying so: typing before the last of these is taken as the starting state, and
# never autosaved. So wait until three seconds pass with no new starting state: every set-up
# before the last one seen has taken its state by then, on a busy machine too.
# The quiet spell's end is marked on the page (<html data-editor-watching>) for a locator to
# wait for: page.wait_for_function evaluates a string, which the admin's CSP forbids.
WATCHING_SCRIPT = """
(() => {
  let quiet = null;
  document.addEventListener("w-unsaved:watch-edits", (event) => {
    if (event.target.id !== "page-edit-form") return;
    clearTimeout(quiet);
    quiet = setTimeout(() => { document.documentElement.dataset.editorWatching = ""; }, 3000);
  });
})();
"""
WATCHING = "html[data-editor-watching]"


def wait_until_watching(page, timeout=60_000):
    """Wait for the quiet spell above; a failure, not a hang, if the editor never says it
    watches (after a Wagtail upgrade, say): awaiting a promise with page.evaluate has no
    time limit, and one stuck test would stall all of `make test`."""
    page.locator(WATCHING).wait_for(state="attached", timeout=timeout)


def open_editor(page, url):
    """Open a page editor and wait until it watches for changes."""
    page.add_init_script(WATCHING_SCRIPT)
    page.goto(url)
    wait_until_watching(page)


def autosave_after(page, action):
    """Do ``action`` (typing) and wait for the autosave it sets off: Wagtail's editor posts
    the form in the background, asking for JSON."""
    with page.expect_response(
        lambda response: (
            response.request.method == "POST"
            and response.request.headers.get("accept") == "application/json"
        )
    ) as autosave:
        action()
    assert autosave.value.ok and autosave.value.json()["success"], autosave.value.text()


def banners(page):
    return [text.strip() for text in page.locator(".messages li").all_inner_texts()]


def test_autosaves_then_a_save_give_each_relevant_warning_once(
    live_site, page, django_user_model, settings, provider_calls
):
    call_command("setup_groups", stdout=io.StringIO())
    theme = ThemePage.objects.get(slug="belonging-and-leadership")
    assert theme.live and not theme.search_description  # both would have warned before
    editor = add_user(django_user_model, "alex.editor", EDITORS)
    off_site = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).hostname not in LOCAL_HOSTS and off_site.append(request.url)
        ),
    )
    sign_in(page, live_site, *editor)
    open_editor(page, f"{live_site}/admin/pages/{theme.pk}/edit/")

    # A one-word change, typed in several goes, each autosaved.
    summary = field(page, "Summary")
    for word in ("Leaders", "who", "belong."):
        autosave_after(page, lambda word=word: summary.press_sequentially(f" {word}"))
    assert provider_calls == [] and off_site == [], "autosave reached out"
    expect(page.locator(".messages li")).to_have_count(0)

    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"“.*” is saved as a draft\."))).to_be_visible()
    shown = banners(page)
    assert len(shown) == len(set(shown)), shown
    assert not [text for text in shown if "video" in text or "search description" in text], shown
    assert provider_calls == [], "the save looked up a video it did not change"

    # Changing the video is worth a word, once, when saved; its provider is down today.
    settings.TEST_VIDEO_PROVIDER_DOWN = True
    wait_until_watching(page)  # the editor, opened again after saving
    address = field(page.locator('[data-contentpath="body"]'), "Video web address")
    autosave_after(page, lambda: address.fill(video_url("krissi-carter")))
    assert provider_calls == [] and off_site == []
    footer.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"“.*” is saved as a draft\."))).to_be_visible()
    warnings = [text for text in banners(page) if "Krissi Carter" in text]
    assert len(warnings) == 1 and "We couldn't get the video" in warnings[0], banners(page)
    # Asked at the save only (to warn, and by the poster task, which the tests run at once).
    assert set(provider_calls) == {video_url("krissi-carter")}
    assert off_site == []


# The wait itself, on a stand-in form (served by the browser: no server needed) that says it
# took a starting state when a test tells it to.
STAND_IN_EDITOR = "http://127.0.0.1/stand-in-editor/"
TAKE_STARTING_STATE = """document.getElementById("page-edit-form").dispatchEvent(
  new CustomEvent("w-unsaved:watch-edits", {bubbles: true}))"""


def open_stand_in_editor(page):
    page.route(
        STAND_IN_EDITOR,
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><title>Editor</title><form id="page-edit-form"></form>',
        ),
    )
    page.add_init_script(WATCHING_SCRIPT)
    page.goto(STAND_IN_EDITOR)


def test_the_wait_for_the_editor_ends_three_seconds_after_the_last_starting_state(page):
    """On the browser's clock, moved by the test (not by how busy the machine is)."""
    page.clock.install(time=datetime(2026, 1, 1, tzinfo=UTC))
    open_stand_in_editor(page)
    page.clock.pause_at(datetime(2026, 1, 2, tzinfo=UTC))
    page.evaluate(TAKE_STARTING_STATE)
    page.clock.run_for(2_000)
    page.evaluate(TAKE_STARTING_STATE)  # set up again: the quiet spell starts again
    page.clock.run_for(2_900)
    assert page.locator(WATCHING).count() == 0
    page.clock.run_for(100)
    assert page.locator(WATCHING).count() == 1


def test_the_wait_for_the_editor_fails_in_time_when_no_starting_state_comes(page):
    open_stand_in_editor(page)
    with pytest.raises(PlaywrightTimeoutError):
        wait_until_watching(page, timeout=1_000)
