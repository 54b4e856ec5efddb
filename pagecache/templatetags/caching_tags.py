"""``{% sitewide_cache "name" %}…{% endsitewide_cache %}``: a part of the layout that is the
same on every page (the footer), rendered once per content generation and language by each
process.

Django's ``{% cache %}`` tag cannot be told to stand aside, and this one must: it caches only
on visitors' requests, whose content generation the page cache middleware has read (any
content change starts a new one, pagecache/invalidation.py); signed-in editors, previews and a
request made while the shared cache is down get it rendered afresh."""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

register = template.Library()


class SitewideCacheNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        request = context.get("request")
        generation = getattr(request, "content_generation", None)
        if not generation or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        key = (
            "sitewide:"
            + hashlib.sha256(f"{name}:{get_language()}:{generation}".encode()).hexdigest()
        )
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.PAGE_CACHE_SECONDS)
        return html


@register.tag
def sitewide_cache(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the part's name")
    nodelist = parser.parse(("endsitewide_cache",))
    parser.delete_first_token()
    return SitewideCacheNode(nodelist, parser.compile_filter(bits[1]))
