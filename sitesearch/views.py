"""The search results page, /search/?q=…: a plain GET form (works without JavaScript), live
public pages found by Wagtail's search (PostgreSQL full text with the fields' weights in
production, the database backend's SQLite full text elsewhere), editors' promoted results
first, ten to a page, each with its summary. A search that finds nothing offers other ways
in and is counted, within its client's allowance (counting.py). Responses are never cached."""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, Site
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

from .counting import count_unanswered

PER_PAGE = 10


def promotions(query_string):
    """The promoted results editors chose for these words (Settings → Promoted search
    results), in their order, leaving out pages that are not live."""
    query = Query.objects.filter(query_string=normalise_query_string(query_string)).first()
    if query is None:
        return []
    picks = query.editors_picks.select_related("page").order_by("sort_order")
    return [pick for pick in picks if pick.page is None or pick.page.live]


def suggestions(request):
    """Where to look when nothing was found: the overview and the site's menu pages."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page.localized  # the Welsh overview under /cy/, when it is live
    menu = home.get_children().live().public().in_menu().specific()
    return [home.specific, *menu]


def search_terms(query_string):
    """The words searched for, lower case, without punctuation. Wagtail's SQLite backend
    hands quotes and FTS5 operators (AND, OR, NOT, NEAR) straight to SQLite, where they
    are a syntax error or change the meaning; visitors' words are only ever words."""
    return " ".join(re.findall(r"\w+", query_string.lower()))


# Prefixes British English often writes with a hyphen ("co-operative", "re-engage"). The
# index splits a hyphenated word in two, so "cooperative" would find nothing: when a search
# finds nothing, it is tried again with such a word split (hyphenated_variant).
HYPHENATED_PREFIXES = ("co", "re", "pre", "non", "self")


def hyphenated_variant(terms):
    """The terms with each word that starts with one of the prefixes split after it, or ""
    if no word does: "cooperative learning" -> "co operative learning"."""
    words = []
    for word in terms.split():
        prefix = next((p for p in HYPHENATED_PREFIXES if word.startswith(p)), "")
        words += [prefix, word[len(prefix) :]] if prefix and len(word) > len(prefix) + 3 else [word]
    variant = " ".join(words)
    return variant if variant != terms else ""


@require_safe
def search(request):
    words = "".join(c for c in request.GET.get("q", "") if c.isprintable() or c.isspace())
    query_string = " ".join(words.split())[:MAX_QUERY_STRING_LENGTH]
    context = {"query_string": query_string, "results": None, "promoted": []}
    if query_string:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site is not None:
            # The tree in the address's language (the Welsh overview's, once it is live).
            pages = pages.descendant_of(site.root_page.localized, inclusive=True)
        terms = search_terms(query_string)
        found = pages.specific().search(terms, operator="and") if terms else pages.none()
        if terms and not found.count() and hyphenated_variant(terms):
            found = pages.specific().search(hyphenated_variant(terms), operator="and")
        paginator = Paginator(found, PER_PAGE)
        context["results"] = paginator.get_page(request.GET.get("page"))
        context["count"] = paginator.count
        context["promoted"] = promotions(query_string)
        if not paginator.count and not context["promoted"]:
            context["suggestions"] = suggestions(request)
    response = TemplateResponse(request, "sitesearch/search_results.html", context)
    if query_string and not context.get("count") and not context["promoted"]:
        count_unanswered(request, query_string)
    # Never cached: each search that finds nothing must reach the count, and results change
    # when the worker indexes a page or editors promote one, which retire no cached page.
    add_never_cache_headers(response)
    return response
