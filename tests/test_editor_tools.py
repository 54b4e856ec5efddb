"""Tools that let comms editors run the site: block previews, the case-study listing,
shared calls to action and sharing metadata."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify

from casestudies.blocks import BodyStreamBlock
from casestudies.choices import Phase, Region
from casestudies.models import CaseStudyPage
from core import blocks
from staff.names import EDITORS
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ReusableCallToActionFactory,
    ThemePageFactory,
)
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def parse(markup):
    return BeautifulSoup(markup, "html.parser")


# The starter content's two case studies: (school, town, region, phase, its theme).
SCHOOLS = [
    ("Flakesfleet Primary School", "Fleetwood", Region.NORTH_WEST, Phase.PRIMARY, "leadership"),
    ("Helston Community College", "Helston", Region.SOUTH_WEST, Phase.SECONDARY, "culture"),
]


@pytest.fixture
def case_studies(site_home):
    """SCHOOLS under the case-study index, each naming its own theme page."""
    index = CaseStudyIndexPageFactory(parent=site_home)
    for number, (school, town, region, phase, theme) in enumerate(SCHOOLS, start=1):
        title, slug = f"Theme {number}: belonging and {theme}", f"belonging-and-{theme}"
        themes = [ThemePageFactory(parent=site_home, title=title, slug=slug)]
        CaseStudyPageFactory(
            parent=index,
            slug=slugify(school),
            school_name=school,
            town=town,
            region=region,
            phase=phase,
            themes=themes,
        )


@pytest.fixture
def editor(django_user_model, case_studies):
    # Something for every block's preview to show: the shared call to action's is the first
    # one in Snippets, the image's the first image, the teaser's the first case study.
    ReusableCallToActionFactory()
    user = django_user_model.objects.create_user("editor", password="not-used")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


BODY_BLOCK_NAMES = list(BodyStreamBlock.base_blocks)


@pytest.mark.parametrize("name", BODY_BLOCK_NAMES)
def test_every_body_block_has_a_label_and_description(name):
    block = BodyStreamBlock.base_blocks[name]
    assert block.label and block.meta.description, name


@pytest.mark.parametrize("name", BODY_BLOCK_NAMES)
def test_block_preview_renders_offline_with_the_site_stylesheet(editor_client, name, settings):
    # Any attempt to reach the internet during a preview fails the test.
    import socket

    real_connect = socket.socket.connect

    def refuse_remote(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost") and not str(host).startswith("/"):
            raise AssertionError(f"block preview tried to reach {address}")
        return real_connect(sock, address)

    block = ThemePage._meta.get_field("body").stream_block.child_blocks[name]
    assert block.is_previewable, name
    socket.socket.connect = refuse_remote
    try:
        response = editor_client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
    finally:
        socket.socket.connect = real_connect
    assert response.status_code == 200
    doc = parse(response.content)
    assert any("css/site.css" in link.attrs.get("href", "") for link in doc.find_all("link"))
    assert doc.find("main").text or doc.find("main").find("img"), f"{name} preview is empty"


def case_study_listing(client, query=""):
    """The "Case studies" menu item's listing: the case-study index's children."""
    response = client.get("/admin/case-studies/")
    assert response.status_code == 302
    return client.get(response["Location"] + query)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Flakesfleet Primary School", "Helston Community College"}),
        ("?region=north-west", {"Flakesfleet Primary School"}),
        ("?phase=secondary", {"Helston Community College"}),
        ("?phase=special", set()),
        ("?q=Fleetwood", {"Flakesfleet Primary School"}),
    ],
)
def test_case_study_listing_filters_by_region_phase_and_search(editor_client, query, expected):
    response = case_study_listing(editor_client, query)
    assert response.status_code == 200
    body = response.content.decode()
    for school in {"Flakesfleet Primary School", "Helston Community College"}:
        assert (school in body) is (school in expected), (query, school)


def test_case_study_listing_filters_by_theme_and_links_to_the_page_editor(editor_client):
    culture = ThemePage.objects.get(slug="belonging-and-culture")
    response = case_study_listing(editor_client, f"?themes={culture.pk}")
    body = response.content.decode()
    assert "Helston Community College" in body and "Flakesfleet Primary School" not in body
    helston = CaseStudyPage.objects.get(slug="helston-community-college")
    assert reverse("wagtailadmin_pages:edit", args=[helston.pk]) in body
    assert "Theme 2: belonging and culture" in body  # the themes column
    assert "Live" in body


def test_case_study_filters_offer_labelled_choices_only(editor_client):
    filters = case_study_listing(editor_client).context["filters"]
    for name in ("themes", "region", "phase"):
        labels = [str(label) for _, label in filters.form.fields[name].choices]
        assert labels and all(label.strip("-– ") for label in labels), (name, labels)


def test_shared_call_to_action_is_edited_once_for_every_page(client, page_tree):
    cta = ReusableCallToActionFactory(page=page_tree.get_involved)
    for page in (page_tree.home, page_tree.theme, page_tree.case_study):
        page.body = [{"type": "shared_call_to_action", "value": cta.pk}]
        page.save_revision().publish()
    cta.heading = "Join the conversation"
    cta.save()
    for url in ["/", "/belonging-and-culture/", page_tree.case_study.url]:
        aside = parse(client.get(url).content).find("aside", class_="cta")
        assert aside.find("h2").text == "Join the conversation", url
        assert aside.find("a").attrs["href"] == "/get-involved/"


def test_sharing_metadata_falls_back_to_summary_and_page_image(client, theme_page):
    theme = theme_page
    assert theme.summary and theme.banner_image and not theme.social_image
    doc = parse(client.get(theme.url).content)
    description = doc.find("meta", attrs={"name": "description"}).attrs["content"]
    assert description == theme.summary
    og_image = doc.find("meta", property="og:image").attrs["content"]
    assert og_image.startswith("http://testserver/media/images/")

    theme.search_description = "Teachers who know they make a difference stay."
    theme.save_revision().publish()
    doc = parse(client.get(theme.url).content)
    assert (
        doc.find("meta", attrs={"name": "description"}).attrs["content"] == theme.search_description
    )


def theme_edit_data(client, theme):
    form = client.get(reverse("wagtailadmin_pages:edit", args=[theme.pk])).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is not None and not hasattr(field, "queryset"):
            data[name] = value
    data.update({"title": theme.title, "slug": theme.slug, "body-count": "0"})
    data["summary"] = theme.summary
    return data


SHARING_WARNING = "without a search description or social sharing image"


def test_every_field_editors_fill_has_help_text():
    from django.core.exceptions import FieldDoesNotExist
    from wagtail.models import Page

    from casestudies.models import CaseStudyIndexPage
    from getinvolved.models import InterestFormPage
    from home.models import HomePage, StandardPage

    def field_names(panel):
        for child in getattr(panel, "children", []):
            yield from field_names(child)
        if getattr(panel, "field_name", None):
            yield panel.field_name

    for model in (
        HomePage,
        StandardPage,
        ThemePage,
        CaseStudyIndexPage,
        CaseStudyPage,
        InterestFormPage,
    ):
        for name in field_names(model.get_edit_handler()):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.model is Page:
                continue  # Wagtail's own fields (title, slug, dates) carry Wagtail's help
            assert field.help_text, f"{model.__name__}.{name} has no help text"


def test_site_settings_drive_the_footer_and_the_default_social_image(client, page_tree):
    import json

    from wagtail.models import Site

    from core.models import SiteSettings
    from home.models import StandardPage

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "belonging@neu.example"
    site_settings.footer_links = json.dumps(
        [
            {
                "type": "link",
                "value": {
                    "text": "Accessibility",
                    "page": None,
                    "url": "https://neu.example/accessibility",
                },
            }
        ]
    )
    site_settings.social_links = json.dumps(
        [{"type": "link", "value": {"platform": "Bluesky", "url": "https://bsky.example/neu"}}]
    )
    site_settings.default_social_image = ThemePage.objects.first().banner_image
    site_settings.save()

    get_involved = StandardPage.objects.get(slug="get-involved")
    doc = parse(client.get(get_involved.url).content)
    footer = doc.find("footer")
    links = {a.text: a.attrs["href"] for a in footer.find_all("a")}
    assert links["Accessibility"] == "https://neu.example/accessibility"
    assert links["Bluesky"] == "https://bsky.example/neu"
    assert links["Privacy notice"] == site_settings.privacy_notice_page.url
    assert links["belonging@neu.example"] == "mailto:belonging@neu.example"
    # A page with no image of its own is shared with the site's default image.
    og_image = doc.find("meta", property="og:image").attrs["content"]
    assert "/media/images/" in og_image


def test_footer_link_needs_exactly_one_target():
    from django.core.exceptions import ValidationError

    block = blocks.FooterLinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "X", "page": None, "url": ""}))
    assert block.clean(block.to_python({"text": "X", "page": None, "url": "https://neu.example/"}))
