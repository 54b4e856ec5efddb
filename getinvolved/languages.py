"""Forms in the member's language (issue 20). A Welsh form is a translation of an English
one (Wagtail's i18n: the same ``translation_key``), copied with its questions, so:

- its answers are stored under the same keys: a question's ``clean_name`` is copied with it
  and Wagtail never changes it when the wording does (tests/getinvolved/test_form_languages.py
  guards both);
- its choices are stored as the English form's (``canonical_choices``): members read the
  Welsh wording, the Membership team filters and exports one set of values (regions);
- each submission records the form's language (``language_of``), the task worker sends
  the member's confirmation in it (tasks.py), and the consent record holds the privacy
  notice in that language where it is live (``notice_in_language``)."""

from wagtail.contrib.forms.forms import FormBuilder
from wagtail.models import Locale


def language_of(page):
    """The language code of ``page``'s locale, e.g. "cy" or "en-gb"."""
    return page.locale.language_code


def source_form(page):
    """The form in the default language that ``page`` translates, or None (for an English
    form, or a translation whose English form is gone)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    source = page.get_translation_or_none(default)
    return source.specific if source is not None else None


def choices_of(field):
    """A question's choices as Wagtail's form builder reads them (one per line, or commas)."""
    return [value for value, _ in FormBuilder([]).get_formatted_field_choices(field)]


def english_questions(page):
    """The stored keys (clean names) of the English form ``page`` translates, or None for an
    English form."""
    source = source_form(page)
    return None if source is None else {field.clean_name for field in source.get_form_fields()}


def english_field_types(page):
    """{clean name: field type} of the English form ``page`` translates, {} for an English
    form: a translated question keeps its type (free text would store any words under a
    question the English form answers with choices)."""
    source = source_form(page)
    return {} if source is None else {f.clean_name: f.field_type for f in source.get_form_fields()}


def canonical_choices(page):
    """{clean name: the English form's choices} for a translated form, {} for an English one.
    A translated question offering as many choices stores the English choice in the same
    position (forms.InterestFormBuilder); the form editor asks for exactly as many."""
    source = source_form(page)
    if source is None:
        return {}
    return {
        field.clean_name: choices_of(field)
        for field in source.get_form_fields()
        if field.field_type in ("dropdown", "radio", "multiselect", "checkboxes")
    }


def notice_in_language(privacy_page, page):
    """The privacy notice in ``page``'s language if that version is live, else the one
    chosen in the site settings."""
    if privacy_page is None or privacy_page.locale_id == page.locale_id:
        return privacy_page
    translated = privacy_page.get_translation_or_none(page.locale_id)
    if translated is not None and translated.live:
        return translated.specific
    return privacy_page
