"""The case-study teaser, and the body block every page type uses: the shared content blocks
of core, the video block and the teaser. It lives here because this is the lowest app that
can see all three (core and video are below it; themes and home build on it)."""

import copy

from wagtail import blocks

from core.blocks import ContentStreamBlock
from video.blocks import VideoBlock


class CaseStudyChooserBlock(blocks.PageChooserBlock):
    """A case-study chooser that fetches the chosen pages with the hero image their card
    shows, in one query."""

    def bulk_to_python(self, values):
        found = self.target_model.objects.select_related("hero_image").in_bulk(values)
        # A copy for each value, as Wagtail's own chooser gives: blocks never share one.
        return [copy.copy(found[pk]) if pk in found else None for pk in values]

    def deconstruct(self):
        # Stored (and migrated) as the plain chooser it is: only the query differs.
        _, args, kwargs = super().deconstruct()
        return "wagtail.blocks.PageChooserBlock", args, kwargs


class CaseStudyTeaserBlock(blocks.StructBlock):
    case_study = CaseStudyChooserBlock(
        label="Case study",
        page_type="casestudies.CaseStudyPage",
        help_text="Shows the case study's title, place, phase and summary as a link.",
    )

    class Meta:
        icon = "doc-full"
        label = "Case study teaser"
        template = "casestudies/blocks/case_study_teaser.html"
        description = "A card linking to one of the case studies."

    def get_preview_value(self):
        # The first live case study, so the preview never reaches outside the site.
        model = self.child_blocks["case_study"].target_model
        first = model.objects.live().order_by("pk").first()
        return self.to_python({"case_study": first.pk if first else None})


class BodyStreamBlock(ContentStreamBlock):
    video = VideoBlock()
    case_study_teaser = CaseStudyTeaserBlock()
