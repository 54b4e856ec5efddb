"""The shared call to action (a snippet) is written in English only: on a Welsh page it is
marked as English, so screen readers read it in an English voice (WCAG 3.1.2), and the
editor's guide says to use a one-off call to action for Welsh words (found by the
translator's review)."""

from bs4 import BeautifulSoup

from tests.factories import (
    ReusableCallToActionFactory,
    ThemePageFactory,
    make_site_home,
    make_welsh_twin,
)


def shared_box(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").find("aside", class_="cta")


def test_the_english_shared_call_to_action_is_marked_english_on_a_welsh_page(client, db):
    home = make_site_home()
    make_welsh_twin(home, "Trosolwg")
    cta = ReusableCallToActionFactory()
    theme = ThemePageFactory(parent=home, title="Theme 2", slug="theme-2")
    theme.body = [{"type": "shared_call_to_action", "value": cta.pk}]
    theme.save_revision().publish()
    make_welsh_twin(theme, "Thema 2")
    english, welsh = shared_box(client, "/theme-2/"), shared_box(client, "/cy/theme-2/")
    assert english.find("h2").text == welsh.find("h2").text == "Get involved"
    assert "lang" not in english.attrs
    assert welsh["lang"] == "en-GB"
