"""The case-study index's filters: a plain GET form, so they work without JavaScript and
every filtered view has a shareable address."""

import django_filters

from .choices import Phase, Region


class CaseStudyFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", label="Theme", empty_label="All themes", queryset=None
    )
    region = django_filters.ChoiceFilter(choices=Region.choices, empty_label="All regions")
    phase = django_filters.ChoiceFilter(choices=Phase.choices, empty_label="All phases")

    def __init__(self, data, queryset, *, index_page):
        super().__init__(data, queryset)
        # The theme pages, reached through the case studies' own relation: themes build on
        # this app, so it does not import them.
        theme_model = queryset.model._meta.get_field("themes").related_model
        themes = theme_model.objects.live().public().descendant_of(index_page.get_site().root_page)
        self.filters["theme"].queryset = themes
