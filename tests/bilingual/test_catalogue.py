"""Issue 20, acceptance 6: `makemessages` finds no visitor-facing string missing from the Welsh
catalogue. The extraction runs in a temporary copy of the sources (the tracked
locale/cy/LC_MESSAGES/django.po is never touched), exactly as `make catalogue` runs it; any
entry it leaves untranslated (a new string: empty msgstr) or fuzzy (a changed one) fails."""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path("locale", "cy", "LC_MESSAGES", "django.po")
# As the Makefile's `catalogue` target: the admin's templates stay English (editors' screens).
CATALOGUE_IGNORE = [
    ".venv",
    "devtools",
    "editorial",
    "tests",
    "media",
    "admin",
    "wagtailadmin",
    "wagtailimages",
]
SOURCES = {".py", ".html", ".txt", ".po"}
CY_PLURALS = "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 :(n==6) ? 4 : 5;"
ENTRY_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$')


def parse_po(path):
    """The catalogue's entries (header left out), each a dict of its keywords' strings and
    ``flags``: a few lines in place of a dependency for reading .po files."""
    entries, entry, key = [], {}, None
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.get("msgid"):
                entries.append(entry)
            entry, key = {}, None
        elif line.startswith("#,"):
            entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
        elif match := ENTRY_LINE.match(line):
            key = match[1]
            entry[key] = ast.literal_eval(match[2])
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
    return entries


def untranslated(entries):
    problems = []
    for entry in entries:
        name = (entry.get("msgctxt", ""), entry["msgid"])
        if "fuzzy" in entry.get("flags", ()):
            problems.append(("fuzzy", name))
        translations = [value for key, value in entry.items() if key.startswith("msgstr")]
        if not translations or not all(translations):
            problems.append(("untranslated", name))
    return problems


def copy_sources(target):
    def ignore(folder, names):
        return [
            name
            for name in names
            if name in (".git", ".venv", "node_modules", "media", "static", "__pycache__")
            or ((Path(folder) / name).is_file() and Path(name).suffix not in SOURCES)
        ]

    shutil.copytree(ROOT, target, ignore=ignore, symlinks=False)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """makemessages run over a copy of the sources, into the copy's catalogue."""
    copy = tmp_path_factory.mktemp("catalogue") / "site"
    copy_sources(copy)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        from django.conf import settings

        patch.setattr(settings, "LOCALE_PATHS", [copy / "locale"])
        call_command(
            "makemessages",
            locale=["cy"],
            ignore_patterns=CATALOGUE_IGNORE,
            no_obsolete=True,
            add_location="file",
            verbosity=0,
        )
    return copy / CATALOGUE


def test_every_string_visitors_see_has_its_welsh(extracted):
    entries = parse_po(extracted)
    assert len(entries) > 200, "makemessages found far fewer strings than the site marks"
    problems = untranslated(entries)
    assert not problems, (
        "Strings marked for translation without Welsh in locale/cy/LC_MESSAGES/django.po: run "
        f"`make catalogue` and translate them (README, 'Welsh and English'): {problems}"
    )


def test_the_committed_catalogue_is_what_makemessages_finds(extracted):
    """Nothing stale: each committed entry is still used, each used one is committed."""
    committed = {(e.get("msgctxt"), e["msgid"]) for e in parse_po(ROOT / CATALOGUE)}
    found = {(e.get("msgctxt"), e["msgid"]) for e in parse_po(extracted)}
    assert found - committed == set(), "run `make catalogue` and translate the new strings"
    assert committed - found == set(), "run `make catalogue`: these strings are no longer used"


def test_a_new_string_without_welsh_is_caught(extracted, tmp_path):
    """The check above fails for a string marked but not translated (and for a fuzzy one)."""
    text = extracted.read_text("utf-8")
    new = text + '\nmsgid "A new button"\nmsgstr ""\n\n#, fuzzy\nmsgid "Changed"\nmsgstr "Newid"\n'
    (tmp_path / "django.po").write_text(new, "utf-8")
    assert untranslated(parse_po(tmp_path / "django.po")) == [
        ("untranslated", ("", "A new button")),
        ("fuzzy", ("", "Changed")),
    ]


def test_the_catalogue_compiles_with_welsh_plural_forms(tmp_path):
    mo = tmp_path / "django.mo"
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file", str(mo), str(ROOT / CATALOGUE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with mo.open("rb") as compiled:
        welsh = gettext.GNUTranslations(compiled)
    assert welsh.info()["plural-forms"] == CY_PLURALS
    assert welsh.gettext("Skip to main content") == "Neidio i'r prif gynnwys"
    days = [welsh.ngettext("%(count)d day", "%(count)d days", n) for n in range(8)]
    assert days == ["%(count)d diwrnod"] * 8  # Welsh counts with the singular noun
