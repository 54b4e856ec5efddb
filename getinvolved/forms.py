"""The member-facing form: Wagtail's form builder fields plus the fields every interest form
must have (consent, honeypot, form token)."""

import django.forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

# Names the form builder can never produce (it makes snake_case names, never hyphens), so an
# editor's field cannot replace one of these.
CONSENT_FIELD = "privacy-consent"
TOKEN_FIELD = "form-token"
HONEYPOT_FIELD = "website-address"
PROTECTED_FIELDS = (CONSENT_FIELD, TOKEN_FIELD, HONEYPOT_FIELD)

# Longest answers accepted. Wagtail limits single-line text to 255 characters and nothing
# else; unbounded answers would let one post fill the database and the exports.
MAX_LENGTHS = {"singleline": 255, "multiline": 5000, "email": 254, "url": 2000, "hidden": 255}

# What browsers may fill in for the member (WCAG 1.3.5), by the field's clean name.
AUTOCOMPLETE = {
    "name": "name",
    "full_name": "name",
    "your_name": "name",
    "email": "email",
    "email_address": "email",
    "your_email": "email",
}


def _too_long(limit):
    return _("Please keep this to %(limit)s characters or fewer.") % {"limit": f"{limit:,}"}


class InterestFormBuilder(FormBuilder):
    """Wagtail's form builder with this site's limits and messages. ``canonical_choices``
    ({clean name: choices}) is given for a translated form (the Welsh copy of an English
    one): each choice is stored as the English form's choice in the same position, and only
    shown in the form's own language, so answers to both forms filter and export together
    (``InterestFormPage.canonical_choices``)."""

    def __init__(self, fields, canonical_choices=None):
        super().__init__(fields)
        self.canonical_choices = canonical_choices or {}

    def get_formatted_field_choices(self, field):
        choices = super().get_formatted_field_choices(field)
        canonical = self.canonical_choices.get(field.clean_name)
        if canonical and len(canonical) == len(choices):
            return [(value, label) for value, (_, label) in zip(canonical, choices, strict=True)]
        if canonical:
            # The English question changed since it was translated (the form editor checks
            # only when the translation is saved): its choices, in English, until the
            # translator catches up, rather than Welsh values stored apart from them.
            return [(value, value) for value in canonical]
        return choices

    def get_field_options(self, field):
        options = super().get_field_options(field)
        kind = field.field_type
        if kind in MAX_LENGTHS:
            limit = MAX_LENGTHS[kind]
            options["max_length"] = limit
            options["error_messages"] = {
                "max_length": _too_long(limit),
                "required": _("Enter your answer to “%(question)s”.") % {"question": field.label},
            }
        else:
            options["error_messages"] = {
                "required": _("Answer “%(question)s”.") % {"question": field.label}
            }
        if kind == "multiline" and f"{MAX_LENGTHS[kind]:,}" not in options.get("help_text", ""):
            # Say the limit the browser enforces (maxlength): nothing is cut off unannounced.
            hint = options.get("help_text", "").strip()
            limit = _("Up to %(limit)s characters.") % {"limit": f"{MAX_LENGTHS[kind]:,}"}
            options["help_text"] = f"{hint} {limit}".strip()
        if kind == "email":
            options["error_messages"]["invalid"] = _(
                "Enter an email address in the right format, like name@example.com."
            )
        if kind in ("dropdown", "radio"):
            options["error_messages"]["required"] = _("Choose an option for “%(question)s”.") % {
                "question": field.label
            }
        if kind in ("multiselect", "checkboxes"):
            options["error_messages"]["required"] = _(
                "Choose at least one option for “%(question)s”."
            ) % {"question": field.label}
        if kind in ("dropdown", "radio", "multiselect", "checkboxes"):
            options["error_messages"]["invalid_choice"] = _(
                "Choose one of the options listed for “%(question)s”."
            ) % {"question": field.label}
        if kind == "checkbox":
            options["error_messages"]["required"] = _("Tick “%(question)s” to continue.") % {
                "question": field.label
            }
        return options

    def create_number_field(self, field, options):
        options["max_digits"] = 20
        options["error_messages"]["invalid"] = _("Enter a number, like 42.")
        options["error_messages"]["max_digits"] = _("Enter a number of 20 digits or fewer.")
        return super().create_number_field(field, options)

    def create_dropdown_field(self, field, options):
        field_object = super().create_dropdown_field(field, options)
        # An empty first option, so that nothing is chosen for the member.
        field_object.choices = [("", gettext_lazy("Choose an option")), *field_object.choices]
        return field_object

    @property
    def formfields(self):
        fields = super().formfields
        for name, field_object in fields.items():
            if name in AUTOCOMPLETE:
                field_object.widget.attrs.setdefault("autocomplete", AUTOCOMPLETE[name])
        return fields

    def get_form_class(self):
        return type("InterestForm", (InterestForm,), self.formfields)


class InterestForm(BaseForm):
    """Base of every interest form. The page supplies the consent wording and the privacy
    notice page (from site settings) it links to."""

    def __init__(self, *args, privacy_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.privacy_page = privacy_page
        # The form's own words with what its answers are for (purposes.py).
        label = self.page.consent_label(privacy_page.url if privacy_page is not None else "")
        self.fields[CONSENT_FIELD] = django.forms.BooleanField(
            label=label,
            required=True,
            error_messages={
                "required": _("Tick the box to agree to how we will use your answers.")
            },
        )
        self.fields[TOKEN_FIELD] = django.forms.CharField(
            required=False, widget=django.forms.HiddenInput
        )
        # The honeypot: people never see, hear or reach it (see the template); bots that
        # fill every field fill it in.
        self.fields[HONEYPOT_FIELD] = django.forms.CharField(
            required=False,
            label=_("Leave this empty"),
            widget=django.forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def answer_fields(self):
        """The editor's fields, in order, bound."""
        return [self[name] for name in self.fields if name not in PROTECTED_FIELDS]

    @property
    def consent_field(self):
        return self[CONSENT_FIELD]

    @property
    def token_field(self):
        return self[TOKEN_FIELD]

    @property
    def honeypot_field(self):
        return self[HONEYPOT_FIELD]

    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD))

    def answers(self):
        """The cleaned answers to store: everything but the protection fields."""
        return {
            name: value for name, value in self.cleaned_data.items() if name not in PROTECTED_FIELDS
        }
