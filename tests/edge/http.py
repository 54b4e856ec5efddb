"""A tiny HTTP client for the edge tests: any status is an answer (no exception), cookies are
sent as given, and the Host header is the site's (what PURGE requests name)."""

import urllib.error
import urllib.parse
import urllib.request
from types import SimpleNamespace

SITE_HOST = "localhost"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def fetch(base, path, method="GET", data=None, cookies=None, headers=None, timeout=30):
    headers = {"Host": SITE_HOST, **(headers or {})}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(base + path, data=body, method=method, headers=headers)
    try:
        response = OPENER.open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        content = response.read().decode("utf-8", "replace")
        return SimpleNamespace(
            status=response.status,
            headers=response.headers,
            text=content,
            cookies=set_cookies(response.headers),
        )


def set_cookies(headers):
    found = {}
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found
