"""Anonymous full-page caching (pagecache/caching.py): what is cached, what never is, and that a
change editors make shows on the next anonymous request (issue 10, acceptance 2)."""

import pytest
from django.test import Client
from wagtail.models import Site

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from core.models import ReusableCallToAction, SiteSettings
from getinvolved.models import InterestFormPage, InterestSubmission
from tests.getinvolved.formhelpers import TOKEN_RE, register_answers
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

THEME_1 = "/belonging-and-leadership/"


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get("X-Page-Cache"), response.content.decode()


def test_a_second_anonymous_view_comes_from_the_cache_without_the_database(
    client, starter_site, django_assert_num_queries
):
    status, first = served(client, THEME_1)
    assert status == "miss"
    with django_assert_num_queries(0):
        response = client.get(THEME_1)
    assert response["X-Page-Cache"] == "hit"
    assert response.content.decode() == first


def test_cached_pages_let_a_cdn_keep_them_while_browsers_revalidate(client, starter_site):
    client.get(THEME_1)
    response = client.get(THEME_1)
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert control == {"public", "max-age=0", "s-maxage=300", "must-revalidate"}
    assert response["Content-Security-Policy"]  # stored headers come back with the page
    again = client.get(THEME_1, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_a_published_change_shows_on_the_next_request_and_a_draft_never_does(client, starter_site):
    served(client, THEME_1)
    assert served(client, THEME_1)[0] == "hit"
    page = ThemePage.objects.get(url_path__endswith="/belonging-and-leadership/")

    page.title = "Leadership: a draft title"
    page.save_revision()
    status, html = served(client, THEME_1)
    assert "a draft title" not in html
    assert "Leadership: a draft title" not in served(client, "/")[1]

    page.title = "Leadership: the published title"
    page.save_revision().publish()
    assert "Leadership: the published title" in served(client, THEME_1)[1]
    assert "Leadership: the published title" in served(client, "/")[1]  # the theme card
    assert served(client, THEME_1)[0] == "hit"


def test_unpublishing_moving_and_deleting_show_at_once(client, starter_site):
    culture = "/belonging-and-culture/"
    served(client, culture)
    page = ThemePage.objects.get(url_path__endswith=culture)
    page.unpublish()
    assert client.get(culture).status_code == 404
    page.save_revision().publish()
    served(client, culture)
    page.slug = "culture"
    page.save_revision().publish()
    assert client.get(culture).status_code == 404
    assert served(client, "/culture/")[0] == "miss"
    page.delete()
    assert client.get("/culture/").status_code == 404


def test_a_new_case_study_appears_on_its_theme_and_the_index(client, starter_site):
    culture = "/belonging-and-culture/"
    served(client, culture)
    served(client, "/case-studies/")
    case_study = CaseStudyPage(
        title="Hilltop Primary",
        slug="hilltop-primary",
        school_name="Hilltop Primary",
        town="Leeds",
        region="yorkshire",
        phase="primary",
    )
    CaseStudyIndexPage.objects.get().add_child(instance=case_study)
    case_study.themes.set([ThemePage.objects.get(url_path__endswith=culture)])
    case_study.save_revision().publish()
    assert "Hilltop Primary" in served(client, culture)[1]
    assert "Hilltop Primary" in served(client, "/case-studies/")[1]


def test_snippet_and_site_settings_edits_show_at_once(client, starter_site):
    served(client, THEME_1)
    call_to_action = ReusableCallToAction.objects.first()
    call_to_action.heading = "A brand new shared heading"
    call_to_action.save()
    assert "A brand new shared heading" in served(client, THEME_1)[1]

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "The Union of Everyone"
    settings.save()
    assert "The Union of Everyone" in served(client, THEME_1)[1]


def test_signed_in_editors_are_never_served_or_stored(admin_client, client, starter_site):
    served(client, THEME_1)  # cached for visitors
    for _ in range(2):
        response = admin_client.get(THEME_1)
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "wagtail-userbar" in response.content.decode()
    status, html = served(client, THEME_1)
    assert status == "hit"
    assert "wagtail-userbar" not in html


def test_previews_never_reach_visitors(admin_client, client, starter_site):
    page = ThemePage.objects.get(url_path__endswith=THEME_1)
    served(client, THEME_1)
    page.title = "Only in the preview"
    page.save_revision()
    preview = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert "Only in the preview" in preview.content.decode()
    assert "Only in the preview" not in served(client, THEME_1)[1]


def test_form_pages_are_never_cached_and_two_visitors_can_both_submit(starter_site):
    form = InterestFormPage.objects.get(slug="register-your-interest")
    first, second = Client(), Client()
    shown = [visitor.get(form.url) for visitor in (first, second)]
    for response in shown:
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"
        assert "no-cache" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    tokens = [TOKEN_RE.search(response.content.decode()).group(1) for response in shown]
    assert tokens[0] != tokens[1]

    for number, (visitor, token) in enumerate(zip((first, second), tokens, strict=True)):
        answers = register_answers(email_address=f"member{number}@example.org")
        response = visitor.post(form.url, {**answers, "form-token": token})
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response.get("X-Page-Cache") is None
    assert InterestSubmission.objects.filter(page=form).count() == 2


def test_responses_that_set_a_cookie_are_not_stored(client, starter_site, settings):
    from django.urls import path

    from tests import urls

    def sets_cookie(request):
        from django.http import HttpResponse

        response = HttpResponse("hello")
        response.set_cookie("visitor", "1")
        return response

    settings.ROOT_URLCONF = type(
        "URLs", (), {"urlpatterns": [path("cookie/", sets_cookie), *urls.urlpatterns]}
    )
    assert client.get("/cookie/")["X-Page-Cache"] == "miss"
    assert Client().get("/cookie/")["X-Page-Cache"] == "miss"


def test_query_parameters_no_page_reads_share_the_page_entry(client, starter_site):
    # Each made-up query string used to store a page of its own (issue 15): now the page's
    # entry answers them, and they store nothing of their own.
    assert served(client, "/belonging-and-leadership/?utm_source=newsletter")[0] == "miss"
    assert served(client, "/belonging-and-leadership/?utm_source=newsletter")[0] == "miss"
    assert served(client, "/belonging-and-leadership/")[0] == "miss"
    assert served(client, "/belonging-and-leadership/?utm_source=other")[0] == "hit"
