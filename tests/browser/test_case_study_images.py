"""Case studies show their hero image, described by the editor's alt text, on their cards
(the index, and theme pages) and on their own page, at phone and desktop sizes."""

from io import BytesIO

import pytest

from tests.browser.test_accessibility import load, path_of

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def test_case_study_cards_and_pages_show_the_hero_image(live_site, page):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    from casestudies.models import CaseStudyPage

    buffer = BytesIO()
    PILImage.new("RGB", (1200, 675), (0, 107, 107)).save(buffer, format="PNG")
    image = get_image_model().objects.create(
        title="Layout test hero", file=ImageFile(buffer, name="layout-test-hero.png")
    )
    alt = "A teal test picture standing in for a photograph"
    case_study = CaseStudyPage.objects.live().order_by("path").first()
    case_study.hero_image = image
    case_study.hero_image_alt = alt
    case_study.save_revision().publish()
    case_study.refresh_from_db()
    index_path = path_of(case_study.get_parent())
    pages = [index_path, path_of(case_study)]
    pages += [path_of(theme) for theme in case_study.themes.live()]

    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        for path in pages:
            load(page, live_site + path)
            pictures = page.locator(f'main picture img[alt="{alt}"]')
            assert pictures.count() == 1, f"{path} should show the hero image once"
            pictures.first.scroll_into_view_if_needed()
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0", arg=pictures.first.element_handle()
            )
            assert pictures.first.evaluate("img => img.closest('picture') !== null")
            box = pictures.first.bounding_box()
            assert box["width"] > 100 and box["height"] > 50, (path, size, box)
