"""Tables of figures and the bar charts drawn from them on the server, as SVG: no chart
script, nothing inline for the Content-Security-Policy to refuse, nothing from elsewhere.
The chart and its table (and its CSV) come from the same rows, so they always agree."""

import csv
import io
from dataclasses import dataclass, field

from django.http import HttpResponse

LABEL_WIDTH = 260  # room for the row labels, right-aligned against the bars
BAR_AREA = 320
VALUE_ROOM = 60
ROW_HEIGHT = 28
BAR_HEIGHT = 18
LABEL_CHARS = 34
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str
    value: int
    y: float
    text_y: float
    width: float
    value_x: float


@dataclass
class Table:
    """One table of figures: ``rows`` of (label, count), headed ``label_heading`` and
    ``value_heading``. ``slug`` names its CSV."""

    slug: str
    title: str
    label_heading: str
    value_heading: str
    rows: list = field(default_factory=list)
    empty_text: str = "Nothing counted in these weeks."

    @property
    def width(self):
        return LABEL_WIDTH + BAR_AREA + VALUE_ROOM

    @property
    def height(self):
        return ROW_HEIGHT * len(self.rows) + 8

    @property
    def bars(self):
        most = max((value for _, value in self.rows), default=0) or 1
        bars = []
        for index, (label, value) in enumerate(self.rows):
            y = 4 + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
            width = round(BAR_AREA * value / most, 1)
            short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
            bars.append(
                Bar(
                    label=label,
                    short_label=short,
                    value=value,
                    y=y,
                    text_y=y + BAR_HEIGHT - 4,
                    width=width,
                    value_x=LABEL_WIDTH + width + 6,
                )
            )
        return bars

    @property
    def label_x(self):
        return LABEL_WIDTH - 8

    @property
    def bar_x(self):
        return LABEL_WIDTH

    def csv_rows(self):
        """The table as spreadsheet rows: its headings, then its rows as shown."""
        return [[self.label_heading, self.value_heading], *[[a, str(b)] for a, b in self.rows]]


def spreadsheet_safe(text):
    return "'" + text if text.lstrip(" ").startswith(FORMULA_TRIGGERS) else text


def csv_response(table, filename):
    """``table`` as a CSV download: UTF-8 with a byte order mark (so Excel reads accents),
    formulas made inert."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in table.csv_rows():
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
