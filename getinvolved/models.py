import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    AbstractFormSubmission,
    EmailFormMixin,
    FormMixin,
    validate_to_address,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, SiteSettings

from . import protection
from .forms import TOKEN_FIELD, InterestFormBuilder


class InterestFormField(AbstractFormField):
    page = ParentalKey("InterestFormPage", on_delete=models.CASCADE, related_name="form_fields")


class InterestFormPage(RoutablePageMixin, EmailFormMixin, FormMixin, BasePage):
    """A form built by editors with Wagtail's form builder. The submission is stored first;
    emails are queued as background tasks (see tasks.py), so a mail outage never reaches the
    member. The form is shown at the page's URL and the thank-you content at thank-you/."""

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
        default=(
            "I agree that the National Education Union may store and use my answers as "
            "described in its privacy notice."
        ),
        help_text="The consent box's wording. A link to the privacy notice follows it.",
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
            "reads those in the admin). Separate addresses with commas."
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
    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    template = "getinvolved/interest_form_page.html"
    landing_page_template = "getinvolved/interest_form_page_landing.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("consent_text"),
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
        from .views import SafeSubmissionsListView

        return SafeSubmissionsListView

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
        privacy_page = privacy_notice_page(request)
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
            return self.handle_post(request, privacy_page)
        form = self.get_form(
            user=request.user,
            privacy_page=privacy_page,
            initial={TOKEN_FIELD: protection.issue_token(self)},
        )
        return self.render_form(request, form)

    @path("thank-you/")
    def thank_you_view(self, request):
        return self.render_landing_page(request)

    def render_form(self, request, form, problem="", status=200):
        context = self.get_context(request)
        context.update(form=form, problem=problem)
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # Each display carries its own one-time token: no cache may share it between members.
        add_never_cache_headers(response)
        return response

    def handle_post(self, request, privacy_page):
        form = self.get_form(request.POST, user=request.user, privacy_page=privacy_page)

        def refuse(reason, message, status, new_token=None):
            protection.log_blocked(request, self, reason)
            if new_token:
                form.data = form.data.copy()
                form.data[TOKEN_FIELD] = new_token
            return self.render_form(request, form, problem=message, status=status)

        if protection.rate_limit_exceeded(request, self):
            return refuse(
                "rate-limit",
                "We have received a lot of forms from your connection in a short time. "
                "Your answers are still here: please wait a few minutes, then send the form again.",
                429,
            )
        if form.honeypot_filled():
            return refuse(
                "honeypot",
                "We could not accept this form. Please check your answers and send it again.",
                400,
                new_token=protection.reissue_token(self),
            )
        try:
            key = protection.read_token(self, request.POST.get(TOKEN_FIELD))
        except protection.TokenProblem as problem:
            if str(problem) == "too-fast":
                message = (
                    "That was quicker than we expected from a person. Please check your "
                    "answers, then send the form again."
                )
                new_token = protection.issue_token(self)
            else:
                message = (
                    "For your security this form had expired. Your answers are still here: "
                    "please check them and send the form again."
                )
                new_token = protection.reissue_token(self)
            return refuse(f"token-{problem}", message, 400, new_token=new_token)

        if InterestSubmission.objects.filter(idempotency_key=key).exists():
            return redirect(self.thank_you_url())  # a second click or a resend: stored once
        if not form.is_valid():
            return self.render_form(request, form)
        self.store_submission(form, key, privacy_page)
        # Post/redirect/get: refreshing the thank-you page cannot send the form again.
        return redirect(self.thank_you_url())

    def thank_you_url(self):
        return self.url + self.reverse_subpage("thank_you_view")

    def process_form_submission(self, form):
        raise NotImplementedError("Interest forms are stored by store_submission().")

    def store_submission(self, form, key, privacy_page):
        """Store the answers with the consent record, then queue the emails in the same
        transaction. A duplicate (same token, or the same answers to this form) is dropped."""
        from .tasks import queue_emails

        answers = form.answers()
        fingerprint = hashlib.sha256(
            json.dumps([self.pk, answers], cls=DjangoJSONEncoder, sort_keys=True).encode()
        ).hexdigest()
        notice = ConsentNotice.for_page(privacy_page)
        try:
            with transaction.atomic():
                submission = InterestSubmission.objects.create(
                    page=self,
                    form_data=answers,
                    idempotency_key=key,
                    fingerprint=fingerprint,
                    region=str(answers.get("region") or "")[:255],
                    consent_notice=notice,
                    consented_at=timezone.now(),
                )
                queue_emails(submission)
        except IntegrityError:
            duplicate = InterestSubmission.objects.filter(
                models.Q(idempotency_key=key) | models.Q(page=self, fingerprint=fingerprint)
            ).first()
            if duplicate is None:
                raise
            return duplicate
        return submission

    def member_email(self, submission):
        """The first email address the member gave, if the form asks for one."""
        for field in self.get_form_fields():
            if field.field_type == "email" and submission.form_data.get(field.clean_name):
                return submission.form_data[field.clean_name]
        return ""

    def notification_recipients(self):
        return [address.strip() for address in self.to_address.split(",") if address.strip()]


