"""The case-study index's filters: a plain GET form, so they work without JavaScript and
every filtered view has a shareable address."""

import django_filters

from .models import Phase, Region


class CaseStudyFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", label="Theme", empty_label="All themes", queryset=None
    )
    region = django_filters.ChoiceFilter(choices=Region.choices, empty_label="All regions")
    phase = django_filters.ChoiceFilter(choices=Phase.choices, empty_label="All phases")

    def __init__(self, data, queryset, *, index_page):
        from themes.models import ThemePage

        super().__init__(data, queryset)
        themes = ThemePage.objects.live().public().descendant_of(index_page.get_site().root_page)
        self.filters["theme"].queryset = themes
