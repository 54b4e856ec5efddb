"""Print how long each public page type takes to render, and how many queries it makes.

Figures are medians over repeated requests through Django's test client in one run, with a
ratio to the site's 404 page measured in the same run, so results compare across machines.
Nothing is asserted: this is a measuring tool (`make bench`), not a test."""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page


class Command(BaseCommand):
    help = "Measure render time and query count of one page of each type (needs starter content)."

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
            results = [(label, *self.measure(client, url, repeat)) for label, url in targets]

        baseline = results[0][1]
        self.stdout.write(f"{'page type':<24}{'median ms':>10}{'x 404':>8}{'queries':>9}{'KiB':>8}")
        for label, median_ms, queries, size in results:
            self.stdout.write(
                f"{label:<24}{median_ms:>10.1f}{median_ms / baseline:>8.1f}{queries:>9}"
                f"{size / 1024:>8.1f}"
            )

    def measure(self, client, url, repeat):
        client.get(url)  # warm up: renditions, caches
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return statistics.median(timings), len(captured), len(response.content)
