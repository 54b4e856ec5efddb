import pytest

from tests.factories import CaseStudyPageFactory

# A made-up school: tests never use real schools' facts.
SCHOOL = "Larkspur Vale Primary School"
TOWN = "Brackenford"
BODY_WORD = "orchard"


@pytest.fixture
def larkspur(case_study_index, theme_page):
    """A live case study with a school, a town and a body of its own."""
    return CaseStudyPageFactory(
        parent=case_study_index,
        themes=[theme_page],
        title="Larkspur Vale: a school that grows together",
        school_name=SCHOOL,
        town=TOWN,
        summary="How pupils and staff planted a shared space.",
        body=[
            {
                "type": "rich_text",
                "value": f"<p>Pupils planted an {BODY_WORD} where every class has a tree.</p>",
            }
        ],
        publish=True,
    )
