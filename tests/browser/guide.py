"""Screenshots of the real admin for the editor's guide (docs/editors-guide.md).

The browser tests take them while they use the admin, so the pictures in the guide are
always of the admin as it is. ``SCREENSHOTS`` is the one list of them: each file in
docs/images/ that the guide shows, and the browser test that writes it.
tests/test_editors_guide.py checks that the guide shows exactly these files and that each
exists; the ``guide_screenshots`` fixture (tests/browser/conftest.py) checks that each test
writes all of its screenshots, so a picture cannot go stale unnoticed.

The tests write them into the folder named by the GUIDE_SCREENSHOTS_DIR environment variable:
`make guide-images` sets it to docs/images/ to refresh the guide's pictures. Unset (as in
`make test`), they go to a temporary folder, so a test run leaves the work tree as it was.
"""

import os
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "editors-guide.md"
IMAGES = ROOT / "docs" / "images"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OUTPUT_VARIABLE = "GUIDE_SCREENSHOTS_DIR"

JOURNEY = (
    "tests/browser/test_editor_journey.py"
    "::test_editor_writes_a_case_study_and_a_publisher_approves_it"
)

FORMS = (
    "tests/browser/test_forms_guide.py"
    "::test_editor_changes_a_form_and_the_membership_team_downloads_its_submissions"
)

# File name in docs/images/ -> the browser test (path::function) that writes it.
SCREENSHOTS = {
    "case-studies-listing.png": JOURNEY,
    "case-study-about-the-school.png": JOURNEY,
    "block-picker.png": JOURNEY,
    "trait-list-block.png": JOURNEY,
    "comparison-block.png": JOURNEY,
    "video-block.png": JOURNEY,
    "submit-for-approval.png": JOURNEY,
    "awaiting-your-review.png": JOURNEY,
    "approve-and-publish.png": JOURNEY,
    "published-case-study.png": JOURNEY,
    "form-new-field.png": FORMS,
    "form-submissions-download.png": FORMS,
}


def output_dir(temporary):
    """Where the screenshots go: $GUIDE_SCREENSHOTS_DIR, or else ``temporary``."""
    configured = os.environ.get(OUTPUT_VARIABLE, "").strip()
    return Path(configured).resolve() if configured else Path(temporary)


def owner_test_id(node):
    """``path::function`` for a collected test item, without parameters like [chromium]."""
    path = Path(node.path).resolve().relative_to(ROOT).as_posix()
    return f"{path}::{node.originalname}"


# Wagtail's page editor keeps its header and action bar on screen while the form scrolls
# beneath them; in a picture of one panel they would cover part of it.
EDITOR_BARS = "header.w-slim-header, footer.footer { visibility: hidden !important; }"
MARGIN = 8


class GuideScreenshots:
    """Takes the screenshots that ``SCREENSHOTS`` gives to one test, and only those."""

    def __init__(self, test_id, directory):
        self.test_id = test_id
        self.directory = Path(directory)
        self.expected = {name for name, owner in SCREENSHOTS.items() if owner == test_id}
        self.taken = set()

    def take(self, target, name, *, around=(), hide=EDITOR_BARS):
        """Screenshot into <directory>/<name>: a Playwright page (its viewport), or a locator
        (just that element, or with ``around`` the smallest box holding it and those
        locators, e.g. a menu it opened). ``hide`` is CSS applied while taking it."""
        assert name in self.expected, (
            f"{name} is not a screenshot of {self.test_id}: add it to SCREENSHOTS in "
            "tests/browser/guide.py and show it in docs/editors-guide.md"
        )
        path = self.directory / name
        self.directory.mkdir(parents=True, exist_ok=True)
        started = time.time()
        # Transitions (menus fading in) are finished first: the picture shows the end state.
        options = {"path": path, "animations": "disabled", "caret": "hide", "style": hide}
        if hasattr(target, "goto"):  # a page
            target.screenshot(**options)
        else:
            with tall_enough_for(target):
                if around:
                    target.page.screenshot(clip=box_around(target, *around), **options)
                else:
                    target.screenshot(**options)
        assert path.stat().st_mtime >= started - 1, f"{path} was not written"
        assert path.read_bytes()[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
        self.taken.add(name)
        return path

    def missing(self):
        return sorted(self.expected - self.taken)


@contextmanager
def tall_enough_for(locator):
    """Wagtail's admin scrolls inside its own container, so a screenshot shows only what is
    within the viewport: make the window tall enough for the element while taking it."""
    page = locator.page
    viewport = page.viewport_size
    locator.scroll_into_view_if_needed()
    needed = int(locator.bounding_box()["height"]) + 200
    if needed > viewport["height"]:
        page.set_viewport_size({**viewport, "height": needed})
        locator.scroll_into_view_if_needed()
    try:
        yield
    finally:
        page.set_viewport_size(viewport)


def box_around(*locators):
    """The smallest box (within the viewport) holding all the locators' elements."""
    boxes = [locator.bounding_box() for locator in locators]
    viewport = locators[0].page.viewport_size
    left = max(0, min(box["x"] for box in boxes) - MARGIN)
    top = max(0, min(box["y"] for box in boxes) - MARGIN)
    right = min(viewport["width"], max(box["x"] + box["width"] for box in boxes) + MARGIN)
    bottom = min(viewport["height"], max(box["y"] + box["height"] for box in boxes) + MARGIN)
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}
