"""Fixtures for the few pages a test needs, built with tests/factories.py (a pytest plugin,
named in tests/conftest.py): the overview, one page of each type under it, and their Welsh
twins. Tests about the starter content use ``starter_site`` instead (tests/conftest.py)."""

from types import SimpleNamespace

import pytest

from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    InterestFormPageFactory,
    StandardPageFactory,
    ThemePageFactory,
    make_privacy_notice,
    make_site_home,
    make_welsh_twin,
)


@pytest.fixture
def site_home(db):
    """The overview page (HomePage) as the default site's root, with nothing under it."""
    return make_site_home()


@pytest.fixture
def privacy_notice(site_home):
    """A published privacy notice, chosen in site settings: forms take nothing without it."""
    return make_privacy_notice(site_home)


@pytest.fixture
def theme_page(site_home):
    return ThemePageFactory(
        parent=site_home, title="Theme 2: belonging and culture", slug="belonging-and-culture"
    )


@pytest.fixture
def case_study_index(site_home):
    return CaseStudyIndexPageFactory(parent=site_home)


@pytest.fixture
def case_study(case_study_index, theme_page):
    """A case study under the index, naming ``theme_page``."""
    return CaseStudyPageFactory(parent=case_study_index, themes=[theme_page])


@pytest.fixture
def get_involved(site_home):
    return StandardPageFactory(parent=site_home, title="Get involved", slug="get-involved")


@pytest.fixture
def page_tree(site_home, theme_page, case_study_index, case_study, get_involved, privacy_notice):
    """One page of each type where the starter content puts it: the overview at the root; a
    theme page, the case-study index (with one case study) and standard pages ("Get
    involved", with one interest form, and the privacy notice) under it."""
    return SimpleNamespace(
        home=site_home,
        theme=theme_page,
        index=case_study_index,
        case_study=case_study,
        get_involved=get_involved,
        form=InterestFormPageFactory(parent=get_involved, title="Register your interest"),
        privacy_notice=privacy_notice,
    )


@pytest.fixture
def welsh_page_tree(page_tree):
    """``page_tree`` with a live Welsh twin of each page (Welsh titles only: test text, not
    research content), as ``page_tree.cy`` (same names); the English pages are unchanged."""
    welsh = {
        "home": "Trosolwg",
        "theme": "Thema 2: perthyn a diwylliant",
        "index": "Astudiaethau achos",
        "case_study": "Astudiaeth achos",
        "get_involved": "Cymryd rhan",
        "form": "Cofrestrwch eich diddordeb",
        "privacy_notice": "Hysbysiad preifatrwydd",
    }
    page_tree.cy = SimpleNamespace(
        **{name: make_welsh_twin(getattr(page_tree, name), title) for name, title in welsh.items()}
    )
    return page_tree
