"""Every admin URL that shows or changes form submissions refuses an Editor, whoever added it.

The URLs are not listed by hand: they are collected from the URLconf (Wagtail's forms/ URLs,
the app's own and the "Interest submissions" modeladmin), so a submissions URL that a Wagtail
upgrade adds is checked too. A URL whose parameters this file cannot fill fails the test:
add the parameter to URL_PARAMETERS."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from formhelpers import explains_refusal, refused, register_answers, submit

from getinvolved.models import InterestSubmission

# Where submissions URLs live, under the admin.
PREFIXES = ("admin/forms/", "admin/getinvolved/")
# URL names (or parts of them) of views about submissions, wherever they are mounted.
NAME_MARKERS = ("wagtailforms:", "submission", "getinvolved")
# Those that must be found, so that the collection itself cannot silently come up empty.
EXPECTED = {
    "wagtailforms:index",
    "wagtailforms:index_results",
    "wagtailforms:list_submissions",
    "wagtailforms:list_submissions_results",
    "wagtailforms:delete_submissions",
    "getinvolved_forms_index",
    "getinvolved_forms_index_results",
    "getinvolved_interestsubmission_modeladmin_index",
    "getinvolved_interestsubmission_modeladmin_inspect",
    "getinvolved_interestsubmission_modeladmin_create",
    "getinvolved_interestsubmission_modeladmin_edit",
    "getinvolved_interestsubmission_modeladmin_delete",
}
# Wagtail's own forms index is open to anyone with rights on pages; it lists only the forms
# the access policy allows, which for an Editor is none.
LISTS_FORMS = {"wagtailforms:index", "wagtailforms:index_results"}
# Wagtail's own view that refuses by itself (through the policy's hook): it sends people back
# to the dashboard with Wagtail's message. Every other submissions view says why it refuses.
WAGTAIL_REFUSES = {"wagtailforms:delete_submissions"}


def _route(pattern):
    return str(pattern.pattern).lstrip("^").replace("\\/", "/")


def walk(patterns, route="", namespace=""):
    """Yield (route, full URL name, pattern) for every named URL pattern."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, route + _route(pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield route + _route(pattern), namespace + pattern.name, pattern


def view_module(pattern):
    view = getattr(pattern.callback, "view_class", pattern.callback)
    return getattr(view, "__module__", "")


def submissions_patterns():
    found = {}
    for route, name, pattern in walk(get_resolver().url_patterns):
        if (
            route.startswith(PREFIXES)
            or any(marker in name for marker in NAME_MARKERS)
            or view_module(pattern).startswith(("wagtail.contrib.forms", "getinvolved"))
        ):
            found[name] = pattern
    return found


def url_parameters(pattern):
    return set(pattern.pattern.regex.groupindex)  # path() and re_path() alike


@pytest.fixture
def urls(client, forms):
    """Every submissions URL, filled in with a real form page and submission."""
    page = forms["register"]
    submit(client, page, register_answers())
    submission = InterestSubmission.objects.get()
    known = {"page_id": page.pk, "instance_pk": submission.pk}
    found = {}
    for name, pattern in submissions_patterns().items():
        unknown = url_parameters(pattern) - set(known)
        assert not unknown, f"{name}: add {unknown} to the parameters this test fills in"
        kwargs = {key: known[key] for key in url_parameters(pattern)}
        found[name] = reverse(name, kwargs=kwargs)
    assert EXPECTED <= set(found), EXPECTED - set(found)
    return found, submission


def test_every_submissions_url_refuses_an_editor(client, urls, editor_user):
    found, submission = urls
    client.force_login(editor_user)
    for name, url in sorted(found.items()):
        variants = [url]
        if "list_submissions" in name:
            variants += [f"{url}?export=csv", f"{url}?export=xlsx"]
        if "delete" in name:
            variants.append(f"{url}?selected-submissions={submission.pk}")
        for variant in variants:
            response = client.get(variant)
            if name in LISTS_FORMS and response.status_code == 200:
                assert list(response.context["object_list"]) == [], variant
            elif name in WAGTAIL_REFUSES:
                assert refused(response), (variant, response.status_code)
            else:
                assert explains_refusal(response), (variant, response.status_code)
            # Nothing a view does on POST (deleting, above all) is open to them either.
            posted = client.post(variant, {"selected-submissions": submission.pk})
            assert refused(posted) or posted.status_code == 405, (variant, posted.status_code)
    assert InterestSubmission.objects.filter(pk=submission.pk).exists()


def test_every_submissions_url_sends_signed_out_visitors_to_log_in(client, urls):
    found, _ = urls
    for name, url in found.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/admin/login/?next="), name
