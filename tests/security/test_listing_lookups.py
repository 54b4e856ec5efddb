"""Issue 15, finding 1: the listings of members' answers filter only by what they declare.

A query parameter the listing does not declare must not reach ``queryset.filter()``: a filter
that follows relations from a submission to its form page and on to staff accounts (the
page's owner, its revisions' authors, workflow approvers, comment authors, group-mates) answers
yes or no by the rows shown, which reads a superuser's password hash and two-factor key a
character at a time. Every lookup below, requested by a member of the Membership team, must
show exactly the rows of the unfiltered listing, and none may be a 500."""

from urllib.parse import urlencode

import pytest
from django.contrib.admin.utils import prepare_lookup_value
from django.contrib.auth.models import Group
from django.core.exceptions import FieldError
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Comment, Workflow

from getinvolved.models import InterestSubmission
from staff.names import PUBLISHERS
from tests.getinvolved.formhelpers import register_answers, share_answers, submit

pytestmark = pytest.mark.django_db

ALL_FORMS = "/admin/getinvolved/interestsubmission/"
MAX_HOPS = 4  # relations followed from a submission before reaching a user or a group


def relation_paths(model, targets, hops, prefix=(), visited=()):
    """Every lookup path of at most ``hops`` relations from ``model`` to one of ``targets``
    (forward and reverse, as Django's ``_meta`` lists them), without revisiting a model."""
    for field in model._meta.get_fields():
        if not field.is_relation or field.related_model is None:
            continue  # a plain column, or a generic foreign key (not queryable by name)
        path = (*prefix, field.name)
        if field.related_model in targets:
            yield "__".join(path), field.related_model
        elif hops > 1 and field.related_model not in (*visited, model):
            yield from relation_paths(
                field.related_model, targets, hops - 1, path, (*visited, model)
            )


@pytest.fixture
def staff_secrets(client, forms, django_user_model):
    """A superuser with a password and a two-factor device, tied to the "Register your
    interest" form every way the admin ties people to a page; one submission to each form."""
    root = django_user_model.objects.create_superuser("root", "root@example.org", "S3cret-pass!")
    TOTPDevice.objects.create(user=root, name="phone", key="3132333435363738393031323334353637")
    root.groups.add(Group.objects.get(name=PUBLISHERS))

    register = forms["register"]
    register.owner = root
    register.save_revision(user=root).publish(user=root)
    Comment.objects.create(page=register, user=root, text="Check", contentpath="title")
    workflow = Workflow.objects.filter(active=True).first()
    if workflow is not None:
        register.refresh_from_db()
        workflow.start(register, root)

    for page, answers in ((register, register_answers()), (forms["share"], share_answers())):
        assert submit(client, page, answers).status_code == 302
    assert InterestSubmission.objects.count() == 2
    return root


def hostile_lookups(root):
    """The lookups an attacker tries: one through each relation path to a user or a group,
    then a hand list aimed at passwords and two-factor keys."""
    from django.contrib.auth import get_user_model

    password = root.password[:12]
    lookups = []
    for path, target in relation_paths(InterestSubmission, (get_user_model(), Group), MAX_HOPS):
        if target is Group:  # everyone in the group: the group-mates
            lookups.append({f"{path}__user__password__startswith": password})
        else:
            lookups.append({f"{path}__password__startswith": password})
    key = TOTPDevice.objects.get(user=root).key
    lookups += [
        {"page__owner__password__gte": password},
        {"page__owner__password__startswith": password, "page__owner__is_superuser": "1"},
        {"page__owner__totpdevice__key__gte": key[:3]},
        {"page__owner__totpdevice__key__startswith": key[:2]},
        {"page__owner__is_superuser": "True"},
        {"page__owner__username": "root"},
        {"page__owner__email__startswith": "root@"},
        {"page__owner__groups__user__totpdevice__key__gte": key[:3]},
        {"page__latest_revision__user__totpdevice__key__startswith": key[:2]},
        {"page___revisions__user__password__startswith": password},
        {"page__wagtail_admin_comments__user__totpdevice__key__gte": key[:3]},
        {"page___workflow_states__requested_by__password__startswith": password},
        {
            "page___workflow_states__current_task_state__task__groupapprovaltask"
            "__groups__user__password__startswith": password
        },
        {"page__group_permissions__group__user__password__startswith": password},
        {"consent_notice__page__owner__password__startswith": password},
        {"page__owner__isnull": "False"},
        {"page_id__in": str(InterestSubmission.objects.first().page_id)},
        {"region__regex": "^Lon"},
        {"form_data__icontains": "Sam"},
    ]
    return lookups


