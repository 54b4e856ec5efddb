"""Template helpers for laying out pages and blocks. Nothing here changes what a page
says: they only decide where and how it is shown."""

import re
from dataclasses import dataclass

from django import template
from wagtail.models import Page

from core import languages

register = template.Library()

# An opening tag, or text between tags (the first one that is not white space decides).
TAG_OR_TEXT = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)[^>]*>|</[^>]*>|(?P<text>[^<]+)")


@register.simple_tag
def split_body(body, block_type):
    """``(lead, rest)``: the blocks up to and including the first block of ``block_type``,
    then the others. Without such a block, ``lead`` is empty and ``rest`` is the whole body.

    The overview shows its lead (the challenge / opportunity comparison) straight after the
    introduction, then the theme cards and the report, then the rest of its body.
    """
    blocks = list(body or [])
    for position, block in enumerate(blocks):
        if block.block_type == block_type:
            return blocks[: position + 1], blocks[position + 1 :]
    return [], blocks


@dataclass
class RenderedBlock:
    block_type: str
    html: str
    id: str


def opening_heading_level(html):
    """The level of the heading a block's HTML starts with (2 for ``<h2>``), if it starts
    with one: no text before it (an image, e.g. a report's cover, is not text)."""
    for match in TAG_OR_TEXT.finditer(html):
        tag, text = match.group("tag"), match.group("text")
        if tag and re.fullmatch(r"[hH][1-6]", tag):
            return int(tag[1])
        if text and text.strip():
            return None
    return None


@register.simple_tag(takes_context=True)
def rendered_blocks(context, body):
    """Each block of ``body`` rendered as {% include_block %} would (``RenderedBlock``),
    leaving out those that render nothing (a block not ready for visitors, see
    core/incomplete.py), so that no empty wrapper is left in the page.

    A heading block is left out too when nothing of its section is left: when the next
    block shown starts with a heading of the same level or higher (e.g. a report block's
    own), or there is none. So "Action for change" goes with its only content, a video
    without its address, instead of leading straight into the next heading."""
    flat = context.flatten()
    shown = []
    for block in body or []:
        html = block.render_as_block(context=flat)
        if html.strip():
            shown.append(RenderedBlock(block.block_type, html, block.id or ""))
    kept = []
    for position, item in enumerate(shown):
        if item.block_type == "heading":
            level = opening_heading_level(item.html) or 2
            after = shown[position + 1] if position + 1 < len(shown) else None
            next_level = opening_heading_level(after.html) if after else 0
            if next_level is not None and next_level <= level:
                continue
        kept.append(item)
    return kept


def _pages_in(value):
    """Primary keys of the pages a block value links to, at any depth."""
    if isinstance(value, Page):
        yield value.pk
    elif isinstance(value, dict):  # StructValue is a dict
        for child in value.values():
            yield from _pages_in(child)


@register.filter
def not_teased_in(pages, body):
    """``pages`` without those a teaser block of ``body`` already shows (block types whose
    name ends in ``_teaser``), so that a page lists each of them once."""
    teased = set()
    for block in body or []:
        if block.block_type.endswith("_teaser"):
            teased.update(_pages_in(block.value))
    return [page for page in pages if page.pk not in teased]


@register.filter
def any_item_has(items, field):
    """Whether some item of a list block has a value for ``field``."""
    return any(item.get(field) for item in items or [])


@register.filter
def every_item_has(items, field):
    """Whether every item of a list block has a value for ``field``."""
    return all(item.get(field) for item in items or [])


@register.simple_tag(takes_context=True)
def public_url(context, path):
    """``path`` at the site's public address (core/public_address.py): PUBLIC_URL in
    production, else the address the request came to."""
    from core.public_address import public_url as at_public_address

    return at_public_address(context["request"], path)


@register.filter
def in_language_of(linked, page):
    """``{% pageurl value.page|in_language_of:page %}``: see core/languages.py."""
    return languages.in_language_of(linked, page)
