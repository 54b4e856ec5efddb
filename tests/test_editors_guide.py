"""The editor's guide (docs/editors-guide.md) shows only screenshots that the browser tests
take, each of which exists, and the README links to it. The browser tests themselves check
that they write every screenshot given to them (tests/browser/guide.py)."""

import importlib
import inspect
import re
import struct

from tests.browser.guide import GUIDE, IMAGES, PNG_SIGNATURE, ROOT, SCREENSHOTS

# ![alt text](path "optional title")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<path>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
MAX_WIDTH = 1280  # the browser tests' viewport
MAX_BYTES = 250_000


def guide_images():
    return [(match["alt"], match["path"]) for match in IMAGE.finditer(GUIDE.read_text("utf-8"))]


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_every_image_in_the_guide_exists_and_is_described():
    images = guide_images()
    assert images, "The guide shows no screenshots"
    for alt, path in images:
        assert (GUIDE.parent / path).is_file(), f"The guide shows {path}, which does not exist"
        assert len(alt.split()) >= 3, f"Describe {path} for people who cannot see it"


def test_the_guide_shows_exactly_the_screenshots_the_browser_tests_take():
    shown = {path.removeprefix("images/") for _, path in guide_images()}
    assert all(not name.startswith(("/", ".")) for name in shown)
    untaken, unshown = sorted(shown - set(SCREENSHOTS)), sorted(set(SCREENSHOTS) - shown)
    assert not untaken, (
        "The guide shows images that no browser test takes (add them to SCREENSHOTS in "
        f"tests/browser/guide.py, and take them in a browser test): {untaken}"
    )
    assert not unshown, f"Screenshots taken for the guide but not shown in it: {unshown}"


def test_each_screenshot_belongs_to_a_browser_test_that_takes_screenshots():
    for name, owner in SCREENSHOTS.items():
        path, function_name = owner.split("::")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        test = getattr(module, function_name, None)
        assert callable(test), f"{name}: {owner} does not exist"
        assert "guide_screenshots" in inspect.signature(test).parameters, (
            f"{name}: {owner} does not use the guide_screenshots fixture"
        )
        marks = getattr(module, "pytestmark", [])
        marks = marks if isinstance(marks, list) else [marks]
        assert "browser" in [mark.name for mark in marks], f"{name}: {owner} is not a browser test"


def test_screenshots_are_small():
    for name in SCREENSHOTS:
        path = IMAGES / name
        width, _ = png_size(path)
        assert width <= MAX_WIDTH, f"{name} is {width} pixels wide"
        assert path.stat().st_size <= MAX_BYTES, f"{name} is {path.stat().st_size} bytes"


def test_readme_links_to_the_guide():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "](docs/editors-guide.md)" in readme
