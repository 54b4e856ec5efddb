"""The starter content command builds the research's page tree once, and only once."""

import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from casestudies.models import CaseStudyPage
from home.models import HomePage, StandardPage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def _tree():
    return sorted((page.url_path, page.specific_class.__name__) for page in Page.objects.all())


def test_running_twice_gives_the_same_tree(starter_site):
    tree, images = _tree(), get_image_model().objects.count()
    call_command("load_starter_content", stdout=io.StringIO())
    assert _tree() == tree
    assert get_image_model().objects.count() == images


def test_builds_the_research_tree(starter_site):
    assert Site.objects.get(is_default_site=True).root_page.specific == starter_site
    assert isinstance(starter_site, HomePage)
    themes = ThemePage.objects.child_of(starter_site).live()
    assert [t.title for t in themes] == [
        "Theme 1: belonging and leadership",
        "Theme 2: belonging and culture",
        "Theme 3: belonging and agency",
    ]
    schools = {cs.school_name: cs for cs in CaseStudyPage.objects.live()}
    assert set(schools) == {"Flakesfleet Primary School", "Helston Community College"}
    assert schools["Flakesfleet Primary School"].town == "Fleetwood"
    assert [t.title for t in schools["Helston Community College"].themes.all()] == [
        "Theme 2: belonging and culture"
    ]
    assert StandardPage.objects.live().filter(slug="get-involved").exists()
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exclude(pk=starter_site.pk).exists()


def test_keeps_editors_changes(starter_site):
    theme = ThemePage.objects.get(slug="belonging-and-culture")
    theme.title = "Theme 2: culture, edited by comms"
    theme.save_revision().publish()
    call_command("load_starter_content", stdout=io.StringIO())
    theme.refresh_from_db()
    assert theme.title == "Theme 2: culture, edited by comms"


def test_every_theme_has_a_banner_and_the_overview_a_report_cover(starter_site):
    assert all(theme.banner_image for theme in ThemePage.objects.all())
    assert starter_site.report_cover and starter_site.report_cover_alt


def test_setup_site_prints_a_generated_admin_password_once(db, settings):
    settings.CREATE_LOCAL_ADMIN = True
    first, second = io.StringIO(), io.StringIO()
    call_command("setup_site", stdout=first)
    call_command("setup_site", stdout=second)
    assert "password:" in first.getvalue()
    assert "password:" not in second.getvalue()
    from django.contrib.auth import get_user_model

    password = first.getvalue().split("password:")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_setup_site_creates_no_admin_outside_development(db, settings):
    settings.CREATE_LOCAL_ADMIN = False
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.exists()
    assert "password" not in out.getvalue()
