"""Red team (issue 20): the language switcher, the hreflang alternates and the sitemap name a
page's version in the other language only where a visitor may read it. A public English page
whose Welsh twin is private (a view restriction) linked to that twin's address, its slug
included, on every visit, cached for everyone and offered to search engines."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

SECRET_SLUG = "cyfrinach-heb-ei-chyhoeddi"


@pytest.mark.parametrize("restriction", ["login", "password"])
def test_a_private_welsh_twin_is_not_offered_on_its_public_english_page(
    client, welsh_page_tree, restriction
):
    welsh = welsh_page_tree.cy.theme
    welsh.slug = SECRET_SLUG
    welsh.save_revision().publish()
    PageViewRestriction.objects.create(
        page=welsh, restriction_type=restriction, password="not-telling"
    )
    english = welsh_page_tree.theme.url
    for _ in range(2):  # rendered, then through the per-generation table or the page cache
        response = client.get(english)
        assert response.status_code == 200
        page = response.content.decode()
        assert SECRET_SLUG not in page
        assert "No Welsh version yet" in page
    sitemap = client.get("/sitemap.xml").content.decode()
    assert SECRET_SLUG not in sitemap


def test_a_private_english_page_is_not_offered_on_its_public_welsh_twin(client, welsh_page_tree):
    english = welsh_page_tree.theme
    PageViewRestriction.objects.create(page=english, restriction_type="login")
    response = client.get(welsh_page_tree.cy.theme.url)
    assert response.status_code == 200
    assert f'href="http://testserver{english.url}"' not in response.content.decode()
    assert f'href="{english.url}"' not in response.content.decode()
