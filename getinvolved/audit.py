"""Exports and deletions of members' submissions, recorded in Wagtail's log: who, when,
which form, how many rows. Superusers and the Membership team read them under Reports →
Site history (filter by action "Export submissions" or "Delete submissions"); they also show
in the form page's history. Nobody else sees them (``restrict_log_actions``,
editorial/admin_history.py). No answers are logged.

- Exports: SafeSubmissionsListView calls ``log_export`` for each CSV or XLSX it writes, and
  the all-forms "Interest submissions" listing (listing.py) once per form its file holds
  (``log_empty_export``, on the person, when it holds none).
- Deletions: however submissions are deleted (a form's listing, the retention command), a
  post_delete receiver keeps one entry per form and Wagtail log context, counting the rows.
  The log context gives the user: the signed-in person in the admin, none for a command."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail import hooks
from wagtail.log_actions import LogFormatter, get_active_log_context, log
from wagtail.models import Page, PageLogEntry

from .access import can_view_submissions
from .records import InterestSubmission

EXPORT = "getinvolved.export_submissions"
DELETE = "getinvolved.delete_submissions"


@hooks.register("register_log_actions")
def register_submission_actions(actions):
    @actions.register_action(EXPORT)
    class ExportSubmissions(LogFormatter):
        label = "Export submissions"

        def format_message(self, log_entry):
            data = log_entry.data
            message = f"Exported {data['rows']} submission(s) as {data['format'].upper()}"
            if data.get("listing"):
                message += f" from {data['listing']}"
            return message

    @actions.register_action(DELETE)
    class DeleteSubmissions(LogFormatter):
        label = "Delete submissions"

        def format_message(self, log_entry):
            return f"Deleted {log_entry.data['rows']} submission(s)"


@hooks.register("restrict_log_actions")  # editorial/admin_history.py
def submission_records_are_for_those_who_may_export():
    """Exports and deletions name forms and counts of members' answers: read by those who may
    export them (the Membership team) and superusers, not by Editors."""
    return {EXPORT: can_view_submissions, DELETE: can_view_submissions}


def log_export(request, page, rows, export_format, listing=None):
    data = {"rows": rows, "format": export_format, "form": page.title}
    if listing:
        data["listing"] = listing  # which admin listing wrote it, when not the form's own
    log(instance=page, action=EXPORT, user=request.user, data=data)


def log_empty_export(request, export_format, listing):
    """An export that holds no submission, so no form to file it under: recorded on the
    person who asked for it (a generic Wagtail log entry)."""
    data = {"rows": 0, "format": export_format, "listing": listing}
    # The user model itself: request.user is a lazy object (one inside another with
    # two-factor), for which Wagtail's log finds no log model and silently logs nothing.
    person = request.user._meta.model.objects.get(pk=request.user.pk)
    log(instance=person, action=EXPORT, user=person, data=data)


@receiver(post_delete, sender=InterestSubmission, dispatch_uid="getinvolved-audit-delete")
def log_deleted_submission(sender, instance, **kwargs):
    """One entry per form and log context (one admin request, one command run), its row
    count kept up to date as each submission goes. Written in the deleting transaction, so
    it is rolled back with it."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return  # deleted with its form page, whose own deletion is logged
    context = get_active_log_context()
    entry = None
    if context.uuid is not None:
        entry = PageLogEntry.objects.filter(uuid=context.uuid, action=DELETE, page=page).first()
    if entry is None:
        log(instance=page, action=DELETE, user=context.user, data={"rows": 1, "form": page.title})
    else:
        entry.data = {**entry.data, "rows": entry.data["rows"] + 1}
        entry.save(update_fields=["data"])
