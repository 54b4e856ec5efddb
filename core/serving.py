"""How every page type is served with few queries (core.models.BasePage mixes this in):
Wagtail's routing and privacy check, each with a query or two fewer. An uncached theme page
renders in at most 8 queries (tests/test_query_counts.py)."""

from django.http import Http404
from wagtail.models import Page

from .visibility import view_restrictions_for


class ServingMixin:
    def get_view_restrictions(self):
        # Wagtail asks this before serving the page: one query instead of two, or none.
        return view_restrictions_for(self)

    # Foreign keys a page type always shows (its banner): fetched with the page when a
    # request is routed to it, rather than by a query of their own while it renders.
    serve_select_related = ()

    def route(self, request, path_components):
        """Wagtail's routing, except that the child page is fetched with its
        ``serve_select_related``."""
        if not path_components:
            return super().route(request, path_components)
        try:
            child = self.get_children().get(slug=path_components[0])
        except Page.DoesNotExist as error:
            raise Http404 from error
        model = child.specific_class
        if model is None or not getattr(model, "serve_select_related", ()):
            child._cached_parent_obj = self  # as Wagtail's route: no query for the parent
            return child.specific.route(request, path_components[1:])
        fetch = model._default_manager.select_related(*model.serve_select_related)
        child = fetch.get(pk=child.pk)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
