"""The translator's admin (imported by wagtail_hooks.py): Reports → Welsh translations, and
a message at the top of a Welsh page's editor when its English page has changed since it
was translated (with a link to the changes), or when it is still the English text."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.admin.menu import MenuItem
from wagtail.contrib.simple_translation import views as simple_translation
from wagtail.models import Page

from . import basis
from .report import WELSH_TRANSLATIONS, WelshTranslationsReport, may_translate


class TranslateView(simple_translation.SubmitPageTranslationView):
    """Wagtail's "Translate", served at Wagtail's own address (registered before
    simple_translation's), so every link to "Translate" reaches it. Two gaps closed:
    - a page that already has its Welsh version (reached from an older tab or a shared link):
      Wagtail's form offers no language and no button, so the translator is taken to the
      Welsh page's editor and told why;
    - a language the page's parent has no version in: Wagtail's form only disables that
      choice in the browser; posted anyway, the copy raises ParentNotTranslatedError, a 500."""

    def get(self, request, *args, **kwargs):
        page = self.get_object()
        others = Page.objects.translation_of(page, inclusive=False)
        if page.locale_id == basis.default_locale_id() and others.exists():
            twin = others.order_by("pk").first()
            messages.info(
                request,
                f"“{page.get_admin_display_title()}” already has a Welsh version: this is it. "
                "Translate it here; nothing was copied.",
            )
            return redirect("wagtailadmin_pages:edit", twin.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, **kwargs):
        try:
            return super().post(request, **kwargs)
        except ParentNotTranslatedError:
            messages.error(request, "Translate the page above this one into Welsh first.")
            return redirect(request.path)


@hooks.register("register_admin_urls", order=-1)  # before simple_translation's own address
def register_translate_url():
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            TranslateView.as_view(),
            name="bilingual_translate_page",
        )
    ]


@hooks.register("register_admin_urls")
def register_translations_report_url():
    return [
        path(
            "bilingual/welsh-translations/",
            WelshTranslationsReport.as_view(),
            name=WELSH_TRANSLATIONS,
        ),
    ]


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_translate(request.user)


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return TranslatorsMenuItem(
        "Welsh translations",
        reverse(WELSH_TRANSLATIONS),
        name="welsh-translations",
        icon_name="globe",
        order=920,
    )


@hooks.register("before_edit_page")
def say_when_english_has_changed(request, page):
    # Shown as the editor opens (not on its saves or Wagtail's autosave posts).
    if request.method != "GET" or not basis.is_translation(page):
        return None
    state = basis.state_of(page)
    if state.behind:
        changed = ", ".join(change.name for change in state.changes) or "published again"
        if state.compare_url:
            messages.warning(
                request,
                format_html(
                    "English has changed since this translation ({}): "
                    '<a href="{}">see changes</a>. Publishing this page records it as up to '
                    "date with the English page.",
                    changed,
                    state.compare_url,
                ),
            )
        else:
            messages.warning(request, f"English has changed since this translation ({changed}).")
    elif not page.live and basis.untranslated(page):
        messages.info(
            request,
            "Not translated yet: this Welsh page still holds the English text it was copied "
            "from. Visitors do not see it until it is translated and approved.",
        )
    return None


@hooks.register("construct_translated_pages_to_cascade_actions")
def keep_the_welsh_twin_with_its_english_page(pages, action):
    """Deleting or moving an English page does the same to its Welsh page, and Wagtail's
    confirmation screen says so ("will also delete 1 translation"): otherwise the Welsh page
    stays behind, live with no English page, or at its old address under /cy/. This is
    Wagtail's own cascade, which simple_translation offers only together with syncing the
    whole tree (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE), and that would also make a live
    Welsh alias, in English, of every new English page."""
    if action not in {"delete", "move"}:
        return None
    return {
        page: Page.objects.translation_of(page, inclusive=False)
        for page in pages
        if page.locale_id == basis.default_locale_id()
    }
