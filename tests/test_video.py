"""The video block on public pages: a facade that loads nothing from the provider, pages that
survive a provider outage, renders that read stored data only, the Content-Security-Policy
and the starter video.

Saving, publishing and the background lookups are in tests/test_video_saving.py; browser
behaviour (activation, keyboard, requests, axe) in tests/browser/test_video.py.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image

from tests.embeds import player_url, video_url
from tests.production import run_with_production_settings
from tests.videos import (
    TRANSCRIPT,
    only_database_io,
    publish_theme_1_video,
    serve_thumbnails,
    soup,
    text_of,
)
from themes.models import ThemePage
from video.models import VideoPoster

# Attributes through which a page makes the browser fetch something, by element.
FETCHING_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}


def fetched_urls(page):
    """Every address the page makes a browser fetch, including inside <template>."""
    urls = []
    for element in page.find_all(list(FETCHING_ATTRIBUTES)):
        for name in FETCHING_ATTRIBUTES[element.name]:
            value = element.get(name) or ""
            candidates = value.split(",") if name == "srcset" else [value]
            urls += [c.strip().split(" ")[0] for c in candidates if c.strip()]
    return urls


def is_this_site(url):
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc or parts.netloc == "testserver"


def video_figure(page):
    (figure,) = page.find_all("figure", class_="video")
    return figure


def test_facade_loads_nothing_from_the_provider(starter_site, client):
    page = publish_theme_1_video(video_url("krissi-carter"))

    response = client.get(page.url)

    assert response.status_code == 200
    html = soup(response)
    urls = fetched_urls(html)
    assert urls, "expected the page's own stylesheet and script at least"
    assert [url for url in urls if not is_this_site(url)] == []
    assert html.find_all("iframe") == []
    # The player is only named, for the script to load when the visitor presses Play.
    figure = video_figure(html)
    assert figure["data-video-player"] == player_url("krissi-carter") + "?autoplay=1"
    assert figure["data-video-player-title"] == (
        "Krissi Carter: TED talk (video player from Test Video)"
    )
    # Without JavaScript: a plain link to the video.
    assert html.find_all("a", href=video_url("krissi-carter"))
    text = text_of(response)
    assert "Watch “Krissi Carter: TED talk” on Test Video" in text
    # With it: a real button naming the video and the provider it loads from.
    assert html.find_all("button", type="button")
    assert (
        'Play video: Krissi Carter: TED talk <span class="video__label-note">'
        "(loads content from Test Video)</span>"
    ) in text
    assert "Playing the video loads content from Test Video" in text
    assert html.find_all("script", src="/static/video/video.js")


def test_editor_poster_duration_and_captions_note_are_shown(starter_site, client):
    poster = Image.objects.first()
    page = publish_theme_1_video(
        video_url("krissi-carter"),
        poster=poster.pk,
        duration="15 minutes",
        captions_note="English captions are available in the player.",
    )

    response = client.get(page.url)

    text = text_of(response)
    start = text.index('<figure class="video"')
    figure = text[start : text.index("</figure>", start)]
    facade = figure[: figure.index("<template>")]
    assert "<picture>" in facade and "/media/images/" in facade and 'alt=""' in facade
    assert all(is_this_site(url) for url in fetched_urls(soup(response)))
    assert '<p class="video__meta">Test Video · 15 minutes</p>' in text
    assert "English captions are available in the player." in text


def test_youtube_videos_play_from_the_no_cookie_domain(starter_site, client):
    url = "https://www.youtube.com/watch?v=abc123"
    # A lookup stored earlier, as YouTube's oEmbed endpoint answers it.
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        provider_name="YouTube",
        html='<iframe width="200" height="113" '
        'src="https://www.youtube.com/embed/abc123?feature=oembed" allowfullscreen></iframe>',
    )
    page = publish_theme_1_video(url)

    response = client.get(page.url)

    assert video_figure(soup(response))["data-video-player"] == (
        "https://www.youtube-nocookie.com/embed/abc123?feature=oembed&autoplay=1"
    )
    assert "(loads content from YouTube)" in text_of(response)


def test_provider_down_page_still_shows_title_link_and_transcript(starter_site, client, settings):
    settings.TEST_VIDEO_PROVIDER_DOWN = True
    page = publish_theme_1_video(video_url("krissi-carter"))

    response = client.get(page.url)

    assert response.status_code == 200
    html = soup(response)
    assert html.find_all("a", href=video_url("krissi-carter"))
    assert "data-video-player" not in video_figure(html).attrs, "nothing to play: no button"
    assert html.find_all("span", class_="video__placeholder", attrs={"aria-hidden": "true"})
    text = text_of(response)
    assert "Krissi Carter: TED talk" in text
    assert "<summary>Transcript" in text
    assert TRANSCRIPT in text


def test_a_stored_video_still_plays_during_a_later_outage(starter_site, client, settings):
    page = publish_theme_1_video(video_url("krissi-carter"))  # the provider answers
    Embed.objects.update(cache_until=timezone.now() - timedelta(days=1))
    settings.TEST_VIDEO_PROVIDER_DOWN = True
    publish_theme_1_video(video_url("krissi-carter"))  # the lookup fails: the old one stays

    response = client.get(page.url)

    assert response.status_code == 200
    assert video_figure(soup(response))["data-video-player"] == (
        player_url("krissi-carter") + "?autoplay=1"
    )


# Renders read stored data only (issue 10: no I/O beyond the database while rendering)


def test_a_render_reads_the_stored_lookup_and_poster_without_other_io(
    starter_site, client, monkeypatch
):
    serve_thumbnails(monkeypatch)
    page = publish_theme_1_video(video_url("krissi-carter"))
    poster = VideoPoster.objects.get(embed__url=video_url("krissi-carter"))
    # Long expired: a render must not refresh it (Wagtail's get_embed would).
    Embed.objects.update(cache_until=timezone.now() - timedelta(days=1))
    client.get(page.url)  # the page's image renditions are made on its first render

    with only_database_io() as attempts:
        response = client.get(page.url)

    assert attempts == []
    assert response.status_code == 200
    figure = video_figure(soup(response))
    assert figure["data-video-player"] == player_url("krissi-carter") + "?autoplay=1"
    assert {img["src"] for img in figure.find_all("img")} == {poster.image.url}
    assert poster.image.name == f"video-posters/{poster.embed.hash}.jpg"


def test_a_video_never_looked_up_is_a_link_and_the_render_asks_no_one(starter_site, client):
    page = publish_theme_1_video(video_url("krissi-carter"))
    Embed.objects.all().delete()  # as if the worker had not run yet
    client.get(page.url)  # the page's image renditions are made on its first render

    with only_database_io() as attempts:
        response = client.get(page.url)

    assert attempts == []
    assert response.status_code == 200
    html = soup(response)
    assert "data-video-player" not in video_figure(html).attrs
    assert html.find_all("a", href=video_url("krissi-carter"))
    assert "Watch “Krissi Carter: TED talk” on video.test" in text_of(response)
    assert not Embed.objects.exists(), "rendering stored nothing"


def test_starter_content_has_the_krissi_carter_talk_on_theme_1(starter_site, client):
    page = ThemePage.objects.get(slug="belonging-and-leadership")
    blocks = [block.block_type for block in page.body]
    assert blocks.index("video") > blocks.index("heading")
    (video,) = [block.value for block in page.body if block.block_type == "video"]
    assert video["title"] == "Krissi Carter: TED talk"
    assert "headteacher" in video["description"]
    assert "transcript" in video and not video["transcript"]  # ready for the comms team

    response = client.get(page.url)

    # Without its address the video is not shown at all, nor its description, which holds
    # the questions about the talk: nothing public refers to a video that is not there.
    # Its heading goes with it (issue 17): a heading with nothing under it is a dead end.
    text = text_of(response)
    assert "Action for change" not in text
    assert '<figure class="video"' not in text
    assert "coming soon" not in text.lower()
    assert "TED talk" not in text and "Krissi Carter" not in text


# Content-Security-Policy


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


def test_public_pages_allow_only_the_video_players_as_third_parties(starter_site, client):
    directives = csp_directives(client.get("/"))

    assert directives["frame-src"] == settings.VIDEO_FRAME_SOURCES
    for directive in ("default-src", "script-src", "style-src", "img-src"):
        assert directives[directive] == ["'self'"], directive
    assert "https://www.youtube-nocookie.com" in directives["frame-src"]
    assert not any("youtube.com" in source for source in directives["frame-src"])


def test_the_admin_is_not_under_the_public_policy(starter_site, admin_client, client):
    # The admin has a policy of its own (config/admin_csp.py): the public one would block the
    # editor's inline scripts.
    public = client.get("/").headers["Content-Security-Policy"]
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] != public


def test_production_uses_wagtails_real_oembed_finder():
    program = (
        "from django.conf import settings\n"
        "from wagtail.embeds.finders import get_finders\n"
        "print([type(f).__module__ for f in get_finders()])\n"
    )
    result = run_with_production_settings(program)
    assert result.returncode == 0, result.stderr
    # The players production frames: tests/test_csp.py.
    assert result.stdout.splitlines() == ["['wagtail.embeds.finders.oembed']"]
