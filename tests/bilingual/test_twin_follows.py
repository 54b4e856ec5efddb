"""Deleting or moving an English page takes its Welsh page with it (issue 20, found by the
translator's review): the delete screen says the Welsh page goes too, and a moved page's
Welsh twin moves under the Welsh version of the new parent, so /cy/ keeps the English shape.
Without this the Welsh page stayed live with no English page, or at its old /cy/ address."""

import pytest
from django.test import Client
from wagtail.models import Page

from tests.factories import StandardPageFactory, make_site_home, make_welsh_twin


@pytest.fixture
def pages(db, django_user_model):
    home = make_site_home()
    make_welsh_twin(home, "Trosolwg")
    involved = StandardPageFactory(parent=home, title="Get involved", slug="get-involved")
    about = StandardPageFactory(parent=home, title="About the study", slug="about")
    welsh_involved = make_welsh_twin(involved, "Cymryd rhan")
    welsh_about = make_welsh_twin(about, "Am yr astudiaeth")
    admin = django_user_model.objects.create_superuser("ada", password="pw")
    client = Client()
    client.force_login(admin)
    return client, involved, about, welsh_involved, welsh_about


def test_deleting_an_english_page_says_its_welsh_page_goes_too_and_deletes_it(pages):
    client, _, about, _, welsh_about = pages
    screen = client.get(f"/admin/pages/{about.pk}/delete/")
    assert "will also delete 1 translation" in screen.content.decode()
    response = client.post(f"/admin/pages/{about.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[about.pk, welsh_about.pk]).exists()


def test_moving_an_english_page_moves_its_welsh_page_under_the_welsh_parent(pages):
    client, involved, about, welsh_involved, welsh_about = pages
    response = client.post(f"/admin/pages/{about.pk}/move/{involved.pk}/confirm/")
    assert response.status_code == 302
    assert Page.objects.get(pk=welsh_about.pk).get_parent().pk == welsh_involved.pk
    assert Page.objects.get(pk=welsh_about.pk).url == "/cy/get-involved/about/"


def test_translating_a_page_twice_opens_its_welsh_page_and_says_so(pages):
    client, _, about, _, welsh_about = pages
    response = client.get(f"/admin/translation/submit/page/{about.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{welsh_about.pk}/edit/"
    assert "already has a Welsh version" in response.content.decode()
    assert Page.objects.filter(translation_key=about.translation_key).count() == 2
