"""Which English revision each Welsh page follows, and what has changed in English since.

Wagtail's built-in translation copies a page and then forgets where the copy came from
(it has no segment tracking: docs/decisions.md), so this module records, on each Welsh page,
the English page's revision it was made from (``TranslationBasis``):

- when the Welsh copy is made (Wagtail's ``copy_for_translation_done``: the admin's
  "Translate", the starter loader and tests alike), the English live revision;
- each time the Welsh page is published (``page_published``: the translator's or a
  Publisher's publish, or the workflow's last approval), the English live revision at that
  moment: publishing the Welsh page says it is up to date.

A Welsh page is *behind* when the English page's live revision is another (newer) one; what
changed is read from the two revisions' stored content, field by field and block by block
(``changes``), and shown in full by Wagtail's own revision comparison (``compare_url``).
"""

import json
from dataclasses import dataclass, field

from django.db.models.fields.related import ForeignObjectRel
from django.dispatch import receiver
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.signals import copy_for_translation_done, page_published

from .models import TranslationBasis

# Page fields that are bookkeeping, not words a translator translates.
NOT_CONTENT = {
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "slug",
    "url_path",
    "content_type",
    "owner",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "expired",
    "alias_of",
    "go_live_at",
    "expire_at",
    "show_in_menus",
    "search_description",
    "seo_title",
}
# Keys of a child object (a form's question) that say where it is stored, not what it says.
CHILD_BOOKKEEPING = {"pk", "id", "page", "sort_order"}


def default_locale_id():
    return Locale.get_default().pk


def is_translation(page):
    """Whether ``page`` is in another language than the default (English)."""
    return page.locale_id != default_locale_id()


def source_of(page):
    """The English page ``page`` is a translation of, or None."""
    return (
        Page.objects.filter(translation_key=page.translation_key, locale_id=default_locale_id())
        .exclude(depth=1)
        .first()
    )


def record_basis(page, source=None):
    """Record that ``page`` (a Welsh page) now follows ``source``'s live revision (its latest
    one while it has never been published)."""
    source = source or source_of(page)
    if source is None:
        return None
    revision_id = source.live_revision_id or source.latest_revision_id
    basis, _ = TranslationBasis.objects.update_or_create(
        page_id=page.pk, defaults={"source_revision_id": revision_id}
    )
    return basis


@receiver(copy_for_translation_done, dispatch_uid="bilingual.record_basis_on_copy")
def record_basis_on_copy(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj, Page) and is_translation(target_obj):
        record_basis(target_obj)


@receiver(page_published, dispatch_uid="bilingual.record_basis_on_publish")
def record_basis_on_publish(sender, instance, **kwargs):
    if is_translation(instance):
        record_basis(instance)


# What changed -------------------------------------------------------------------------------


def _stream(raw):
    if isinstance(raw, str):
        try:
            raw = json.loads(raw) if raw else []
        except ValueError:
            return []
    return raw or []


def excerpt(value, length=90):
    """The words in a stored value (a string, or a block's nested values), shortened."""
    if isinstance(value, dict):
        value = " ".join(excerpt(item, length) for key, item in value.items() if key != "id")
    elif isinstance(value, list):
        value = " ".join(excerpt(item, length) for item in value)
    elif not isinstance(value, str):
        return ""
    return Truncator(" ".join(strip_tags(value).split())).chars(length)


@dataclass
class Change:
    """One changed field (or block of a StreamField), as the report names it."""

    name: str
    what: str = "changed"
    words: str = ""

    def __str__(self):
        text = f"{self.name} {self.what}"
        return f"{text}: “{self.words}”" if self.words else text


def _block_changes(label, old_raw, new_raw, stream_block):
    def block_name(block):
        child = stream_block.child_blocks.get(block.get("type")) if stream_block else None
        return f"{label}: {child.label if child else block.get('type')}"

    old = {block.get("id"): block for block in _stream(old_raw)}
    new = _stream(new_raw)
    changes = []
    for block in new:
        before = old.pop(block.get("id"), None)
        if before is None:
            changes.append(Change(block_name(block), "added", excerpt(block.get("value"))))
        elif before.get("value") != block.get("value") or before.get("type") != block.get("type"):
            changes.append(Change(block_name(block), "changed", excerpt(block.get("value"))))
    changes += [Change(block_name(block), "removed") for block in old.values()]
    if not changes and [b.get("id") for b in _stream(old_raw)] != [b.get("id") for b in new]:
        changes.append(Change(label, "reordered"))
    return changes


def _children(value):
    return [
        {key: item for key, item in child.items() if key not in CHILD_BOOKKEEPING}
        for child in value or []
    ]


def changes(model, old_content, new_content):
    """The content fields (and StreamField blocks) of ``model`` that differ between two
    revisions' stored content, in the model's field order."""
    found = []
    for model_field in model._meta.get_fields():
        name = model_field.name
        if name in NOT_CONTENT or (name not in old_content and name not in new_content):
            continue
        old, new = old_content.get(name), new_content.get(name)
        if isinstance(model_field, ForeignObjectRel):
            if _children(old) != _children(new):
                label = capfirst(model_field.related_model._meta.verbose_name_plural)
                found.append(Change(label))
            continue
        if old == new:
            continue
        label = capfirst(str(getattr(model_field, "verbose_name", name)))
        if isinstance(model_field, StreamField):
            found += _block_changes(label, old, new, model_field.stream_block)
        else:
            found.append(Change(label, "changed", excerpt(new)))
    return found


def compare_url(page, old_revision_id, new_revision_id="live"):
    """Wagtail's own comparison of two revisions of ``page``."""
    return reverse(
        "wagtailadmin_pages:revisions_compare", args=(page.pk, old_revision_id, new_revision_id)
    )


@dataclass
class TranslationState:
    """Where one Welsh page stands against its English source."""

    page: Page
    source: Page | None
    basis_revision_id: int | None
    changes: list = field(default_factory=list)

    @property
    def behind(self):
        live = self.source.live_revision_id if self.source else None
        return bool(live and live != self.basis_revision_id)

    @property
    def compare_url(self):
        if not (self.source and self.basis_revision_id and self.behind):
            return ""
        return compare_url(self.source, self.basis_revision_id)


def state_of(page):
    """The TranslationState of a Welsh ``page``, with what changed in English if behind."""
    page = page.specific
    source = source_of(page)
    basis = TranslationBasis.objects.filter(page_id=page.pk).select_related("source_revision")
    basis = basis.first()
    revision = basis.source_revision if basis else None
    state = TranslationState(page, source, revision.pk if revision else None)
    if state.behind and revision is not None:
        state.changes = changes(type(page), revision.content, source.live_revision.content)
    return state


def untranslated(page):
    """Whether the Welsh ``page``'s latest draft still holds exactly the English words it
    was copied from: nothing translated yet."""
    page = page.specific
    basis = TranslationBasis.objects.filter(page_id=page.pk).select_related("source_revision")
    basis = basis.first()
    if basis is None or basis.source_revision is None:
        return False
    latest = page.latest_revision
    content = latest.content if latest else page.serializable_data()
    return not changes(type(page), basis.source_revision.content, content)
