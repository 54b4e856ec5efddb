"""What an outside visitor review of the Welsh and English site found, kept fixed."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import InterestFormPageFactory, make_welsh_twin

pytestmark = pytest.mark.django_db

# Roles on which HTML (the Nu HTML Checker) allows aria-labelledby: any but these, and a div
# with no role is "generic".
UNNAMEABLE_ROLES = {"", "generic", "caption", "code", "deletion", "emphasis", "insertion"}
UNNAMEABLE_ROLES |= {"paragraph", "presentation", "strong", "subscript", "superscript"}


@pytest.mark.parametrize("welsh", [False, True])
def test_the_error_summary_may_be_named_by_its_heading(client, page_tree, welsh):
    form = InterestFormPageFactory(parent=page_tree.get_involved, title="Cofrestru", publish=True)
    if welsh:
        make_welsh_twin(page_tree.home, "Trosolwg")
        make_welsh_twin(page_tree.get_involved, "Cymryd rhan")
        form = make_welsh_twin(form, "Cofrestru")
    response = client.post(form.url, {})
    assert response.status_code == 400
    summary = BeautifulSoup(response.content, "html.parser").find(id="error-summary")
    assert summary["aria-labelledby"] == "error-summary-title"
    assert summary.get("role", "") not in UNNAMEABLE_ROLES
