"""Fixtures for the interest form tests: two forms built like the starter site's, answers
that pass validation (formhelpers.py), and staff users inside and outside the Membership
team. ``starter_forms`` loads the starter content's own forms, for the tests about them."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command

from casestudies.choices import Region
from staff.names import EDITORS, MEMBERSHIP_TEAM, PUBLISHERS
from tests.factories import InterestFormPageFactory, form_fields

# The starter forms' fields (sitesetup/starter/content/get-involved/), whose answers
# formhelpers.py fills in; test_forms_retention_setup.py checks the starter forms still have
# fields of these names.
NAME = {"label": "Your name", "field_type": "singleline", "required": True}
EMAIL = {
    "label": "Email address",
    "field_type": "email",
    "required": True,
    "help_text": "We will only use this to contact you about this work.",
}
REGION = {"label": "Region", "field_type": "dropdown", "required": True, "choices": Region.labels}
REGISTER_FIELDS = [
    NAME,
    EMAIL,
    {"label": "School or workplace", "field_type": "singleline", "required": True},
    {"label": "Role", "field_type": "singleline", "required": True},
    REGION,
    {"label": "Membership number", "field_type": "singleline", "required": False},
    {
        "label": "How would you like to be involved?",
        "field_type": "checkboxes",
        "required": True,
        "choices": ["Share practice from my school", "Receive updates about this work"],
    },
]
SHARE_FIELDS = [
    NAME,
    EMAIL,
    {"label": "School", "field_type": "singleline", "required": True},
    REGION,
    {"label": "Your story", "field_type": "multiline", "required": True},
]


@pytest.fixture
def starter_forms(starter_site):
    """The starter site's interest forms: {"register": page, "share": page}."""
    from getinvolved.models import InterestFormPage

    call_command("setup_groups", stdout=io.StringIO())
    cache.clear()  # Wagtail caches site root paths; the rate limit counts in the cache too
    return {
        "register": InterestFormPage.objects.get(slug="register-your-interest"),
        "share": InterestFormPage.objects.get(slug="share-best-practice"),
    }


@pytest.fixture
def roles(db):
    """The staff groups and the approval workflow, as `make run` sets them up."""
    call_command("setup_groups", stdout=io.StringIO())


@pytest.fixture
def forms(get_involved, privacy_notice, roles):
    """{"register": page, "share": page}: two live forms under "Get involved" with the
    starter forms' fields, each confirming to the member by email, and the privacy notice
    their consent boxes link to."""
    cache.clear()  # the rate limit counts in the cache
    return {
        "register": InterestFormPageFactory(
            parent=get_involved,
            title="Register your interest",
            form_fields=form_fields(*REGISTER_FIELDS),
            thank_you_text="<p>Thank you for registering your interest.</p>",
            send_confirmation=True,
        ),
        "share": InterestFormPageFactory(
            parent=get_involved,
            title="Share best practice",
            form_fields=form_fields(*SHARE_FIELDS),
            thank_you_text="<p>Thank you for sharing your school’s story.</p>",
            send_confirmation=True,
        ),
    }


@pytest.fixture
def register_form(forms):
    return forms["register"]


@pytest.fixture
def share_form(forms):
    return forms["share"]


@pytest.fixture
def membership_user(django_user_model, roles):
    user = django_user_model.objects.create_user("morgan", "morgan@example.org", "pw")
    user.groups.add(Group.objects.get(name=MEMBERSHIP_TEAM))
    return user


@pytest.fixture
def editor_user(django_user_model, roles):
    """An editor who can edit and publish every page, forms included, but is not in the
    Membership team."""
    user = django_user_model.objects.create_user("eddie", "eddie@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=[EDITORS, PUBLISHERS]))
    return user
