"""The load `make loadtest` drives (devtools/loadtest.py runs it headless through Varnish):
readers across every page of the site, and members who open a form and send it. The
editor who publishes every minute is loadtest.py itself. A 429 (the forms' rate limit: every
member here comes from one address) is deliberate and reported apart from failures."""

import random
import re
import time
import uuid

from locust import HttpUser, between, events, task

FORMS = ["/get-involved/register-your-interest/"]
TOKEN_RE = re.compile(r'name="form-token" value="([^"]+)"')
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PAGES = []


@events.test_start.add_listener
def read_sitemap(environment, **kwargs):
    import urllib.request

    request = urllib.request.Request(environment.host + "/sitemap.xml")
    request.add_header("Host", "localhost")
    xml = urllib.request.urlopen(request).read().decode()  # noqa: S310 - loopback only
    PAGES[:] = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)", xml)]


class Reader(HttpUser):
    weight = 8
    wait_time = between(0.5, 2)

    def on_start(self):
        self.client.headers["Host"] = "localhost"

    @task(10)
    def read_a_page(self):
        self.client.get(random.choice(PAGES or ["/"]), name="page")

    @task(1)
    def page_that_is_not_there(self):
        with self.client.get("/no-such-page/", name="404 page", catch_response=True) as r:
            if r.status_code == 404:
                r.success()


class Member(HttpUser):
    weight = 2
    wait_time = between(2, 6)

    def on_start(self):
        self.client.headers["Host"] = "localhost"

    @task
    def send_a_form(self):
        form = random.choice(FORMS)
        shown = self.client.get(form, name="form page")
        token, csrf = TOKEN_RE.search(shown.text), CSRF_RE.search(shown.text)
        if not (token and csrf):
            return
        time.sleep(3.5)  # people take longer than FORM_MIN_FILL_SECONDS
        answers = {
            "your_name": "Load Test",
            "email_address": f"load-{uuid.uuid4().hex[:12]}@example.org",
            "school_or_workplace": "Load test school",
            "role": "Teacher",
            "region": "London",
            "membership_number": "",
            "how_would_you_like_to_be_involved": "Share practice from my school",
            "privacy-consent": "on",
            "form-token": token.group(1),
            "csrfmiddlewaretoken": csrf.group(1),
        }
        # The CSRF cookie is Secure (production settings): sent by hand over loopback HTTP.
        cookie = {"Cookie": f"csrftoken={shown.cookies.get('csrftoken', '')}"}
        with self.client.post(
            form,
            data=answers,
            headers=cookie,
            name="form post",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                response.success()
            elif response.status_code == 429:
                response.failure("429 rate limited (deliberate)")
            else:
                # Status 0: no HTTP answer at all; say why (reset, timeout...).
                why = f": {response.error!r}" if response.status_code == 0 else ""
                response.failure(f"status {response.status_code}{why}")
