"""Red team (issue 20): a Welsh copy of an English page that is not live holds that page's
latest revision, an Editor's unapproved words. Wagtail saves the copy's revision with no
author, which the publishing rule reads as nobody's draft: an Editor could click "Translate"
on their own draft and a Publisher could then publish it in Welsh directly, past the
Two-step approval. The copy must count as its source's author's draft."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from bilingual.translation import welsh_copy
from staff.names import EDITORS, PUBLISHERS
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def test_a_publisher_cannot_publish_the_welsh_copy_of_an_editors_draft(client, staff):
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    draft = ThemePage.objects.get(slug="belonging-and-culture").copy(
        to=theme.get_parent(),
        update_attrs={"slug": "unapproved", "title": "Never approved"},
        keep_live=False,
        reset_translation_key=True,
    )
    draft.save_revision(user=staff[EDITORS])
    welsh_copy(theme.get_parent())  # the Welsh overview, a draft

    client.force_login(staff[EDITORS])
    welsh_locale = Locale.objects.get(language_code="cy")
    url = reverse("simple_translation:submit_page_translation", args=[draft.pk])
    client.post(url, {"locales": [welsh_locale.pk]})
    welsh = Page.objects.get(translation_key=draft.translation_key, locale=welsh_locale)
    assert not welsh.live and welsh.title == "Never approved"

    client.force_login(staff[PUBLISHERS])
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{bulk}?id={welsh.pk}", {"include_descendants": ""})
    welsh.refresh_from_db()
    assert not welsh.live

    edit = reverse("wagtailadmin_pages:edit", args=[welsh.pk])
    assert 'name="action-publish"' not in client.get(edit).content.decode()


def test_translating_a_page_whose_parent_has_no_welsh_version_is_refused_not_a_500(client, staff):
    # Wagtail's form disables that language in the browser; a crafted post chose it anyway.
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    client.force_login(staff[EDITORS])
    url = reverse("simple_translation:submit_page_translation", args=[theme.pk])
    welsh_locale = Locale.objects.get(language_code="cy")
    response = client.post(url, {"locales": [welsh_locale.pk]}, follow=True)
    assert response.status_code == 200
    assert "Translate the page above this one into Welsh first." in response.content.decode()
    assert not Page.objects.filter(locale=welsh_locale).exists()
