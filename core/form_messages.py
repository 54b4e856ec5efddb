"""Django's own form messages that visitors can meet (a question left unanswered, a date or a
filter value that is not valid), marked here so the site's Welsh catalogue (locale/cy, which
comes before every other) carries them: Django's Welsh leaves some untranslated or mistyped,
and Wagtail's Welsh replaces "This field is required." with other wording. Nothing imports this
module: `make catalogue` (makemessages) reads it."""

from django.utils.translation import gettext_noop

DJANGO_FORM_MESSAGES = (
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
)
