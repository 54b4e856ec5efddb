"""The privacy notice, written from what the site does rather than typed, with what UK GDPR
(Articles 13 and 14) asks a notice to say: who the controller is and how to reach its data
protection contact (the site settings), each live form's questions (from its fields), its
purpose and lawful basis (the form's own fields, purposes.py), who may read the answers (the
groups holding the permission access.py checks, and other members where a form says so),
transfers outside the UK (site settings), how long answers are kept
(SUBMISSION_RETENTION_MONTHS), the consent record, the rights people have and how to use
them, how to complain to the ICO, the cookies visitors get, the spam counters and the
search's counts. Change a form, a setting or a group and the notice changes with it.

Editors write the introduction and any further sections; the organisation's details come from
Settings → Site settings. A fact that is not filled in there is left out rather than guessed,
and the editor is told in the preview and after saving.

What a member agrees to is the text they saw: ``consent_text`` renders the same template the
page shows (submissions.record_consent stores it)."""

from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from core.models import BasePage, SiteSettings

CONTENT_TEMPLATE = "getinvolved/includes/privacy_notice_content.html"


@dataclass(frozen=True)
class Question:
    label: str
    required: bool
    hint: str = ""  # the form's own words under the question, e.g. why it is asked


@dataclass(frozen=True)
class FormFacts:
    page: object
    questions: list
    sends_confirmation: bool


def duration(seconds):
    """A setting's number of seconds as people say it, exactly: "364 days", "10 minutes"."""
    units = (
        (86400, lambda n: ngettext("%(count)d day", "%(count)d days", n)),
        (3600, lambda n: ngettext("%(count)d hour", "%(count)d hours", n)),
        (60, lambda n: ngettext("%(count)d minute", "%(count)d minutes", n)),
    )
    for length, words in units:
        if seconds >= length and seconds % length == 0:
            count = seconds // length
            return words(count) % {"count": count}
    return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}


def live_forms(site, locale_id=None):
    """Every live interest form of the site, in the order of the page tree, with its fields;
    with ``locale_id``, those in that language (under the overview's translation in it)."""
    form_model = apps.get_model("getinvolved", "InterestFormPage")  # defined after this module
    root = site.root_page
    if locale_id is not None and locale_id != root.locale_id:
        root = root.get_translation_or_none(locale_id) or root
    forms = form_model.objects.live().descendant_of(root).order_by("path")
    if locale_id is not None:
        forms = forms.filter(locale_id=locale_id)
    return [
        FormFacts(
            page=form,
            questions=[
                Question(f.label, f.required, f.help_text.strip()) for f in form.get_form_fields()
            ],
            sends_confirmation=form.send_confirmation,
        )
        for form in forms.prefetch_related("form_fields")
    ]


def readers():
    """The names of the groups whose members may read submissions: those holding the "view"
    permission of submissions, which access.py's policy checks."""
    options = apps.get_model("getinvolved", "InterestSubmission")._meta
    groups = Group.objects.filter(
        permissions__content_type__app_label=options.app_label,
        permissions__codename=get_permission_codename("view", options),
    )
    return list(groups.order_by("name").values_list("name", flat=True).distinct())


def privacy_facts(page):
    site = page.get_site()
    forms = live_forms(site, page.locale_id) if site else []
    confirming = [f"“{form.page.title}”" for form in forms if form.sends_confirmation]
    shared = [f"“{form.page.title}”" for form in forms if form.page.shared_with_members]
    groups = [_("the %(group)s") % {"group": name} for name in readers()]
    return {
        "settings": SiteSettings.for_site(site) if site else SiteSettings(),
        "forms": forms,
        "readers_phrase": get_text_list(groups, _("and")),
        "confirming_forms": get_text_list(confirming, _("or")),
        "shared_forms": get_text_list(shared, _("or")),
        # The search's counts of searches that found nothing (the sitesearch app), if any.
        "search_counts_kept": getattr(settings, "SEARCH_NO_RESULTS_KEEP_DAYS", None),
        "retention_months": settings.SUBMISSION_RETENTION_MONTHS,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "csrf_cookie_lasts": duration(settings.CSRF_COOKIE_AGE),
        "rate_window": duration(settings.FORM_RATE_LIMIT_WINDOW),
        "confirmation_window": duration(settings.FORM_CONFIRMATION_WINDOW),
        # Other apps' statements ({"heading", "paragraphs"}), e.g. the page-view counter's.
        "more_sections": [section() for section in hooks.get_hooks("privacy_notice_sections")],
    }


def text_of(html):
    """The words of rendered HTML, one line per paragraph, list item or heading."""
    lines = BeautifulSoup(html, "html.parser").get_text("\n").splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


class PrivacyNoticePage(BasePage):
    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Opening paragraphs, before the sections the site writes itself.",
    )
    body = StreamField(
        ContentStreamBlock(),
        blank=True,
        # (Unchanged wording: a new one would need a migration of the whole StreamField.)
        help_text="Optional sections after the written ones, e.g. your rights under data "
        "protection law and how to complain.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "getinvolved/privacy_notice_page.html"

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        HelpPanel(
            content="<p>After the introduction, the site writes these sections itself, from "
            "what it does: who the data controller and the data protection contact are "
            "(Settings → Site settings), each live form's questions, what its answers are for "
            "and the lawful basis (each form's editor), who may read them, transfers outside "
            "the UK (Site settings), how long they are kept, the consent record, people's "
            "rights and how to complain to the ICO, cookies, spam protection and search "
            "counts. Preview the page to read them.</p>",
            heading="Written by the site",
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "privacy notice"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["facts"] = privacy_facts(self)
        return context

    def missing_parts(self):
        """What comms must fill in before the notice says everything it should."""
        site = self.get_site()
        site_settings = SiteSettings.for_site(site) if site else None
        missing = []
        if not (site_settings and site_settings.data_controller_name):
            missing.append(
                "the privacy notice does not name the data controller. Fill in “Data "
                "controller name” (and its address) under Settings → Site settings."
            )
        if not (
            site_settings and (site_settings.data_protection_email or site_settings.contact_email)
        ):
            missing.append(
                "the privacy notice gives no email address for questions about data, for "
                "using one's rights or for withdrawing consent: visitors are sent to the NEU's "
                "website instead. Fill in “Data protection email” (or the general contact "
                "email) under Settings → Site settings."
            )
        return missing

    def consent_text(self):
        """The notice's words as a member reads them now, generated sections included."""
        context = {"page": self, "facts": privacy_facts(self)}
        return text_of(render_to_string(CONTENT_TEMPLATE, context))
