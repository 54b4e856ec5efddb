"""Starter images drawn with Pillow, so the pages are not bare and no stock photo of a real
person is used. Each image is created once, found again by its title."""

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


def _save(title, draw_fn, size):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", size, WASH)
    draw_fn(ImageDraw.Draw(canvas), size)
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    filename = title.lower().replace(" ", "-").replace(":", "") + ".png"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=filename))


def banner(title, variant):
    """A wide abstract banner of overlapping circles: one of three colourways."""
    background, accent = PALETTES[variant % len(PALETTES)]

    def draw(d, size):
        width, height = size
        d.rectangle([0, 0, width, height], fill=background)
        for i in range(9):
            radius = 60 + 25 * ((i + variant) % 4)
            x = 90 + i * 180
            y = height // 2 + (40 if (i + variant) % 2 else -40)
            d.ellipse([x - radius, y - radius, x + radius, y + radius], outline=accent, width=10)

    return _save(title, draw, (1600, 400))


def report_cover(title):
    """A portrait cover carrying the report's title."""

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

    return _save(title, draw, (600, 850))
