"""The starter content, loaded once per test session (issue 16: tests in half the time).

Loading it (``manage.py load_starter_content``: pages published one by one, images, the
search index) costs seconds; about a quarter of the suite reads it. So:

- Tests in a transaction (pytest-django's ``db``): the content is loaded once, in an outer
  transaction that stays open while those tests run; each test's own transaction is then a
  savepoint inside it, rolled back after the test as before (Django's ``setUpTestData``
  pattern). The outer transaction is rolled back as soon as a test that does not use the
  starter content needs the database, and opened again (loading again) when one that does
  comes next: tests/conftest.py runs the starter tests together, so that is rare.
- Transactional tests (the live server, the browser tests): the database, emptied after each
  test, is filled from a copy of the loaded content's rows (``TableRows``) instead of loading
  it again.
"""

import io
import re

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction


def load_starter_site():
    """Load the starter content (idempotent) and return the default site's home page."""
    from wagtail.models import Site

    call_command("load_starter_content", stdout=io.StringIO())
    # Wagtail caches the site root paths; the page tree has just changed under it.
    cache.clear()
    make_renditions()
    return Site.objects.get(is_default_site=True).root_page.specific


def make_renditions():
    """View each live page once, as a real server's first visitors would, so that its image
    renditions exist before the content is shared by the tests. Made again in every test,
    they were a fifth of the browser tests' time (resizing and WebP encoding)."""
    from django.core.cache import caches
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    for page in Page.objects.live().exclude(depth=1).specific():
        if page.url:
            client.get(page.url)
    caches["shared"].clear()  # the pages those views cached


def _home():
    from wagtail.models import Site

    cache.clear()  # site root paths cached by an earlier test, on another page tree
    return Site.objects.get(is_default_site=True).root_page.specific


class StarterContent:
    """The starter content for one test session (one database connection)."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.outer = None  # the open outer transaction (transaction.atomic), if any
        self.rows = None  # the migrated database plus the starter content (TableRows)

    def open(self):
        """Before a test in a transaction: load the content in an outer transaction."""
        if self.outer is not None:
            return
        with self.blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                load_starter_site()
                if self.rows is None:
                    self.rows = TableRows.read(connection)
            except BaseException:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
                raise
        self.outer = outer

    def close(self):
        """Before a test that must not see the content: roll the outer transaction back."""
        if self.outer is None:
            return
        outer, self.outer = self.outer, None
        with self.blocker.unblock():
            if connection.in_atomic_block:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)

    def home(self):
        """The home page, in a test that runs in a transaction (after ``open``) or in a
        transactional test (whose database holds what the migrations created)."""
        if connection.in_atomic_block:
            assert self.outer is not None, "the starter content's transaction is not open"
            return _home()
        if self.rows is None:
            home = load_starter_site()
            self.rows = TableRows.read(connection)
            return home
        self.rows.restore(connection)
        return _home()


class TableRows:
    """Every row of the tables ``manage.py flush`` empties, read once and written back after
    each flush. Django's ``serialize_db_to_string``/``deserialize_db_from_string`` did the same
    through its serializers, saving about a thousand model instances one by one: 0.4 s of a
    browser test's 1.4 s of set-up and tear-down (cProfile). Plain INSERTs take a few
    hundredths of a second and give back the rows exactly as they were."""

    def __init__(self, tables):
        self.tables = tables  # [(table, column names, rows)], each with at least one row

    @classmethod
    def read(cls, connection):
        quote = connection.ops.quote_name
        flushed = set(
            connection.introspection.django_table_names(only_existing=True, include_views=False)
        )
        # Each table's columns named from its model: ``SELECT *`` would leave out a column
        # the table hides, such as the rowid that is the primary key of the SQLite search
        # backend's full-text table.
        columns = {
            model._meta.db_table: [field.column for field in model._meta.local_concrete_fields]
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in flushed and not model._meta.proxy
        }
        assert flushed <= set(columns), f"tables of no model: {flushed - set(columns)}"
        tables = []
        with connection.cursor() as cursor:
            filled_by_triggers = (
                cls.filled_by_triggers(cursor) if connection.vendor == "sqlite" else set()
            )
            for table, names in sorted(columns.items()):
                if table in filled_by_triggers:
                    continue
                cursor.execute(
                    f"SELECT {', '.join(quote(name) for name in names)} FROM {quote(table)}"
                )
                rows = cursor.fetchall()
                if rows:
                    tables.append((table, names, rows))
        return cls(tables)

    @staticmethod
    def filled_by_triggers(cursor):
        """Tables that SQLite triggers fill as other tables are written: the search backend's
        full-text table follows its index entries (wagtail/search/migrations/0006)."""
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
        return {
            match.group(1)
            for (sql,) in cursor.fetchall()
            for match in re.finditer(
                r'(?:INSERT(?:\s+OR\s+\w+)?|REPLACE)\s+INTO\s+["`\[]?(\w+)', sql, re.IGNORECASE
            )
        }

    def restore(self, connection):
        """Empty the tables as TransactionTestCase does after a test, then write the rows."""
        call_command(
            "flush",
            database=connection.alias,
            verbosity=0,
            interactive=False,
            inhibit_post_migrate=True,
            stdout=io.StringIO(),
        )
        self.write(connection)

    def write(self, connection):
        quote = connection.ops.quote_name
        # One transaction: Django's foreign keys are checked at its end (DEFERRABLE INITIALLY
        # DEFERRED on SQLite and PostgreSQL alike), so the tables may be filled in any order.
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for table, columns, rows in self.tables:
                names = ", ".join(quote(column) for column in columns)
                values = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({values})", rows)
            # As loaddata does: PostgreSQL's sequences continue after the ids just stored.
            # (many-to-many tables included: their rows came with their ids too)
            models = apps.get_models(include_auto_created=True)
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


class RowsRollback:
    """Django's serialized rollback, from plain rows (SQLite only: the browser tests run there).

    Before each transactional test with ``serialized_rollback`` (the browser tests among
    them), Django puts back what the migrations created (Wagtail's root page, the default
    site, content types, permissions, groups) by calling the connection's
    ``creation.deserialize_db_from_string``: 0.24 s a test through its serializers. Set on the
    connection as that method (``install``), this empties the tables and writes back the rows
    read just after migrating (``TableRows``): a few hundredths of a second, and the same
    rows."""

    def __init__(self, connection):
        self.alias = connection.alias
        self.rows = TableRows.read(connection)

    def install(self, connection):
        connection.creation.deserialize_db_from_string = self

    def __call__(self, data):
        from django.db import connections

        self.rows.restore(connections[self.alias])  # this thread's (or Playwright context's)
