"""Turns the values in a data file into what Wagtail stores: model fields, form fields and
StreamField bodies. The data names other pages and snippets by key (``case_study:
helston``); the block and field definitions say where a key stands for a page or a
snippet, so any chooser in any block resolves the same way."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from casestudies.choices import Region

from .data import plain_text, rich_text

# Choice lists a form field can take from the site's code (`choices_from: regions`), so the
# forms offer exactly the regions the case studies are filtered by.
CHOICE_LISTS = {"regions": Region.labels}


class Values:
    def __init__(self, objects):
        self.objects = objects  # key -> page or snippet created or found so far

    def resolve(self, entry, key, model, where):
        found = self.objects.get(key)
        if callable(found):  # made when first used (a starter image: images.py)
            found = self.objects[key] = found()
        if found is None:
            raise entry.error(f"{where}: no page, snippet or starter image has the key {key!r}.")
        if not isinstance(found, model):
            kind = type(found).__name__
            raise entry.error(f"{where}: {key!r} is a {kind}, not a {model.__name__}.")
        return found

    def fields(self, model, entry, exclude=(), data=None):
        """The model's field values from the entry's keys (or from ``data``, a part of the
        entry): rich text from Markdown, plain text unwrapped, a page or snippet by key."""
        values = {}
        for name, value in (entry if data is None else data).items():
            if name in exclude:
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                raise entry.error(f"{model.__name__} has no field {name!r}.") from None
            values[name] = self.field(entry, field, value)
        return values

    def field(self, entry, field, value):
        if isinstance(field, RichTextField):
            return rich_text(self._text(entry, value, field.name))
        if isinstance(field, models.ForeignKey) and value is not None:
            return self.resolve(entry, value, field.related_model, field.name)
        if field.many_to_many:  # e.g. a case study's themes: a list of keys
            if not isinstance(value, list):
                raise entry.error(f"{field.name}: expected a list of keys, e.g. [leadership].")
            return [self.resolve(entry, key, field.related_model, field.name) for key in value]
        return plain_text(value) if isinstance(value, str) else value

    def form_fields(self, model, entry):
        """A form page's fields, in order, from the entry's ``fields`` list."""
        field_model = model._meta.get_field("form_fields").related_model
        result = []
        for order, field in enumerate(entry.get("fields") or []):
            field = dict(field)
            choices = field.pop("choices", [])
            source = field.pop("choices_from", None)
            if source is not None:
                if source not in CHOICE_LISTS:
                    names = ", ".join(CHOICE_LISTS)
                    raise entry.error(f"choices_from: {source!r} is not one of: {names}.")
                choices = CHOICE_LISTS[source]
            if not isinstance(choices, list):
                raise entry.error(f"{field.get('label')}: write its choices as a list.")
            values = self.fields(field_model, entry, data=field)
            values["choices"] = "\n".join(plain_text(str(choice)) for choice in choices)
            # Unset, the database may return the fields in any order.
            result.append(field_model(sort_order=order, **values))
        return result

    def body(self, model, entry, name="body"):
        """A StreamField's value (raw JSON data) from the entry's list of that name: the
        ``body``, or another StreamField such as the overview's ``actions``."""
        stream_block = model._meta.get_field(name).stream_block
        result = []
        for number, item in enumerate(entry.get(name) or [], start=1):
            where = f"{name}, block {number}"
            if not isinstance(item, dict) or set(item) != {"type", "value"}:
                raise entry.error(f"{where}: write each block as `type:` and `value:`.")
            block = stream_block.child_blocks.get(item["type"])
            if block is None:
                names = ", ".join(stream_block.child_blocks)
                raise entry.error(f"{where}: no block type {item['type']!r} here ({names}).")
            value = self.block(entry, block, item["value"], f"{where} ({item['type']})")
            result.append({"type": item["type"], "value": value})
        return result

    def block(self, entry, block, value, where):
        if value is None:
            return None
        if isinstance(block, blocks.RichTextBlock):
            return rich_text(self._text(entry, value, where))
        if isinstance(block, (blocks.PageChooserBlock, SnippetChooserBlock)):
            return self.resolve(entry, value, block.target_model, where).pk
        if isinstance(block, ImageChooserBlock) and isinstance(value, str):
            # A starter image by its key, e.g. `image: report_cover` (loader.py draws it).
            return self.resolve(entry, value, block.target_model, where).pk
        if isinstance(block, blocks.ChooserBlock):
            raise entry.error(f"{where}: leave it empty (null) and choose it in the admin.")
        if isinstance(block, blocks.StructBlock):
            if not isinstance(value, dict) or set(value) - set(block.child_blocks):
                names = ", ".join(block.child_blocks)
                raise entry.error(f"{where}: expected some of these fields: {names}.")
            return {
                name: self.block(entry, block.child_blocks[name], child, f"{where}, {name}")
                for name, child in value.items()
            }
        if isinstance(block, blocks.ListBlock):
            if not isinstance(value, list):
                raise entry.error(f"{where}: expected a list (lines starting with `- `).")
            return [self.block(entry, block.child_block, child, where) for child in value]
        return plain_text(value) if isinstance(value, str) else value

    @staticmethod
    def _text(entry, value, where):
        if not isinstance(value, str):
            raise entry.error(f"{where}: expected text.")
        return value
