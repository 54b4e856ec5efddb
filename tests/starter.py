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
  test, is filled from a serialized copy of the loaded content (Django's own
  ``serialize_db_to_string``, as for ``serialized_rollback``) instead of loading it again.
"""

import io

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
        self.serialized = None  # the migrated database plus the starter content

    def open(self):
        """Before a test in a transaction: load the content in an outer transaction."""
        if self.outer is not None:
            return
        with self.blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                load_starter_site()
                if self.serialized is None:
                    self.serialized = connection.creation.serialize_db_to_string()
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
        if self.serialized is None:
            home = load_starter_site()
            self.serialized = connection.creation.serialize_db_to_string()
            return home
        # Empty the tables as TransactionTestCase does after a test, then fill them.
        call_command(
            "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, stdout=io.StringIO()
        )
        connection.creation.deserialize_db_from_string(self.serialized)
        # As loaddata does: PostgreSQL's sequences continue after the ids just stored.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)
        return _home()