# Lookups that are not even valid: a misspelt name, a value of the wrong type, values for the
# declared filters that they cannot use.
MALFORMED = [
    "page__nonsense=1",
    "nonsense=1",
    "page__owner__password__nolookup=1",
    "page__owner__isnull=maybe",
    "pk=abc",
    "id__in=a,b",
    "submit_time__gte=garbage",
    "submit_time__lt=2026-13-45",
    "submit_time__gte=99999-01-01",
    "form=%C2%B2",  # a superscript two: a digit to str.isdigit, not to int()
    "form=99999999999999999999999",
    "region=%00",
    "region=Atlantis",
    "q=%00",
    "o=x.-9.99",
    "o=--1",
    "p=-1",
    "p=abc",
    "e=1",
    "order_by=page__owner__password",
    "date_after=garbage&date_before=%00",
]


def listed(response):
    assert response.status_code == 200, response.status_code
    return sorted(submission.pk for submission in response.context["object_list"])


def listings(forms):
    """The listings that show members' answers: every form's, and each form's own."""
    return {
        "Interest submissions": ALL_FORMS,
        **{
            f"{name} form's own": f"/admin/forms/submissions/{page.pk}/"
            for name, page in forms.items()
        },
    }


def test_the_lookups_are_real_and_would_tell_rows_apart(staff_secrets):
    """The lookups the listings must ignore are valid filters that pick out the form tied to
    the superuser: applied, they would answer the attacker's question."""
    lookups = hostile_lookups(staff_secrets)
    assert len(lookups) > 100
    everything = set(InterestSubmission.objects.values_list("pk", flat=True))
    telling = 0
    for lookup in lookups:
        try:
            # As Django's admin reads query strings: "False" is False, "a,b" a list for __in.
            prepared = {key: prepare_lookup_value(key, value) for key, value in lookup.items()}
            found = set(InterestSubmission.objects.filter(**prepared).values_list("pk", flat=True))
        except FieldError as error:
            pytest.fail(f"{lookup} is not a lookup Django accepts: {error}")
        telling += found != everything
    assert telling > 30


def test_relation_lookups_change_no_listing(client, staff_secrets, membership_user, forms):
    client.force_login(membership_user)
    differs = []
    for name, url in listings(forms).items():
        unfiltered = listed(client.get(url))
        assert unfiltered
        for lookup in hostile_lookups(staff_secrets):
            response = client.get(f"{url}?{urlencode(lookup)}")
            if response.status_code != 200 or listed(response) != unfiltered:
                differs.append((name, lookup, response.status_code))
    assert differs == []


def test_malformed_parameters_are_no_500(client, staff_secrets, membership_user, forms):
    client.force_login(membership_user)
    failed = []
    for url in listings(forms).values():
        unfiltered = listed(client.get(url))
        for query in MALFORMED:
            response = client.get(f"{url}?{query}", follow=True)
            if response.status_code != 200 or listed(response) != unfiltered:
                failed.append((url, query, response.status_code))
    assert failed == []


def test_declared_filters_still_filter(client, staff_secrets, membership_user, forms):
    client.force_login(membership_user)
    register = InterestSubmission.objects.get(page=forms["register"])
    by_form = client.get(f"{ALL_FORMS}?form={forms['register'].pk}")
    assert listed(by_form) == [register.pk]
    assert listed(client.get(f"{ALL_FORMS}?region=London")) == [register.pk]
    assert listed(client.get(f"{ALL_FORMS}?q=Sam")) == [register.pk]
    since = urlencode({"submit_time__gte": "2000-01-01 00:00:00+00:00"})
    both = listed(client.get(f"{ALL_FORMS}?{since}"))
    assert both == sorted(InterestSubmission.objects.values_list("pk", flat=True))
    until = urlencode({"submit_time__lt": "2000-01-01 00:00:00+00:00"})
    assert listed(client.get(f"{ALL_FORMS}?{until}")) == []


def test_an_export_ignores_undeclared_lookups_too(client, staff_secrets, membership_user):
    client.force_login(membership_user)
    lookup = urlencode({"page__owner__password__startswith": staff_secrets.password[:12]})
    for export_format in ("csv", "xlsx"):
        plain = client.get(f"{ALL_FORMS}?export={export_format}")
        hostile = client.get(f"{ALL_FORMS}?export={export_format}&{lookup}")
        assert plain.status_code == hostile.status_code == 200
        if export_format == "csv":
            rows = b"".join(plain.streaming_content).count(b"\n")
            assert b"".join(hostile.streaming_content).count(b"\n") == rows == 3
