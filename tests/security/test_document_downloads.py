"""Documents download rather than open (docs/security.md, Images and documents): whatever
their type, `/documents/…` answers with Content-Disposition: attachment, so an HTML or SVG
file cannot run in the site's origin, and a PDF downloads as the report block's "Download
the report" promises."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

FILES = {
    "report.pdf": b"%PDF-1.4\n% a report\n",
    "notes.txt": b"Plain notes.",
    "page.html": b"<!doctype html><script>alert(document.cookie)</script>",
    "drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
}


@pytest.mark.parametrize("filename", FILES)
def test_every_document_is_served_as_an_attachment(client, site_home, filename):
    document = get_document_model()(title=filename)
    document.file.save(filename, ContentFile(FILES[filename]), save=False)
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment"), disposition
    assert filename in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
