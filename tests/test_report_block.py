"""The report block (core/report.py) and blocks that are not ready for visitors
(core/incomplete.py): a document link gives the file's format and size, a web address a
named link; without either, or a video without its address, visitors see nothing while the
editor is told why in the preview and after saving, and the page still publishes."""

import html

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.report import ONE_TARGET_MESSAGE, ReportBlock
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TITLE = "Place and Belonging in School: why it matters today"
# 2.4 MB as Django's filesizeformat counts (1 MB = 1,048,576 bytes).
PDF_SIZE = 2_516_582


def report(**value):
    return {"type": "report", "value": {"heading": "Read the report", "title": TITLE, **value}}


def text_of(response):
    """The visible text of <main>, white space collapsed (non-breaking spaces too)."""
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return " ".join(html.unescape(main.get_text(" ")).replace("\xa0", " ").split())


def report_links(response):
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return [
        (a["href"], " ".join(a.get_text().replace("\xa0", " ").split()))
        for a in main.select(".report a")
    ]


@pytest.fixture
def pdf(db):
    """A PDF uploaded as Wagtail's upload form does: format and size read from the file."""
    document = get_document_model()(
        title="The report",
        file=ContentFile(b"%PDF-1.4\n" + b"0" * (PDF_SIZE - 9), name="place-and-belonging.pdf"),
    )
    document._set_document_file_metadata()
    document.save()
    return document


def test_a_document_is_downloaded_with_its_format_and_size(client, site_home, pdf):
    page = StandardPageFactory(parent=site_home, body=[report(document=pdf.pk)])

    response = client.get(page.url)

    assert report_links(response) == [(pdf.url, "Download the report (PDF, 2.4 MB)")]
    assert TITLE in text_of(response)


def test_another_file_type_and_size_are_read_from_that_file(client, site_home):
    document = get_document_model()(
        title="Summary", file=ContentFile(b"x" * 10_240, name="summary.docx")
    )
    document._set_document_file_metadata()
    document.save()
    page = StandardPageFactory(parent=site_home, body=[report(document=document.pk)])

    assert report_links(client.get(page.url)) == [
        (document.url, "Download the report (DOCX, 10.0 KB)")
    ]


def test_a_web_address_is_a_named_link(client, site_home):
    page = StandardPageFactory(
        parent=site_home,
        body=[
            report(url="https://neu.org.uk/place-belonging"),
            report(url="https://www.example.org/r", link_text="Read it on the NEU website"),
        ],
    )

    assert report_links(client.get(page.url)) == [
        ("https://neu.org.uk/place-belonging", "Read the report on neu.org.uk"),
        ("https://www.example.org/r", "Read it on the NEU website"),
    ]


def test_a_report_may_link_to_a_document_or_an_address_not_both(pdf):
    block = ReportBlock()
    value = block.to_python(report(document=pdf.pk, url="https://neu.org.uk/")["value"])
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    for field in ("document", "url"):
        assert error.value.block_errors[field].messages == [ONE_TARGET_MESSAGE]


def test_the_overview_and_theme_1_carry_the_report(client, starter_site):
    for url in ("/", "/belonging-and-leadership/"):
        response = client.get(url)
        assert report_links(response) == [
            ("https://neu.org.uk/place-belonging", "Get the report from the NEU website")
        ], url
        cover = BeautifulSoup(response.content, "html.parser").select_one(".report img")
        # Described as what it shows (issue 17), not as how it was made.
        assert cover["alt"].startswith("Report cover: Place and Belonging in School")


def test_the_overview_shows_the_report_after_the_themes_and_before_about(client, starter_site):
    text = text_of(client.get("/"))
    # After the first screen, whose actions name the report and Get involved too (issue 17).
    text = text[text.index("The Belonging Challenge") :]
    order = ["The Belonging Opportunity", "Three interconnected themes", "Read the report"]
    order += ["About the research", "Get involved"]
    positions = [text.index(words) for words in order]
    assert positions == sorted(positions), positions


# Not ready for visitors -------------------------------------------------------------------

INCOMPLETE = [
    ("report", report(url="", document=None), "the report “" + TITLE + "” has nothing to link to"),
    (
        "video",
        {"type": "video", "value": {"title": "A talk", "url": "", "description": "About it."}},
        "the video “A talk” has no web address yet",
    ),
]


@pytest.mark.parametrize(("kind", "block", "reason"), INCOMPLETE, ids=[i[0] for i in INCOMPLETE])
def test_an_incomplete_block_shows_visitors_nothing_and_editors_why(
    client, site_home, kind, block, reason
):
    intro = {"type": "rich_text", "value": "<p>The rest of the page.</p>"}
    page = StandardPageFactory(parent=site_home, body=[intro, block])

    public = client.get(page.url)
    assert "The rest of the page." in text_of(public)
    assert not BeautifulSoup(public.content, "html.parser").select(f".block--{kind}")
    assert TITLE not in text_of(public) and "A talk" not in text_of(public)

    preview = page.make_preview_request()
    preview.render()
    assert "Not shown to visitors" in text_of(preview)
    assert reason[0].upper() + reason[1:] in text_of(preview)


def edit_with_incomplete_report(client, page):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield(
                [
                    (
                        "report",
                        {
                            "heading": "Read the report",
                            "title": TITLE,
                            "description": "",
                            "cover": {"image": "", "decorative": "", "alt_text": ""},
                            "document": "",
                            "url": "",
                            "link_text": "",
                        },
                    )
                ]
            ),
            "action-publish": "action-publish",
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


def test_the_page_publishes_with_a_warning_about_the_incomplete_block(admin_client, site_home):
    page = StandardPageFactory(parent=site_home, title="Reading")

    response = edit_with_incomplete_report(admin_client, page)

    assert response.status_code == 200
    assert (
        f"Visitors don't see this part of the page yet: the report “{TITLE}” has nothing to "
        "link to. Choose its document, or give the address of the page where visitors can "
        "read it."
    ) in html.unescape(response.content.decode())
    page.refresh_from_db()
    assert page.live and [block.block_type for block in page.body] == ["report"]
    assert page.get_latest_revision().id == page.live_revision_id
