"""A Welsh translation of the "Register your interest" form, as a translator makes it: a
copy of the English form (Wagtail's copy for translation) with its words in Welsh. Test
wording only (the region names are the established Welsh ones), not research content."""

from bilingual.translation import welsh_copy
from tests.factories import make_welsh_twin

WELSH_REGIONS = [
    "Gogledd-ddwyrain Lloegr",
    "Gogledd-orllewin Lloegr",
    "Swydd Efrog a’r Humber",
    "Dwyrain Canolbarth Lloegr",
    "Gorllewin Canolbarth Lloegr",
    "Dwyrain Lloegr",
    "Llundain",
    "De-ddwyrain Lloegr",
    "De-orllewin Lloegr",
    "Cymru",
    "Rhywle arall",
]
WELSH_LABELS = {
    "your_name": "Eich enw",
    "email_address": "Cyfeiriad e-bost",
    "school_or_workplace": "Ysgol neu weithle",
    "role": "Rôl",
    "region": "Rhanbarth",
    "membership_number": "Rhif aelodaeth",
    "how_would_you_like_to_be_involved": "Sut hoffech chi gymryd rhan?",
}
WELSH_INVOLVEMENT = ["Rhannu arfer o fy ysgol", "Cael newyddion am y gwaith hwn"]
WELSH_TITLE = "Cofrestrwch eich diddordeb"
WELSH_SUBJECT = "Diolch am gysylltu â ni"
WELSH_CONFIRMATION = "Diolch am gofrestru eich diddordeb. Byddwn yn cysylltu â chi cyn bo hir."


def make_welsh_form(form, site_home, get_involved, privacy_notice=None):
    """The live Welsh twin of ``form`` (and of the overview and "Get involved" above it),
    with Welsh questions and choices; with ``privacy_notice``, a live Welsh notice too."""
    make_welsh_twin(site_home, "Trosolwg")
    make_welsh_twin(get_involved, "Cymryd rhan")
    if privacy_notice is not None:
        make_welsh_twin(privacy_notice, "Hysbysiad preifatrwydd")
    welsh = welsh_copy(form)
    for field in welsh.form_fields.all():
        field.label = WELSH_LABELS.get(field.clean_name, field.label)
        if field.clean_name == "region":
            field.choices = "\n".join(WELSH_REGIONS)
        if field.clean_name == "how_would_you_like_to_be_involved":
            field.choices = "\n".join(WELSH_INVOLVEMENT)
        field.save()
    welsh.title = WELSH_TITLE
    welsh.confirmation_subject = WELSH_SUBJECT
    welsh.confirmation_text = WELSH_CONFIRMATION
    welsh.save_revision().publish()
    welsh.refresh_from_db()
    return welsh


def welsh_answers(**overrides):
    """Answers to the Welsh form as a member's browser sends them (choices' stored values)."""
    answers = {
        "your_name": "Siân Aelod",
        "email_address": "sian@example.org",
        "school_or_workplace": "Ysgol Gynradd Enghraifft",
        "role": "Athro dosbarth",
        "region": "Wales",
        "membership_number": "",
        "how_would_you_like_to_be_involved": ["Share practice from my school"],
        "privacy-consent": "on",
    }
    answers.update(overrides)
    return answers
