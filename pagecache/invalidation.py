"""What makes cached pages stale: publishing, unpublishing, moving or deleting a live page or
snippet, and saving what visitors see without a draft state (site settings, images,
documents, sites, privacy restrictions, video lookups, snippets without drafts). A draft
save or an autosave changes nothing for visitors, so it retires nothing and purges nothing:
Wagtail saves the page row on each of them, but only its draft bookkeeping fields.
Connected in apps.py.

The page cache: a page shows far more than its own fields (the menu, the footer's settings,
shared calls to action, the case studies listed on theme and index pages, video lookups
stored later by the worker), so rather than tracking which pages show what, each such change
stores a new content generation and so retires every cached page at once: for a site of this
size that is simple and always right.

The CDN (wagtail.contrib.frontend_cache, when WAGTAILFRONTENDCACHE is configured) is purged
once the change is committed: for a page, the page itself, its ancestors (their listings),
the pages it names or that name it (Wagtail's reference index), and every page of a type it
links to many of (a case study's themes, which list it: removed ones included). Every live
page when the page is in the menu, or was moved or deleted, and for any other change, since
those show on every page.
"""

import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import get_backends, purge_pages_from_cache
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import DraftStateMixin, Page, ReferenceIndex
from wagtail.snippets.models import get_snippet_models

from .caching import GENERATION_KEY, announce_change, new_generation
from .shared_cache import get_shared_cache

logger = logging.getLogger("pagecache.caching")

# Models shown on public pages besides pages, snippets and site settings (by label, so that
# core names the video app's poster records without importing the app).
SHOWN_ON_PAGES = {
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailembeds.embed",
    "video.videoposter",
}
# What Wagtail writes to a page or snippet row when it saves a draft (or an autosave), locks
# or unlocks it, or records a comment: nothing a visitor sees.
DRAFT_BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
}
# Pages at this depth or above are in the menu on every page (root 1, home 2, its children 3).
MENU_DEPTH = 3
EVERY_PAGE = "every page"


def is_current_model(sender):
    """Not a migration's historical model: a migration that saves a Site would otherwise
    purge the CDN with queries on a schema that is not yet current."""
    return isinstance(sender, type) and sender._meta.apps is apps


def shows_on_pages(model):
    return (
        issubclass(model, Page | BaseSiteSetting)
        or model._meta.label_lower in SHOWN_ON_PAGES
        or model in get_snippet_models()
    )


def is_draft_only_save(instance, update_fields):
    """A save visitors cannot see: of something with a draft state that is not live, or of
    only the draft bookkeeping fields of a live one. Publishing saves the whole row."""
    if not isinstance(instance, DraftStateMixin):
        return False
    if not instance.live:
        return True  # unpublishing is announced by its own signal
    return bool(update_fields) and set(update_fields) <= DRAFT_BOOKKEEPING


def content_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """Receiver of post_save, for every model. A raw save (loaddata, restore_site) holds
    rows half loaded: everything counts as changed."""
    if is_current_model(sender) and shows_on_pages(sender):
        if raw:
            expire_cached_pages(EVERY_PAGE)
        elif not is_draft_only_save(instance, update_fields):
            expire_cached_pages(instance)


def content_deleted(sender, instance, **kwargs):
    """Receiver of post_delete, for every model: a deleted page's address is gone."""
    if is_current_model(sender) and shows_on_pages(sender):
        if not (isinstance(instance, DraftStateMixin) and not instance.live):
            expire_cached_pages(EVERY_PAGE)


def content_published(sender, instance, **kwargs):
    """Receiver of Wagtail's page_published/page_unpublished and published/unpublished."""
    expire_cached_pages(instance)


def page_moved(sender, instance, **kwargs):
    """Receiver of post_page_move: the old address and every listing may have changed."""
    expire_cached_pages(EVERY_PAGE)


def pages_showing(instance):
    """The pages whose public rendering shows ``instance``, or EVERY_PAGE."""
    if not isinstance(instance, Page) or instance.depth is None or instance.depth <= MENU_DEPTH:
        return EVERY_PAGE
    page = instance.specific
    pages = {page.pk, *instance.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True)}
    # Its versions in other languages: their language switcher and alternates name it.
    translations = Page.objects.filter(translation_key=page.translation_key)
    pages.update(translations.values_list("pk", flat=True))
    for field in page._meta.get_fields():
        # The reference index leaves out many-to-many fields (e.g. a case study's themes).
        if field.many_to_many and not field.auto_created and issubclass(field.related_model, Page):
            pages.update(field.related_model.objects.values_list("pk", flat=True))
    page_type = ContentType.objects.get_for_model(Page)
    pages.update(
        ReferenceIndex.get_references_to(page)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages.update(
        ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=page_type)
        .values_list("to_object_id", flat=True)
    )
    return {int(pk) for pk in pages}


class PendingPurge:
    """The on-commit callback of one transaction, collecting what it changed."""

    def __init__(self):
        self.pages = set()

    def add(self, pages):
        if pages is EVERY_PAGE or self.pages is EVERY_PAGE:
            self.pages = EVERY_PAGE
        else:
            self.pages |= pages

    def __call__(self):
        after_commit(self.pages)


def expire_cached_pages(changed=EVERY_PAGE):
    """Retire every cached page now and, if inside a transaction, again once it commits (a
    request that read the old content before the commit may have stored it meanwhile);
    then purge from the CDN the pages that show ``changed``."""
    pages = EVERY_PAGE if changed is EVERY_PAGE else pages_showing(changed)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        after_commit(pages)
        return
    new_content_generation()
    pending = next(
        (
            callback
            for _, callback, _ in connection.run_on_commit
            if isinstance(callback, PendingPurge)
        ),
        None,
    )
    if pending is None:
        pending = PendingPurge()
        transaction.on_commit(pending)
    pending.add(pages)


def after_commit(pages):
    new_content_generation()
    purge_cdn(pages)


def new_content_generation():
    cache = get_shared_cache()
    # Deleted first: a full Redis (maxmemory with noeviction) still deletes though it refuses
    # the new value, and with no generation no process serves the pages cached before.
    cache.delete(GENERATION_KEY)
    cache.set(GENERATION_KEY, new_generation(), timeout=None)
    announce_change(cache)


def after_redis_outage(**kwargs):
    """Receiver of shared_cache.redis_back: a change made while Redis was unreachable could
    not retire the pages cached before it, so retire them all now."""
    new_content_generation()


def purge_cdn(pages=EVERY_PAGE):
    if not get_backends():
        return
    # Named pages whether live or not: an unpublished page must leave the CDN too.
    purge_pages_from_cache(
        Page.objects.live().public() if pages is EVERY_PAGE else Page.objects.filter(pk__in=pages)
    )
