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

from . import basis
from .report import WELSH_TRANSLATIONS, WelshTranslationsReport, may_translate


class SubmitPageTranslationView(simple_translation.SubmitPageTranslationView):
    """Wagtail's "Translate" that refuses a language the page's parent has no version in.
    Wagtail's form only disables that choice in the browser: posted anyway, the copy raises
    ParentNotTranslatedError, a 500. Served at Wagtail's own address (this app's URLs are
    registered first), so every link to "Translate" reaches it."""

    def post(self, request, **kwargs):
        try:
            return super().post(request, **kwargs)
        except ParentNotTranslatedError:
            messages.error(request, "Translate the page above this one into Welsh first.")
            return redirect(request.path)


@hooks.register("register_admin_urls")
def register_translations_report_url():
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            SubmitPageTranslationView.as_view(),
            name="bilingual_submit_page_translation",
        ),
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
