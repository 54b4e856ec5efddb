"""The case-study index's filters: a plain GET form, so they work without JavaScript and
every filtered view has a shareable address. Only choices that find something are offered;
the index shows the filters only from FILTERS_FROM case studies (fewer: a simple list).

Every parameter is validated before it reaches the database: region and phase against
their choices, theme as a page id within the id column's range (a number too large for it
made SQLite raise an error, a 500). A value that fails is not applied: the form shows
"Select a valid choice" under the field, with the case studies unfiltered by it, and the
page says which value was not applied and which filters were (``describe``). The simple
list applies a filter given in its address too (a shared link), and says so."""

import re

import django_filters
from django import forms
from django.db import connection
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import Phase, Region

ID_PATTERN = re.compile(r"[0-9]{1,20}", re.ASCII)
# Below this many case studies, filters would mostly offer empty results: a simple list.
FILTERS_FROM = 6


class PageIdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses, as an invalid choice, anything but a whole number
    the id column can hold: no database lookup happens for it."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        pk = self.queryset.model._meta.pk
        while pk.is_relation:  # a page type's id is its link to wagtailcore.Page's id
            pk = pk.target_field
        low, high = connection.ops.integer_field_range(pk.get_internal_type())
        if not ID_PATTERN.fullmatch(text) or not low <= int(text) <= high:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(text)


class PageChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = PageIdChoiceField


def translated(choices):
    """Choices with their labels in the visitor's language (choices.py marks them)."""
    return [(value, _(label)) for value, label in choices]  # noqa: INT001 - marked in choices.py


class CaseStudyFilter(django_filters.FilterSet):
    theme = PageChoiceFilter(
        field_name="themes", label=_("Theme"), empty_label=_("All themes"), queryset=None
    )
    region = django_filters.ChoiceFilter(
        choices=translated(Region.choices), label=_("Region"), empty_label=_("All regions")
    )
    phase = django_filters.ChoiceFilter(
        choices=translated(Phase.choices),
        label=pgettext_lazy("school phase", "Phase"),
        empty_label=_("All phases"),
    )

    def __init__(self, data, queryset, *, index_page, listed=None):
        super().__init__(data, queryset)
        # The theme pages, reached through the case studies' own relation: themes build on
        # this app, so it does not import them.
        theme_model = queryset.model._meta.get_field("themes").related_model
        themes = theme_model.objects.live().public().descendant_of(index_page.get_site().root_page)
        self.filters["theme"].queryset = themes
        if listed is not None:
            self.offer_only_choices_in(listed)

    def offer_only_choices_in(self, case_studies):
        """Offer only the choices that find something among ``case_studies`` (with their
        themes prefetched): a region none is in, or a theme none names, could only lead to
        "No case studies match"."""
        regions = {case_study.region for case_study in case_studies}
        phases = {case_study.phase for case_study in case_studies}
        themes = {theme.pk for case_study in case_studies for theme in case_study.themes.all()}
        self.filters["region"].extra["choices"] = [c for c in Region.choices if c[0] in regions]
        self.filters["phase"].extra["choices"] = [c for c in Phase.choices if c[0] in phases]
        self.filters["theme"].queryset = self.filters["theme"].queryset.filter(pk__in=themes)


NAMES = ("theme", "region", "phase")


def asked_for(data):
    """Whether the query string gives any filter a value."""
    return any(data.get(name) for name in NAMES)


def describe(found):
    """``(applied, ignored)``: (label, choice) of each filter applied, and (label, value as
    given) of each not applied because its value is not one of the choices."""
    form = found.form
    form.is_valid()
    applied, ignored = [], []
    for name, field in form.fields.items():
        given = str(found.data.get(name, "")).strip()
        if not given:
            continue
        if name in form.errors:
            ignored.append((field.label, given[:60]))
            continue
        value = form.cleaned_data.get(name)
        if value in (None, ""):
            continue
        shown = dict(field.choices).get(value, value) if name != "theme" else value.title
        applied.append((field.label, str(shown)))
    return applied, ignored
