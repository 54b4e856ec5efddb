"""Browser tests: a real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright
against pytest-django's live server, with axe-core for accessibility checks.

Never run ``playwright install``: these tests use the system Chromium.
"""

import os
import shutil
from importlib import resources
from urllib.parse import urlsplit

import pytest

from tests.browser.guide import GuideScreenshots, output_dir, owner_test_id

# Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls
# from a thread with a running event loop. The tests only touch the database between
# browser calls, so this is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Serve on the IPv4 loopback: "localhost" may make Chromium try ::1 first.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium instead of a Playwright-downloaded browser."""
    executable = shutil.which(CHROMIUM) or CHROMIUM
    if not os.access(executable, os.X_OK):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install it with `apt-get install chromium` "
            "(or set CHROMIUM_PATH). Do not run `playwright install`."
        )
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "headless": True,
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-GB", "viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def page(page):
    """Playwright's page, kept off the network: only the local live server is reachable, so
    a stray third-party request fails fast instead of hanging the test."""

    def only_local(route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_local)
    page.set_default_timeout(15_000)
    return page


@pytest.fixture(scope="session")
def _migrated_db_contents(django_db_setup):
    """The test databases' contents right after migrating, as Django's test runner
    serialized them for ``serialized_rollback`` (Wagtail's root page, root collection,
    default site and groups come from data migrations)."""
    from django.db import connections

    # Empty when no collected test asked for serialized rollback (e.g. a -k selection).
    # With each, tests/starter.py's RowsRollback where it puts them back (on SQLite).
    return {
        alias: (
            connections[alias]._test_serialized_contents,
            vars(connections[alias].creation).get("deserialize_db_from_string"),
        )
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(scope="session")
def playwright(_migrated_db_contents, playwright):
    """Playwright, started after the test database exists.

    While the sync API is active the thread counts as asynchronous, and Django then keeps
    database connections per context instead of per thread: the tests get connection
    objects of their own, without the serialized contents the test database was set up
    with. Without them, serialized rollback silently does nothing and the first
    transactional test leaves an empty database (no root page) to the next. Hand the
    contents to the connections the tests will use.
    """
    from django.db import connections

    for alias, (contents, restore) in _migrated_db_contents.items():
        connections[alias]._test_serialized_contents = contents
        if restore is not None:
            restore.install(connections[alias])
    return playwright


@pytest.fixture
def live_site(live_server, django_db_serialized_rollback, starter_site):
    """The starter site (see ``starter_site``) served by the live server; yields its base
    URL, without a trailing slash.

    The live server needs a transactional database, which is emptied after each test:
    serialized rollback restores what the migrations created (Wagtail's root page and
    default site; on SQLite from rows, tests/starter.py's ``RowsRollback``), then
    ``starter_site`` fills the tables with the starter content's rows (``TableRows``).
    """
    yield live_server.url


@pytest.fixture
def player_origin(live_site, settings):
    """Serves the stand-in video provider's player (tests/embeds.py) from the live server
    under the host name "localhost", while the site is browsed at 127.0.0.1: to the browser
    the player is on another host, as YouTube's would be. Returns the player's origin."""
    origin = live_site.replace("127.0.0.1", "localhost")
    assert origin != live_site, "the live server should be at 127.0.0.1"
    settings.TEST_VIDEO_PLAYER_ORIGIN = origin
    settings.VIDEO_FRAME_SOURCES = [*settings.VIDEO_FRAME_SOURCES, origin]
    return origin


CALL_PASSED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[CALL_PASSED] = report.passed
    return report


@pytest.fixture
def guide_screenshots(request, tmp_path_factory):
    """``guide_screenshots.take(page_or_locator, "name.png")`` writes a screenshot for the
    editor's guide (see tests/browser/guide.py): into docs/images/ under `make guide-images`
    (GUIDE_SCREENSHOTS_DIR), otherwise into a temporary folder. A test that passes must have
    written every screenshot that guide.SCREENSHOTS gives it."""
    directory = output_dir(tmp_path_factory.mktemp("guide-images"))
    shots = GuideScreenshots(owner_test_id(request.node), directory)
    yield shots
    if request.node.stash.get(CALL_PASSED, False):
        assert not shots.missing(), (
            f"{shots.test_id} did not write these screenshots for the editor's guide: "
            f"{', '.join(shots.missing())}"
        )


class AxeReport:
    """The result of one axe-core run on one page."""

    def __init__(self, url, results):
        self.url = url
        self.results = results
        self.violations = results.get("violations", [])

    def describe(self):
        if not self.violations:
            return f"No accessibility violations on {self.url}."
        lines = [f"{len(self.violations)} accessibility violation(s) on {self.url}:"]
        for violation in self.violations:
            tags = ", ".join(tag for tag in violation["tags"] if tag.startswith(("wcag", "best")))
            lines.append(
                f"\n- {violation['id']} [{violation.get('impact') or 'n/a'}]: {violation['help']}"
                f"\n  tags: {tags}\n  more: {violation['helpUrl']}"
            )
            for node in violation["nodes"]:
                target = " >> ".join(
                    item if isinstance(item, str) else " ".join(item) for item in node["target"]
                )
                html = " ".join(node.get("html", "").split())
                lines.append(f"  * {target}\n      {html[:240]}")
                summary = (node.get("failureSummary") or "").strip()
                if summary:
                    lines.extend(
                        f"      {line.strip()}" for line in summary.splitlines() if line.strip()
                    )
        return "\n".join(lines)

    def __str__(self):
        return self.describe()


@pytest.fixture(scope="session")
def axe_source():
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture
def axe_scan(axe_source):
    """``axe_scan(page)`` runs axe-core on the page as loaded and returns an ``AxeReport``.

    axe is injected with ``page.evaluate`` (the DevTools protocol), not a <script> tag, so
    the site's Content-Security-Policy cannot block it.
    """

    def scan(page, context=None):
        page.evaluate(axe_source)
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        results = page.evaluate(
            "([context, options]) => axe.run(context || document, options)", [context, options]
        )
        return AxeReport(page.url, results)

    return scan
