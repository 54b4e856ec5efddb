"""Builds the starter page tree. Idempotent: a page that already exists (found by its slug
under its parent) is left exactly as editors have it; only missing pages are created."""

import json

from django.db import transaction
from wagtail.models import Page, Site

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from core.models import ReusableCallToAction, SiteSettings
from getinvolved.models import InterestFormField, InterestFormPage
from home.models import HomePage, StandardPage
from themes.models import ThemePage

from . import content, images


class StarterContent:
    def __init__(self, log=print):
        self.log = log
        self.pages = {}
        self.new_pages = []  # (page, body_builder) pairs to fill and publish

    @transaction.atomic
    def load(self):
        home = self.ensure_home()
        for index, theme in enumerate(content.THEMES):
            self.pages[theme["key"]] = self.ensure_child(
                home,
                ThemePage,
                theme["slug"],
                content.THEME_BODIES[theme["key"]],
                title=theme["title"],
                summary=theme["summary"],
                show_in_menus=True,
                banner_image=images.banner(f"Banner: {theme['title']}", index),
            )
        case_study_index = self.ensure_child(
            home,
            CaseStudyIndexPage,
            content.CASE_STUDY_INDEX["slug"],
            None,
            title=content.CASE_STUDY_INDEX["title"],
            summary=content.CASE_STUDY_INDEX["summary"],
            intro=content.CASE_STUDY_INDEX["intro"],
            show_in_menus=True,
        )
        for case_study in content.CASE_STUDIES:
            page = self.ensure_child(
                case_study_index,
                CaseStudyPage,
                case_study["slug"],
                content.CASE_STUDY_BODIES[case_study["key"]],
                title=case_study["title"],
                summary=case_study["summary"],
                school_name=case_study["school_name"],
                town=case_study["town"],
                region=case_study["region"],
                phase=case_study["phase"],
            )
            if page in self.created_pages():
                page.themes.set([self.pages[key] for key in case_study["themes"]])
            self.pages[case_study["key"]] = page
        self.pages["get_involved"] = self.ensure_child(
            home,
            StandardPage,
            content.GET_INVOLVED["slug"],
            content.get_involved_body,
            title=content.GET_INVOLVED["title"],
            summary=content.GET_INVOLVED["summary"],
            show_in_menus=True,
        )
        for form in content.INTEREST_FORMS:
            self.pages[form["key"]] = self.ensure_form(self.pages["get_involved"], form)
        self.pages["privacy_notice"] = self.ensure_child(
            home,
            StandardPage,
            content.PRIVACY_NOTICE["slug"],
            content.privacy_notice_body,
            title=content.PRIVACY_NOTICE["title"],
            summary=content.PRIVACY_NOTICE["summary"],
        )
        self.pages["get_involved_cta"] = self.ensure_get_involved_cta()
        self.publish_new_pages()
        self.ensure_privacy_setting(home)
        self.log(f"Starter content: {len(self.new_pages)} page(s) created.")
        return home

    def created_pages(self):
        return [page for page, _ in self.new_pages]

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            self.pages["home"] = site.root_page.specific
            return self.pages["home"]

        root = Page.get_first_root_node()
        # Wagtail's install creates a bare "Welcome" page as the site root: replace it.
        for page in root.get_children():
            if page.specific_class is Page:
                page.delete()
        home = HomePage(
            title="Place and Belonging in School",
            slug="home",
            seo_title=content.OVERVIEW_SEO_TITLE,
            summary=content.OVERVIEW_SUMMARY,
            intro=content.OVERVIEW_INTRO,
            themes_heading=content.THEMES_HEADING,
            themes_intro=content.THEMES_INTRO,
            report_cover=images.report_cover("Report cover: Place and Belonging in School"),
            report_cover_alt=content.REPORT_COVER_ALT,
        )
        root.add_child(instance=home)
        if site:
            site.root_page = home
            site.save()
        else:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        self.pages["home"] = home
        self.new_pages.append((home, content.overview_body))
        return home

    def ensure_child(self, parent, model, slug, body_builder, **fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        self.new_pages.append((page, body_builder))
        return page

    def ensure_form(self, parent, form):
        fields = [
            InterestFormField(
                sort_order=order,  # unset, the database may return the fields in any order
                label=label,
                field_type=kind,
                required=required,
                help_text=help_text,
                choices=choices,
            )
            for order, (label, kind, required, help_text, choices) in enumerate(form["fields"])
        ]
        return self.ensure_child(
            parent,
            InterestFormPage,
            form["slug"],
            None,
            title=form["title"],
            summary=form["summary"],
            intro=form["intro"],
            thank_you_text=form["thank_you_text"],
            send_confirmation=True,
            confirmation_subject=f"{form['title']}: thank you",
            confirmation_text=content.CONFIRMATION_TEXT,
            form_fields=fields,
        )

    def ensure_privacy_setting(self, home):
        """Point the consent boxes at the privacy notice, unless editors chose another."""
        site_settings = SiteSettings.for_site(home.get_site())
        if site_settings.privacy_notice_page_id is None:
            site_settings.privacy_notice_page = self.pages["privacy_notice"]
            site_settings.save()

    def ensure_get_involved_cta(self):
        fields = dict(content.GET_INVOLVED_CTA)
        snippet, _ = ReusableCallToAction.objects.get_or_create(
            name=fields.pop("name"), defaults={**fields, "page": self.pages["get_involved"]}
        )
        return snippet

    def publish_new_pages(self):
        for page, body_builder in self.new_pages:
            if body_builder:
                page.body = json.dumps(body_builder(self.pages))
            page.save_revision().publish()
