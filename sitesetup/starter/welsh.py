"""Welsh drafts of the starter pages, for the translator (issue 20): the overview, the
themes, "Get involved" with its forms, the privacy notice and the accessibility statement.

Each is Wagtail's copy for translation of the English page (bilingual.translation), so a
draft holding the English words: never live, so visitors never read English as Welsh, and
shown to the translator as "Not translated yet" (Reports → Welsh translations, and the page
editor) until its words change. Research content is not machine-translated. The copies
record the English revision they follow (bilingual.basis).

Idempotent: a page that has a Welsh version already (translated, live or not) is left as it
is. ``setup_site`` runs this after the starter content; ``load_starter_content`` alone
(which tests use) makes English pages only."""

from django.db import transaction
from wagtail.models import Locale, Site

from bilingual.languages import WELSH
from bilingual.translation import welsh_copy
from core.models import SiteSettings
from home.models import StandardPage
from themes.models import ThemePage

from .data import Content


def starter_pages(home, content):
    """The English pages that get a Welsh draft, parents first."""
    pages = [home, *ThemePage.objects.child_of(home).order_by("path")]
    get_involved = (
        StandardPage.objects.child_of(home).filter(slug=content.file("get-involved.yaml")["slug"])
    ).first()
    if get_involved is not None:
        pages += [get_involved, *get_involved.get_children().order_by("path")]
    site_settings = SiteSettings.for_site(home.get_site())
    for page in (site_settings.privacy_notice_page, site_settings.accessibility_statement_page):
        if page is not None and page.locale_id == home.locale_id:
            pages.append(page)
    return pages


@transaction.atomic
def make_welsh_drafts(log=print, content_dir=None):
    """Create the missing Welsh drafts; return how many were made."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not Locale.objects.filter(language_code=WELSH).exists():
        return 0
    locale = Locale.objects.get(language_code=WELSH)
    made = 0
    for page in starter_pages(site.root_page.specific, Content(content_dir)):
        if page.get_translation_or_none(locale) is None:
            welsh_copy(page)
            made += 1
    log(f"Welsh drafts: {made} page(s) copied for translation (not live).")
    return made