def privacy_notice_page(request):
    """The live privacy notice page chosen in site settings, or None."""
    page = SiteSettings.for_request(request).privacy_notice_page
    if page is None or not page.live:
        return None
    return page.specific


class ConsentNotice(models.Model):
    """The text of a privacy notice as members agreed to it. Each distinct text is stored
    once; submissions point at the one that was live when the member ticked the box."""

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision_id = models.PositiveIntegerField(
        null=True, blank=True, help_text="The page's live revision when first agreed to."
    )
    title = models.CharField(max_length=255)
    text = models.TextField()
    sha256 = models.CharField(max_length=64, unique=True)
    first_agreed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "privacy notice version"

    def __str__(self):
        return f"{self.title} (revision {self.revision_id}, {self.sha256[:10]})"

    @classmethod
    def for_page(cls, page):
        if page is None:
            return None
        # The body's text as search indexing sees it: every block's words, nothing rendered.
        body = getattr(page, "body", None)
        parts = body.stream_block.get_searchable_content(body) if body else []
        text = "\n\n".join(" ".join(str(part).split()) for part in parts if str(part).strip())
        digest = hashlib.sha256(f"{page.title}\n\n{text}".encode()).hexdigest()
        notice, _ = cls.objects.get_or_create(
            sha256=digest,
            defaults={
                "page": page,
                "revision_id": page.live_revision_id,
                "title": page.title,
                "text": text,
            },
        )
        return notice


class InterestSubmission(AbstractFormSubmission):
    """One member's answers to an interest form, with the consent they gave."""

    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    # A hash of the form and the answers: the same answers sent again (say after going back
    # and reloading the form, which issues a new token) are stored once.
    fingerprint = models.CharField(max_length=64, editable=False)
    region = models.CharField(max_length=255, blank=True, db_index=True)
    consent_notice = models.ForeignKey(
        ConsentNotice, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    consented_at = models.DateTimeField()

    class Meta:
        verbose_name = "interest submission"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "fingerprint"], name="getinvolved_one_submission_per_answers"
            )
        ]
        indexes = [models.Index(fields=["submit_time"])]

    def __str__(self):
        return f"{self.page.title}, {timezone.localtime(self.submit_time):%d %b %Y %H:%M}"

    def get_data(self):
        return {
            **super().get_data(),
            "consented_at": self.consented_at,
            "consent_notice": str(self.consent_notice) if self.consent_notice else "",
        }

    def delivery_summary(self):
        return ", ".join(
            f"{delivery.get_kind_display()}: {delivery.get_status_display()}"
            for delivery in self.deliveries.all()
        )

    delivery_summary.short_description = "Emails"


class EmailDelivery(models.Model):
    """One email owed for a submission. Sending is claimed on this row before the message
    goes out, so a repeated or retried task never sends it twice."""

    class Kind(models.TextChoices):
        NOTIFICATION = "notification", "Team notification"
        CONFIRMATION = "confirmation", "Confirmation to member"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        RETRYING = "retrying", "Failed, will retry"
        FAILED = "failed", "Failed, gave up"

    submission = models.ForeignKey(
        InterestSubmission, on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipients = models.TextField(help_text="Comma-separated addresses.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "email delivery"
        verbose_name_plural = "email deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "kind"], name="getinvolved_one_delivery_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for submission {self.submission_id}"
