"""What Wagtail's built-in translation does not record: the English revision each Welsh
page was translated from (docs/decisions.md: "Translation: Wagtail's built-in i18n, not
wagtail-localize"). basis.py keeps it and compares it with the English page's live
revision."""

from django.db import models


class TranslationBasis(models.Model):
    """The English revision a Welsh page's wording follows: recorded when the Welsh copy is
    made and each time the Welsh page is published (the translator publishing, or the last
    approval of the workflow, says it is up to date with the English page live then)."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_basis"
    )
    # Kept if revisions are purged: the report then says the basis is unknown.
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "translation basis"
        verbose_name_plural = "translation bases"

    def __str__(self):
        return f"{self.page_id} from revision {self.source_revision_id}"
