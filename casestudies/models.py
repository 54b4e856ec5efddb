from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.languages import in_language_of
from core.models import BasePage, optional_image
from pagecache.caching import accept_query_parameters, vary_on_query_parameters

from .blocks import BodyStreamBlock
from .choices import Phase, Region
from .filters import FILTERS_FROM, CaseStudyFilter, asked_for, describe

# The page cache keeps one entry per valid combination of the filters, and no other.
vary_on_query_parameters(*CaseStudyFilter.base_filters)


class CaseStudyIndexPage(BasePage):
    """Lists the case studies: a simple list, or from FILTERS_FROM of them, filtered by
    theme, region and phase with a plain GET form."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Introduces the case studies, above the filters.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "case study index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        case_studies = (
            CaseStudyPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("themes")
            .order_by("title")
        )
        listed = list(case_studies)
        with_form = len(listed) >= FILTERS_FROM
        context.update(filter=None, case_studies=listed, applied=[], ignored=[], unfiltered=False)
        if with_form:
            found = CaseStudyFilter(request.GET, case_studies, index_page=self, listed=listed)
            if found.is_valid():  # every value given is one the filters offer
                accept_query_parameters(request, found.filters)
            applied, ignored = describe(found)
            context.update(filter=found, case_studies=found.qs, applied=applied, ignored=ignored)
        elif asked_for(request.GET):
            # A short list is never filtered, but an address that asks for a filter (a shared
            # link) is told so, and which of its values are not choices at all.
            _, ignored = describe(CaseStudyFilter(request.GET, case_studies, index_page=self))
            context.update(ignored=ignored, unfiltered=True)
        return context


class CaseStudyPage(BasePage):
    school_name = models.CharField(max_length=200, help_text="The school's full name.")
    town = models.CharField(max_length=100, help_text="The town or city the school is in.")
    region = models.CharField(
        max_length=20, choices=Region.choices, help_text="Visitors can filter case studies by it."
    )
    phase = models.CharField(
        max_length=20,
        choices=Phase.choices,
        help_text="The age range the school serves. Visitors can filter case studies by it.",
    )
    themes = ParentalManyToManyField(
        "themes.ThemePage",
        blank=True,
        related_name="case_studies",
        help_text="The themes this case study illustrates. It is listed on each theme's page.",
    )
    hero_image = optional_image(
        help_text="The main image for the case study.",
    )
    hero_image_decorative = models.BooleanField(
        "The hero image is decorative",
        default=False,
        help_text="Tick it for an image that shows nothing visitors need to know (a pattern, "
        "a texture): screen readers then skip it. Leave it unticked for a photograph of the "
        "school, and describe it below or in the image's Description (words written below "
        "are always used).",
    )
    hero_image_alt = models.CharField(
        "Hero image alt text on this page",
        max_length=250,
        blank=True,
        help_text="Leave empty to use the image's own Description (from Images). Fill it in "
        "only to describe the image differently on this page.",
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="The page content. Choose blocks with the + button; each shows a preview.",
    )

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("school_name"),
        index.SearchField("town"),
        # The admin's listing searches as editors type (Wagtail's autocomplete).
        index.AutocompleteField("school_name"),
        index.AutocompleteField("town"),
        index.SearchField("body"),
        index.FilterField("region"),
        index.FilterField("phase"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("school_name"),
                FieldPanel("town"),
                FieldPanel("region"),
                FieldPanel("phase"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading="About the school",
        ),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_decorative"),
                FieldPanel("hero_image_alt"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    def get_own_image(self):
        return self.hero_image

    def live_themes(self):
        # A list, not a queryset: in previews the themes come from the unsaved revision.
        # Each in this page's language where it has a live translation (a Welsh copy keeps
        # the English themes its editor chose).
        return [in_language_of(theme, self) for theme in self.themes.all() if theme.live]

    def hero_alt_text(self):
        """What screen readers say for the hero image: this page's own words if given, else
        nothing for a decorative image (alt=""), else the image's Description, asked once
        when the image was added to the library."""
        if self.hero_image is None:
            return ""
        if self.hero_image_alt.strip() or not self.hero_image_decorative:
            return self.hero_image_alt.strip() or self.hero_image.description.strip()
        return ""

    def clean(self):
        super().clean()
        if self.hero_image and not self.hero_image_decorative and not self.hero_alt_text():
            raise ValidationError(
                {
                    "hero_image_alt": "Describe the hero image for screen readers, here or in "
                    "the image's own Description (Images in the menu), or tick “decorative” "
                    "if it shows nothing visitors need to know."
                }
            )
