"""Who sees submissions in the admin: the Membership team (anyone holding the "view interest
submission" permission, which `manage.py setup_groups` gives that group) and superusers.

Wagtail lets anyone who can edit a form page read its submissions. Editors build the forms
but must not read members' answers, so access follows the permission instead."""

from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks
from wagtail.contrib.forms.utils import get_form_types
from wagtail.contrib.forms.views import FormPagesListView
from wagtail.models import Page
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import InterestFormPage, InterestSubmission, privacy_notice_page

VIEW_SUBMISSIONS = "getinvolved.view_interestsubmission"


def can_view_submissions(user):
    return user.is_active and (user.is_superuser or user.has_perm(VIEW_SUBMISSIONS))


@hooks.register("filter_form_submissions_for_user")
def only_membership_team_sees_submissions(user, editable_forms):
    # Covers the Forms menu item, the forms index, each form's submissions listing with its
    # CSV/XLSX export, and deleting submissions: Wagtail checks them all through this hook.
    if not can_view_submissions(user):
        return editable_forms.none()
    # The team reads every form's submissions, whichever pages it may edit.
    return Page.objects.filter(content_type__in=get_form_types())


class SubmissionPermissionHelper(PermissionHelper):
    """Read-only: the team lists and inspects submissions here; nobody edits answers."""

    def user_can_list(self, user):
        return can_view_submissions(user)

    def user_can_inspect_obj(self, user, obj):
        return can_view_submissions(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class FormFilter(SimpleListFilter):
    title = "form"
    parameter_name = "form"

    def lookups(self, request, model_admin):
        return [(str(page.pk), page.title) for page in InterestFormPage.objects.order_by("title")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(page_id=int(self.value()))
        return queryset


class RegionFilter(SimpleListFilter):
    title = "region"
    parameter_name = "region"

    def lookups(self, request, model_admin):
        regions = (
            InterestSubmission.objects.exclude(region="")
            .order_by("region")
            .values_list("region", flat=True)
            .distinct()
        )
        return [(region, region) for region in regions]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(region=self.value())
        return queryset


class InterestSubmissionAdmin(ModelAdmin):
    model = InterestSubmission
    menu_label = "Interest submissions"
    menu_icon = "form"
    menu_order = 710
    add_to_admin_menu = True
    permission_helper_class = SubmissionPermissionHelper
    inspect_view_enabled = True
    list_display = ("submit_time", "page", "region", "delivery_summary")
    list_filter = (FormFilter, RegionFilter, "submit_time")
    # Answers are stored as JSON, so searching it finds names, emails and schools.
    search_fields = ("form_data", "region")
    inspect_view_fields = (
        "page",
        "submit_time",
        "region",
        "form_data",
        "consented_at",
        "consent_notice",
    )
    ordering = ("-submit_time",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page").prefetch_related("deliveries")


modeladmin_register(InterestSubmissionAdmin)


class MembershipFormsIndexView(FormPagesListView):
    """Wagtail's Forms index, opened by the submissions permission instead of page rights.

    Wagtail's own index requires some permission on pages, but the Membership team must not
    edit pages at all; which forms each person sees still comes from get_forms_for_user()
    and so from the hook above."""

    any_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not can_view_submissions(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@hooks.register("register_admin_urls")
def register_forms_index():
    # Registered before wagtail.contrib.forms' own URLs (this app comes first in
    # INSTALLED_APPS), so these two paths take the place of its index and results views.
    return [
        path("forms/", MembershipFormsIndexView.as_view(), name="getinvolved_forms_index"),
        path(
            "forms/results/",
            MembershipFormsIndexView.as_view(results_only=True),
            name="getinvolved_forms_index_results",
        ),
    ]


def pages_holding_submissions(pages):
    """The interest forms among ``pages`` and their descendants that hold submissions.
    Deleting a form page deletes its submissions with it (Wagtail's foreign key cascades)."""
    forms = InterestFormPage.objects.none()
    for page in pages:
        forms |= InterestFormPage.objects.descendant_of(page, inclusive=True)
    return forms.filter(pk__in=InterestSubmission.objects.values("page_id")).distinct()


REFUSE_DELETE = (
    "“{title}” holds members' form submissions, so it cannot be deleted: they would be lost "
    "with it. Unpublish the page instead, or ask the Membership team to export and delete "
    "the submissions first."
)


@hooks.register("before_delete_page")
def keep_forms_that_hold_submissions(request, page):
    held = pages_holding_submissions([page]).first()
    if held is not None:
        messages.error(request, REFUSE_DELETE.format(title=held.title))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_forms_that_hold_submissions_in_bulk(request, action_type, objects, action_class):
    if action_type != "delete":
        return None
    held = pages_holding_submissions(objects).first()
    if held is not None:
        messages.error(request, REFUSE_DELETE.format(title=held.title))
        return redirect("wagtailadmin_explore", held.get_parent().pk)
    return None


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_forms_cannot_be_sent(request, page):
    if isinstance(page.specific, InterestFormPage) and privacy_notice_page(request) is None:
        messages.warning(
            request,
            "Members cannot send this form yet: choose a privacy notice page under Settings → "
            "Site settings, and publish it.",
        )
