"""One "Case studies" listing in the admin: the case-study index's page listing, with the
case studies' own columns and filters.

Wagtail routes every page's admin views to its type's viewset, and shows a parent's children
with the viewset of the one type it may hold. So the menu item, the page explorer and the
editor's return after saving or submitting all land on the same filterable listing."""

import django_filters
from django.forms import CheckboxSelectMultiple
from django.shortcuts import redirect
from django.urls import path, reverse_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import page_permission_policy

from editorial.admin_views import SitePageViewSet

from .choices import Phase, Region
from .models import CaseStudyIndexPage, CaseStudyPage

LISTING_URL_NAME = "casestudies_listing"


def theme_pages(request):
    # Reached through the relation: themes build on this app, so it does not import them.
    return CaseStudyPage._meta.get_field("themes").related_model.objects.order_by("path")


class CaseStudyFilterSet(WagtailFilterSet):
    """Tick boxes named by the choices themselves: no empty "-" option."""

    themes = django_filters.ModelMultipleChoiceFilter(
        label="Theme", queryset=theme_pages, widget=CheckboxSelectMultiple
    )
    region = django_filters.MultipleChoiceFilter(
        label="Region",
        choices=Region.choices,
        widget=CheckboxSelectMultiple,
    )
    phase = django_filters.MultipleChoiceFilter(
        label="Phase",
        choices=Phase.choices,
        widget=CheckboxSelectMultiple,
    )

    class Meta:
        model = CaseStudyPage
        fields = []


class ThemesColumn(Column):
    def get_value(self, instance):
        return ", ".join(theme.title for theme in instance.themes.all())


class CaseStudyListingView(ExplorableIndexView):
    """The index page's children, as case studies."""

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("themes")

    @property
    def add_button(self):
        if self.add_url:
            return HeaderButton("Add case study", url=self.add_url, icon_name="plus")
        return None


class CaseStudyPageViewSet(SitePageViewSet):
    name = "case_studies"
    model = CaseStudyPage
    icon = "doc-full"
    index_view_class = CaseStudyListingView
    filterset_class = CaseStudyFilterSet
    list_display = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label="Title", sort_key="title", classname="title"),
        Column("school_name", label="School", sort_key="school_name"),
        Column("region", label="Region", accessor="get_region_display", sort_key="region"),
        ThemesColumn("themes", label="Themes"),
        DateColumn(
            "latest_revision_created_at",
            label="Updated",
            sort_key="latest_revision_created_at",
        ),
        PageStatusColumn("status", label="Status", sort_key="live"),
    ]


def open_listing(request):
    """Where the menu item goes: the index page's listing (there is one index per site)."""
    index = CaseStudyIndexPage.objects.order_by("path").first()
    if index is None:
        return redirect("wagtailadmin_explore_root")
    return redirect("wagtailadmin_explore", index.pk)


class CaseStudiesMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, {"add", "change", "publish"}
        )


@hooks.register("register_admin_viewset")
def register_case_study_views():
    return CaseStudyPageViewSet()


@hooks.register("register_admin_urls")
def register_listing_url():
    return [path("case-studies/", open_listing, name=LISTING_URL_NAME)]


@hooks.register("register_admin_menu_item")
def register_case_studies_menu_item():
    return CaseStudiesMenuItem(
        "Case studies",
        reverse_lazy(LISTING_URL_NAME),
        name="case-studies",
        icon_name="doc-full",
        order=200,
    )
