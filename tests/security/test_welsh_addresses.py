"""Red team (issue 20): the /cy/ routing guard (bilingual/wagtail_hooks.py) sends a request
for a page in the other language to that page's own address. An English page moved into the
Welsh tree has its own address under /cy/: the guard sent it to itself, for ever (a redirect
loop: the page could not be read at all)."""

import pytest
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db


def test_an_english_page_moved_under_the_welsh_overview_is_not_redirected_to_itself(
    client, welsh_page_tree
):
    english = Page.objects.get(pk=welsh_page_tree.case_study.pk)
    english.move(Page.objects.get(pk=welsh_page_tree.cy.home.pk), pos="last-child")
    Site.clear_site_root_paths_cache()
    english.refresh_from_db()
    address = english.get_url()
    assert address.startswith("/cy/")
    response = client.get(address)
    assert response.status_code == 200
    assert response.context["page"].pk == english.pk
