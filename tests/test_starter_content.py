"""The starter content command builds the research's page tree once, and only once."""

import io
import shutil

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from casestudies.choices import Region
from casestudies.models import CaseStudyPage
from getinvolved.models import InterestFormPage
from home.models import HomePage, StandardPage
from sitesetup.starter.data import CONTENT_DIR, ContentError, paragraphs, parse, rich_text
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
    # The forms' regions are the case studies' regions: one list, in casestudies.choices.
    region = InterestFormPage.objects.get(slug="share-best-practice").form_fields.get(
        label="Region"
    )
    assert region.choices.split("\n") == Region.labels
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exclude(pk=starter_site.pk).exists()


def test_keeps_editors_changes(starter_site):
    theme = ThemePage.objects.get(slug="belonging-and-culture")
    theme.title = "Theme 2: culture, edited by comms"
    theme.save_revision().publish()
    call_command("load_starter_content", stdout=io.StringIO())
    theme.refresh_from_db()
    assert theme.title == "Theme 2: culture, edited by comms"


def test_every_theme_has_a_banner_and_the_report_a_cover_described(starter_site):
    assert all(theme.banner_image for theme in ThemePage.objects.all())
    leadership = ThemePage.objects.get(slug="belonging-and-leadership")
    for page in (starter_site, leadership):
        (report,) = [block.value for block in page.body if block.block_type == "report"]
        assert report["url"] == "https://neu.org.uk/place-belonging" and not report["document"]
        # Visitors hear what the cover shows (issue 17); editors see in the library's title
        # that it is drawn here, not the report's own.
        assert report["cover"].contextual_alt_text.startswith(
            "Report cover: Place and Belonging in School, why it matters today"
        )
        assert "not the report’s own cover" in report["cover"].title
    assert starter_site.get_own_image() == report["cover"]


def _copy_of_the_data(tmp_path, edits):
    """A copy of the data files, with each file's ``(old, new)`` text replaced."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    for name, (old, new) in edits.items():
        path = content / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return content


def test_the_pages_are_made_from_the_data_files(db, tmp_path):
    content = _copy_of_the_data(
        tmp_path,
        {
            "case-studies/helston.yaml": (
                "in the South West of England.",
                "in the South West of England. A sentence written in *a copy* of the data.",
            ),
            "themes/2-culture.yaml": (
                'title: "Theme 2: belonging and culture"',
                'title: "Theme 2: retitled in the data"',
            ),
        },
    )
    call_command("load_starter_content", content=str(content), stdout=io.StringIO())
    helston = CaseStudyPage.objects.get(slug="helston-community-college")
    first_block = helston.body.raw_data[0]
    assert first_block["type"] == "rich_text"
    assert first_block["value"].endswith(
        "in the South West of England. A sentence written in <i>a copy</i> of the data.</p>"
    )
    theme = ThemePage.objects.get(slug="belonging-and-culture")
    assert theme.title == "Theme 2: retitled in the data"
    assert theme.banner_image.title == "Banner: Theme 2: retitled in the data"
    # The theme's teaser names the case study by its key in the data: `case_study: helston`.
    teasers = [b for b in theme.body.raw_data if b["type"] == "case_study_teaser"]
    assert [b["value"]["case_study"] for b in teasers] == [helston.pk]


def test_a_mistake_in_the_data_names_its_file_and_creates_nothing(db, tmp_path):
    content = _copy_of_the_data(
        tmp_path, {"themes/2-culture.yaml": ("case_study: helston", "case_study: helstone")}
    )
    tree = _tree()
    with pytest.raises(ContentError, match=r"themes/2-culture.yaml: .*'helstone'"):
        call_command("load_starter_content", content=str(content), stdout=io.StringIO())
    assert _tree() == tree
    assert not HomePage.objects.exists()


def test_data_file_text_wraps_freely_and_rich_text_takes_a_little_markdown():
    # Only true and false are booleans: YAML 1.1 would read these words as ones.
    assert parse("- No\n- yes\n- off\n- true\n- False\n") == ["No", "yes", "off", True, False]
    written = "  One line\n  wrapped.\n\n  A *second* and a **third** thing & more.\n"
    assert paragraphs(written) == ["One line wrapped.", "A *second* and a **third** thing & more."]
    assert rich_text(written) == (
        "<p>One line wrapped.</p>"
        "<p>A <i>second</i> and a <strong>third</strong> thing &amp; more.</p>"
    )


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
