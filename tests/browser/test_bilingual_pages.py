"""Issue 20, acceptance 1 (structure): every public page type in English and in Welsh, at
390 and 1280 px in Chromium: ``<html lang>``, the switcher leading to the same page in the
other language, hreflang alternates for both versions and x-default, and no axe-core
violation. The Welsh twins are made as a translator would (Wagtail's copy for translation,
then published), with Welsh titles: test text, not the research's content."""

import pytest

from tests.browser.test_accessibility import load, one_of, path_of

pytestmark = pytest.mark.browser

SIZES = [{"width": 390, "height": 844}, {"width": 1280, "height": 800}]
WELSH_TITLES = {
    "HomePage": "Trosolwg",
    "ThemePage": "Thema 1",
    "CaseStudyIndexPage": "Astudiaethau achos",
    "CaseStudyPage": "Astudiaeth achos",
    "StandardPage": "Cymryd rhan",
    "InterestFormPage": "Cofrestrwch eich diddordeb",
    "PrivacyNoticePage": "Hysbysiad preifatrwydd",
}


def welsh_twins():
    """{page type: (English path, Welsh path)}, the Welsh twin of one page of each type
    published (the overview's first: the Welsh tree hangs from it)."""
    from tests.factories import make_welsh_twin

    pages = {name: one_of(name) for name in WELSH_TITLES}
    pages["StandardPage"] = pages["InterestFormPage"].get_parent().specific  # Get involved
    for name in ["HomePage", "StandardPage", *WELSH_TITLES]:
        page = pages[name]
        if page.get_translations().live().exists():
            continue
        for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.get_translations().live().exists():
                make_welsh_twin(ancestor, WELSH_TITLES.get(type(ancestor).__name__, "Tudalen"))
        make_welsh_twin(page, WELSH_TITLES[name])
    return {
        name: (path_of(page), path_of(page.get_translations().get()))
        for name, page in pages.items()
    }


def languages(page):
    return page.evaluate(
        """() => ({
            lang: document.documentElement.lang,
            switcher: [...document.querySelectorAll(".language-bar a")].map((a) => ({
                href: a.href, lang: a.lang, hreflang: a.hreflang, text: a.textContent.trim(),
                shown: a.getClientRects().length > 0,
            })),
            alternates: Object.fromEntries([...document.querySelectorAll(
                'head link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href])),
        })"""
    )


def test_every_page_type_in_both_languages_at_both_sizes(live_site, page, axe_scan):
    twins = welsh_twins()
    failures = []
    for size in SIZES:
        page.set_viewport_size(size)
        for name, (english, welsh) in twins.items():
            en_url, cy_url = live_site + english, live_site + welsh
            expected = {"en-GB": en_url, "cy": cy_url, "x-default": en_url}
            for url, lang, other, other_lang, other_name in [
                (en_url, "en-GB", cy_url, "cy", "Cymraeg"),
                (cy_url, "cy", en_url, "en-GB", "English"),
            ]:
                load(page, url)
                found = languages(page)
                assert found["lang"] == lang, (size, url)
                assert found["alternates"] == expected, (size, url)
                (link,) = found["switcher"]
                assert link == {
                    "href": other,
                    "lang": other_lang,
                    "hreflang": other_lang,
                    "text": other_name,
                    "shown": True,
                }, (size, url)
                report = axe_scan(page)
                if report.violations:
                    failures.append(f"{name} at {size['width']}px: {report.describe()}")
            # The switcher leads to the twin.
            load(page, en_url)
            page.get_by_role("link", name="Cymraeg").click()
            page.wait_for_url(cy_url)
            assert page.evaluate("document.documentElement.lang") == "cy"
    assert not failures, "\n\n".join(failures)


def test_a_page_without_a_welsh_version_says_so_in_both_languages(live_site, page, axe_scan):
    theme = path_of(one_of("ThemePage"))
    for size in SIZES:
        page.set_viewport_size(size)
        load(page, live_site + theme)
        bar = page.locator(".language-bar")
        assert bar.locator("a").count() == 0
        assert bar.locator('[lang="cy"]').inner_text() == "Dim fersiwn Gymraeg eto"
        assert "No Welsh version yet" in bar.inner_text()
        report = axe_scan(page)
        assert not report.violations, report.describe()


@pytest.mark.parametrize("url", ["/cy/search/?q=Helston", "/cy/no-such-page/"])
def test_welsh_search_and_not_found_pages(live_site, page, axe_scan, url):
    twins = welsh_twins()
    assert twins
    load(page, live_site + url, 404 if "no-such" in url else 200)
    assert page.evaluate("document.documentElement.lang") == "cy"
    report = axe_scan(page)
    assert not report.violations, report.describe()


def test_the_switcher_keeps_the_header_small_on_a_phone(live_site, page):
    """One line on a 390 px phone, whether it links the twin or says there is none."""
    twins = welsh_twins()
    english, welsh = twins["ThemePage"]
    other = path_of(next(p for p in live_pages_of("ThemePage") if not has_live_twin(p)))
    page.set_viewport_size(SIZES[0])
    for path in (english, welsh, other):
        load(page, live_site + path)
        bar = page.locator(".language-bar").evaluate("el => el.getBoundingClientRect().height")
        assert bar <= 24, (path, bar)
        header = page.locator("header.site-header").evaluate(
            "el => el.getBoundingClientRect().height"
        )
        assert header <= 844 / 4, (path, header)


def live_pages_of(name):
    from tests.browser.test_accessibility import live_pages_by_type

    return live_pages_by_type()[name]


def has_live_twin(page):
    return page.get_translations().live().exists()
