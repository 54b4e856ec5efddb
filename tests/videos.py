"""Puts a video on Theme 1, as an editor would by filling in its video block."""

from themes.models import ThemePage

TRANSCRIPT = "<p>Good morning. This transcript is for visitors who cannot hear the talk.</p>"


def publish_theme_1_video(url, transcript=TRANSCRIPT, **fields):
    """Sets the web address, transcript and any other ``fields`` of the starter video on
    Theme 1, publishes the page and returns it."""
    page = ThemePage.objects.get(slug="belonging-and-leadership")
    body = [dict(block) for block in page.body.raw_data]
    (video,) = [block for block in body if block["type"] == "video"]
    video["value"] = {**video["value"], "url": url, "transcript": transcript, **fields}
    page.body = body
    page.save_revision().publish()
    return page
