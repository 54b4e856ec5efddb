"""The case-study index: a simple list while there are few case studies; from
casestudies.filters.FILTERS_FROM of them, filters by theme, region and phase that offer only
the choices that find something, and explain a bad value rather than fail."""

import pytest
from bs4 import BeautifulSoup

from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def parse(markup):
    return BeautifulSoup(markup, "html.parser")


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content)


# Made-up schools that make six case studies with the starter's two: the number from which
# the index offers its filters (casestudies.filters.FILTERS_FROM). All in London, primary.
EXAMPLES = {f"Example School {n}" for n in range(1, 5)}


@pytest.fixture
def six_case_studies(starter_site):
    from casestudies.models import CaseStudyIndexPage
    from tests.factories import CaseStudyPageFactory

    index = CaseStudyIndexPage.objects.get()
    for n in range(1, 5):
        CaseStudyPageFactory(
            parent=index,
            title=f"Example School {n}: a case study",
            school_name=f"Example School {n}",
            region="london",
            phase="primary",
        )
    return starter_site


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Flakesfleet Primary School", "Helston Community College", *EXAMPLES}),
        ("?region=north-west", {"Flakesfleet Primary School"}),
        ("?phase=secondary", {"Helston Community College"}),
        ("?region=south-west&phase=primary", set()),
    ],
)
def test_case_study_index_filters_by_region_and_phase(client, six_case_studies, query, expected):
    doc = get_page(client, "/case-studies/" + query)
    cards = doc.find_all("article", class_="card")
    # One card per expected case study, each with its region and phase line.
    has_meta = [card.find("p", class_="card__meta") is not None for card in cards]
    assert has_meta == [True] * len(expected)
    titles = {card.find("h3").text.split(":")[0] for card in cards}
    assert titles == expected
    if not expected:
        assert "No case studies match these filters" in doc.text


def test_case_study_index_filters_by_theme(client, six_case_studies):
    culture = ThemePage.objects.get(slug="belonging-and-culture")
    doc = get_page(client, f"/case-studies/?theme={culture.pk}")
    titles = [card.find("h3").text for card in doc.find_all("article", class_="card")]
    assert titles == ["Helston Community College: co-operative values"]
    selected = doc.find("select", attrs={"name": "theme"}).find("option", value=str(culture.pk))
    assert "selected" in selected.attrs


def options(doc, name):
    return [o.text for o in doc.find("select", attrs={"name": name}).find_all("option")]


def test_case_study_index_offers_only_choices_that_find_something(client, six_case_studies):
    doc = get_page(client, "/case-studies/")
    # Each choice alone finds at least one case study: no dead ends among 11 regions.
    assert options(doc, "region") == [
        "All regions",
        "North West England",
        "London",
        "South West England",
    ]
    assert options(doc, "phase") == ["All phases", "Primary", "Secondary"]
    # Theme 3 names no case study.
    assert options(doc, "theme") == [
        "All themes",
        "Theme 1: belonging and leadership",
        "Theme 2: belonging and culture",
    ]


def test_case_study_index_lists_few_case_studies_without_filters(client, starter_site):
    doc = get_page(client, "/case-studies/?region=london")
    assert doc.find("form", class_="filters") is None
    titles = {card.find("h3").text.split(":")[0] for card in doc.find_all("article")}
    assert titles == {"Flakesfleet Primary School", "Helston Community College"}
    assert "Two of the five are told here" in doc.find("main").text


@pytest.mark.parametrize(
    "query", ["?region=atlantis", "?theme=999999", "?theme=abc&phase=%00", "?phase=special"]
)
def test_case_study_index_explains_bad_filter_values(client, six_case_studies, query):
    response = client.get("/case-studies/" + query)
    assert response.status_code == 200
    assert parse(response.content).find("p", class_="field-error") is not None
