"""Fixtures and hooks shared by the whole suite.

Browser-only fixtures (Playwright, Chromium, axe) live in ``tests/browser/conftest.py``.
"""

import os
from pathlib import Path

import pytest

from tests.any_database import ANY_DATABASE
from tests.migrated import MigratedCopy, copy_database
from tests.servers import RedisServer
from tests.starter import RowsRollback, StarterContent

# CI (.ci/run) sets CI_FORBID_SKIPS=1: a skipped or xfailed test is a failure there, so a
# missing browser or database can never turn a run green by skipping what it could not do.
FORBID_SKIPS = os.environ.get("CI_FORBID_SKIPS", "") not in ("", "0", "false")


# The small page trees that most tests build instead of the starter content.
pytest_plugins = ["tests.page_tree"]

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
        RowsRollback(connection).install(connection)
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
    other tests build the few pages they need with the fixtures of tests/page_tree.py and
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
    transaction (tests/starter.py), transactional tests last, browser tests after the rest,
    and among them the journeys (half a minute each) before the tests run once per page type
    (a few seconds each): many short tests keep every process busy to the end of a `make test`
    run, where a few long ones would leave the CPUs waiting."""
    if _flushes_database(item):
        if not item.get_closest_marker("browser"):
            return 2
        own_parameters = set(item.callspec.params) if hasattr(item, "callspec") else set()
        return 4 if own_parameters - {"browser_name"} else 3
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
