"""Print how long each public page type takes to render, uncached and from the page cache, and
how many queries each costs.

Figures are medians over repeated requests through Django's test client in one run, with a
ratio to the site's 404 page measured in the same run, so results compare across machines.
"Uncached" is a page-cache miss (the page rendered and stored), with the parts every page
shares (menu, footer) already rendered once for the current content. Nothing is asserted:
this is a measuring tool (`make bench`, which also runs `benchmark_http`), not a test."""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page

from pagecache.caching import page_key
from pagecache.shared_cache import get_shared_cache


def forget(url):
    get_shared_cache().delete(page_key(RequestFactory().get(url)))


class Command(BaseCommand):
    help = (
        "Measure render time and query count of one page of each type, uncached and cached "
        "(needs starter content)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="Requests per page.")

    def handle(self, *args, repeat, **options):
        pages = {}
        for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
            pages.setdefault(type(page).__name__, page.url)
        targets = [("404 page (baseline)", "/no-such-page/"), *pages.items()]
        if len(targets) == 1:
            self.stderr.write("No live pages: run `manage.py load_starter_content` first.")
            return

        # ALLOWED_HOSTS must admit the test client's "testserver".
        with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
            client = Client()
            for _, url in targets:
                client.get(url)  # warm up: renditions, the shared menu and footer
            results = [
                (
                    label,
                    *self.measure(client, url, repeat, cached=False),
                    *self.measure(client, url, repeat, cached=True),
                )
                for label, url in targets
            ]

        baseline = results[0][1]
        self.stdout.write(
            f"{'page type':<24}{'uncached ms':>12}{'x 404':>7}{'queries':>9}"
            f"{'cached ms':>11}{'x 404':>7}{'queries':>9}{'KiB':>7}"
        )
        for label, ms, queries, size, cached_ms, cached_queries, _ in results:
            self.stdout.write(
                f"{label:<24}{ms:>12.2f}{ms / baseline:>7.1f}{queries:>9}"
                f"{cached_ms:>11.2f}{cached_ms / baseline:>7.2f}{cached_queries:>9}"
                f"{size / 1024:>7.1f}"
            )
        self.stdout.write(
            "Uncached: a page-cache miss, rendered and stored. Cached: served from the page "
            "cache (pages that may not be cached, such as forms and the 404 page, render "
            "every time)."
        )

    def measure(self, client, url, repeat, cached):
        def fetch():
            if not cached:
                forget(url)
            return client.get(url)

        fetch()
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = fetch()
            timings.append((time.perf_counter() - start) * 1000)
        if not cached:
            forget(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return statistics.median(timings), len(captured), len(response.content)
