"""Blocks that are not ready to show: no placeholders in public.

A block that lacks what it needs (a video without its address, a report without a document
or a web address, a contact whose address is not in the site settings yet) renders nothing
to visitors. The page still saves and publishes: the editor sees why in the preview, in place
of the block, and in a warning after each save (``warn_about_incomplete_blocks``, registered
in wagtail_hooks.py).

A block takes part by mixing in ``IncompleteBlockMixin`` and answering ``missing(value,
context)`` with the editor's explanation, or an empty string when the block is complete.
"""

from django.template.loader import render_to_string

from .admin_requests import is_autosave, warn_once


class IncompleteBlockMixin:
    """For blocks that may be saved without what they need to be shown."""

    def missing(self, value, context):
        """What the editor must add before visitors see this block ("" when nothing).
        ``context`` has the ``request`` (when rendering for one) and the ``page``."""
        raise NotImplementedError

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


def incomplete_blocks(page, request=None):
    """The explanations of every incomplete block in the page's StreamFields, in order,
    after those of the page type's own parts (a page's ``missing_parts()``, if it has it)."""
    context = {"page": page, "request": request}
    found = list(page.missing_parts()) if hasattr(page, "missing_parts") else []
    for field in page._meta.get_fields():
        stream = getattr(field, "stream_block", None)
        if stream is None:
            continue
        for child in getattr(page, field.name) or []:
            if isinstance(child.block, IncompleteBlockMixin):
                if reason := child.block.missing(child.value, context):
                    found.append(reason)
    return found


def warn_about_incomplete_blocks(request, page):
    """After every save (autosave aside): name each block visitors do not see, and why.
    A warning, never an error: the rest of the page is ready and may go live."""
    if is_autosave(request):
        return
    for reason in incomplete_blocks(page.specific, request):
        warn_once(request, f"Visitors don't see this part of the page yet: {reason}")
