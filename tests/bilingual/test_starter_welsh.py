"""The starter content's Welsh drafts (issue 20): `setup_site` (so `make run`) copies the
overview, the themes, "Get involved" with its forms, the privacy notice and the accessibility
statement into Welsh drafts for the translator. None is live (visitors never read English as
Welsh), each is reported "Not translated yet", each follows the English live revision, the
forms keep their questions' stored keys, and running it again changes nothing."""

import io

from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, Page, Revision

from bilingual.basis import untranslated
from bilingual.models import TranslationBasis
from getinvolved.models import InterestFormPage

COPIED = {
    "homepage",
    "themepage",
    "standardpage",
    "interestformpage",
    "privacynoticepage",
}


def setup_site():
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


def snapshot():
    return (
        sorted(Page.objects.values_list("pk", "live", "title", "locale_id")),
        Revision.objects.count(),
        sorted(TranslationBasis.objects.values_list("page_id", "source_revision_id")),
    )


def test_setup_site_makes_welsh_drafts_of_the_starter_pages_once(db):
    log = setup_site()
    welsh = Page.objects.filter(locale=Locale.objects.get(language_code="cy")).specific()
    by_type = {}
    for page in welsh:
        by_type.setdefault(page.specific_class._meta.model_name, []).append(page)
    assert set(by_type) == COPIED
    assert len(by_type["themepage"]) == 3
    assert len(by_type["interestformpage"]) == 2
    assert len(by_type["standardpage"]) == 2  # Get involved, accessibility statement
    assert "Welsh drafts: 9 page(s) copied for translation (not live)." in log
    for page in welsh:
        english = page.get_translation(Locale.get_default())
        assert not page.live, f"{page.title} is live in Welsh holding English words"
        assert untranslated(page), page.title
        basis = TranslationBasis.objects.get(page=page)
        assert basis.source_revision_id == english.live_revision_id
    # Case studies are research content: not copied.
    assert not welsh.filter(content_type__model="casestudypage").exists()
    for form in InterestFormPage.objects.filter(locale__language_code="cy"):
        english = form.get_translation(Locale.get_default()).specific
        assert [f.clean_name for f in form.get_form_fields()] == [
            f.clean_name for f in english.get_form_fields()
        ]

    # Visitors see no Welsh page: the Welsh overview is a draft.
    assert Client().get("/cy/").status_code != 200

    before = snapshot()
    assert "Welsh drafts: 0 page(s)" in setup_site()
    assert snapshot() == before


def test_load_starter_content_alone_makes_english_pages_only(db):
    call_command("load_starter_content", stdout=io.StringIO())
    assert not Page.objects.filter(locale__language_code="cy").exists()
