"""The "Interest submissions" listing (wagtail-modeladmin's IndexView) reads only the query
parameters it declares, and records every export it writes.

wagtail-modeladmin, like Django's admin changelist it copies, hands every query parameter that
is not one of its own (search, ordering, page) to ``queryset.filter()``. On this listing that
is an oracle: ``?page__owner__password__startswith=pbkdf2_sha256$1`` answers yes or no by the
rows it shows, and following relations from a submission to its form page and on to users
(owner, revisions' authors, workflow approvers, comment authors, group-mates) reads any staff
member's password hash or two-factor key a character at a time. A misspelt lookup is a 500.

So the view keeps, of the filter parameters, only those its list filters expect (each
filter's ``expected_parameters()``, the names Django's admin filters themselves read) and
drops the rest unread; ordering, search and paging stay modeladmin's own, which only ever
look at their own parameter. A declared filter given a value it cannot use (a date that is
not one) sends the person back to the unfiltered listing with a message, as Django's admin
does, rather than a 500.
"""

from collections import Counter

from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.filters import FieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.db import models
from django.shortcuts import redirect
from wagtail_modeladmin import views as modeladmin_views

from . import audit

LISTING = "Interest submissions (all forms)"


class DeclaredParametersIndexView(modeladmin_views.IndexView):
    """modeladmin's IndexView that filters only by its declared list filters' parameters."""

    def declared_filter_parameters(self):
        """The query parameters the list filters read, without building their choices."""
        names = set()
        for list_filter in self.list_filter or ():
            if isinstance(list_filter, type) and issubclass(list_filter, SimpleListFilter):
                names.add(list_filter.parameter_name)
                continue
            if callable(list_filter):  # another ListFilter class: ask an empty one
                spec = list_filter(self.request, {}, self.model, self.model_admin)
            else:
                field, filter_class = (
                    list_filter
                    if isinstance(list_filter, (tuple, list))
                    else (list_filter, FieldListFilter.create)
                )
                field_path = None
                if not isinstance(field, models.Field):
                    field_path = field
                    field = get_fields_from_path(self.model, field_path)[-1]
                spec = filter_class(
                    field, self.request, {}, self.model, self.model_admin, field_path=field_path
                )
            names.update(spec.expected_parameters())
        return names

    def get_filters_params(self, params=None):
        declared = self.declared_filter_parameters()
        lookup_params = super().get_filters_params(params)
        return {name: value for name, value in lookup_params.items() if name in declared}

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL refuses a NUL character in a query, a 500; nobody searches for one.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            messages.error(request, "That filter could not be applied: showing everything.")
            return redirect(request.path)


class AuditedExportIndexView(DeclaredParametersIndexView):
    """Every CSV or XLSX written from the listing (``?export=csv`` works whether or not the
    listing shows a button for it) is recorded in Wagtail's log like each form's own exports
    (audit.py): one entry per form whose submissions it holds, with that form's row count."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        rows = Counter(submission.page for submission in queryset)
        for page, count in rows.items():
            audit.log_export(self.request, page, count, spreadsheet_format, listing=LISTING)
        if not rows:
            audit.log_empty_export(self.request, spreadsheet_format, LISTING)
        return response
