"""The video block: a facade that loads nothing from the provider, pages that survive a
provider outage, editors' messages, the Content-Security-Policy and the starter video.

Browser behaviour (activation, keyboard, requests, axe) is in tests/browser/test_video.py.
"""

import html
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.embeds import player_url, video_url
from tests.videos import TRANSCRIPT, publish_theme_1_video
from themes.models import ThemePage

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


class Elements(HTMLParser):
    """Every start tag of a page (including those inside <template>), with its attributes."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, tag, **attrs):
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def fetched_urls(elements):
    urls = []
    for tag, attrs in elements.tags:
        for name in FETCHING_ATTRIBUTES.get(tag, []):
            value = attrs.get(name) or ""
            candidates = value.split(",") if name == "srcset" else [value]
            urls += [c.strip().split(" ")[0] for c in candidates if c.strip()]
    return urls


def is_this_site(url):
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc or parts.netloc == "testserver"


def text_of(response):
    """The page's HTML with entities decoded and white space collapsed."""
    return " ".join(html.unescape(response.content.decode()).split())


def test_facade_loads_nothing_from_the_provider(starter_site, client):
    page = publish_theme_1_video(video_url("krissi-carter"))

    response = client.get(page.url)

    assert response.status_code == 200
    elements = Elements(response.content.decode())
    urls = fetched_urls(elements)
    assert urls, "expected the page's own stylesheet and script at least"
    assert [url for url in urls if not is_this_site(url)] == []
    assert elements.all("iframe") == []
    # The player is only named, for the script to load when the visitor presses Play.
    (figure,) = elements.all("figure", **{"class": "video"})
    assert figure["data-video-player"] == player_url("krissi-carter") + "?autoplay=1"
    assert figure["data-video-player-title"] == (
        "Krissi Carter: TED talk (video player from Test Video)"
    )
    # Without JavaScript: a plain link to the video.
    assert elements.all("a", href=video_url("krissi-carter"))
    text = text_of(response)
    assert "Watch “Krissi Carter: TED talk” on Test Video" in text
    # With it: a real button naming the video and the provider it loads from.
    assert elements.all("button", type="button")
    assert (
        'Play video: Krissi Carter: TED talk <span class="video__label-note">'
        "(loads content from Test Video)</span>"
    ) in text
    assert "Playing the video loads content from Test Video" in text
    assert elements.all("script", src="/static/video/video.js")


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
    assert all(is_this_site(url) for url in fetched_urls(Elements(response.content.decode())))
    assert '<p class="video__meta">Test Video · 15 minutes</p>' in text
    assert "English captions are available in the player." in text


def test_youtube_videos_play_from_the_no_cookie_domain(starter_site, client):
    url = "https://www.youtube.com/watch?v=abc123"
    # A lookup Wagtail cached earlier, as YouTube's oEmbed endpoint answers it.
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

    (figure,) = Elements(response.content.decode()).all("figure", **{"class": "video"})
    assert figure["data-video-player"] == (
        "https://www.youtube-nocookie.com/embed/abc123?feature=oembed&autoplay=1"
    )
    assert "(loads content from YouTube)" in text_of(response)


def test_provider_down_page_still_shows_title_link_and_transcript(starter_site, client, settings):
    settings.TEST_VIDEO_PROVIDER_DOWN = True
    page = publish_theme_1_video(video_url("krissi-carter"))

    response = client.get(page.url)

    assert response.status_code == 200
    elements = Elements(response.content.decode())
    assert elements.all("a", href=video_url("krissi-carter"))
    (figure,) = elements.all("figure", **{"class": "video"})
    assert "data-video-player" not in figure, "nothing to play, so no Play button"
    assert elements.all("span", **{"class": "video__placeholder", "aria-hidden": "true"})
    text = text_of(response)
    assert "Krissi Carter: TED talk" in text
    assert "<summary>Transcript" in text
    assert TRANSCRIPT in text


def test_a_cached_video_still_plays_during_a_later_outage(starter_site, client, settings):
    page = publish_theme_1_video(video_url("krissi-carter"))
    client.get(page.url)  # the provider answers; Wagtail caches the lookup
    Embed.objects.update(cache_until=timezone.now() - timedelta(days=1))
    settings.TEST_VIDEO_PROVIDER_DOWN = True

    response = client.get(page.url)

    assert response.status_code == 200
    (figure,) = Elements(response.content.decode()).all("figure", **{"class": "video"})
    assert figure["data-video-player"] == player_url("krissi-carter") + "?autoplay=1"


def test_starter_content_has_the_krissi_carter_talk_on_theme_1(starter_site, client):
    page = ThemePage.objects.get(slug="belonging-and-leadership")
    blocks = [block.block_type for block in page.body]
    assert blocks.index("video") > blocks.index("heading")
    (video,) = [block.value for block in page.body if block.block_type == "video"]
    assert video["title"] == "Krissi Carter: TED talk"
    assert "headteacher" in video["description"]
    assert "transcript" in video and not video["transcript"]  # ready for the comms team

    response = client.get(page.url)

    text = text_of(response)
    assert text.index("Action for change") < text.index('<figure class="video"')
    assert "Video coming soon" in text
    assert "Krissi Carter, a headteacher, gives an overview" in text


# The page editor


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    return client


def edit_theme_1(client, video_address, action=None):
    """Submits Theme 1's edit form with a body of one video block, as the page editor does.
    Without ``action`` it saves a draft."""
    page = ThemePage.objects.get(slug="belonging-and-leadership")
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
    return page, client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


def latest_video_address(page):
    revision = ThemePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    (video,) = [block.value for block in revision.body if block.block_type == "video"]
    return video["url"]


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
        assert Elements(live.content.decode()).all("a", href=video_url("krissi-carter"))


def test_saving_with_the_provider_up_caches_the_lookup_and_gives_no_warning(
    starter_site, editor_client
):
    page, response = edit_theme_1(editor_client, video_url("krissi-carter"))

    assert latest_video_address(page) == video_url("krissi-carter")
    assert "We couldn't get the video" not in text_of(response)
    assert Embed.objects.filter(url=video_url("krissi-carter")).exists()


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


def test_the_admin_is_not_under_the_public_policy(starter_site, editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers


def test_production_uses_wagtails_real_oembed_finder():
    from tests.production import run_with_production_settings

    program = (
        "from django.conf import settings\n"
        "from wagtail.embeds.finders import get_finders\n"
        "print([type(f).__module__ for f in get_finders()])\n"
        "print(settings.VIDEO_FRAME_SOURCES)\n"
    )
    result = run_with_production_settings(program)
    assert result.returncode == 0, result.stderr
    finders, frame_sources = result.stdout.splitlines()
    assert finders == "['wagtail.embeds.finders.oembed']"
    assert frame_sources == (
        "['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://embed.ted.com']"
    )
