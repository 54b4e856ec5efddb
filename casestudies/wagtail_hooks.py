"""A flat, filterable list of every case study, wherever it sits in the page tree.

Wagtail's page explorer shows one level of the tree at a time and cannot filter by a page's
own fields; editors asked for one listing by theme, region and phase, which is what
wagtail-modeladmin gives a page model (its links open Wagtail's page editor)."""

from django.utils.html import format_html_join
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import CaseStudyPage


class CaseStudyAdmin(ModelAdmin):
    model = CaseStudyPage
    menu_label = "Case studies"
    menu_icon = "doc-full"
    menu_order = 200
    list_display = ("title", "school_name", "region", "theme_list", "status", "last_updated")
    list_filter = ("themes", "region", "phase")
    search_fields = ("title", "school_name", "town")
    ordering = ("title",)
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def theme_list(self, obj):
        return format_html_join(", ", "{}", ((theme.title,) for theme in obj.themes.all()))

    theme_list.short_description = "Themes"

    def status(self, obj):
        if obj.workflow_in_progress:
            return "In moderation"
        if not obj.live:
            return "Draft"
        return "Live + draft changes" if obj.has_unpublished_changes else "Live"

    def last_updated(self, obj):
        return obj.latest_revision_created_at or obj.last_published_at

    last_updated.short_description = "Last updated"
    last_updated.admin_order_field = "latest_revision_created_at"


modeladmin_register(CaseStudyAdmin)
