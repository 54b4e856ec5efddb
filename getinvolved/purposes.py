"""What each interest form's answers are for, and on what lawful basis (UK GDPR Article 6),
edited per form in the page editor. The privacy notice states them form by form
(privacy.py), and the form's consent box names them (``consent_label``): a member agrees to
purposes they can read there, not only to a link."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class LawfulBasis(models.TextChoices):
    CONSENT = "consent", "Consent (UK GDPR Article 6(1)(a))"
    LEGITIMATE_INTERESTS = "legitimate_interests", "Legitimate interests (Article 6(1)(f))"
    CONTRACT = "contract", "Contract (Article 6(1)(b))"


# How the notice words each basis, after "The lawful basis is".
BASIS_IN_WORDS = {
    LawfulBasis.CONSENT: _(
        "your consent, which you give by ticking the box on the form. You can "
        "withdraw it at any time (see “Your rights” below); that does not make unlawful what "
        "was done with your answers before"
    ),
    LawfulBasis.LEGITIMATE_INTERESTS: _("the union’s legitimate interests"),
    LawfulBasis.CONTRACT: _("a contract with you, or steps you asked for before one"),
}

DEFAULT_PURPOSE = "to get in touch about what is sent through this form"
CONSENT_START = "I agree that the National Education Union may store and use my answers"
# The opening forms had before the purpose followed it (drafts may still hold it).
OLD_CONSENT_TEXT = (
    "I agree that the National Education Union may store and use my answers as described in "
    "its privacy notice."
)
SHARING_CONSENT = _("I agree that they may be shared with other union members.")
NEEDS_EXPLANATION = "Say what the union’s legitimate interests are: the privacy notice states them."


class PurposeFields(models.Model):
    """The fields of an interest form that say what its answers are for."""

    purpose = models.CharField(
        "What the answers are for",
        max_length=300,
        default=DEFAULT_PURPOSE,
        help_text="Starting with “to”, as it completes “We use your answers …” in the privacy "
        "notice and the consent box, e.g. “to get in touch about being more involved in this "
        "work”. No “you” or “me”: both read it.",
    )
    lawful_basis = models.CharField(
        "Lawful basis",
        max_length=30,
        choices=LawfulBasis.choices,
        default=LawfulBasis.CONSENT,
        help_text="The UK GDPR basis for using the answers; the privacy notice names it. "
        "Ask the union's data protection contact before changing it.",
    )
    basis_explanation = models.TextField(
        "About the lawful basis",
        blank=True,
        help_text="For legitimate interests (required then): what those interests are. "
        "Otherwise optional: shown after the basis in the privacy notice.",
    )
    shared_with_members = models.BooleanField(
        "Answers may be shared with other members",
        default=False,
        help_text="Tick if what members send may be passed on to other union members (e.g. "
        "stories of best practice). The consent box then asks members to agree to it, and "
        "the privacy notice says so.",
    )

    purpose_panels = [
        MultiFieldPanel(
            [
                FieldPanel("purpose"),
                FieldPanel("lawful_basis"),
                FieldPanel("basis_explanation"),
                FieldPanel("shared_with_members"),
            ],
            heading="What the answers are for (privacy notice and consent box)",
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.lawful_basis == LawfulBasis.LEGITIMATE_INTERESTS and not (
            self.basis_explanation.strip()
        ):
            raise ValidationError({"basis_explanation": NEEDS_EXPLANATION})

    @property
    def purpose_sentence(self):
        """The purpose as it ends a sentence: no trailing full stop of its own."""
        return self.purpose.strip().rstrip(".")

    def basis_in_words(self):
        return BASIS_IN_WORDS.get(self.lawful_basis, self.get_lawful_basis_display())

    def consent_label(self, privacy_url=""):
        """The consent box's words: the form's opening, its purpose, the sharing it allows,
        and a link to the notice."""
        start = self.consent_text if self.consent_text != OLD_CONSENT_TEXT else CONSENT_START
        start = (start or CONSENT_START).strip().rstrip(".")
        words = format_html("{} {}.", start, self.purpose_sentence)
        if self.shared_with_members:
            words = format_html("{} {}", words, SHARING_CONSENT)
        if privacy_url:
            words = format_html(
                '{} <a href="{}">{}</a>.', words, privacy_url, _("Read the privacy notice")
            )
        return words
