"""A contact address from the site settings, placed in a page's text (e.g. "how to report an
accessibility problem"): comms keep each address in one place, Settings → Site settings, and
every page that gives it changes with it. An empty address falls back to the general
contact address; with neither, the block still gives a working route: the NEU's website,
where the union lists its contacts (never a guessed address), and editors are told what is
missing in the preview and after each save (incomplete.py)."""

from django.apps import apps
from wagtail import blocks
from wagtail.models import Site

from .incomplete import IncompleteBlockMixin

# The SiteSettings fields a page may give, with their names in the settings' form.
CONTACTS = [
    ("contact_email", "General contact email"),
    ("accessibility_email", "Accessibility contact email"),
    ("data_protection_email", "Data protection contact email"),
]


def site_settings(context):
    """The site settings of the site being shown (from the request, or else the page)."""
    # By name: blocks are loaded before the models that use them.
    model = apps.get_model("core", "SiteSettings")
    request, page = context.get("request"), context.get("page")
    if request is not None and Site.find_for_request(request) is not None:
        return model.for_request(request)  # read once per request
    site = page.get_site() if page is not None else None
    return model.for_site(site) if site is not None else None


def may_change_site_settings(request):
    user = getattr(request, "user", None)
    return bool(user and user.has_perm("core.change_sitesettings"))


class SiteContactBlock(IncompleteBlockMixin, blocks.StructBlock):
    contact = blocks.ChoiceBlock(
        choices=CONTACTS,
        default="contact_email",
        help_text="Which address from Settings → Site settings.",
        search_index=False,
    )
    text = blocks.CharBlock(
        max_length=200,
        help_text="The words before the address, e.g. 'To report a problem, email'.",
    )

    class Meta:
        icon = "mail"
        label = "Contact from site settings"
        template = "core/blocks/site_contact.html"
        description = "A sentence ending with an email address kept in the site settings."
        preview_value = {"contact": "contact_email", "text": "To get in touch, email"}

    @staticmethod
    def address(value, context):
        """The chosen address, or else the general contact address."""
        settings = site_settings(context)
        if settings is None:
            return ""
        return getattr(settings, value["contact"], "") or settings.contact_email

    def missing(self, value, context):
        if self.address(value, context):
            return ""
        name = dict(CONTACTS)[value["contact"]]
        if may_change_site_settings(context.get("request")):
            return (
                f"the “{name}” (or the general one) is empty: fill it in under Settings → "
                "Site settings."
            )
        return (
            f"the “{name}” (or the general one) is empty in the site settings: ask an "
            "administrator to fill it in."
        )

    def warns(self, request):
        # Only those who can open the site settings are told, after saving, to fill them.
        return may_change_site_settings(request)

    def render(self, value, context=None):
        # Never hidden (unlike other incomplete blocks): a page that invites contact must
        # offer a way, so without an address it points to the union's website.
        return blocks.StructBlock.render(self, value, context)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["address"] = self.address(value, context)
        preview = getattr(context.get("request"), "is_preview", False) or "block_def" in context
        context["reason"] = self.missing(value, context) if preview else ""
        return context
