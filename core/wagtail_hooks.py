from django.contrib import messages
from wagtail import hooks


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_missing_sharing_fields(request, page):
    """Remind editors, after saving a live page, which Promote-tab fields are empty. The page
    still works (templates fall back to the summary and the page's own image), so this is a
    warning rather than a validation error."""
    page = page.specific
    if not page.live or not hasattr(page, "missing_sharing_fields"):
        return
    missing = page.missing_sharing_fields()
    if missing:
        messages.warning(
            request,
            f"“{page.title}” is published without a {' or '.join(missing)}. Search engines and "
            "social media will use the summary and the page's own image instead. You can add "
            "them on the Promote tab.",
        )
