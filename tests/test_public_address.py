"""Search engines get the public address (acceptance 7): under the production settings the
site record, the sitemap and canonical links take it from WAGTAILADMIN_BASE_URL, whatever
address a request came to; /robots.txt answers and names the sitemap there; and a deploy
check fails while the default site's host is not an allowed host."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from core.public_address import check_default_site_address
from tests.production import run_with_production_settings

pytestmark = pytest.mark.django_db

PRODUCTION_RUN = """
import json
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.conf import settings
from django.test import Client, override_settings
from wagtail.models import Site

call_command("migrate", verbosity=0)
site = Site.objects.get(is_default_site=True)
before = site.root_url
try:
    call_command("check", deploy=True)
    refused = ""
except SystemCheckError as error:
    refused = str(error)
call_command("setup_site", verbosity=0)
call_command("check", deploy=True)  # raises if anything is wrong now
client = Client(HTTP_HOST="alias.example.org")
# Static files are not collected here: name them as they are, without the manifest's hashes.
storages = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=storages):
    sitemap = client.get("/sitemap.xml", secure=True)
    robots = client.get("/robots.txt", secure=True)
    page = client.get("/case-studies/", secure=True)
canonical = BeautifulSoup(page.content, "html.parser").find("link", rel="canonical")["href"]
print(json.dumps({
    "before": before,
    "refused": refused,
    "site": Site.objects.get(is_default_site=True).root_url,
    "sitemap": [sitemap.status_code, sitemap.content.decode()],
    "robots": [robots.status_code, robots["Content-Type"], robots.content.decode()],
    "canonical": canonical,
}))
"""


def test_production_sitemap_canonical_links_and_robots_use_the_public_address(migrated_sqlite):
    result = run_with_production_settings(
        PRODUCTION_RUN,
        DJANGO_ALLOWED_HOSTS="belonging.example.org,alias.example.org",
        DATABASE_URL=migrated_sqlite,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])

    # Wagtail's own site record starts as localhost: the deploy check refuses it.
    assert found["before"] == "http://localhost"
    assert "core.E001" in found["refused"] and "'localhost'" in found["refused"]

    assert found["site"] == "https://belonging.example.org"
    status, sitemap = found["sitemap"]
    assert status == 200
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert len(locations) >= 10
    for location in locations:
        assert location.startswith("https://belonging.example.org/"), location
    assert "localhost" not in sitemap and "alias.example.org" not in sitemap

    assert found["canonical"] == "https://belonging.example.org/case-studies/"

    status, content_type, robots = found["robots"]
    assert status == 200 and content_type.startswith("text/plain")
    assert "Sitemap: https://belonging.example.org/sitemap.xml" in robots.splitlines()
    assert "Disallow: /admin/" in robots.splitlines()


def test_robots_txt_names_the_sitemap_at_the_address_asked_for_outside_production(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode().splitlines()
    assert client.post("/robots.txt").status_code == 405


def test_canonical_links_follow_the_public_url_setting(client, starter_site, settings):
    def canonical(path):
        doc = BeautifulSoup(client.get(path).content, "html.parser")
        return doc.find("link", rel="canonical")["href"]

    assert canonical("/case-studies/") == "http://testserver/case-studies/"
    settings.PUBLIC_URL = "https://belonging.example.org/"  # another page: none is cached
    assert canonical("/get-involved/") == "https://belonging.example.org/get-involved/"


def test_the_deploy_check_fails_when_the_default_site_is_not_an_allowed_host(settings, site_home):
    settings.ALLOWED_HOSTS = ["belonging.example.org"]
    settings.WAGTAILADMIN_BASE_URL = "https://belonging.example.org"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    assert {error.id for error in check_default_site_address()} == {"core.E001", "core.E002"}

    site.hostname, site.port = "belonging.example.org", 443
    site.save()
    assert check_default_site_address() == []

    settings.ALLOWED_HOSTS = ["other.example.org"]
    assert [error.id for error in check_default_site_address()] == ["core.E001"]
