from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from casestudies.blocks import BodyStreamBlock
from casestudies.models import CaseStudyPage
from core.models import BasePage, optional_image


class ThemePage(BasePage):
    """One of the research's three themes. Its case studies are listed automatically from
    the case studies that name it."""

    banner_image = optional_image(
        help_text="Decorative banner shown at the top of the page and on its card. "
        "Do not use an image that carries information: screen readers skip it.",
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="The page content. Choose blocks with the + button; each shows a preview.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("banner_image"), FieldPanel("body")]

    class Meta:
        verbose_name = "theme page"

    def get_own_image(self):
        return self.banner_image

    def live_case_studies(self):
        # In this page's language: a Welsh case study keeps the English themes chosen for its
        # English source, so it is found through the theme's translation key.
        return (
            CaseStudyPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, themes__translation_key=self.translation_key)
            .distinct()
            .select_related("hero_image")
            .order_by("title")
        )
