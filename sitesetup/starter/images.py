"""Starter images drawn with Pillow, so the pages are not bare and no stock photo of a real
person is used. Each image is created once, found again by its title.

Drawing and encoding a PNG is the slow part of loading the starter content, so each
picture is drawn once per process (tests load the starter content many times) and saved
with its size already known (Wagtail need not open the file again to measure it)."""

from functools import cache
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

PURPLE = (74, 28, 107)
TEAL = (0, 107, 107)
GOLD = (255, 191, 71)
WASH = (244, 240, 247)
PALETTES = [(PURPLE, GOLD), (TEAL, WASH), (PURPLE, TEAL)]
BANNER_SIZE = (1600, 400)
COVER_SIZE = (600, 850)


def _save(title, png, size, description=""):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    filename = title.lower().replace(" ", "-").replace(":", "").replace("’", "") + ".png"
    width, height = size
    return Image.objects.create(
        title=title,
        description=description,  # the alt text wherever it is used without its own
        file=ImageFile(BytesIO(png), name=filename),
        width=width,
        height=height,
    )


def _png(draw_fn, size):
    canvas = PILImage.new("RGB", size, WASH)
    draw_fn(ImageDraw.Draw(canvas), size)
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")  # zlib's default level: a fifth bigger, 3x faster
    return buffer.getvalue()


def banner(title, variant):
    """A wide abstract banner of overlapping circles: one of three colourways."""
    return _save(title, _banner_png(variant), BANNER_SIZE)


REPORT_COVER_TITLE = "Report cover drawn for this site (not the report’s own cover)"
# What the cover shows (its title in the library says it is drawn here, for editors).
REPORT_COVER_DESCRIPTION = (
    "Report cover: Place and Belonging in School, why it matters today, National Education "
    "Union, in white and gold on purple with gold rings."
)


def report_cover(title=REPORT_COVER_TITLE):
    """A portrait cover carrying the report's title: drawn here, and named and described as
    such, until comms choose the report's real cover."""
    return _save(title, _report_cover_png(), COVER_SIZE, REPORT_COVER_DESCRIPTION)


HERO_SIZE = (1200, 675)
HERO_DESCRIPTION = (
    "An abstract pattern of rings, drawn for this website: not a photograph of the school."
)


def case_study_hero(title, variant):
    """A 16:9 abstract picture for a case study's card and page, described as what it is,
    until comms choose a photograph."""
    return _save(title, _banner_png(variant + 1, HERO_SIZE), HERO_SIZE, HERO_DESCRIPTION)


@cache
def _banner_png(variant, size=BANNER_SIZE):
    background, accent = PALETTES[variant % len(PALETTES)]

    def draw(d, size):
        width, height = size
        d.rectangle([0, 0, width, height], fill=background)
        scale = height / BANNER_SIZE[1]
        count = 9 if size == BANNER_SIZE else int(width / (180 * scale)) + 2
        for i in range(count):
            radius = (60 + 25 * ((i + variant) % 4)) * scale
            x = (90 + i * 180) * scale
            y = height // 2 + (40 if (i + variant) % 2 else -40) * scale
            d.ellipse(
                [x - radius, y - radius, x + radius, y + radius],
                outline=accent,
                width=round(10 * scale),
            )

    return _png(draw, size)


@cache
def _report_cover_png():
    def draw(d, size):
        width, height = size
        d.rectangle([0, 0, width, height], fill=PURPLE)
        d.rectangle([0, height - 140, width, height], fill=TEAL)
        for i in range(4):
            d.ellipse(
                [380 - i * 60, 420 - i * 40, 560 + i * 20, 600 + i * 20], outline=GOLD, width=6
            )
        heading = ImageFont.load_default(size=44)
        small = ImageFont.load_default(size=26)
        d.multiline_text(
            (48, 80), "Place and\nBelonging\nin School", font=heading, fill="white", spacing=12
        )
        d.text((48, 300), "why it matters today", font=small, fill=GOLD)
        d.text((48, height - 100), "National Education Union", font=small, fill="white")

    return _png(draw, COVER_SIZE)
