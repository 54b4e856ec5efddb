from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.contrib.forms.views import SubmissionsListView

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google
# Sheets when a CSV is opened ("=HYPERLINK(...)", "+cmd|...", "@SUM(...)"), even after
# leading spaces. Tab and carriage return start formulas in some programs too.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Make a text cell inert in any spreadsheet program: prefix a quote to anything that
    would start a formula, and drop control characters that XLSX files cannot hold (openpyxl
    refuses them, which would make the whole export fail)."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions listing with its CSV and XLSX export, made safe to open.

    Wagtail 8 neutralises formulas only in XLSX and only those starting with "=" (it stores
    them as text); its CSV export writes what members typed as it is. Every value of every
    export goes through preprocess_field_value, so fixing it there covers both formats."""

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        # Headings are editors' field labels: safe to open whatever an editor typed, too.
        return spreadsheet_safe(super().get_heading(queryset, field))
