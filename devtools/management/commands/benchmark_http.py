"""``manage.py benchmark_http`` (part of `make bench`): requests per second through the
production chain (devtools/edgestack.py: Varnish with deploy/varnish/default.vcl in front of
gunicorn, 2 workers, Redis, production settings) on loopback, measured by wrk (Debian's
package), each as a ratio to a baseline measured in the same run: through Varnish, a cached
page against a static file; straight to the app, a cached page against the stylesheet
(WhiteNoise), and the form page and an uncached theme page against the 404 page.
Bounded: --duration seconds per URL (10), loopback only.

The URLs take turns, in --rounds short runs each (10 of 1 s), so that whatever else the
machine is doing meanwhile weighs on all of them alike; each rate is all its requests over
all its seconds."""

import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from django.core.management.base import BaseCommand, CommandError

from devtools.edgestack import EdgeStack
from devtools.localstack import StackError

# Each request to the uncached theme page has a query string no other request had: a
# page-cache miss (the page rendered, as after every content change). Unique across wrk's
# threads (each has its own Lua state) and runs (the run's id is passed in). The parameter is
# one the page cache keys on (the case-study index's "region" filter): any other one would
# read the page's canonical entry, a hit. The theme page ignores it, so nothing is stored.
UNIQUE_QUERY_LUA = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  prefix = args[1] .. "-" .. id
  counter = 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?region=" .. prefix .. "-" .. counter)
end
"""


def requests_and_errors(output):
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return requests, int(errors.group(1)) if errors else 0


class Command(BaseCommand):
    help = "Load-test the production stack locally with wrk (req/s, as a ratio to the CSS)."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="Seconds per URL.")
        parser.add_argument("--rounds", type=int, default=10, help="Turns each URL takes.")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--threads", type=int, default=2)

    def handle(self, *args, duration, rounds, connections, threads, **options):
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError(
                "wrk is not installed, so the HTTP benchmark cannot run. On Debian or Ubuntu: "
                "sudo apt-get install wrk"
            )
        log = tempfile.TemporaryFile()
        try:
            stack = EdgeStack(nodes=1, workers=2, task_worker=False, output=log)
            with stack:
                self.run_all(stack, wrk, duration, rounds, connections, threads)
        except StackError as error:
            raise CommandError(str(error)) from error

    def run_all(self, stack, wrk, duration, rounds, connections, threads):
        theme = "/belonging-and-leadership/"
        edge, app = stack.url, stack.node_url("node1")
        html = urllib.request.urlopen(app + theme).read().decode()
        stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)
        case_study = re.search(r'href="(/case-studies/[^"/]+/)"', html)
        case_study = case_study.group(1) if case_study else "/case-studies/"
        # (label, base URL, path, unique query string each request, baseline label)
        targets = [
            ("edge: stylesheet", edge, stylesheet, False, None),
            ("edge: theme, cached", edge, theme, False, "edge: stylesheet"),
            ("app: stylesheet", app, stylesheet, False, None),
            ("app: theme, cached", app, theme, False, "app: stylesheet"),
            ("app: case study, cached", app, case_study, False, "app: stylesheet"),
            ("app: 404 page", app, "/no-such-page/", False, None),
            (
                "app: form page",
                app,
                "/get-involved/register-your-interest/",
                False,
                "app: 404 page",
            ),
            ("app: theme, uncached", app, theme, True, "app: 404 page"),
        ]
        self.stdout.write(
            f"wrk -t{threads} -c{connections}, {rounds} turns of {round(duration / rounds)} s per "
            "URL; edge: Varnish (deploy/varnish/default.vcl); app: gunicorn (2 workers, "
            "production settings, Redis) on 127.0.0.1"
        )
        seconds = max(1, round(duration / rounds))
        totals = {label: [0, 0] for label, *_ in targets}  # requests, errors
        for _, base, path, _, _ in targets:
            try:
                urllib.request.urlopen(base + path).read()  # warm: renditions, caches
            except urllib.error.HTTPError:
                pass  # the 404 page
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            lua.write(UNIQUE_QUERY_LUA)
            lua.flush()
            for _ in range(rounds):
                for label, base, path, script, _ in targets:
                    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s"]
                    if script:
                        command += ["-s", lua.name]
                    command.append(base + path)
                    if script:
                        command += ["--", f"run{time.time_ns()}"]
                    output = subprocess.run(
                        command, capture_output=True, text=True, check=True
                    ).stdout
                    requests, errors = requests_and_errors(output)
                    totals[label][0] += requests
                    totals[label][1] += errors
        rates = {label: totals[label][0] / (seconds * rounds) for label, *_ in targets}

        self.stdout.write(f"{'what':<26}{'req/s':>9}{'ratio':>7}  {'to':<18}{'errors':>7}  path")
        for label, _, path, _, baseline in targets:
            rate = rates[label]
            ratio = f"{rate / rates[baseline]:>7.2f}" if baseline else f"{'':>7}"
            errors = totals[label][1]
            if label == "app: 404 page":
                errors = 0  # a 404 is what it should answer
            self.stdout.write(
                f"{label:<26}{rate:>9.0f}{ratio}  {baseline or '':<18}{errors:>7}  {path}"
            )
