"""Welsh copies of English pages, made with Wagtail's own copy for translation.

Each copy is a draft (not live): visitors never see it until a translator has translated it
and it has gone through approval, so no English text is shown under a Welsh address. The
starter loader (sitesetup) and tests use ``welsh_copy``; translators use the admin's
"Translate" action (wagtail.contrib.simple_translation), which does the same."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale, Page
from wagtail.signals import copy_for_translation_done

from .languages import WELSH


def welsh_locale():
    return Locale.objects.get(language_code=WELSH)


@transaction.atomic
def welsh_copy(page, *, descendants=False, user=None):
    """The Welsh version of ``page``, created (not live) if it has none, with the Welsh
    versions of its ancestors below the tree's root, created too where missing (as drafts,
    never as live aliases of the English pages, which Wagtail's ``copy_parents`` would
    make). With ``descendants``, its whole subtree is copied too, in tree order. Existing
    Welsh pages are kept as they are."""
    locale = welsh_locale()
    pages = [*page.get_ancestors().filter(depth__gt=1), page]
    if descendants:
        pages += list(page.get_descendants())
    for item in pages:
        if item.get_translation_or_none(locale) is None:
            action = CopyPageForTranslationAction(item.specific, locale, user=user)
            action.execute(skip_permission_checks=True)  # the loader's and tests' own copies
    return page.get_translation(locale).specific


@receiver(copy_for_translation_done, dispatch_uid="bilingual.credit_copied_drafts")
def credit_copied_drafts(sender, source_obj, target_obj, **kwargs):
    """A copy of a page that is not live holds its latest revision: its author's words, not
    approved. Wagtail saves the copy's revision with no author, which the publishing rule
    (editorial/publishing.py) reads as nobody's draft, so a Publisher could publish those
    words in Welsh directly. The copy's revision is credited to that author instead.
    (A live page is copied from its live version: nothing unapproved is copied.)"""
    if not isinstance(source_obj, Page) or source_obj.live:
        return
    source_revision = source_obj.get_latest_revision()
    copied = target_obj.get_latest_revision()
    if source_revision and copied and copied.user_id is None and source_revision.user_id:
        copied.user_id = source_revision.user_id
        copied.save(update_fields=["user"])
