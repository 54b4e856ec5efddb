"""Query budgets of uncached renders (the page cache bypassed): a theme page in at most 13,
and listing pages cost the same number of queries however many case studies there are.

12 (13 with Welsh, below), not the 8 of earlier versions: pages are now routed and checked
for privacy by Wagtail's own code (Page.route, get_view_restrictions, .public()) rather
than by copies of it that saved four queries and could break silently on an upgrade. The
page cache makes uncached renders rare (docs/caching.md, Query budget)."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from pagecache.caching import page_key
from pagecache.shared_cache import get_shared_cache
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def new_image(name):
    buffer = BytesIO()
    PILImage.new("RGB", (160, 90), (74, 28, 107)).save(buffer, format="PNG")
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


def forget_page(url):
    """Remove ``url`` from the page cache, as a content change would (only this page: the
    site-wide parts every page shares, the menu and footer, stay as rendered)."""
    get_shared_cache().delete(page_key(RequestFactory().get(url)))


def queries_for(client, url):
    """Queries of an uncached render of ``url``, once its image renditions exist."""
    client.get(url)  # the first view creates renditions, as on a real server
    forget_page(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    return len(captured)


def test_listing_queries_stay_the_same_with_ten_times_the_case_studies(client, starter_site):
    """The index, a theme page and the overview, with 6 case studies and then with 60 (6 is
    where the index starts offering its filters, casestudies.filters.FILTERS_FROM)."""
    urls = ["/case-studies/", "/belonging-and-culture/", "/"]
    add_case_studies(0, 6 - CaseStudyPage.objects.count())
    few = {url: queries_for(client, url) for url in urls}
    add_case_studies(100, 54)
    assert CaseStudyPage.objects.live().count() == 60
    many = {url: queries_for(client, url) for url in urls}
    assert many == few, "queries with 6 case studies, then with 60"


# 13, one more than before Welsh (issue 20): with WAGTAIL_I18N_ENABLED, Wagtail's routing
# starts from the site root's ``.localized``, which looks up the active Locale. The switcher
# and hreflang alternates cost none (bilingual/twins.py keeps them per content generation).
THEME_PAGE_BUDGET = 13


def test_a_theme_page_renders_uncached_within_its_query_budget(client, starter_site):
    assert queries_for(client, "/belonging-and-leadership/") <= THEME_PAGE_BUDGET
    add_case_studies(0, 10)
    assert queries_for(client, "/belonging-and-culture/") <= THEME_PAGE_BUDGET


def test_a_cached_page_costs_no_query(client, starter_site, django_assert_num_queries):
    client.get("/belonging-and-leadership/")
    with django_assert_num_queries(0):
        assert client.get("/belonging-and-leadership/")["X-Page-Cache"] == "hit"


def test_benchmark_command_reports_every_page_type(starter_site):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("benchmark_pages", repeat=1, stdout=out)
    rows = {line.split()[0] for line in out.getvalue().splitlines()[1:]}
    assert {"HomePage", "ThemePage", "CaseStudyIndexPage", "CaseStudyPage", "StandardPage"} <= rows
