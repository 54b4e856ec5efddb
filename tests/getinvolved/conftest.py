"""Fixtures for the interest form tests: the starter site's two forms, answers that pass
validation, and staff users inside and outside the Membership team."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command


def load_forms_site():
    from getinvolved.models import InterestFormPage

    call_command("load_starter_content", stdout=io.StringIO())
    call_command("setup_groups", stdout=io.StringIO())
    cache.clear()  # Wagtail caches site root paths; the rate limit counts in the cache too
    return {
        "register": InterestFormPage.objects.get(slug="register-your-interest"),
        "share": InterestFormPage.objects.get(slug="share-best-practice"),
    }


@pytest.fixture
def forms(db):
    """The starter site's interest forms: {"register": page, "share": page}."""
    return load_forms_site()


@pytest.fixture
def register_form(forms):
    return forms["register"]


@pytest.fixture
def share_form(forms):
    return forms["share"]


@pytest.fixture
def membership_user(django_user_model, forms):
    user = django_user_model.objects.create_user("morgan", "morgan@example.org", "pw")
    user.groups.add(Group.objects.get(name="Membership team"))
    return user


@pytest.fixture
def editor_user(django_user_model, forms):
    """An editor who can edit and publish every page, forms included, but is not in the
    Membership team."""
    user = django_user_model.objects.create_user("eddie", "eddie@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Publishers"]))
    return user
