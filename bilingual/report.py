"""Reports → Welsh translations: what a translator has to do, in the admin only.

Three lists: English pages with no Welsh version (with Wagtail's "Translate" action, from
``wagtail.contrib.simple_translation``), Welsh pages not live yet (a copy still holding the
English words says "Not translated yet"), and Welsh pages behind their English source, each
with the fields and blocks changed in English since it was translated and a link to
Wagtail's comparison of the two English revisions (basis.py)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import basis

WELSH_TRANSLATIONS = "bilingual_welsh_translations"


def may_translate(user):
    """Translators are Editors (and Publishers): anyone who can add or change pages."""
    return bool(
        user.is_active
        and (
            user.is_superuser
            or PagePermissionPolicy().user_has_any_permission(user, {"add", "change"})
        )
    )


def other_locales():
    return Locale.objects.exclude(pk=basis.default_locale_id())


def missing_translations():
    """English pages (below the tree's root) with no version in another language."""
    translated = Page.objects.filter(locale__in=other_locales()).values("translation_key")
    return (
        Page.objects.filter(locale_id=basis.default_locale_id(), depth__gt=1)
        .exclude(translation_key__in=translated)
        .order_by("path")
    )


def translate_url(page):
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


class Row:
    def __init__(self, page, state=None, untranslated=False):
        self.page = page
        self.state = state
        self.untranslated = untranslated
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])


def translation_rows():
    """(not live yet, behind): rows for the Welsh pages in each list."""
    not_live, behind = [], []
    for page in Page.objects.filter(locale__in=other_locales(), depth__gt=1).order_by("path"):
        state = basis.state_of(page)
        if not page.live:
            not_live.append(Row(page, state, basis.untranslated(page)))
        if state.behind:
            behind.append(Row(page, state))
    return not_live, behind


class WelshTranslationsReport(WagtailAdminTemplateMixin, TemplateView):
    template_name = "bilingual/translations_report.html"
    page_title = "Welsh translations"
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not may_translate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        not_live, behind = translation_rows()
        missing = [
            {
                "page": page,
                "translate_url": translate_url(page),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for page in missing_translations()
        ]
        return super().get_context_data(missing=missing, not_live=not_live, behind=behind, **kwargs)
