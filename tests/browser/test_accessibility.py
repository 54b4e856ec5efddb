"""Accessibility of the public site in a real browser.

Every live page (so every public page type), the filtered case-study index, the search
results and the 404 page must have no axe-core violations of WCAG 2.2 A/AA; the skip link
must work from the keyboard; every theme and case study must be reachable by following links
from the home page.
"""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# Paths the link crawl never follows: not public pages, or not HTML.
NOT_PAGES = ("/admin/", "/documents/", "/media/", "/static/", "/sitemap.xml")


def live_pages_by_type():
    """Live pages below Wagtail's root, grouped by class name, in tree order."""
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        pages.setdefault(page.specific_class.__name__, []).append(page)
    return pages


def path_of(page):
    """The page's path on the live server, e.g. ``/themes/belonging/``."""
    parts = page.get_url_parts()
    assert parts is not None, f"{page!r} ({page.url_path}) is not routable on any site"
    return parts[2]


def one_of(page_type):
    pages = live_pages_by_type().get(page_type)
    assert pages, (
        f"The starter content has no live {page_type}; page types found: "
        f"{sorted(live_pages_by_type())}"
    )
    return pages[0]


def get_involved_path():
    standard_pages = live_pages_by_type().get("StandardPage", [])
    assert standard_pages, "The starter content has no live StandardPage (Get involved)"
    for page in standard_pages:
        if page.slug == "get-involved" or page.title.strip().lower() == "get involved":
            return path_of(page)
    return path_of(standard_pages[0])


def filtered_index_path():
    """The case-study index filtered by a theme that at least one case study illustrates."""
    index = one_of("CaseStudyIndexPage")
    theme = None
    for case_study in live_pages_by_type().get("CaseStudyPage", []):
        theme = case_study.themes.live().first()
        if theme is not None:
            break
    if theme is None:
        theme = one_of("ThemePage")
    return f"{path_of(index)}?theme={theme.pk}"


# (test id, how to find the path, expected HTTP status): the views that are not a live page.
# Every live page (one of each type among them) is scanned by
# test_every_live_page_has_no_axe_violations below, at the same size with the same rules.
PAGES = [
    ("case-study-index-filtered", filtered_index_path, 200),
    ("not-found", lambda: "/no-such-page/", 404),
    ("search-results", lambda: "/search/?q=Helston", 200),
    ("search-nothing-found", lambda: "/search/?q=zyzzyva", 200),
]


def load(page, url, expected_status=200):
    response = page.goto(url, wait_until="load")
    assert response is not None, f"No response for {url}"
    assert response.status == expected_status, (
        f"{url} answered {response.status}, expected {expected_status}"
    )
    return response


@pytest.mark.parametrize(
    ("find_path", "status"),
    [pytest.param(find, status, id=name) for name, find, status in PAGES],
)
def test_page_type_has_no_axe_violations(live_site, page, axe_scan, find_path, status):
    load(page, live_site + find_path(), status)
    report = axe_scan(page)
    assert not report.violations, report.describe()


def test_every_live_page_has_no_axe_violations(live_site, page, axe_scan):
    """Each page's own content (images, blocks, tables) can fail where its type passed."""
    paths = [path_of(p) for pages in live_pages_by_type().values() for p in pages]
    assert paths, "The starter content has no live pages"
    failures = []
    for path in sorted(set(paths)):
        load(page, live_site + path)
        report = axe_scan(page)
        if report.violations:
            failures.append(report.describe())
    assert not failures, "\n\n".join(failures)


FOCUSED_ELEMENT = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        href: el.getAttribute("href"),
        text: (el.textContent || "").trim(),
        width: box.width,
        height: box.height,
        top: box.top,
        left: box.left,
    };
}"""


def test_skip_link_is_first_tab_stop_and_moves_to_main_content(live_site, page):
    load(page, live_site + "/")
    target = page.locator("#main-content")
    assert target.count() == 1, "The page needs exactly one element with id main-content"
    in_main = target.evaluate(
        "el => el.closest('main') !== null || el.querySelector('main') !== null"
    )
    assert in_main, "#main-content should be (or be inside, or wrap) the <main> landmark"

    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_ELEMENT)
    assert focused is not None, "Pressing Tab once focused nothing"
    assert focused["tag"] == "a" and focused["href"] == "#main-content", (
        f"The first Tab stop should be the skip link to #main-content, got {focused}"
    )
    assert focused["text"], "The skip link has no text"
    viewport = page.viewport_size
    assert focused["width"] > 1 and focused["height"] > 1, (
        f"The focused skip link is not visible: {focused}"
    )
    assert 0 <= focused["top"] < viewport["height"] and 0 <= focused["left"] < viewport["width"], (
        f"The focused skip link is off screen: {focused}"
    )

    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#main-content'")
    top = target.evaluate("el => el.getBoundingClientRect().top")
    assert -2 <= top < viewport["height"], f"#main-content is not scrolled into view (top={top})"

    # Focus moved to the main content: either #main-content (or something in it) now has
    # focus, or the next Tab stop lies inside or after it, not back in the header.
    page.keyboard.press("Tab")
    after = target.evaluate(
        """main => {
            const el = document.activeElement;
            if (!el || el === document.body) return "nothing focused";
            if (main.contains(el)) return "inside";
            return main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING
                ? "after" : "before: " + el.outerHTML.slice(0, 160);
        }"""
    )
    assert after in ("inside", "after"), (
        f"After following the skip link, Tab should continue from the main content ({after})"
    )


def links_on(page, origin):
    """Same-origin page paths linked from the loaded page."""
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    paths = set()
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != origin:
            continue
        path = parts.path or "/"
        if not path.startswith(NOT_PAGES):
            paths.add(path)
    return paths


def test_every_theme_and_case_study_is_reachable_from_home(live_site, page):
    pages = live_pages_by_type()
    wanted = {
        path_of(p): p.title for kind in ("ThemePage", "CaseStudyPage") for p in pages.get(kind, [])
    }
    assert len(pages.get("ThemePage", [])) >= 3, "Expected three theme pages"
    assert len(pages.get("CaseStudyPage", [])) >= 2, "Expected two case studies"

    load(page, live_site + "/")
    first_hop = links_on(page, live_site)
    reachable = set(first_hop)
    for path in sorted(first_hop - {"/"}):
        response = page.goto(live_site + path, wait_until="load")
        if response is None or not response.ok:
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        reachable |= links_on(page, live_site)

    missing = {path: title for path, title in wanted.items() if path not in reachable}
    assert not missing, (
        "Not reachable within two clicks of the home page: "
        + ", ".join(f"{title} ({path})" for path, title in sorted(missing.items()))
        + f"\nLinks found: {sorted(reachable)}"
    )
