"""Editors can create each page type only where it belongs."""

import pytest
from wagtail.models import Page

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import HomePage, StandardPage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

# (page type, the parents it may be created under) in the site's page tree.
ALLOWED_PARENTS = {
    ThemePage: {HomePage},
    CaseStudyIndexPage: {HomePage},
    CaseStudyPage: {CaseStudyIndexPage},
    StandardPage: {HomePage, StandardPage},
}
ALL_TYPES = [HomePage, ThemePage, CaseStudyIndexPage, CaseStudyPage, StandardPage]


def _one_of_each(tree):
    return {
        HomePage: tree.home,
        ThemePage: tree.theme,
        CaseStudyIndexPage: tree.index,
        CaseStudyPage: tree.case_study,
        StandardPage: tree.get_involved,
    }


@pytest.mark.parametrize("child_type", list(ALLOWED_PARENTS))
def test_page_types_can_be_created_only_under_their_parents(page_tree, child_type):
    pages = _one_of_each(page_tree)
    for parent_type in ALL_TYPES:
        allowed = parent_type in ALLOWED_PARENTS[child_type]
        can_create = child_type.can_create_at(pages[parent_type])
        # Singletons already exist in the tree, so they cannot be added again.
        if child_type.max_count == 1:
            assert not can_create
        else:
            assert can_create is allowed, f"{child_type.__name__} under {parent_type.__name__}"


def test_singletons_cannot_be_duplicated(page_tree):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)
    assert not CaseStudyIndexPage.can_create_at(page_tree.home)


def test_singletons_can_be_created_where_they_belong_when_missing(db):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)
    home = root.add_child(instance=HomePage(title="Overview", slug="overview"))
    assert CaseStudyIndexPage.can_create_at(home)
    assert not CaseStudyIndexPage.can_create_at(root)
    assert not ThemePage.can_create_at(root)


def test_leaf_pages_allow_no_children(page_tree):
    pages = _one_of_each(page_tree)
    for leaf in (ThemePage, CaseStudyPage):
        assert leaf.allowed_subpage_models() == []
        for child_type in ALL_TYPES:
            assert not child_type.can_create_at(pages[leaf])
