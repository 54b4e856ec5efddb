"""Blocks that are not ready to show: no placeholders in public.

A block that lacks what it needs (a video without its address, a report without a document
or a web address, a contact whose address is not in the site settings yet) renders nothing
to visitors. The page still saves and publishes: the editor sees why in the preview, in place
of the block, and in a warning after each save (editorial/wagtail_hooks.py asks
``incomplete_blocks`` after each save: this content module knows nothing of the admin).

A block takes part by mixing in ``IncompleteBlockMixin`` and answering ``missing(value,
context)`` with the editor's explanation, or an empty string when the block is complete.
"""

from django.template.loader import render_to_string


class IncompleteBlockMixin:
    """For blocks that may be saved without what they need to be shown."""

    def missing(self, value, context):
        """What the editor must add before visitors see this block ("" when nothing).
        ``context`` has the ``request`` (when rendering for one) and the ``page``."""
        raise NotImplementedError

    def warns(self, request):
        """Whether the warning after saving is for this person: only those who can do what
        it asks (the preview explains it to everyone)."""
        return True

    def render(self, value, context=None):
        reason = self.missing(value, context or {})
        if not reason:
            return super().render(value, context)
        context = context or {}
        # The page preview, or the block picker's preview of the block (it has block_def):
        # only editors see either.
        if getattr(context.get("request"), "is_preview", False) or "block_def" in context:
            return render_to_string(
                "core/blocks/incomplete.html", {"label": self.label, "reason": reason}
            )
        return ""


def incomplete_blocks(page, request=None, for_warning=False):
    """The explanations of every incomplete block in the page's StreamFields, in order,
    after those of the page type's own parts (a page's ``missing_parts()``, if it has it).
    ``for_warning``: only those the requesting person can act on (``warns``)."""
    context = {"page": page, "request": request}
    found = list(page.missing_parts()) if hasattr(page, "missing_parts") else []
    for field in page._meta.get_fields():
        stream = getattr(field, "stream_block", None)
        if stream is None:
            continue
        for child in getattr(page, field.name) or []:
            if isinstance(child.block, IncompleteBlockMixin):
                if for_warning and not child.block.warns(request):
                    continue
                if reason := child.block.missing(child.value, context):
                    found.append(reason)
    return found
