"""Log entries only some people may read: Reports → Site history and each page's history.

Wagtail shows every log entry of a page to anyone who may edit it, and every page's entries
to anyone who may explore the tree; it has no hook to narrow that by action. An app names
the actions it restricts through this project's ``restrict_log_actions`` hook: a function
returning ``{action: may_read}``, ``may_read(user)`` saying who reads those entries (e.g.
getinvolved's exports and deletions of members' submissions: the Membership team and
superusers). Those people read them even where Wagtail would show them nothing of the page
(the Membership team edits no pages); everyone else never sees them, in the listing, its
action filter or its CSV/XLSX download.

The two views: ``PageHistoryView`` through ``SitePageViewSet`` (admin_views.py), and
``SiteHistoryView`` in place of Wagtail's at the same address (``urlpatterns``, included by
config/urls.py ahead of the admin's own)."""

from django.contrib.auth import get_user_model
from django.db.models import IntegerField, Value
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.history import PageHistoryView
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_registry

HOOK = "restrict_log_actions"


def restricted_actions(user):
    """(hidden, granted): the restricted actions ``user`` may not read, and those they may."""
    hidden, granted = set(), set()
    for fn in hooks.get_hooks(HOOK):
        for action, may_read in fn().items():
            (granted if may_read(user) else hidden).add(action)
    return hidden, granted


def visible_entries(log_model, user):
    """The entries of ``log_model`` that ``user`` may read."""
    hidden, granted = restricted_actions(user)
    entries = log_model.objects.viewable_by_user(user).exclude(action__in=hidden)
    if granted:
        entries = entries | log_model.objects.filter(action__in=granted)
    return entries


class RestrictedHistoryView(PageHistoryView):
    """A page's history without the entries the user may not read."""

    def get_base_queryset(self):
        hidden, _ = restricted_actions(self.request.user)
        return super().get_base_queryset().exclude(action__in=hidden)


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_action_choices(self):
        hidden, granted = restricted_actions(self.request.user)
        allowed = {action for action, _ in super().get_action_choices()} - hidden | granted
        return [choice for choice in log_registry.get_choices() if choice[0] in allowed]

    def get_users_queryset(self):
        # Wagtail's lists everyone in any page's log; here only those in entries shown.
        ids = set()
        for log_model in log_registry.get_log_entry_models():
            ids.update(visible_entries(log_model, self.request.user).get_user_ids())
        user_model = get_user_model()
        return user_model.objects.filter(pk__in=ids).order_by(user_model.USERNAME_FIELD)


class SiteHistoryView(LogEntriesView):
    filterset_class = SiteHistoryFilterSet

    def get_filtered_queryset(self):
        # Wagtail's own, with visible_entries() where it has viewable_by_user(): the report
        # combines one values() query per log model with union().
        self.log_models = list(log_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            sub_queryset = (
                visible_entries(log_model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(sub_queryset, all=True)
        return queryset.order_by("-timestamp")


def _admin_view(view):
    # As the admin's own URLs are wrapped (wagtail.admin.urls): signed-in staff, never cached.
    return never_cache(require_admin_access(view))


# Wagtail's site history addresses (under admin/reports/), answered by SiteHistoryView.
urlpatterns = [
    path("site-history/", _admin_view(SiteHistoryView.as_view())),
    path("site-history/results/", _admin_view(SiteHistoryView.as_view(results_only=True))),
]
