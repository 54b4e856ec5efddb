"""The editor's guide inside the admin: docs/editors-guide.md, the single source, rendered in
the admin's layout with its screenshots, a Help menu item and a dashboard panel that opens it
at each section.

The Markdown file stays where it is (the README links to it and the browser tests write its
screenshots into docs/images/); this module only reads it. The images are served by the
view below, never from the public site, because the guide shows the admin.
"""

import re
import struct
from functools import cache
from pathlib import Path

import markdown
from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import reverse, reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

GUIDE = Path(settings.BASE_DIR) / "docs" / "editors-guide.md"
IMAGES = GUIDE.parent / "images"
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.png$")
GUIDE_URL_NAME = "core_editors_guide"
GUIDE_IMAGE_URL_NAME = "core_editors_guide_image"


class RenderedGuide:
    def __init__(self, text):
        converter = markdown.Markdown(
            extensions=["tables", "toc", "sane_lists"],
            extension_configs={"toc": {"toc_depth": "2-2"}},
        )
        # The Markdown's first heading is the page title in the admin's own header.
        body = re.sub(r"\A# .*\n", "", text, count=1)
        self.html = converter.convert(body)
        self.title = re.match(r"\A# (.*)", text).group(1).strip() if text.startswith("# ") else ""
        self.sections = [(item["id"], item["name"]) for item in converter.toc_tokens]


def png_size(name):
    """(width, height) of a guide picture, read from its PNG header; None if unreadable."""
    path = IMAGES / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        return None
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


def with_sizes(html):
    """Each picture with its width and height, so that the page does not move as they load
    (a link to a section lands on that section, not on where it was before the pictures)."""

    def sized(match):
        size = png_size(match["name"])
        if size is None:
            return match[0]
        tag = match[0].removesuffix(">").rstrip().removesuffix("/").rstrip()
        return f'{tag} width="{size[0]}" height="{size[1]}">'

    return re.sub(r'<img [^>]*src="images/(?P<name>[^"]+)"[^>]*>', sized, html)


@cache
def _render(text):
    guide = RenderedGuide(text)
    guide.html = with_sizes(guide.html)
    return guide


def rendered_guide():
    """The guide as HTML, with its sections (anchor, heading) in order. Read from the file
    each time (it is small), rendered once per distinct text."""
    return _render(GUIDE.read_text("utf-8"))


def section_url(anchor):
    return f"{reverse(GUIDE_URL_NAME)}#{anchor}"


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """Any signed-in admin user may read it (the admin's own access check applies)."""

    template_name = "editorial/editors_guide.html"
    page_title = "Editor's guide"
    header_icon = "help"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "guide": rendered_guide()}


def guide_image(request, name):
    """A screenshot the guide shows, from docs/images/ (names only: no paths)."""
    path = IMAGES / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404("No such picture in the editor's guide")
    return FileResponse(path.open("rb"), content_type="image/png")


class GuideMenuItem(MenuItem):
    """The Help menu's item for this site's guide (Wagtail's own points to a generic guide
    on another site)."""

    def __init__(self):
        super().__init__(
            "Editor's guide for this site",
            reverse_lazy(GUIDE_URL_NAME),
            name="site-editors-guide",
            icon_name="help",
            order=1000,
        )


class GuidePanel(Component):
    """The dashboard's panel: each section of the guide, one link each."""

    name = "editors_guide"
    template_name = "editorial/guide_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {
            "guide_url": reverse(GUIDE_URL_NAME),
            "sections": [(section_url(anchor), name) for anchor, name in rendered_guide().sections],
        }
