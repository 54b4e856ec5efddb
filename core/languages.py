"""A link from a page to another page of the site, in the linking page's language.

Editors choose pages in the English tree; a Welsh copy keeps those choices (Wagtail's copy
for translation does not change them). Visitors of a Welsh page should reach the Welsh page
it names while that one is live, as Wagtail's rich text links do (``Page.localized``). This
compares the pages' locale ids (no query when both are in one language, so English pages
cost nothing more) instead of ``localized``, which looks the active locale up each time."""


def in_language_of(linked, page):
    """``linked``'s live translation in ``page``'s language, or ``linked`` itself when it is
    already in that language or has no live translation in it (one query on a Welsh page)."""
    locale_id = getattr(page, "locale_id", None)
    if linked is None or locale_id is None or linked.locale_id == locale_id:
        return linked
    twin = linked.get_translation_or_none(locale_id)
    return twin if twin is not None and twin.live else linked
