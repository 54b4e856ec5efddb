"""The page editor's form for every page type (``BasePage.base_form_class``): its messages in
editors' words.

- Wagtail's "The slug '…' is already in use within the parent page" sits on the Promote tab,
  which the editor is not looking at: the message names the other page with that address and
  says which tab, at the top of the form as well as beside the field.
- A title longer than 255 characters was cut silently (browsers drop what is pasted past a
  field's ``maxlength``): the limit is in the help text before typing, and a longer title is
  refused with its length, never shortened.
"""

from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

TITLE_HELP = "The heading visitors see, up to {limit} characters."
TITLE_TOO_LONG = (
    "This title is %(show_value)d characters long: shorten it to %(limit_value)d or fewer."
)
SLUG_TAKEN = (
    "Another page in the same place, “{title}”, already has the web address ending "
    "“{slug}”. Change this page's Slug on the Promote tab (for example, add the town), or "
    "change its title."
)


class SitePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        title = self.fields.get("title")
        if title is not None and title.max_length:
            title.widget.attrs.pop("maxlength", None)
            title.help_text = TITLE_HELP.format(limit=title.max_length)
            title.error_messages["max_length"] = TITLE_TOO_LONG

    @cached_property
    def other_page_with_slug(self):
        slug = self.data.get(self.add_prefix("slug"), "")
        if not slug or self.parent_page is None:
            return None
        others = Page.objects.child_of(self.parent_page).filter(slug=slug)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        return others.first()

    def clean(self):
        cleaned_data = super().clean()
        other = self.other_page_with_slug if "slug" in self.errors else None
        if other is not None:
            message = SLUG_TAKEN.format(title=other.title, slug=other.slug)
            self.errors["slug"] = self.error_class([message])
            self.add_error(None, message)
        return cleaned_data
