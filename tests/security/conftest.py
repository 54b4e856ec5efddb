"""Fixtures for the security tests: the starter site's interest forms with the staff groups
set up as `make run` does, a member of the Membership team, and an Editor and a Publisher."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command

from staff.names import EDITORS, MEMBERSHIP_TEAM, PUBLISHERS


@pytest.fixture
def forms(starter_site):
    """{"register": page, "share": page}: the starter site's two interest forms."""
    from getinvolved.models import InterestFormPage

    call_command("setup_groups", stdout=io.StringIO())
    for cache in caches.all():
        cache.clear()  # the rate limit's counters
    return {
        "register": InterestFormPage.objects.get(slug="register-your-interest"),
        "share": InterestFormPage.objects.get(slug="share-best-practice"),
    }


@pytest.fixture
def membership_user(django_user_model, forms):
    user = django_user_model.objects.create_user("morgan", "morgan@example.org")
    user.groups.add(Group.objects.get(name=MEMBERSHIP_TEAM))
    return user


@pytest.fixture
def staff(starter_site, django_user_model):
    """An Editor and a Publisher on the starter site, by group name."""
    call_command("setup_groups", stdout=io.StringIO())
    people = {}
    for name in (EDITORS, PUBLISHERS):
        people[name] = django_user_model.objects.create_user(name.lower())
        people[name].groups.add(Group.objects.get(name=name))
    return people
