"""Listing pages cost the same number of queries however many case studies there are."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def new_image(name):
    buffer = BytesIO()
    PILImage.new("RGB", (800, 450), (74, 28, 107)).save(buffer, format="PNG")
    return get_image_model().objects.create(title=name, file=ImageFile(buffer, name=f"{name}.png"))


def add_case_studies(start, count):
    """Case studies on Theme 2, each with an image of its own (renditions are per image)."""
    index = CaseStudyIndexPage.objects.get()
    culture = ThemePage.objects.get(slug="belonging-and-culture")
    for number in range(start, start + count):
        page = CaseStudyPage(
            title=f"School {number}",
            slug=f"school-{number}",
            school_name=f"School {number}",
            town="Town",
            region="london",
            phase="primary",
            hero_image=new_image(f"school-{number}"),
            hero_image_alt="A purple rectangle",
        )
        index.add_child(instance=page)
        page.themes.set([culture])
        page.save_revision().publish()


def queries_for(client, url):
    client.get(url)  # the first view creates renditions, as on a real server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/case-studies/", "/belonging-and-culture/", "/"])
def test_listing_queries_do_not_grow_with_the_number_of_case_studies(client, starter_site, url):
    add_case_studies(0, 1)
    few = queries_for(client, url)
    add_case_studies(1, 3)
    many = queries_for(client, url)
    assert many == few, f"{url}: {few} queries with 3 case studies, {many} with 6"


def test_benchmark_command_reports_every_page_type(starter_site):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("benchmark_pages", repeat=1, stdout=out)
    rows = {line.split()[0] for line in out.getvalue().splitlines()[1:]}
    assert {"HomePage", "ThemePage", "CaseStudyIndexPage", "CaseStudyPage", "StandardPage"} <= rows
