"""The app's admin: who reads submissions (the access policy wired into Wagtail), where the
Membership team finds them, and the guards that keep forms holding submissions.

Wiring only: the policy itself and its adapters are in access.py, the views in views.py."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin import DateFieldListFilter, SimpleListFilter
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from editorial.admin_requests import heads_for_public, warn_once

from .access import SubmissionPermissionHelper, can_view_submissions, forms_user_may_read
from .models import InterestFormPage, InterestSubmission, privacy_notice_page
from .views import (
    FORMS_INDEX,
    FORMS_INDEX_RESULTS,
    CheckedDeleteSubmissionsView,
    FoldedSearchHandler,
    MembershipFormsIndexView,
    SubmissionCreateView,
    SubmissionDeleteView,
    SubmissionEditView,
    SubmissionInspectView,
    SubmissionsIndexView,
)

# Wagtail's forms views (its index, each form's listing with CSV/XLSX export, deleting
# submissions) all ask this hook which forms' submissions a user may read.
hooks.register("filter_form_submissions_for_user", forms_user_may_read)


# Registered before Wagtail's forms URLs, so this pattern answers Wagtail's own
# "wagtailforms:delete_submissions" address (unnamed: every link still reverses Wagtail's
# name), with Wagtail's view checking the selected ids first (views.py).
@hooks.register("register_admin_urls", order=-1)
def register_checked_delete_submissions():
    return [path("forms/submissions/<int:page_id>/delete/", CheckedDeleteSubmissionsView.as_view())]


@hooks.register("register_admin_urls")
def register_forms_index():
    # The team's forms index, at a URL of its own (Wagtail's forms/ index stays as it is).
    return [
        path("getinvolved/forms/", MembershipFormsIndexView.as_view(), name=FORMS_INDEX),
        path(
            "getinvolved/forms/results/",
            MembershipFormsIndexView.as_view(results_only=True),
            name=FORMS_INDEX_RESULTS,
        ),
    ]


class FormsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_submissions(request.user)


@hooks.register("register_admin_menu_item")
def register_forms_menu_item():
    return FormsMenuItem(
        "Forms", reverse(FORMS_INDEX), name="interest-forms", icon_name="form", order=700
    )


@hooks.register("construct_main_menu")
def hide_wagtails_forms_menu_item(request, menu_items):
    # Wagtail's own "Forms" item opens its index at forms/, which requires rights on pages
    # that the Membership team does not have; the item above replaces it.
    menu_items[:] = [item for item in menu_items if item.name != "forms"]


# The filters are named as each form's own listing (Wagtail's) names them: "Submission date";
# and as the columns: "Form", "Region".
class FormFilter(SimpleListFilter):
    title = "form"
    parameter_name = "form"

    def lookups(self, request, model_admin):
        # One entry per form, its translations included (the answers to a Welsh form are
        # stored under its English form's questions): the first of each, English first.
        forms = {}
        for page in InterestFormPage.objects.order_by("locale_id", "title"):
            forms.setdefault(page.translation_key, page)
        self.translation_keys = {str(page.pk): key for key, page in forms.items()}
        return sorted(((str(page.pk), page.title) for page in forms.values()), key=lambda c: c[1])

    def queryset(self, request, queryset):
        # Only a value it offered: anything else (too big for the database, "²") is ignored.
        if self.value() in dict(self.lookup_choices):
            return queryset.filter(page__translation_key=self.translation_keys[self.value()])
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
        if self.value() in dict(self.lookup_choices):
            return queryset.filter(region=self.value())
        return queryset


class LanguageFilter(SimpleListFilter):
    """The language of the form the member used: a Welsh form's answers are stored under its
    English form's questions and choices, so they list, filter and export with them."""

    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return list(settings.LANGUAGES)

    def queryset(self, request, queryset):
        if self.value() in dict(self.lookup_choices):
            return queryset.filter(language=self.value())
        return queryset


class SubmissionDateFilter(DateFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "submission date"


# Every form's submissions in one flat listing. wagtail-modeladmin rather than a Wagtail
# ModelViewSet: the design card names it, and its list filters (SimpleListFilter), search over
# the JSON answers and inspect view serve the team as they are; its permission helper carries
# the access policy (access.SubmissionPermissionHelper) into every view it registers.
class InterestSubmissionAdmin(ModelAdmin):
    model = InterestSubmission
    menu_label = "Interest submissions"
    menu_icon = "form"
    menu_order = 710
    add_to_admin_menu = True
    permission_helper_class = SubmissionPermissionHelper
    index_view_class = SubmissionsIndexView
    inspect_view_class = SubmissionInspectView
    create_view_class = SubmissionCreateView
    edit_view_class = SubmissionEditView
    delete_view_class = SubmissionDeleteView
    inspect_view_enabled = True
    # modeladmin's history view checks no permission at all, and submissions have no
    # history to show (nobody edits them): off.
    history_view_enabled = False
    list_display = (
        "member_name",
        "form_title",
        "submission_date",
        "region",
        "language_name",
        "delivery_summary",
    )
    list_filter = (
        FormFilter,
        RegionFilter,
        LanguageFilter,
        ("submit_time", SubmissionDateFilter),
    )
    # The answers and region, folded (records.InterestSubmission.search_text): names,
    # emails and schools are found with or without accents, in any case.
    search_fields = ("search_text",)
    search_handler_class = FoldedSearchHandler
    # The inspect view shows each question beside its answer (views.SubmissionInspectView).
    ordering = ("-submit_time",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page").prefetch_related("deliveries")


modeladmin_register(InterestSubmissionAdmin)


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
    # Said when the form is published or sent for approval, once: a draft save is no moment
    # to repeat it.
    if not heads_for_public(request) or not isinstance(page.specific, InterestFormPage):
        return
    # The site settings are mentioned only to those who can open them (issue 18).
    may_set = request.user.has_perm("core.change_sitesettings")
    if may_set and privacy_notice_page(request) is None:
        warn_once(
            request,
            "Members cannot send this form yet: choose a privacy notice page under Settings → "
            "Site settings, and publish it.",
        )
    if not page.specific.notification_recipients():
        elsewhere = (
            "or the “Form notifications to” address under Settings → Site settings"
            if may_set
            else "under “Who is notified of each submission”"
        )
        warn_once(
            request,
            "Nobody on staff will hear of this form's submissions: fill in its “To address” "
            f"{elsewhere}.",
        )
