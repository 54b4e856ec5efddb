"""The publishing rule Wagtail's permissions cannot express: a Publisher may publish their own
changes directly, but a page or snippet (the shared call to action) holding someone else's
unpublished changes reaches the public only through the Two-step approval workflow (a
Reviewer, then a Publisher). Superusers may publish anything directly. Enforced for the page
editor (``before_publish_page``), the snippet editor (``before_publish``) and bulk publishing
(``before_bulk_action``) in wagtail_hooks.py; approving the workflow's last step publishes
without passing through any of them."""

from django.contrib.auth import get_user_model
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page

REFUSED = (
    "“{title}” has changes by {authors} that have not been approved. Send it to the Two-step "
    "approval workflow (Submit to Two-step approval) instead of publishing it directly."
)


def other_authors(obj, user):
    """Names (full name, else username) of the people other than ``user`` whose changes to
    ``obj`` (a page or a snippet with revisions) are not live yet: revisions saved since the
    live one (all of them for one never published). Revisions with no author (the starter
    content loader, scheduled publishing) are not anyone's draft."""
    if not hasattr(obj, "revisions"):
        return []  # no revisions, no drafts: nothing to publish but what is live
    revisions = obj.revisions.exclude(user=None).exclude(user=user)
    if getattr(obj, "live_revision_id", None):
        revisions = revisions.filter(pk__gt=obj.live_revision_id)
    people = get_user_model().objects.filter(pk__in=revisions.values("user"))
    return sorted({get_user_display_name(person) for person in people})


def refusal(objects, user):
    """The message refusing ``user`` the direct publication of ``objects`` (pages with their
    draft descendants, which bulk publishing may include, or snippets), or None if it is
    allowed."""
    if user.is_superuser:
        return None
    for obj in objects:
        candidates = [obj]
        if isinstance(obj, Page):
            candidates += Page.objects.descendant_of(obj).not_live()
        for candidate in candidates:
            authors = other_authors(candidate, user)
            if authors:
                return REFUSED.format(title=candidate, authors=", ".join(authors))
    return None
