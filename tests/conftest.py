"""Fixtures and hooks shared by the whole suite.

Browser-only fixtures (Playwright, Chromium, axe) live in ``tests/browser/conftest.py``.
"""

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.any_database import ANY_DATABASE
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    InterestFormPageFactory,
    StandardPageFactory,
    ThemePageFactory,
    make_privacy_notice,
    make_site_home,
    make_welsh_twin,
)
from tests.migrated import MigratedCopy, copy_database
from tests.servers import RedisServer
from tests.starter import StarterContent

# CI (.ci/run) sets CI_FORBID_SKIPS=1: a skipped or xfailed test is a failure there, so a
# missing browser or database can never turn a run green by skipping what it could not do.
FORBID_SKIPS = os.environ.get("CI_FORBID_SKIPS", "") not in ("", "0", "false")


STARTER = pytest.StashKey[StarterContent]()


MIGRATED = pytest.StashKey[MigratedCopy]()


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_keepdb, django_db_modify_db_settings, tmp_path_factory):
    """pytest-django's ``--reuse-db``; on SQLite, also True when this process's test database
    was copied from the run's migrated copy, which then has nothing left to migrate
    (tests/migrated.py)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    name = str(database.get("TEST", {}).get("NAME") or "")
    if django_db_keepdb or database["ENGINE"] != "django.db.backends.sqlite3" or not name:
        return django_db_keepdb
    copy = MigratedCopy.for_this_run(request.config, tmp_path_factory)
    request.config.stash[MIGRATED] = copy
    if not copy.start(name):
        return False

    def remove():  # as pytest-django does with the databases it does not keep
        for suffix in ("", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)

    request.addfinalizer(remove)
    return True


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """pytest-django's test database. On SQLite, the path of the run's copy of it as just
    migrated (made by the first process that migrated, tests/migrated.py); else None."""
    from django.db import connection

    copy = request.config.stash.get(MIGRATED, None)
    if copy is None:
        yield None
        return
    with django_db_blocker.unblock():
        connection.ensure_connection()
        copy.finish(connection.connection)
    yield copy.path


@pytest.fixture
def migrated_sqlite(django_db_setup, tmp_path):
    """A DATABASE_URL for a subprocess: a SQLite file in ``tmp_path`` holding what the
    migrations create (so its ``migrate`` finds nothing to do), or, when the tests run on
    PostgreSQL, an empty file that its ``migrate`` fills."""
    path = tmp_path / "production.sqlite3"
    if django_db_setup is not None:
        copy_database(django_db_setup, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def _starter_content(request, django_db_setup, django_db_blocker):
    """The starter content of this session (tests/starter.py)."""
    starter = request.config.stash[STARTER] = StarterContent(django_db_blocker)
    yield starter
    starter.close()
    del request.config.stash[STARTER]


@pytest.fixture
def starter_site(db, _starter_content):
    """The starter page tree: home at ``/``, three theme pages, the case-study index with
    two case studies, and a "Get involved" page. Returns the home page (specific).

    Loaded once per session (tests/starter.py). Only for tests about the starter content:
    other tests build the few pages they need with the fixtures below and
    tests/factories.py."""
    return _starter_content.home()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a transactional test sets up any fixture (Playwright's, once started, gives the
    test other connection objects): close the starter content's outer transaction."""
    if STARTER in item.config.stash and _flushes_database(item):
        item.config.stash[STARTER].close()


@pytest.hookimpl(tryfirst=True)
def pytest_fixture_setup(fixturedef, request):
    """Just before pytest-django opens a test's transaction: open the starter content's
    outer transaction for a test that reads it, close it for any other test that uses the
    database (tests/starter.py)."""
    if fixturedef.argname != "_django_db_helper":
        return
    if "starter_site" in request.node.fixturenames and not _flushes_database(request.node):
        request.getfixturevalue("_starter_content").open()
    elif STARTER in request.config.stash:
        request.config.stash[STARTER].close()


@pytest.fixture
def site_home(db):
    """The overview page (HomePage) as the default site's root, with nothing under it."""
    return make_site_home()


@pytest.fixture
def privacy_notice(site_home):
    """A published privacy notice, chosen in site settings: forms take nothing without it."""
    return make_privacy_notice(site_home)


@pytest.fixture
def theme_page(site_home):
    return ThemePageFactory(
        parent=site_home, title="Theme 2: belonging and culture", slug="belonging-and-culture"
    )


@pytest.fixture
def case_study_index(site_home):
    return CaseStudyIndexPageFactory(parent=site_home)


