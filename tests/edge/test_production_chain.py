"""The whole chain under the production settings (issue 19, acceptance 2 and 3): Varnish
(deploy/varnish/default.vcl) in front of two gunicorn nodes sharing a PostgreSQL of their own
(a throwaway cluster, so this runs in both CI runs) and Redis, with the task worker.

- A change published through node 1's environment shows through node 2 at once (the content
  generation in Redis retires every process's pages, menus and footers) and through the edge
  once the worker's PURGE has reached it.
- PostgreSQL stopped mid-run: cached pages answer 200 from the edge and from the app; an
  uncached page and a form post answer the designed 503 with Retry-After; when PostgreSQL
  is back, pages and submissions work with no restart, and nothing stored before is lost.
- A node stopped under load: Varnish's health check (deploy/varnish/backends.vcl: a check a
  second, healthy while 2 of the last 5 pass) marks it down about 4 seconds after it stops
  answering (the test prints how long, gunicorn's own shutdown included); from then on no
  request fails (and GETs meanwhile are retried on the other node).
- A node that hangs (SIGSTOP: its port still accepts connections): no visitor waits for it
  longer than 10 s (a page is then asked of the other node, never of the hung one again),
  and the health check takes it out (the test prints how long: about 25 s).

No database of pytest-django's: everything goes through HTTP and the stack's processes."""

import os
import re
import signal
import threading
import time
from pathlib import Path

import psycopg
import pytest
import redis

from devtools.edgestack import EdgeStack
from devtools.pgcluster import PostgresCluster
from tests.edge.http import fetch
from tests.getinvolved.formhelpers import TOKEN_RE, register_answers

