from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every public page type has: a summary for cards, search results and the meta
    description."""

    summary = models.TextField(
        max_length=400,
        blank=True,
        help_text=(
            "One or two sentences shown on cards that link to this page and in search results."
        ),
    )
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide facts editors can change: who runs the site and where members read how their
    data is used."""

    organisation_name = models.CharField(max_length=120, default="National Education Union")
    contact_email = models.EmailField(
        blank=True,
        help_text="Where members can write with questions; used as the reply address of emails.",
    )
    privacy_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked from every form's consent box; each submission records its text.",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("privacy_notice_page"),
    ]

    class Meta:
        verbose_name = "site settings"
