"""The form editor in editors' words: each question headed by its wording, "Add a question",
and a plain error naming the question the editor touched when two share their wording.

Wagtail's defaults head each question "Form fields 1…8", add with "Add Form fields", and
report a clash of wordings as a clash of machine names ("clean names", stored with each
answer), attached to both questions, the one the editor did not touch included.
"""

from django import forms
from django.forms.formsets import ORDERING_FIELD_NAME
from wagtail.admin.panels import InlinePanel

from core.page_form import SitePageForm

from .languages import canonical_choices, choices_of, english_field_types, english_questions

# submissions.py copies the answer to the question with this machine name into each
# submission's region, which the "Interest submissions" listing filters by. A question gets
# its machine name from its wording when first saved ("Region" gives "region") and keeps it
# when the wording changes later; the form editor says which question that is.
REGION_QUESTION = "region"


class QuestionsPanel(InlinePanel):
    """The form's questions: each headed "Question N: <wording>", added with "Add a
    question"; the one that feeds the region filter says so."""

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "getinvolved/admin/questions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            names = [child.form.instance.clean_name for child in self.children]
            context["region_question"] = REGION_QUESTION
            context["has_region_question"] = REGION_QUESTION in names
            return context


def machine_name(form):
    return form.instance.clean_name or form.instance.get_field_clean_name()


def touched(form):
    """New questions, and those whose wording the editor changed in this save."""
    return form.instance.pk is None or "label" in form.changed_data


def clash_message(number, other_number, other, label):
    if other.cleaned_data.get("label", "").strip().lower() == label.strip().lower():
        return (
            f"Question {number} has the same wording as question {other_number} (“{label}”). "
            "Each question needs its own wording: change this one."
        )
    return (
        f"Question {other_number} was first saved as “{label}”, and members' answers to it are "
        f"stored under that wording (it now reads “{other.cleaned_data.get('label', '')}”). "
        f"Choose other wording for question {number}."
    )


class InterestFormPageForm(SitePageForm):
    """The page form of interest forms. Replaces the duplicate check of Wagtail's
    ``WagtailAdminFormPageForm``, which this project does not use."""

    questions_relation = "form_fields"

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get(self.questions_relation)
        if formset is None:
            return cleaned_data
        questions = []
        for position, form in enumerate(formset.forms):
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            order = form.cleaned_data.get(ORDERING_FIELD_NAME) or position + 1
            questions.append((order, position, form))
        questions.sort(key=lambda item: item[:2])
        numbered = [(number, form) for number, (_, _, form) in enumerate(questions, start=1)]
        first_with_name = {}
        for number, form in numbered:
            first_with_name.setdefault(machine_name(form), (number, form))
        for number, form in numbered:
            other_number, other = first_with_name[machine_name(form)]
            if other is form:
                continue
            # The error goes on the question the editor touched, naming it by number.
            target_number, target, first_number, first = number, form, other_number, other
            if touched(other) and not touched(form):
                target_number, target, first_number, first = other_number, other, number, form
            label = target.cleaned_data.get("label", "")
            target.add_error(
                "label",
                forms.ValidationError(clash_message(target_number, first_number, first, label)),
            )
        self.check_translated_choices(numbered)
        return cleaned_data

    def check_translated_choices(self, numbered):
        """A translated form stores each choice as the English form's choice in the same
        place (languages.py), so it needs exactly as many, in the same order."""
        english = canonical_choices(self.instance) if self.instance.pk else {}
        keys = english_questions(self.instance) if self.instance.pk else None
        types = english_field_types(self.instance) if self.instance.pk else {}
        for number, form in numbered:
            if keys is not None and machine_name(form) not in keys:
                # Its answers would be stored apart from the English form's, under a key of
                # its own: questions are added to the English form, then translated here.
                form.add_error(
                    "label",
                    forms.ValidationError(
                        f"Question {number} is not on the English form, so its answers would "
                        "be kept apart. Add it to the English form first, then translate it "
                        "here."
                    ),
                )
                continue
            english_type = types.get(machine_name(form))
            if english_type and form.cleaned_data.get("field_type", english_type) != english_type:
                form.add_error(
                    "field_type",
                    forms.ValidationError(
                        f"Question {number} is a {english_type} question in English: keep "
                        "that type, so that its answers are stored as the English form's."
                    ),
                )
                continue
            expected = english.get(machine_name(form))
            if not expected or "choices" not in form.cleaned_data:
                continue
            given = choices_of(form.instance.__class__(choices=form.cleaned_data["choices"]))
            if len(given) != len(expected):
                form.add_error(
                    "choices",
                    forms.ValidationError(
                        f"Question {number} has {len(expected)} choices in English: give one "
                        "for each, one per line, in the same order. Answers are stored as "
                        f"the English choices ({', '.join(expected)})."
                    ),
                )
