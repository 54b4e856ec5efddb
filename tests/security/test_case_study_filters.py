"""Every parameter of the case-study index's filters is validated, range included: no query
string gives a 500, and a value that fails is not applied but named under its field."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casestudies.filters import FILTERS_FROM
from casestudies.models import CaseStudyIndexPage
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db

INDEX = "/case-studies/"


@pytest.fixture
def starter_site(starter_site):
    """The starter site with enough case studies for the index to offer its filters."""
    index = CaseStudyIndexPage.objects.get()
    for number in range(FILTERS_FROM):
        CaseStudyPageFactory(parent=index, title=f"Example school {number}")
    return starter_site


@pytest.mark.parametrize(
    "query",
    [
        "theme=99999999999999999999999",
        "theme=9223372036854775808",
        "theme=-1",
        "theme=1e5",
        "theme=%C2%B2",  # a superscript two: a digit to str.isdigit, not to int()
        "theme=1%00",
        "region=%00",
        "phase=primary%00",
        "theme=&region=&phase=",
        "theme=1&theme=2&region=london&region=x",
    ],
)
def test_hostile_filter_values_are_refused_politely(client, starter_site, query):
    response = client.get(f"{INDEX}?{query}")
    assert response.status_code == 200
    assert "Filter case studies" in response.content.decode()


def test_a_theme_id_out_of_range_is_named_as_invalid(client, starter_site):
    body = client.get(f"{INDEX}?theme=99999999999999999999999").content.decode()
    assert "Select a valid choice" in body


PARAMETERS = st.sampled_from(["theme", "region", "phase", "page", "q", "theme[]"])
VALUES = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(max_size=40),
    st.sampled_from(["london", "primary", "secondary", "1", "0", ""]),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.lists(st.tuples(PARAMETERS, VALUES), max_size=4))
def test_no_query_string_gives_a_server_error(client, starter_site, query):
    response = client.get(f"{INDEX}?{urlencode(query)}")
    assert response.status_code == 200
