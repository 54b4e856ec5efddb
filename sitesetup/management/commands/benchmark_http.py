"""``manage.py benchmark_http`` (part of `make bench`): requests per second through the
production stack (sitesetup/localstack.py: gunicorn, 2 workers, Redis, production settings)
on loopback, measured by wrk (Debian's package), each as a ratio to the site's stylesheet
served by WhiteNoise in the same run. Bounded: --duration seconds per URL (10), loopback only.

The URLs take turns, in --rounds short runs each (10 of 1 s), so that whatever else the
machine is doing meanwhile weighs on all of them alike; each rate is all its requests over
all its seconds."""

import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

from django.core.management.base import BaseCommand, CommandError

from sitesetup.localstack import LocalStack, StackError, free_port

# Each request to the uncached theme page has a query string no other request had: a
# page-cache miss (the page rendered and stored, as after every content change). Unique
# across wrk's threads (each has its own Lua state) and runs (the run's id is passed in).
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
  return wrk.format("GET", wrk.path .. "?bench=" .. prefix .. "-" .. counter)
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
            with LocalStack(free_port(), task_worker=False, access_log=False, output=log) as stack:
                self.run_all(stack, wrk, duration, rounds, connections, threads)
        except StackError as error:
            raise CommandError(str(error)) from error

    def run_all(self, stack, wrk, duration, rounds, connections, threads):
        theme = "/belonging-and-leadership/"
        html = urllib.request.urlopen(stack.url + theme).read().decode()
        stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)
        case_study = re.search(r'href="(/case-studies/[^"/]+/)"', html)
        case_study = case_study.group(1) if case_study else "/case-studies/"
        targets = [
            ("stylesheet (WhiteNoise)", stylesheet, False),
            ("theme page, cached", theme, False),
            ("theme page, uncached", theme, True),
            ("case study, cached", case_study, False),
            ("form page (never cached)", "/get-involved/register-your-interest/", False),
        ]
        self.stdout.write(
            f"wrk -t{threads} -c{connections}, {rounds} turns of {round(duration / rounds)} s per "
            "URL, against gunicorn (2 workers, production settings, Redis) on 127.0.0.1"
        )
        seconds = max(1, round(duration / rounds))
        totals = {label: [0, 0] for label, _, _ in targets}  # requests, errors
        for _, path, _ in targets:
            urllib.request.urlopen(stack.url + path).read()  # warm: renditions, page cache
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            lua.write(UNIQUE_QUERY_LUA)
            lua.flush()
            for _ in range(rounds):
                for label, path, script in targets:
                    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s"]
                    if script:
                        command += ["-s", lua.name]
                    command.append(stack.url + path)
                    if script:
                        command += ["--", f"run{time.time_ns()}"]
                    output = subprocess.run(
                        command, capture_output=True, text=True, check=True
                    ).stdout
                    requests, errors = requests_and_errors(output)
                    totals[label][0] += requests
                    totals[label][1] += errors
        results = [
            (label, path, totals[label][0] / (seconds * rounds), totals[label][1])
            for label, path, _ in targets
        ]

        baseline = results[0][2]
        self.stdout.write(f"{'what':<28}{'req/s':>10}{'x CSS':>8}{'errors':>8}  path")
        for label, path, rate, errors in results:
            self.stdout.write(f"{label:<28}{rate:>10.0f}{rate / baseline:>8.2f}{errors:>8}  {path}")
