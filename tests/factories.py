"""Factories (wagtail-factories, on factory_boy) for the pages, images and snippets a test
needs, so that each test builds only its own few pages. Loading the whole starter content
(tests/conftest.py's ``starter_site``) is for the tests about that content.

Pages are created live, as published pages are, but without a revision: that is enough to
serve, edit and preview them. Pass ``publish=True`` for a page whose published revision
matters (the privacy notice: each consent records the revision agreed to). A case study's
themes and a form's fields are passed as lists, e.g. ``themes=[theme]``; modelcluster saves
them with the page.

    home = make_site_home()
    theme = ThemePageFactory(parent=home, title="Theme 2: belonging and culture")
    index = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=index, region=Region.WALES, themes=[theme])
"""

import factory
import wagtail_factories
from django.core.cache import cache
from wagtail.models import Collection, Page, Site

from bilingual.translation import welsh_copy
from casestudies.choices import Phase, Region
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from core.models import ReusableCallToAction, SiteSettings
from getinvolved.models import InterestFormField, InterestFormPage
from home.models import HomePage, StandardPage
from themes.models import ThemePage


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated picture in the library's root collection (wagtail-factories' own
    factory would add a new root collection for every image)."""

    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=800, height=450, color="purple", format="PNG")


class BasePageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` (required: wagtail-factories would otherwise make it a
    new root of the page tree)."""

    summary = factory.LazyAttribute(lambda page: f"About {page.title}.")

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted:
            page.save_revision().publish()
            page.refresh_from_db()


class HomePageFactory(BasePageFactory):
    title = "Place and belonging in school"
    slug = "home"

    class Meta:
        model = HomePage


class StandardPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")

    class Meta:
        model = StandardPage


class ThemePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Theme {n + 1}: belonging")
    # The starter theme pages each have a banner (their card and sharing image).
    banner_image = factory.SubFactory(ImageFactory)

    class Meta:
        model = ThemePage


class CaseStudyIndexPageFactory(BasePageFactory):
    title = "Case studies"

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Example School {n}: a case study")
    school_name = factory.Sequence(lambda n: f"Example School {n}")
    town = "Anytown"
    region = Region.LONDON
    phase = Phase.PRIMARY

    class Meta:
        model = CaseStudyPage


def form_fields(*fields):
    """An interest form's fields, in this order, from dicts of InterestFormField values
    (label, field_type, required, help_text, choices as a list)."""
    result = []
    for order, values in enumerate(fields):
        values = dict(values)
        values["choices"] = "\n".join(values.get("choices", []))
        result.append(InterestFormField(sort_order=order, **values))
    return result


class InterestFormPageFactory(BasePageFactory):
    """A form under a standard page. Its default fields are a name and an email address;
    pass ``form_fields=form_fields(...)`` for others."""

    title = factory.Sequence(lambda n: f"Interest form {n}")
    form_fields = factory.LazyFunction(
        lambda: form_fields(
            {"label": "Your name", "field_type": "singleline", "required": True},
            {"label": "Email address", "field_type": "email", "required": True},
        )
    )

    class Meta:
        model = InterestFormPage


class ReusableCallToActionFactory(factory.django.DjangoModelFactory):
    """A shared call to action (snippet), linking to ``page`` or, by default, to a URL."""

    name = factory.Sequence(lambda n: f"Call to action {n}")
    heading = "Get involved"
    text = "Share best practice and register your interest."
    link_text = "Get involved"
    page = None
    url = factory.LazyAttribute(lambda cta: "" if cta.page else "https://neu.org.uk/")

    class Meta:
        model = ReusableCallToAction


def make_site_home(**fields):
    """The overview page as the default site's root, set up as the starter loader does
    (sitesetup/starter/loader.py, ``ensure_home``): Wagtail's install leaves a bare
    "Welcome" page there, which the overview replaces."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        if page.specific_class is Page:
            page.delete()  # its Site goes with it
    home = HomePageFactory(parent=root, **fields)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    # Wagtail caches the site root paths; the page tree has just changed under it.
    cache.clear()
    return home


# The starter privacy notice's shape: consent records its text, headings included.
PRIVACY_NOTICE_BODY = [
    {"type": "rich_text", "value": "<p>What this website does with what you send.</p>"},
    {"type": "heading", "value": {"text": "How long it is kept", "level": "h2"}},
    {"type": "rich_text", "value": "<p>Responses are deleted after a fixed period.</p>"},
]


def make_privacy_notice(home):
    """A published "Privacy notice" page, chosen in site settings as the notice every
    form's consent box links to (without one, forms take nothing)."""
    notice = StandardPageFactory(
        parent=home,
        title="Privacy notice",
        slug="privacy-notice",
        body=PRIVACY_NOTICE_BODY,
        publish=True,
    )
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.privacy_notice_page = notice
    site_settings.save()
    return notice


def make_welsh_twin(page, title, *, publish=True, **fields):
    """The Welsh version of ``page`` as a translator makes it: Wagtail's copy for translation
    (bilingual/translation.py; missing Welsh ancestors are made as drafts), given its Welsh
    ``title`` and ``fields``, then published (``publish=False`` keeps it a draft). Make the
    Welsh overview's twin first: a Welsh page is reachable only under a live Welsh overview.

        cy_home = make_welsh_twin(home, "Trosolwg")
        make_welsh_twin(theme, "Thema 2: perthyn a diwylliant")
    """
    twin = welsh_copy(page)
    twin.title = title
    for name, value in fields.items():
        setattr(twin, name, value)
    revision = twin.save_revision()  # a draft, as the translator's save
    if publish:
        revision.publish()
    twin.refresh_from_db()
    return twin
