from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page followed by its live children marked 'Show in menus', in tree order.

    Every page shows the same menu, so this process keeps it for the current content
    generation (request.content_generation, set by pagecache.caching.PageCacheMiddleware for
    visitors' requests): any content change starts a new generation. Kept per language: a
    Welsh address shows the Welsh overview's menu (its root's live translation)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    generation = getattr(request, "content_generation", None)
    key = f"main-menu:{site.pk}:{get_language()}:{generation}"
    menu = cache.get(key) if generation else None
    if menu is None:
        home = site.root_page
        if get_language() != settings.LANGUAGE_CODE:
            home = home.localized  # the live Welsh overview, if any (English costs no query)
        menu = [home, *home.get_children().live().in_menu().public()]
        if generation:
            cache.set(key, menu, settings.PAGE_CACHE_SECONDS)
    return menu


@register.simple_tag
def breadcrumb_trail(page):
    """The pages above ``page``, from the overview down (not the tree's root). Walks up
    through get_parent(), which Wagtail's routing has already filled in for the page being
    served: no query (a preview may make one per level)."""
    trail = []
    parent = page.get_parent() if page.depth > 2 else None
    while parent is not None and parent.depth > 1:
        trail.insert(0, parent)
        parent = parent.get_parent() if parent.depth > 2 else None
    return trail


@register.simple_tag
def nav_state(item, page):
    """The aria-current value for a menu item: "page" on the page itself, "true" on a page
    below it (a case study marks "Case studies"), "" otherwise. The overview is only ever
    "page": every page is below it."""
    path = getattr(page, "path", None)
    if not path:
        return ""
    if item.pk == page.pk:
        return "page"
    if item.depth > 2 and path.startswith(item.path):
        return "true"
    return ""
