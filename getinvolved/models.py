"""The app's models: the interest form page editors build (declarations, routes and small
helpers) and its form fields. What a submission stores is declared in records.py and imported
here, so that ``getinvolved.models`` names every model of the app; what happens to a POST is
decided in submissions.py."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    EmailFormMixin,
    FormMixin,
    validate_to_address,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.blocks import RICH_TEXT_FEATURES
from core.languages import in_language_of
from core.models import BasePage, SiteSettings

from . import submissions
from .form_editor import InterestFormPageForm, QuestionsPanel
from .forms import InterestFormBuilder
from .languages import canonical_choices, notice_in_language
from .privacy import PrivacyNoticePage
from .purposes import CONSENT_START, PurposeFields
from .records import ConsentNotice, EmailDelivery, InterestSubmission

__all__ = [
    "ConsentNotice",
    "EmailDelivery",
    "InterestFormField",
    "InterestFormPage",
    "InterestSubmission",
    "PrivacyNoticePage",
    "privacy_notice_page",
]


class InterestFormField(AbstractFormField):
    """One question of an interest form, named in the editor as editors speak of it."""

    page = ParentalKey("InterestFormPage", on_delete=models.CASCADE, related_name="form_fields")
    # Wagtail makes new questions required; most of ours are optional extras.
    required = models.BooleanField("required", default=False)

    panels = [
        FieldPanel(
            "label",
            heading="Question",
            help_text="The question as members read it, e.g. “Your school”. Each question on "
            "the form needs its own wording.",
        ),
        FieldPanel(
            "help_text",
            heading="Hint",
            help_text="Optional: shown under the question, e.g. why you ask.",
        ),
        FieldPanel("required", heading="Members must answer it"),
        FieldPanel("field_type", heading="Kind of answer"),
        FieldPanel(
            "choices",
            heading="Choices",
            help_text="For a drop-down list, radio buttons or tick boxes: one choice per line.",
        ),
        FieldPanel(
            "default_value",
            heading="Answer filled in already",
            help_text="Optional: the answer members see before they change it.",
        ),
    ]


class InterestFormPage(RoutablePageMixin, EmailFormMixin, FormMixin, PurposeFields, BasePage):
    """A form built by editors with Wagtail's form builder. The form is shown at the page's
    URL and the thank-you content at thank-you/. A POST is handled by submissions.py: the
    submission is stored first and its emails queued as background tasks (tasks.py), so a
    mail outage never reaches the member."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="Shown above the form: what it is for."
    )
    thank_you_text = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Shown to the member after they send the form.",
    )
    consent_text = models.CharField(
        max_length=255,
        default=CONSENT_START,
        help_text="The start of the consent box's wording. What the answers are for (below) "
        "follows it, then a link to the privacy notice.",
    )
    send_confirmation = models.BooleanField(
        default=False,
        help_text="Email the member a confirmation at the first email address they give.",
    )
    confirmation_subject = models.CharField(
        max_length=255,
        blank=True,
        default="Thank you for getting in touch",
        help_text="The confirmation email's subject line.",
    )
    # Wagtail's own fields, given help for editors.
    to_address = models.CharField(
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text=(
            "Who is told of each new submission, without the answers (the Membership team "
            "reads those in the admin). Separate addresses with commas. Empty: the "
            "notification address in Settings → Site settings."
        ),
    )
    from_address = models.EmailField(
        max_length=255,
        blank=True,
        help_text="Who the emails are from. Empty: the site's usual sending address.",
    )
    subject = models.CharField(
        max_length=255,
        blank=True,
        help_text="Subject of the notification. Empty: “New submission: ” and the form's title.",
    )
    confirmation_text = models.TextField(
        blank=True, help_text="The confirmation email's text. Do not repeat their answers."
    )

    form_builder = InterestFormBuilder
    base_form_class = InterestFormPageForm
    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    template = "getinvolved/interest_form_page.html"
    landing_page_template = "getinvolved/interest_form_page_landing.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        QuestionsPanel(
            "form_fields",
            heading="Questions",
            label="question",
            help_text="Members answer these, in this order, then tick the consent box below.",
        ),
        FieldPanel("consent_text"),
        *PurposeFields.purpose_panels,
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
                FieldPanel("subject"),
            ],
            heading="Who is notified of each submission",
        ),
        MultiFieldPanel(
            [
                FieldPanel("send_confirmation"),
                FieldPanel("confirmation_subject"),
                FieldPanel("confirmation_text"),
            ],
            heading="Confirmation email to the member",
        ),
    ]

    class Meta:
        verbose_name = "interest form page"

    def get_submission_class(self):
        return InterestSubmission

    def get_data_fields(self):
        return [
            *super().get_data_fields(),
            ("consented_at", "Consent given at"),
            ("consent_notice", "Privacy notice agreed to"),
        ]

    def get_submissions_list_view_class(self):
        # Wagtail's own submissions URLs serve this view for these pages. Imported here, as
        # Wagtail imports its own: admin views cannot be imported while models load. One
        # way only: views.py never imports the models.
        from .views import SafeSubmissionsListView

        return SafeSubmissionsListView

    def get_form_class(self):
        # A translation stores its choices as its English form does (languages.py).
        return self.form_builder(self.get_form_fields(), canonical_choices(self)).get_form_class()

    def get_form(self, *args, **kwargs):
        kwargs.setdefault("page", self)
        return super().get_form(*args, **kwargs)

    # Public views -------------------------------------------------------------------------

    def serve(self, request, view=None, args=None, kwargs=None):
        # Anything that serves the page without a route (previews) gets the form view too,
        # never the form builder's own serve(), which stores and emails inside the request.
        return super().serve(request, view or self.form_view, args, kwargs)

    @path("")
    def form_view(self, request):
        privacy_page = notice_in_language(privacy_notice_page(request), self)
        if privacy_page is None:
            # Consent must name the notice agreed to: without a live one, take nothing.
            response = TemplateResponse(
                request,
                "getinvolved/interest_form_closed.html",
                self.get_context(request),
                status=503,
            )
            add_never_cache_headers(response)
            return response
        if request.method == "POST":
            return submissions.handle_post(self, request, privacy_page)
        return self.render_form(request, submissions.blank_form(self, request, privacy_page))

    @path("thank-you/")
    def thank_you_view(self, request):
        return self.render_landing_page(request)

    def sends_confirmation(self):
        """Whether a member who sends the form is emailed a confirmation."""
        return self.send_confirmation and any(
            field.field_type == "email" for field in self.get_form_fields()
        )

    def next_steps(self):
        """Where to go after sending the form, as ``(text, address)``: the themes and the
        report on the overview, and the case studies. Pages are found by their type's
        name (this app imports no other): one that is not live is left out."""
        site = self.get_site()
        if site is None:
            return []
        home = in_language_of(site.root_page, self).specific  # the form's language's
        steps = [(_("Explore the three themes"), f"{home.url}#themes")]
        index = (
            Page.objects.live()
            .public()
            .descendant_of(home)
            .filter(content_type__app_label="casestudies", content_type__model="casestudyindexpage")
            .first()
        )
        if index is not None:
            steps.append((_("Read the case studies"), index.url))
        report = getattr(home, "shown_report_block", None)
        block = report({"page": home, "request": None}) if report else None
        if block is not None:
            steps.append((_("Read the report"), f"{home.url}#block-{block.id}"))
        return steps

    def render_form(self, request, form, problem="", status=200):
        context = self.get_context(request)
        context.update(form=form, problem=problem)
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # Each display carries its own one-time token: no cache may share it between members.
        add_never_cache_headers(response)
        return response

    def thank_you_url(self):
        return self.url + self.reverse_subpage("thank_you_view")

    def process_form_submission(self, form):
        raise NotImplementedError("Interest forms are stored by submissions.store().")

    def member_email(self, submission):
        """The first email address the member gave, if the form asks for one."""
        for field in self.get_form_fields():
            if field.field_type == "email" and submission.form_data.get(field.clean_name):
                return submission.form_data[field.clean_name]
        return ""

    def notification_recipients(self):
        # Empty: the site's notification address (Settings → Site settings), so that a new
        # form never goes unnoticed.
        addresses = self.to_address
        if not addresses.strip() and (site := self.get_site()):
            addresses = SiteSettings.for_site(site).notification_email
        return [address.strip() for address in addresses.split(",") if address.strip()]


def privacy_notice_page(request):
    """The live privacy notice page chosen in site settings, or None."""
    page = SiteSettings.for_request(request).privacy_notice_page
    if page is None or not page.live:
        return None
    return page.specific
