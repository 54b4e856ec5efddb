"""The overview's first screen: up to three actions (a button each) under the title and
its one-sentence summary, chosen by editors: a page of the site, or a part of the overview
itself (the theme cards, the report block)."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Parts of the overview an action may lead to, with the anchor each one has on the page.
PARTS = [("themes", "The theme cards"), ("report", "The report block")]
ONE_TARGET_MESSAGE = "Choose a page or a part of the overview: one of the two."


class FirstScreenActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=40, help_text="The words on the button, e.g. 'Explore the three themes'."
    )
    page = blocks.PageChooserBlock(required=False, help_text="A page of this site…")
    part = blocks.ChoiceBlock(
        choices=PARTS,
        required=False,
        label="…or a part of the overview",
        help_text="…or a part of this page, further down.",
        search_index=False,
    )

    class Meta:
        icon = "pick"
        label = "Action"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("part")):
            error = ValidationError(ONE_TARGET_MESSAGE)
            raise StructBlockValidationError(block_errors={"page": error, "part": error})
        return value


class FirstScreenActionsBlock(blocks.StreamBlock):
    action = FirstScreenActionBlock()

    class Meta:
        max_num = 3
