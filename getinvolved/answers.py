"""How members' answers read to the Membership team, wherever it reads them (the "Interest
submissions" listing and inspect view, each form's CSV and XLSX export): each answer beside
the wording of its question, times in UK local time to the second, nothing where nothing was
answered, the privacy notice by its title and date; and the folded text that search matches.

Folding: Unicode NFKD with the combining marks dropped, then case-folded, so "École",
"ECOLE" and "ecole" all read "ecole", and "Siân" reads "sian". Both the stored text
(InterestSubmission.search_text, filled on every save) and the search term are folded, so
search ignores accents and case on SQLite and PostgreSQL alike, with no database extension.
Curly quotes and apostrophes read as straight ones, so "st mary's" finds "St Mary’s"
(migration 0005 refolded the submissions stored before)."""

import datetime
import unicodedata
from zoneinfo import ZoneInfo

UK_TIME = ZoneInfo("Europe/London")
# Stored answers whose names say they are the member's name, most telling first.
NAME_KEYS = ("your_name", "name", "full_name", "member_name")


# Typed on phones and pasted from documents: ’ ‘ ʼ ‛ for ', “ ” „ ‟ for ".
STRAIGHT_QUOTES = str.maketrans(
    dict.fromkeys("\u2019\u2018\u02bc\u201b", "'") | dict.fromkeys("\u201c\u201d\u201e\u201f", '"')
)


def fold(text):
    """``text`` without accents or case, with straight quotes: what search compares."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold()).translate(STRAIGHT_QUOTES)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def uk_time(value):
    """An aware datetime as UK local time, to the second, without its zone: naive, for a
    spreadsheet cell."""
    return value.astimezone(UK_TIME).replace(microsecond=0, tzinfo=None)


def uk_time_text(value):
    """ "2026-12-07 02:40:53": UK local time to the second, a form every spreadsheet reads as
    a date and sorts."""
    return f"{uk_time(value):%Y-%m-%d %H:%M:%S}"


def answer_text(value):
    """One answer as the team reads it: blank when not given (or asked after the member sent
    the form), choices joined with commas."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(answer_text(item) for item in value if item not in (None, ""))
    if isinstance(value, datetime.datetime):
        return uk_time_text(value)
    return str(value)


def export_value(value, export_format):
    """A value of a CSV or XLSX export: UK local times to the second (a naive datetime in an
    XLSX cell), blank for nothing."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return uk_time(value) if export_format == "xlsx" else uk_time_text(value)
    return value


def notice_label(notice):
    """The privacy notice a member agreed to, as people name it: its title and the date that
    version was first agreed to, e.g. "Privacy notice, version of 7 December 2026"."""
    if notice is None:
        return ""
    day = notice.first_agreed_at.astimezone(UK_TIME)
    return f"{notice.title}, version of {day.day} {day:%B %Y}"


def member_name(form_data):
    """The member's name from their answers, or "" if the form did not ask it."""
    for key in NAME_KEYS:
        if form_data.get(key):
            return answer_text(form_data[key])
    for key, value in form_data.items():
        if "name" in key.split("_") and value:
            return answer_text(value)
    return ""


def search_text(form_data, region=""):
    """Everything search should find a submission by, folded."""
    words = [answer_text(value) for value in form_data.values()]
    return fold(" ".join([*words, region]))


def answer_rows(submission):
    """``(question, answer)`` for each question of the submission's form, in the form's order
    and worded as the form words it; then any answer to a question since removed from the
    form, under its stored name."""
    data = submission.form_data
    rows, asked = [], set()
    for field in submission.page.specific.get_form_fields():
        asked.add(field.clean_name)
        rows.append((field.label, answer_text(data.get(field.clean_name))))
    for name, value in data.items():
        if name not in asked:
            question = name.replace("_", " ").capitalize()
            rows.append((f"{question} (no longer on the form)", answer_text(value)))
    return rows
