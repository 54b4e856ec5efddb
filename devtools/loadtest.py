"""`make loadtest`: the whole local chain under load, bounded in time (LOADTEST_SECONDS,
default 300), loopback only.

Varnish (deploy/varnish/) -> two gunicorn nodes (2 workers each, production settings) ->
a throwaway PostgreSQL cluster, Redis and the task worker (devtools/edgestack.py). Locust
(devtools/locustfile.py, headless) plays readers and members; this script is the editor who
publishes a change every minute. Prints throughput, latency percentiles, errors, the edge's
hit ratio (varnishstat) and each process's memory at start and end; exits 1 if any request
failed other than the forms' deliberate 429s."""

import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from devtools.edgestack import EdgeStack  # noqa: E402
from devtools.pgcluster import PostgresCluster  # noqa: E402

SECONDS = int(os.environ.get("LOADTEST_SECONDS", 300))
USERS = int(os.environ.get("LOADTEST_USERS", 20))
PUBLISH = """
from themes.models import ThemePage
page = ThemePage.objects.live().order_by("path").first()
page.title = page.title.split(" (edit")[0] + " (edit {n})"
page.save_revision().publish()
"""


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(child) for child in task.read_text().split()]
    return found


def memory(stack, postgres):
    processes = [(process.what, process.pid) for process in stack.processes]
    postmaster = int((postgres.data / "postmaster.pid").read_text().split()[0])
    rows = {}
    for what, pid in [*processes, ("postgres", postmaster)]:
        rows[f"{what} ({pid})"] = rss_kib(pid)
        for number, child in enumerate(children(pid), 1):
            rows[f"{what} child {number} ({child})"] = rss_kib(child)
    return rows


def editor(stack, stop, published):
    while not stop.wait(60):
        stack.shell(PUBLISH.format(n=len(published) + 1))
        published.append(time.monotonic())


def main():
    output = tempfile.NamedTemporaryFile(prefix="loadtest-stack-", suffix=".log", delete=False)
    print(f"Starting the stack (its output: {output.name}) ...", flush=True)
    with (
        PostgresCluster() as postgres,
        EdgeStack(nodes=2, workers=2, database_url=postgres.url, output=output) as stack,
    ):
        start_memory = memory(stack, postgres)
        counters_before = stack.varnish.counters()
        stop, published = threading.Event(), []
        publisher = threading.Thread(target=editor, args=(stack, stop, published), daemon=True)
        prefix = Path(tempfile.mkdtemp(prefix="loadtest-")) / "locust"
        command = [sys.executable, "-m", "locust", "-f", str(ROOT / "devtools/locustfile.py")]
        command += ["--headless", "-u", str(USERS), "-r", "5", "-t", f"{SECONDS}s"]
        command += ["--host", stack.url, "--csv", str(prefix), "--only-summary"]
        command += ["--stop-timeout", "10", "--loglevel", "WARNING"]
        print(f"Load: {USERS} users for {SECONDS} s through {stack.url} ...", flush=True)
        publisher.start()
        locust = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        stop.set()
        publisher.join(timeout=120)
        end_memory = memory(stack, postgres)
        counters_after = stack.varnish.counters()
        for reason, count in stack.varnish.fetch_errors().items():
            print(f"Edge fetch error: {reason} x{count}")
    if locust.returncode not in (0, 1):
        print(locust.stderr[-3000:])
        sys.exit(locust.returncode)
    return report(prefix, start_memory, end_memory, counters_before, counters_after, published)


def report(prefix, start_memory, end_memory, before, after, published):
    with open(f"{prefix}_stats.csv") as stats_file:
        stats = list(csv.DictReader(stats_file))
    with open(f"{prefix}_failures.csv") as failures_file:
        failures = list(csv.DictReader(failures_file))
    print(f"\n{SECONDS} s, {USERS} users; the editor published {len(published)} changes.")
    header = f"{'request':<14}{'count':>8}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>8}"
    print(header + f"{'failed':>8}   (ms)")
    for row in stats:
        print(
            f"{row['Name']:<14}{row['Request Count']:>8}{float(row['Requests/s']):>8.1f}"
            f"{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}{float(row['Max Response Time']):>8.0f}"
            f"{row['Failure Count']:>8}"
        )
    deliberate = sum(int(f["Occurrences"]) for f in failures if "deliberate" in f["Error"])
    other = [f for f in failures if "deliberate" not in f["Error"]]
    print(f"Deliberate 429s (forms' rate limit, one address for every member): {deliberate}")
    for failure in other:
        print(
            f"FAILED: {failure['Method']} {failure['Name']}: {failure['Error']} "
            f"x{failure['Occurrences']}"
        )
    hits = after.get("MAIN.cache_hit", 0) - before.get("MAIN.cache_hit", 0)
    misses = after.get("MAIN.cache_miss", 0) - before.get("MAIN.cache_miss", 0)
    passes = after.get("MAIN.s_pass", 0) - before.get("MAIN.s_pass", 0)
    ratio = hits / (hits + misses) if hits + misses else 0
    print(
        f"Edge (varnishstat): {hits} hits, {misses} misses, {passes} passed to the app; "
        f"hit ratio {ratio:.1%} of cacheable lookups"
    )
    print(f"\n{'process':<40}{'RSS start MiB':>14}{'RSS end MiB':>13}")
    for name in sorted(set(start_memory) | set(end_memory)):
        print(
            f"{name:<40}{start_memory.get(name, 0) / 1024:>14.1f}"
            f"{end_memory.get(name, 0) / 1024:>13.1f}"
        )
    print("\nRESULT:", "FAILED" if other else "no failed request other than deliberate 429s")
    return 1 if other else 0


if __name__ == "__main__":
    sys.exit(main())
