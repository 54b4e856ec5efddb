"""The publishing rule Wagtail's permissions cannot express: a Publisher may publish their own
changes directly, but a page holding someone else's unpublished changes reaches the public
only through the Two-step approval workflow (a Reviewer, then a Publisher). Superusers may
publish anything directly. Enforced for the page editor (``before_publish_page``) and for
bulk publishing (``before_bulk_action``) in wagtail_hooks.py; approving the workflow's last
step publishes without passing through either."""

from wagtail.models import Page

REFUSED = (
    "“{title}” has changes by {authors} that have not been approved. Send it to the Two-step "
    "approval workflow (Submit to Two-step approval) instead of publishing it directly."
)


def other_authors(page, user):
    """Usernames of the people other than ``user`` whose changes to ``page`` are not live
    yet: revisions saved since the live one (all of them for a page never published).
    Revisions with no author (the starter content loader, scheduled publishing) are not
    anyone's draft."""
    revisions = page.revisions.exclude(user=None).exclude(user=user)
    if page.live_revision_id:
        revisions = revisions.filter(pk__gt=page.live_revision_id)
    return sorted(set(revisions.values_list("user__username", flat=True)))


def refusal(pages, user):
    """The message refusing ``user`` the direct publication of ``pages`` (and their draft
    descendants, which bulk publishing may include), or None if it is allowed."""
    if user.is_superuser:
        return None
    for page in pages:
        candidates = [page, *Page.objects.descendant_of(page).not_live()]
        for candidate in candidates:
            authors = other_authors(candidate, user)
            if authors:
                return REFUSED.format(title=candidate.title, authors=", ".join(authors))
    return None
