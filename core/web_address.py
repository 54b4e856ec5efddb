"""The web-address block of every StreamField, with its error in editors' words.

Django says "Enter a valid URL."; editors are told what a web address looks like. Stored as
Wagtail's own URLBlock (``deconstruct``), so no migration: only the message differs."""

from wagtail import blocks

INVALID_WEB_ADDRESS = (
    "This is not a web address. A web address looks like https://www.neu.org.uk/example: "
    "copy it from your browser's address bar while the page is open."
)


class WebAddressBlock(blocks.URLBlock):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's field uses its own error message for its validators' codes.
        self.field.error_messages["invalid"] = INVALID_WEB_ADDRESS

    def deconstruct(self):
        _, args, kwargs = super().deconstruct()
        return "wagtail.blocks.URLBlock", args, kwargs
