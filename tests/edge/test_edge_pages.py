"""With every app node stopped and no copy at the edge, Varnish (deploy/varnish/default.vcl,
``edge_unavailable``) answers the app's own "back in a few minutes" page: the site's design
with its stylesheet inlined, Welsh under /cy/, the "not saved" wording after a form post,
written beforehand by ``manage.py write_edge_pages`` (issue 19). No app and no database here:
the only node's port has nothing listening."""

import re
import shutil

import pytest

from devtools.edgestack import Varnish
from devtools.localstack import free_port
from pagecache.edge_pages import file_names
from tests.edge.http import fetch

ENGLISH_PAGE = "/belonging-and-leadership/?never-cached=1"
WELSH_PAGE = "/cy/belonging-and-leadership/"


@pytest.fixture
def no_node():
    varnish = Varnish([free_port()]).start()  # a node that was stopped: nothing answers
    yield varnish
    varnish.stop()


def assert_the_sites_page(response, lang):
    assert response.status == 503
    assert response.headers["Retry-After"] == "120"
    assert response.headers["Cache-Control"] == "no-store"
    assert f'<html lang="{lang}">' in response.text
    # The site's header and wordmark, styled by the site's own stylesheet, inlined.
    assert '<header class="site-header">' in response.text
    assert "Place and Belonging in School</span>" in response.text
    assert re.search(r"<style>.*\.site-header\s*\{.*</style>", response.text, re.S)


def test_with_every_node_stopped_a_page_answers_the_sites_own_503(no_node):
    english = fetch(no_node.url, ENGLISH_PAGE)
    assert_the_sites_page(english, "en-GB")
    assert "<h1>Back in a few minutes</h1>" in english.text
    assert "Please try again in a few minutes." in english.text
    assert english.headers["Content-Language"] == "en-GB"

    welsh = fetch(no_node.url, WELSH_PAGE)
    assert_the_sites_page(welsh, "cy")
    assert "<h1>Yn ôl ymhen ychydig funudau</h1>" in welsh.text
    assert "Back in a few minutes" not in welsh.text
    assert 'href="/cy/"' in welsh.text  # the wordmark leads to the Welsh overview
    assert welsh.headers["Content-Language"] == "cy"

    head = fetch(no_node.url, "/cy/", method="HEAD")
    assert (head.status, head.headers["Content-Language"]) == (503, "cy")


def test_a_form_post_says_the_answers_were_not_saved(no_node):
    form = "/get-involved/register-your-interest/"
    posted = fetch(no_node.url, form, method="POST", data={"email": "a@example.org"})
    assert_the_sites_page(posted, "en-GB")
    assert "<h1>Your answers were not saved</h1>" in posted.text
    assert "send the form again in a few minutes" in posted.text

    welsh = fetch(no_node.url, "/cy" + form, method="POST", data={"email": "a@example.org"})
    assert_the_sites_page(welsh, "cy")
    assert "<h1>Ni chafodd eich atebion eu cadw</h1>" in welsh.text


def test_the_pages_fetch_nothing(no_node):
    names = sorted(path.name for path in no_node.pages.iterdir())
    assert names == sorted(file_names())
    for name in names:
        html = (no_node.pages / name).read_text()
        assert "<style>" in html
        assert "<link" not in html  # no stylesheet, icon or font to fetch
        assert not re.search(r"\ssrc=|@import", html)
        # The stylesheet's own references (a background image) are embedded.
        assert 'url("data:image/svg+xml;base64,' in html
        assert re.findall(r"url\(\s*(?!['\"]?data:)", html) == []


def test_pages_never_written_still_give_a_short_page_not_a_blank_one():
    varnish = Varnish([free_port()]).start()
    try:
        shutil.rmtree(varnish.pages)
        page = fetch(varnish.url, "/cy/")
        assert page.status == 503
        assert page.headers["Retry-After"] == "120"
        assert "<h1>Back soon</h1>" in page.text
    finally:
        varnish.stop()
