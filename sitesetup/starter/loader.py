"""Builds the starter page tree from the data files in ``content/`` (see its README).

Idempotent: a page that already exists (found by its slug under its parent) is left exactly
as editors have it; only missing pages are created, and only they get a starter image. The
shape of the tree (which page type goes where) is here; every word on the pages is in the
data files."""

import json
import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from core.models import ReusableCallToAction, SiteSettings
from core.public_address import configured_address
from getinvolved.models import InterestFormPage, PrivacyNoticePage
from home.models import HomePage, StandardPage
from themes.models import ThemePage

from . import images
from .data import Content
from .values import Values

# StreamFields filled in once every page exists (their blocks may name any page by key).
STREAM_FIELDS = ("body", "actions")
# Keys of a page's data file that are not fields of its model (or are filled in later).
NOT_FIELDS = {"key", "fields", *STREAM_FIELDS}


class StarterContent:
    def __init__(self, log=print, content_dir=None):
        self.log = log
        self.content = Content(content_dir)
        self.objects = {}  # key -> the page or snippet of that data file
        self.values = Values(self.objects)
        self.new_pages = []  # (page, data): bodies are filled in once every page exists

    @transaction.atomic
    def load(self):
        with references_indexed_once():
            return self._load()

    def _load(self):
        content = self.content
        # Drawn only if a new page's body shows it (`image: report_cover`).
        self.objects["report_cover"] = images.report_cover
        home = self.ensure_home(content.file("overview.yaml"))
        for index, theme in enumerate(content.folder("themes")):
            self.existing(home, theme) or self.create(
                home,
                ThemePage,
                theme,
                banner_image=images.banner(f"Banner: {theme['title']}", index),
            )
        case_study_index = self.child(home, CaseStudyIndexPage, content.file("case-studies.yaml"))
        for index, case_study in enumerate(content.folder("case-studies")):
            self.existing(case_study_index, case_study) or self.create(
                case_study_index,
                CaseStudyPage,
                case_study,
                hero_image=images.case_study_hero(f"Drawn picture: {case_study['title']}", index),
                # A pattern of rings, not the school: screen readers skip it.
                hero_image_decorative=True,
            )
        get_involved = self.child(home, StandardPage, content.file("get-involved.yaml"))
        for form in content.folder("get-involved"):
            self.existing(get_involved, form) or self.create(
                get_involved,
                InterestFormPage,
                form,
                form_fields=self.values.form_fields(InterestFormPage, form),
            )
        privacy_notice = self.child(home, PrivacyNoticePage, content.file("privacy-notice.yaml"))
        accessibility = self.child(home, StandardPage, content.file("accessibility-statement.yaml"))
        self.ensure_snippet(ReusableCallToAction, content.file("call-to-action.yaml"))
        self.publish_new_pages()
        self.ensure_settings(
            home, privacy_notice_page=privacy_notice, accessibility_statement_page=accessibility
        )
        self.log(f"Starter content: {len(self.new_pages)} page(s) created.")
        return home

    def register(self, entry, instance):
        if entry.key in self.objects:
            raise entry.error(f"the key {entry.key!r} is already used by another file.")
        self.objects[entry.key] = instance
        return instance

    def ensure_home(self, entry):
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return self.register(entry, site.root_page.specific)

        root = Page.get_first_root_node()
        # Wagtail's install creates a bare "Welcome" page as the site root: replace it.
        for page in root.get_children():
            if page.specific_class is Page:
                page.delete()
        home = HomePage(**self.values.fields(HomePage, entry, exclude=NOT_FIELDS))
        root.add_child(instance=home)
        if site:
            site.root_page = home
            site.save()
        else:
            hostname, port = configured_address()
            Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
        self.new_pages.append((home, entry))
        return self.register(entry, home)

    def child(self, parent, model, entry):
        return self.existing(parent, entry) or self.create(parent, model, entry)

    def existing(self, parent, entry):
        """The page under ``parent`` with the entry's slug, if there is one."""
        if not isinstance(entry.get("slug"), str):
            raise entry.error("every page needs a slug, e.g. `slug: case-studies`.")
        page = parent.get_children().filter(slug=entry["slug"]).first()
        return page and self.register(entry, page.specific)

    def create(self, parent, model, entry, **extra):
        page = model(**self.values.fields(model, entry, exclude=NOT_FIELDS), **extra)
        parent.add_child(instance=page)
        self.new_pages.append((page, entry))
        return self.register(entry, page)

    def ensure_snippet(self, model, entry):
        """The snippet named as in the entry; created if missing (editors change the one that
        exists, once, for every page that shows it)."""
        fields = self.values.fields(model, entry, exclude={"key"})
        snippet, _ = model.objects.get_or_create(name=fields.pop("name"), defaults=fields)
        return self.register(entry, snippet)

    def ensure_settings(self, home, **pages):
        """Point the site settings at the starter pages (the consent boxes and the footer at
        the privacy notice, the footer at the accessibility statement), unless editors
        chose others."""
        site_settings = SiteSettings.for_site(home.get_site())
        unset = {name: page for name, page in pages.items() if not getattr(site_settings, name)}
        for name, page in unset.items():
            setattr(site_settings, name, page)
        if unset:
            site_settings.save()

    def publish_new_pages(self):
        for page, entry in self.new_pages:
            for name in STREAM_FIELDS:
                if name in entry:
                    setattr(page, name, json.dumps(self.values.body(type(page), entry, name)))
            page.save_revision().publish()


@contextmanager
def references_indexed_once():
    """Wagtail indexes an object's references (for "usage" in the admin) each time it is
    saved, and each new page is saved three times: created, filled in, published. Index
    each saved object once, at the end, as Wagtail would: by queueing its own task."""
    saved = {}
    thread = threading.get_ident()

    def record(sender, instance, raw=False, **kwargs):
        if not raw and sender in ReferenceIndex.tracked_models and thread == threading.get_ident():
            saved[sender._meta.app_label, sender._meta.model_name, str(instance.pk)] = None

    post_save.connect(record, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(record)
    for app_label, model_name, pk in saved:
        update_reference_index_task.enqueue(app_label, model_name, pk)
