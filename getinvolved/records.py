"""What a member's submission leaves in the database: their answers (InterestSubmission), the
privacy notice they agreed to (ConsentNotice) and the emails owed for it (EmailDelivery).

Plain declarations: submissions.py creates these rows, tasks.py sends the emails, and
models.py (the app's model index) imports them so that Django registers them."""

from django.conf import settings
from django.db import models
from wagtail.contrib.forms.models import AbstractFormSubmission

from . import answers


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
    # The notice's language (its page's locale): a Welsh form's consent is to the Welsh
    # notice where that is live (languages.notice_in_language).
    language = models.CharField(max_length=15, blank=True, default="")
    sha256 = models.CharField(max_length=64, unique=True)
    first_agreed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "privacy notice version"

    def __str__(self):
        # Its title and date, as the team names it (the revision and hash are for audits).
        return answers.notice_label(self) if self.first_agreed_at else self.title


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
    # The language of the form the member used ("cy", "en-gb"): their confirmation email is
    # written in it (tasks.py), and the listing shows and filters by it.
    language = models.CharField(max_length=15, blank=True, default="", db_index=True)
    # The answers and region without accents or case (answers.fold), filled on every save:
    # what the "Interest submissions" search matches, the same on SQLite and PostgreSQL.
    search_text = models.TextField(blank=True, default="", editable=False)

    class Meta:
        verbose_name = "interest submission"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "fingerprint"], name="getinvolved_one_submission_per_answers"
            )
        ]
        indexes = [models.Index(fields=["submit_time"])]

    def __str__(self):
        # The same UK time, to the second, as the inspect view's fields and the exports.
        return f"{self.page.title}, {answers.uk_time_text(self.submit_time)}"

    def save(self, *args, **kwargs):
        self.search_text = answers.search_text(self.form_data, self.region)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_data(self):
        return {
            **super().get_data(),
            "consented_at": self.consented_at,
            "consent_notice": answers.notice_label(self.consent_notice),
        }

    def member_name(self):
        return answers.member_name(self.form_data)

    member_name.short_description = "Member"

    def form_title(self):
        return self.page.title

    form_title.short_description = "Form"
    form_title.admin_order_field = "page__title"

    def submission_date(self):
        return answers.uk_time_text(self.submit_time)

    submission_date.short_description = "Submission date"
    submission_date.admin_order_field = "submit_time"

    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)

    language_name.short_description = "Language"
    language_name.admin_order_field = "language"

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
