"""Welsh under /cy/, English unprefixed; an address in one language never shows a page in
the other (bilingual/wagtail_hooks.py); the language comes from the address alone."""

import pytest

from tests.factories import make_welsh_twin

pytestmark = pytest.mark.django_db


def test_english_addresses_are_unchanged_and_welsh_ones_are_under_cy(client, welsh_page_tree):
    tree = welsh_page_tree
    assert tree.theme.url == "/belonging-and-culture/"
    assert tree.cy.home.url == "/cy/"
    assert tree.cy.theme.url == "/cy/belonging-and-culture/"
    response = client.get("/cy/belonging-and-culture/")
    assert response.status_code == 200
    assert response.context["page"].pk == tree.cy.theme.pk
    response = client.get("/belonging-and-culture/")
    assert response.status_code == 200
    assert response.context["page"].pk == tree.theme.pk


def test_a_welsh_address_whose_welsh_page_is_not_live_redirects_to_the_english_page(
    client, page_tree
):
    # The Welsh overview exists but is a draft: Wagtail would route /cy/ to the English one.
    make_welsh_twin(page_tree.home, "Trosolwg", publish=False)
    theme = "/belonging-and-culture/"
    for welsh, english in [("/cy/", "/"), ("/cy" + theme, theme)]:
        response = client.get(welsh)
        assert response.status_code == 302, welsh
        assert response["Location"] == english
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Not kept by the page cache either: once the Welsh overview is live, /cy/ is Welsh.
    page_tree.home.get_translations().get().get_latest_revision().publish()
    response = client.get("/cy/")
    assert response.status_code == 200
    assert response.context["page"].title == "Trosolwg"


def test_an_english_address_never_shows_a_welsh_page(client, welsh_page_tree):
    response = client.get("/belonging-and-culture/")
    assert response.context["page"].pk == welsh_page_tree.theme.pk
    # The Welsh overview's own slug under the root is not an English address of it.
    response = client.get(f"/{welsh_page_tree.cy.home.slug}/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT_LANGUAGE": "cy"},
        {"HTTP_COOKIE": "django_language=cy"},
    ],
)
def test_headers_and_cookies_do_not_choose_the_language(client, welsh_page_tree, headers):
    response = client.get("/belonging-and-culture/", **headers)
    assert response.context["page"].pk == welsh_page_tree.theme.pk
    assert b'<html lang="en-GB">' in response.content
    response = client.get("/cy/belonging-and-culture/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.context["page"].pk == welsh_page_tree.cy.theme.pk
    assert b'<html lang="cy">' in response.content


def test_a_missing_welsh_page_is_a_404_in_welsh(client, welsh_page_tree):
    response = client.get("/cy/no-such-page/")
    assert response.status_code == 404
    assert b'<html lang="cy">' in response.content


def test_a_welsh_draft_previews_in_welsh(admin_client, page_tree):
    """The translator's preview (and "View draft") of a Welsh page not yet live: Welsh,
    though the admin is English."""
    make_welsh_twin(page_tree.home, "Trosolwg")
    twin = make_welsh_twin(page_tree.theme, "Thema 2", publish=False)
    for response in (
        admin_client.get(f"/admin/pages/{twin.pk}/view_draft/"),
        twin.get_latest_revision_as_object().make_preview_request(),
    ):
        assert response.status_code == 200
        assert b'<html lang="cy">' in response.content
        assert b"Thema 2" in response.content
    assert b'<html lang="en-gb"' in admin_client.get("/admin/").content  # Wagtail's own