THEME_1 = "/belonging-and-leadership/"
THEME_2 = "/belonging-and-culture/"
FORM = "/get-involved/register-your-interest/"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PUBLISH = """
from themes.models import ThemePage
page = ThemePage.objects.get(url_path__endswith="{path}", locale__language_code="en-gb")
page.title = "{title}"
page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def cluster():
    with PostgresCluster() as postgres:
        yield postgres


@pytest.fixture(scope="module")
def stack(cluster, tmp_path_factory):
    log = open(tmp_path_factory.mktemp("stack") / "stack.log", "wb")  # noqa: SIM115
    # Pages stay at the edge one second (not five minutes): the outage test then sees the
    # edge's stale copies (grace) rather than fresh ones.
    chain = EdgeStack(nodes=2, database_url=cluster.url, output=log, env={"CDN_CACHE_SECONDS": "1"})
    with chain:
        yield chain
    log.close()


def wait_for(condition, seconds=30):
    """Poll ``condition`` (bounded); its last value."""
    deadline = time.monotonic() + seconds
    while not (value := condition()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return value


def submissions(cluster):
    with psycopg.connect(cluster.url) as connection:
        return connection.execute(
            "SELECT form_data::jsonb->>'email_address'"
            " FROM getinvolved_interestsubmission ORDER BY id"
        ).fetchall()


def tasks_waiting(cluster):
    with psycopg.connect(cluster.url) as connection:
        return connection.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path"
            " LIKE '%frontend_cache%' AND status IN ('READY', 'RUNNING')"
        ).fetchone()[0]


def open_form(base):
    shown = fetch(base, FORM)
    assert shown.status == 200
    # A form sent sooner than FORM_MIN_FILL_SECONDS (3) after it was shown counts as a bot's.
    time.sleep(3.2)
    return shown.cookies, {
        "form-token": TOKEN_RE.search(shown.text).group(1),
        "csrfmiddlewaretoken": CSRF_RE.search(shown.text).group(1),
    }


def send_form(base, opened, email):
    cookies, tokens = opened
    answers = {**register_answers(email_address=email), **tokens}
    return fetch(base, FORM, method="POST", data=answers, cookies=cookies)


def test_a_change_published_on_one_node_shows_on_the_other_and_through_the_edge(stack):
    node1, node2 = stack.node_url("node1"), stack.node_url("node2")
    for base in (stack.url, node1, node2):
        fetch(base, THEME_1)
        fetch(base, "/")
    assert fetch(node2, THEME_1).headers["X-Page-Cache"] == "hit"

    stack.shell(PUBLISH.format(path=THEME_1, title="Leadership, from node 1"))
    for base in (node2, node1):
        assert "Leadership, from node 1" in fetch(base, THEME_1).text
        assert "Leadership, from node 1" in fetch(base, "/").text  # the theme card
    # The edge: once the task worker has sent Wagtail's PURGE (a background task).
    assert wait_for(lambda: "Leadership, from node 1" in fetch(stack.url, THEME_1).text)
    assert fetch(stack.url, THEME_1).headers["X-Cache"].startswith("HIT")


def test_postgresql_stopped_cached_pages_stay_up_and_the_rest_says_try_again(stack, cluster):
    node1 = stack.node_url("node1")
    assert send_form(stack.url, open_form(stack.url), "before@example.org").status == 302
    stored_before = submissions(cluster)
    fetch(node1, THEME_2)
    # A change after THEME_2 was cached: the app's copy of it is now of an older generation.
    stack.shell(PUBLISH.format(path=THEME_1, title="Leadership, before the outage"))
    assert wait_for(lambda: tasks_waiting(cluster) == 0), "the worker purged the edge"
    for path in (THEME_1, "/"):
        assert "before the outage" in fetch(stack.url, path).text  # now at the edge
    opened = open_form(stack.url)

    cluster.stop()
    try:
        # From the app: the page cache needs no database; an older copy beats an error.
        cached = fetch(node1, THEME_1)
        assert (cached.status, cached.headers["X-Page-Cache"]) == (200, "hit")
        assert "before the outage" in cached.text
        older = fetch(node1, THEME_2)
        assert (older.status, older.headers["X-Page-Cache"]) == (200, "stale")
        # From the edge, even with the app's page cache emptied: its stale copy (grace).
        redis.Redis.from_url(stack.redis_url).flushall()
        time.sleep(1.5)  # past the edge's one-second TTL
        for path in (THEME_1, "/"):
            page = fetch(stack.url, path)
            assert page.status == 200
            assert page.headers["X-Cache"] == "HIT, stale"
        # Never cached: the designed page, rendered without the database.
        for base in (stack.url, node1):
            missing = fetch(base, "/case-studies/?never-cached=1")
            assert missing.status == 503
            assert missing.headers["Retry-After"] == "120"
            assert "Back in a few minutes" in missing.text
            assert "/static/css/site" in missing.text and "site-header" in missing.text
        posted = send_form(stack.url, opened, "during@example.org")
        assert posted.status == 503
        assert posted.headers["Retry-After"] == "120"
        assert "Your answers were not saved" in posted.text
        assert "send the form again in a few minutes" in posted.text
    finally:
        cluster.start()

    # Back, with no restart of anything: pages render and forms are taken again.
    fresh = fetch(stack.url, "/case-studies/?never-cached=2")
    assert fresh.status == 200
    assert fetch(node1, "/case-studies/?never-cached=3").status == 200
    assert send_form(stack.url, open_form(stack.url), "after@example.org").status == 302
    stored_after = submissions(cluster)
    assert stored_after[: len(stored_before)] == stored_before
    assert stored_after[len(stored_before) :] == [("after@example.org",)]


def freeze(stack, name, signal):
    """Send ``signal`` to node ``name``'s gunicorn and its workers (SIGSTOP: hung, with its
    port still accepting connections, as a node stuck on a lock or swapping)."""
    master = stack.nodes[name].pid
    workers = [
        int(pid)
        for task in Path(f"/proc/{master}/task").glob("*/children")
        for pid in task.read_text().split()
    ]
    for pid in (master, *workers):
        os.kill(pid, signal)


def test_a_hung_node_keeps_no_visitor_waiting_and_is_taken_out(stack):
    """A node that hangs still accepts connections: only timeouts notice it. Visitors' pages
    are asked of the other node after 10 s (not Varnish's 30 s first_byte_timeout), never of
    the hung node again, until the health check takes it out."""
    patience = 20  # seconds a visitor waits for a page before giving up
    answers = []

    def visitor(number):
        for count in range(3):  # never cached at the edge: each one reaches a node
            try:
                status = fetch(
                    stack.url, f"{THEME_2}?hung={number}-{count}", timeout=patience
                ).status
            except OSError:  # timed out: urllib raises TimeoutError or URLError
                status = "gave up"
            answers.append(status)

    for name in ("node1", "node2"):  # warm, as nodes that have been serving for a while
        assert fetch(stack.node_url(name), THEME_2).status == 200
    freeze(stack, "node2", signal.SIGSTOP)
    try:
        frozen_at = time.monotonic()
        threads = [threading.Thread(target=visitor, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        stack.varnish.wait_for_health("node2", False, seconds=60)
        print(f"hung node2 marked down {time.monotonic() - frozen_at:.1f} s after it hung")
        assert answers == [200] * 12
        assert stack.varnish.backend_health()["node1"] is True
    finally:
        freeze(stack, "node2", signal.SIGCONT)
    stack.varnish.wait_for_health("node2", True, seconds=60)


def test_a_node_stopped_under_load_loses_no_request_once_marked_down(stack):
    failures, answered, stop = [], [], threading.Event()

    def visitor(number):
        count = 0
        while not stop.is_set():
            count += 1
            # Half of them never cached: they must reach a node.
            path = THEME_1 if count % 2 else f"{THEME_2}?visitor={number}-{count}"
            response = fetch(stack.url, path)
            (answered if response.status == 200 else failures).append((path, response.status))

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(2)
        stopped_at = time.monotonic()
        stack.stop_node("node1")
        stack.varnish.wait_for_health("node1", False, seconds=30)
        marked_down_after = time.monotonic() - stopped_at
        failures_before_marked = list(failures)
        counted = len(answered)
        time.sleep(5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    print(f"node1 marked down {marked_down_after:.1f} s after it stopped")
    assert len(answered) > counted, "requests were answered after the node was marked down"
    assert failures == failures_before_marked == []
    assert stack.varnish.backend_health()["node2"] is True
