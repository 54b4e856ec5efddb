"""The pages the edge cache shows when no app node answers (``manage.py write_edge_pages``).

Varnish (deploy/varnish/default.vcl, ``edge_unavailable``) cannot ask the app for its 503
page when every node is down, so the app writes that page beforehand, in each language and
for a page and for a form post, as whole HTML files the VCL reads with ``std.fileread()``.
They are the app's own page (pagecache/unavailable.html, the site's design, translated through
locale/) with the stylesheet inlined: nothing in them needs the app to answer.
"""

import base64
import mimetypes
import os
import posixpath
import re
import tempfile
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

STYLESHEET = "css/site.css"
# (file name part, language code): the VCL picks "-cy" for addresses under /cy/.
LANGUAGES = (("en", "en-gb"), ("cy", "cy"))
# (file name part, posted): "not-saved" for a form post (any method but GET and HEAD).
VARIANTS = (("unavailable", False), ("not-saved", True))
URL_RE = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")


class EdgePageError(Exception):
    pass


def file_names():
    return [f"{variant}-{suffix}.html" for variant, _ in VARIANTS for suffix, _ in LANGUAGES]


def static_text(path):
    """A static file's text as the finders see it (the same files collectstatic copies)."""
    found = finders.find(path)
    if not found:
        raise EdgePageError(f"Static file not found: {path}")
    return Path(found).read_text(encoding="utf-8")


def data_uri(path):
    found = finders.find(path)
    if not found:
        raise EdgePageError(f"Static file not found: {path} (referenced by {STYLESHEET})")
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    encoded = base64.b64encode(Path(found).read_bytes()).decode("ascii")
    return f"data:{kind};base64,{encoded}"


def inline_stylesheet():
    """site.css with the files it refers to (``url(../img/…)``) embedded as data: URIs, so
    that the page fetches nothing."""
    css = static_text(STYLESHEET)

    def embed(match):
        reference = match.group(2).strip()
        if reference.startswith(("data:", "#")):
            return match.group(0)
        if "//" in reference:
            raise EdgePageError(f"{STYLESHEET} refers to another site: {reference}")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(STYLESHEET), reference))
        return f'url("{data_uri(path)}")'

    css = URL_RE.sub(embed, css)
    if "</style" in css.lower() or "@import" in css:
        raise EdgePageError(f"{STYLESHEET} cannot be inlined (</style> or @import in it)")
    return css


def check_catalogues():
    """Refuse to write English pages under a Welsh name: the catalogue (locale/cy) is compiled
    by ``manage.py compilemessages`` (make messages), which a deployment may have skipped."""
    english = "Back in a few minutes"
    for _, language in LANGUAGES:
        with translation.override(language):
            if language != "en-gb" and translation.gettext(english) == english:
                raise EdgePageError(
                    f"No translation for {language!r}: run manage.py compilemessages first"
                )


def render_pages():
    """{file name: HTML} for every language and variant."""
    check_catalogues()
    stylesheet = inline_stylesheet()
    pages = {}
    for variant, posted in VARIANTS:
        for suffix, language in LANGUAGES:
            with translation.override(language):
                html = render_to_string(
                    "pagecache/edge_unavailable.html",
                    {"posted": posted, "stylesheet": stylesheet},
                )
            pages[f"{variant}-{suffix}.html"] = html
    return pages


def write_pages(directory):
    """Write the pages into ``directory`` (created if need be), each file replaced whole so
    that Varnish never reads half of one; the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in render_pages().items():
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(html)
        os.chmod(temporary, 0o644)  # Varnish reads it as its own user
        os.replace(temporary, directory / name)
        written.append(directory / name)
    return written
