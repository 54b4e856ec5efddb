from django.db import models
from wagtail.admin.panels import FieldPanel
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
