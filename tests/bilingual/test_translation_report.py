"""A translator works in the admin only (issue 20): Reports → Welsh translations lists the
English pages with no Welsh version, the Welsh pages not live yet ("Not translated yet"
while a copy still holds the English words) and the Welsh pages behind their English page,
naming what changed and linking to Wagtail's comparison of the English revisions. Each
Welsh page records the English revision it follows (bilingual.TranslationBasis): when it
is copied and whenever it is published, by any route (the workflow's last approval too)."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from bilingual.basis import state_of
from bilingual.models import TranslationBasis
from bilingual.translation import welsh_copy
from staff.names import EDITORS, MEMBERSHIP_TEAM, WORKFLOW_NAME
from tests.factories import ThemePageFactory, make_welsh_twin

REPORT = "/admin/bilingual/welsh-translations/"


@pytest.fixture
def roles(db):
    call_command("setup_groups", stdout=io.StringIO())


def member_of(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="pw")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def translator(django_user_model, roles):
    """Translators are Editors (staff.roles): they edit and submit, never publish."""
    return member_of(django_user_model, "tegan.translator", EDITORS)


def body_with_quote(page, words):
    """``page``'s body with its first pull quote's words replaced (appended if none)."""
    body = json.loads(json.dumps(list(page.body.raw_data)))
    for block in body:
        if block["type"] == "pull_quote":
            block["value"]["quote"] = words
            return body
    body.append({"type": "pull_quote", "value": {"quote": words, "attribution": ""}})
    return body


def change_and_publish(page, **fields):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in fields.items():
        setattr(page, name, json.dumps(value) if name == "body" else value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def theme_page(site_home):
    """An English theme page published as editors publish: with a revision."""
    return ThemePageFactory(
        parent=site_home,
        title="Theme 2: belonging and culture",
        slug="belonging-and-culture",
        publish=True,
    )


@pytest.fixture
def twins(site_home, theme_page):
    """A live Welsh overview and a live Welsh theme page, translated from the English live
    versions."""
    return make_welsh_twin(site_home, "Trosolwg"), make_welsh_twin(
        theme_page, "Thema 2: perthyn a diwylliant"
    )


def test_the_copy_and_each_publish_record_the_english_revision_followed(theme_page, twins):
    welsh_theme = twins[1]
    basis = TranslationBasis.objects.get(page=welsh_theme)
    assert basis.source_revision_id == Page.objects.get(pk=theme_page.pk).live_revision_id
    assert not state_of(welsh_theme).behind

    english = change_and_publish(theme_page, body=body_with_quote(theme_page, "New words here."))
    state = state_of(welsh_theme)
    assert state.behind
    assert [str(change) for change in state.changes] == [
        "Body: Pull quote added: “New words here.”"
    ]

    # Publishing the Welsh page says it is up to date with the English page live now.
    welsh = Page.objects.get(pk=welsh_theme.pk).specific
    welsh.save_revision().publish()
    basis.refresh_from_db()
    assert basis.source_revision_id == english.live_revision_id
    assert not state_of(welsh).behind


def test_report_lists_behind_pages_with_what_changed_and_wagtails_comparison(
    translator, theme_page, twins
):
    english = change_and_publish(
        theme_page,
        summary="A changed summary for the theme.",
        body=body_with_quote(theme_page, "Belonging is built every day."),
    )
    old_revision = TranslationBasis.objects.get(page=twins[1]).source_revision_id
    response = translator.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    behind = html.split('id="behind-heading"')[1].split('id="not-live-heading"')[0]
    assert "Thema 2: perthyn a diwylliant" in behind
    assert "Summary changed: “A changed summary for the theme.”" in behind
    assert "Belonging is built every day." in behind
    compare = f"/admin/pages/{english.pk}/revisions/compare/{old_revision}...live/"
    assert f'href="{compare}"' in behind
    # Wagtail's comparison opens for the translator and shows the new words.
    shown = translator.get(compare)
    assert shown.status_code == 200
    assert "Belonging is built every day." in shown.content.decode()


def test_report_lists_missing_and_not_live_welsh_pages(translator, site_home, theme_page):
    make_welsh_twin(site_home, "Trosolwg")
    html = translator.get(REPORT).content.decode()
    missing = html.split('id="missing-heading"')[1]
    assert theme_page.title in missing
    # With Wagtail's "Translate" (simple_translation) a click away.
    assert f'href="/admin/translation/submit/page/{theme_page.pk}/"' in missing
    # A Welsh copy that nobody has translated yet is a draft holding the English words.
    draft = welsh_copy(theme_page)
    assert not draft.live
    html = translator.get(REPORT).content.decode()
    not_live = html.split('id="not-live-heading"')[1].split('id="missing-heading"')[0]
    assert "Not translated yet: still the English text" in not_live
    editor = translator.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert "Not translated yet: this Welsh page still holds the English text" in editor
    assert theme_page.title not in html.split('id="missing-heading"')[1]
    # Once the translator has changed its words it is a translation in progress.
    draft.title = "Thema 2: perthyn a diwylliant"
    draft.save_revision()
    html = translator.get(REPORT).content.decode()
    assert "Being translated (draft)" in html


def test_welsh_editor_says_english_has_changed_with_a_link_to_the_changes(
    translator, theme_page, twins
):
    change_and_publish(theme_page, summary="Another summary.")
    html = translator.get(f"/admin/pages/{twins[1].pk}/edit/").content.decode()
    assert "English has changed since this translation (Summary)" in html
    assert "see changes" in html
    # An up-to-date Welsh page says nothing of the kind.
    html = translator.get(f"/admin/pages/{twins[0].pk}/edit/").content.decode()
    assert "English has changed" not in html


def test_the_report_is_for_those_who_edit_pages(django_user_model, roles):
    team = member_of(django_user_model, "m", MEMBERSHIP_TEAM)
    response = team.get(REPORT)
    assert "Welsh pages behind" not in response.content.decode()
    assert response.status_code in (302, 403)
    # Nor is it in their Reports menu.
    assert REPORT not in team.get("/admin/").content.decode()


def test_welsh_pages_go_through_the_two_step_approval(roles, twins):
    for welsh in twins:
        workflow = welsh.get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME


def test_translators_may_make_welsh_copies(translator, theme_page, twins):
    response = translator.get(f"/admin/pages/{theme_page.pk}/")
    assert response.status_code == 200
    editor = Group.objects.get(name=EDITORS)
    assert editor.permissions.filter(codename="submit_translation").exists()
