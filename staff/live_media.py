"""Images and documents that live pages show change only through someone who may publish.

Replacing an image's file or description (or a document's file) changes every live page
that uses it at once, without the Two-step approval its pages go through. So on the image
and document edit forms (the base forms Wagtail's WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE settings point to), those fields are disabled, with the reason,
for anyone who cannot publish pages (Editors) when a live page uses the item: Django ignores
a disabled field's posted value, so the refusal holds even if the browser is bypassed. Their
title, tags and collection stay editable; images and documents no live page uses, and new
uploads, are unaffected. Wagtail's reference index ("Usage") says which pages use an item.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy

REFUSED = (
    "A live page shows this {noun} ({pages}), so only Publishers can replace its {what}: "
    "the change would reach visitors at once, without approval. Ask a Publisher, or upload a "
    "new {noun} and choose it on the page, then send the page for approval."
)


def index_what_goes_live(sender, instance, **kwargs):
    """Receiver of page_published and published: record what the published item uses in
    Wagtail's reference index now. Wagtail updates the index in a background task, so until
    the worker has run (or while it is down) a newly published page's images would look
    unused and their files editable by anyone."""
    if ReferenceIndex.is_indexed(type(instance)):
        ReferenceIndex.create_or_update_for_object(instance)


def live_pages_using(obj):
    """The live pages whose published content uses ``obj`` (by Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    return Page.objects.live().filter(
        pk__in=[int(pk) for pk in ids.values_list("object_id", flat=True)]
    )


def may_change_live_media(user):
    return user is not None and PagePermissionPolicy().user_has_permission(user, "publish")


def refusal(obj, user, noun, what):
    """Why ``user`` may not replace ``obj``'s ``what``, or "" when they may."""
    if obj.pk is None or may_change_live_media(user):
        return ""
    titles = [page.title for page in live_pages_using(obj).order_by("title")[:3]]
    if not titles:
        return ""
    pages = ", ".join(f"“{title}”" for title in titles)
    return REFUSED.format(noun=noun, pages=pages, what=what)


def lock_fields(form, names, reason):
    for name in names:
        if name in form.fields:
            form.fields[name].disabled = True
            form.fields[name].help_text = reason
    form.live_media_refusal = reason


# Wagtail uses the description as the image's alt text (the title when it is empty), so it
# stays optional, as Wagtail has it, but says what it is for.
DESCRIPTION_HELP = (
    "What the picture shows, for people who cannot see it: screen readers read it out "
    "wherever the image appears. Say what matters in one sentence (for example “Pupils "
    "planting a school garden”). If you leave it empty, the image's title is read instead."
)


class LiveImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].help_text = DESCRIPTION_HELP
        if reason := refusal(self.instance, user, "image", "file or description"):
            lock_fields(self, ["file", "description"], reason)


class LiveDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if reason := refusal(self.instance, user, "document", "file"):
            lock_fields(self, ["file"], reason)
