"""The editor's guide (docs/editors-guide.md) shows only screenshots that the browser tests
take, each of which exists, and the README links to it. The browser tests themselves check
that they write every screenshot given to them (tests/browser/guide.py)."""

import importlib
import inspect
import re
import struct

import pytest

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


def block_sections():
    """The ### headings inside the guide's "Building the page from blocks" section."""
    text = GUIDE.read_text("utf-8")
    section = text.split("\n## Building the page from blocks\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^### (.+)$", section, flags=re.MULTILINE)


def test_every_block_in_the_picker_has_a_section_in_the_guide():
    """Issue 18, acceptance 7: a block added to the body's picker (BodyStreamBlock) without
    a section of its own in the guide fails this test."""
    from casestudies.blocks import BodyStreamBlock

    labels = [block.label for block in BodyStreamBlock().child_blocks.values()]
    sections = block_sections()
    missing = [label for label in labels if label not in sections]
    assert not missing, (
        "Blocks in the picker without a '### <label>' section under 'Building the page from "
        f"blocks' in docs/editors-guide.md: {missing}"
    )
    gone = [name for name in sections if name not in labels]
    assert not gone, f"The guide describes blocks the picker does not offer: {gone}"


def test_a_new_block_without_a_section_fails(monkeypatch):
    from wagtail import blocks

    from casestudies.blocks import BodyStreamBlock

    class WithNewBlock(BodyStreamBlock):
        map = blocks.CharBlock(label="Map")

    monkeypatch.setattr("casestudies.blocks.BodyStreamBlock", WithNewBlock)
    with pytest.raises(AssertionError, match="Map"):
        test_every_block_in_the_picker_has_a_section_in_the_guide()
