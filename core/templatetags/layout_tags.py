"""Template helpers for laying out pages and blocks. Nothing here changes what a page
says: they only decide where and how it is shown."""

from django import template
from wagtail.models import Page

register = template.Library()


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


@register.simple_tag(takes_context=True)
def rendered_blocks(context, body):
    """``(block_type, html)`` of each block of ``body`` rendered as {% include_block %}
    would, leaving out those that render nothing (a block not ready for visitors, see
    core/incomplete.py), so that no empty wrapper is left in the page."""
    flat = context.flatten()
    rendered = ((block.block_type, block.render_as_block(context=flat)) for block in body or [])
    return [(block_type, html) for block_type, html in rendered if html.strip()]


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
def every_item_has(items, field):
    """Whether every item of a list block has a value for ``field``."""
    return all(item.get(field) for item in items or [])


@register.simple_tag(takes_context=True)
def public_url(context, path):
    """``path`` at the site's public address (core/public_address.py): PUBLIC_URL in
    production, else the address the request came to."""
    from core.public_address import public_url as at_public_address

    return at_public_address(context["request"], path)