@pytest.fixture
def case_study(case_study_index, theme_page):
    """A case study under the index, naming ``theme_page``."""
    return CaseStudyPageFactory(parent=case_study_index, themes=[theme_page])


@pytest.fixture
def get_involved(site_home):
    return StandardPageFactory(parent=site_home, title="Get involved", slug="get-involved")


@pytest.fixture
def page_tree(site_home, theme_page, case_study_index, case_study, get_involved, privacy_notice):
    """One page of each type where the starter content puts it: the overview at the root; a
    theme page, the case-study index (with one case study) and standard pages ("Get
    involved", with one interest form, and the privacy notice) under it."""
    return SimpleNamespace(
        home=site_home,
        theme=theme_page,
        index=case_study_index,
        case_study=case_study,
        get_involved=get_involved,
        form=InterestFormPageFactory(parent=get_involved, title="Register your interest"),
        privacy_notice=privacy_notice,
    )


@pytest.fixture
def welsh_page_tree(page_tree):
    """``page_tree`` with a live Welsh twin of each page (Welsh titles only: test text, not
    research content), as ``page_tree.cy`` (same names); the English pages are unchanged."""
    welsh = {
        "home": "Trosolwg",
        "theme": "Thema 2: perthyn a diwylliant",
        "index": "Astudiaethau achos",
        "case_study": "Astudiaeth achos",
        "get_involved": "Cymryd rhan",
        "form": "Cofrestrwch eich diddordeb",
        "privacy_notice": "Hysbysiad preifatrwydd",
    }
    page_tree.cy = SimpleNamespace(
        **{name: make_welsh_twin(getattr(page_tree, name), title) for name, title in welsh.items()}
    )
    return page_tree


@pytest.fixture
def redis_server():
    """A real redis-server on a free loopback port (tests/servers.py), stopped afterwards
    unless the test stopped it."""
    server = RedisServer()
    server.start()
    yield server
    if server.process:
        server.stop()


@pytest.fixture(autouse=True)
def empty_shared_cache():
    """Each test starts with an empty shared cache (pages, rate-limit counts): every test's
    database is rolled back afterwards, so what was cached from it must go too."""
    from django.core.cache import caches

    caches["shared"].clear()


def _flushes_database(item):
    """Whether the test runs in a transactional database (empty after the test)."""
    fixtures = getattr(item, "fixturenames", ())
    if {"live_server", "transactional_db", "django_db_reset_sequences"} & set(fixtures):
        return True
    marker = item.get_closest_marker("django_db")
    return bool(
        marker
        and (
            marker.kwargs.get("transaction")
            or marker.kwargs.get("reset_sequences")
            or marker.args[:1] == (True,)
        )
    )


def _order(item):
    """Tests that do not read the starter content first, then those that read it in a
    transaction (tests/starter.py), transactional tests last, browser tests after the rest:
    many short tests keep every process busy to the end of a `make test` run, where a few
    long ones (workers, outages) would leave the CPUs waiting."""
    if _flushes_database(item):
        return 3 if item.get_closest_marker("browser") else 2
    return int("starter_site" in getattr(item, "fixturenames", ()))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the transactional tests (the browser tests, through the live server) last.

    pytest-django puts them last, but pytest then regroups tests by session-scoped
    parameters, such as pytest-playwright's ``browser_name``, which it also gives to any
    test with an argument called ``page``. A transactional test that ran early would leave
    later tests an emptied database, without Wagtail's root page.

    Under `make test` (pytest-xdist) every process collects the same order and is handed
    its tests in that order, so this holds in each process too.
    """
    items.sort(key=_order)  # stable: keeps the order within each group


def pytest_unconfigure(config):
    """Remove the media folder that config/settings/test.py made for this process (under
    `make test`, one for each of the suite's processes)."""
    from django.conf import settings

    if settings.configured and Path(settings.MEDIA_ROOT).name.startswith("neu-belonging-media-"):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def pytest_itemcollected(item):
    if item.nodeid.startswith(ANY_DATABASE):
        item.add_marker(pytest.mark.any_database)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if FORBID_SKIPS and report.skipped:
        if hasattr(report, "wasxfail"):
            reason = f"expected failure (xfail): {report.wasxfail}"
        elif isinstance(report.longrepr, tuple):
            reason = report.longrepr[2]
        else:
            reason = str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI_FORBID_SKIPS is set, so this skip is a failure.\n{reason}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    report = yield
    if FORBID_SKIPS and report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (
            f"CI_FORBID_SKIPS is set, so skipping {collector.nodeid} is a failure.\n{reason}"
        )
    return report
