"""The video facade in a real browser: nothing is requested from the provider until the
visitor presses Play; Play works from the keyboard; the page passes axe before and after.

The stand-in provider (tests/embeds.py) serves its player from the live server under the
host name "localhost", while the site is browsed at 127.0.0.1: to the browser the player
is on another host, as YouTube's would be.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LOCAL_HOSTS
from tests.embeds import video_url
from tests.videos import publish_theme_1_video

pytestmark = pytest.mark.browser

TITLE = "Krissi Carter: TED talk"
PLAY = f"Play video: {TITLE} (loads content from Test Video)"
WATCH = f"Watch “{TITLE}” on Test Video"


@pytest.fixture
def theme_with_video(live_site, player_origin):
    """The address of Theme 1, its starter video given a web address and a transcript.
    Publishing queues the video's lookup and poster copy, which the tests' immediate task
    backend runs at once, from the live server's stand-in provider."""
    return live_site + publish_theme_1_video(video_url("krissi-carter")).url


def record_requests(page):
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def tab_to(page, locator, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"Tabbing {limit} times never reached {locator}")


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_keyboard_activation_is_the_first_contact_with_the_provider(
    theme_with_video, player_origin, page, axe_scan, key
):
    requests = record_requests(page)
    page.goto(theme_with_video, wait_until="networkidle")
    play = page.get_by_role("button", name=PLAY, exact=True)
    expect(play).to_be_visible()
    report = axe_scan(page)
    assert not report.violations, report.describe()

    tab_to(page, play)
    poster = play.locator("img")
    expect(poster).to_have_attribute("src", "/media/video-posters/" + poster_file(page))
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=poster.element_handle()
    )
    page.wait_for_load_state("networkidle")
    site = urlsplit(theme_with_video).netloc
    assert {urlsplit(url).netloc for url in requests} == {site}, requests

    page.keyboard.press(key)

    player = page.locator("iframe.video__player")
    expect(player).to_have_attribute("title", f"{TITLE} (video player from Test Video)")
    expect(play).to_have_count(0)
    assert player.evaluate("frame => frame === document.activeElement"), "focus is on the player"
    # The Content-Security-Policy lets the player in: its page really loads.
    expect(page.frame_locator("iframe.video__player").get_by_text("Test player")).to_be_visible()
    assert urlsplit(player_origin).netloc in {urlsplit(url).netloc for url in requests}
    report = axe_scan(page)
    assert not report.violations, report.describe()


def poster_file(page):
    return page.locator("button.video__facade img").get_attribute("src").rsplit("/", 1)[-1]


def test_clicking_play_loads_the_player(theme_with_video, page):
    page.goto(theme_with_video)
    page.get_by_role("button", name=PLAY, exact=True).click()
    expect(page.frame_locator("iframe.video__player").get_by_text("Test player")).to_be_visible()


def test_without_javascript_the_video_is_a_link(theme_with_video, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if urlsplit(route.request.url).hostname in LOCAL_HOSTS
                else route.abort()
            ),
        )
        page.goto(theme_with_video)
        link = page.get_by_role("link", name=WATCH, exact=True)
        expect(link).to_have_attribute("href", video_url("krissi-carter"))
        expect(page.get_by_role("button", name=PLAY)).to_have_count(0)
    finally:
        context.close()


def test_provider_down_shows_link_and_transcript(live_site, player_origin, settings, page):
    settings.TEST_VIDEO_PROVIDER_DOWN = True
    response = page.goto(live_site + publish_theme_1_video(video_url("krissi-carter")).url)

    assert response.status == 200
    link = page.get_by_role("link", name=WATCH.replace("Test Video", "video.test"), exact=True)
    expect(link).to_have_attribute("href", video_url("krissi-carter"))
    expect(page.get_by_role("button", name=PLAY)).to_have_count(0)
    transcript_text = page.get_by_text("This transcript is for visitors who cannot hear")
    expect(transcript_text).to_be_hidden()
    summary = page.locator("summary", has_text="Transcript")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(transcript_text).to_be_visible()


def test_editors_userbar_works_under_the_content_security_policy(
    live_site, theme_with_video, page, django_user_model
):
    django_user_model.objects.create_superuser("editor", "editor@example.com", "password")
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    violations.clear()

    page.goto(theme_with_video, wait_until="networkidle")
    page.get_by_role("button", name="View Wagtail quick actions").click()
    expect(page.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    assert [v for v in violations if "Content Security Policy" in v] == []
