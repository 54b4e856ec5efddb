"""Issue 18, acceptance 1: an Editor's replacement of an image a live page shows does not
reach the public page. The image's editor says why and who can; even a form forced past the
disabled fields changes nothing that visitors see."""

import io
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from playwright.sync_api import expect

from staff.names import EDITORS
from tests.browser.admin import add_user, sign_in
from tests.browser.test_accessibility import load, path_of

pytestmark = pytest.mark.browser


def png(colour):
    buffer = BytesIO()
    PILImage.new("RGB", (1200, 675), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def hero_sources(page, live_site, path, alt):
    load(page, live_site + path)
    picture = page.locator(f'main img[alt="{alt}"]')
    expect(picture.first).to_be_attached()
    return picture.first.get_attribute("src")


def test_an_editor_cannot_replace_the_hero_image_of_a_live_case_study(
    live_site, page, django_user_model, tmp_path
):
    from wagtail.images import get_image_model

    from casestudies.models import CaseStudyPage

    call_command("setup_groups", stdout=io.StringIO())
    alt = "Pupils planting trees in the school garden"
    image = get_image_model().objects.create(
        title="Garden hero",
        description=alt,
        file=ImageFile(BytesIO(png((0, 107, 107))), name="garden-hero.png"),
    )
    case_study = CaseStudyPage.objects.live().order_by("path").first()
    case_study.hero_image = image
    case_study.hero_image_alt = ""
    case_study.hero_image_decorative = False  # the starter's drawn pictures are decorative
    case_study.save_revision().publish()
    path = path_of(case_study)
    before = hero_sources(page, live_site, path, alt)

    sign_in(page, live_site, *add_user(django_user_model, "eddie.editor", EDITORS))
    page.goto(f"{live_site}/admin/images/{image.pk}/")
    expect(
        page.get_by_text("only Publishers can replace its file or description").first
    ).to_be_visible()
    expect(page.get_by_text(case_study.title).first).to_be_visible()
    file_input = page.locator('input[name="file"]')
    expect(file_input).to_be_disabled()
    expect(page.locator('input[name="description"]')).to_be_disabled()

    # Forced: the fields enabled by hand, a new file and words sent anyway.
    page.evaluate(
        "() => document.querySelectorAll('input[name=file], input[name=description]')"
        ".forEach((field) => field.removeAttribute('disabled'))"
    )
    replacement = tmp_path / "red.png"
    replacement.write_bytes(png((200, 0, 0)))
    file_input.set_input_files(str(replacement))
    page.locator('input[name="description"]').fill("A red square")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_load_state("load")

    image.refresh_from_db()
    assert image.description == alt and "garden-hero" in image.file.name
    assert hero_sources(page, live_site, path, alt) == before
    assert page.locator('main img[alt="A red square"]').count() == 0
