"""`make audit`: the Nu HTML Checker on every public page type, and Lighthouse on the five
pages visitors meet most, against the starter site served as visitors get it.

1. A throwaway SQLite database and media folder get the starter content (migrate,
   load_starter_content, setup_groups), under config.settings.audit (debug off).
2. gunicorn serves it on a free loopback port.
3. The Nu HTML Checker (vnu.jar from npm, run with the system's Java) checks the HTML of
   every live page, a form's thank-you page and the 404 page: any error fails the audit.
4. Lighthouse (from npm, with the system's Chromium: CHROME_PATH) audits the overview, a
   theme, a case study, the case-study index and a form: accessibility, best practices and
   SEO must be exactly 100; performance is printed, and fails the audit under 90. A run that
   Lighthouse itself reports as broken ("Please run Lighthouse again") is run once more.

Prints each page's results and a summary; exits non-zero on any failure. Standard library
only: it runs with the project's virtualenv Python from the repository root."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "devtools" / "audit" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
PYTHON = sys.executable
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
EXACT_100 = ("accessibility", "best-practices", "seo")
MIN_PERFORMANCE = 90
# The pages Lighthouse audits: the first live page of each type.
LIGHTHOUSE_TYPES = ["HomePage", "ThemePage", "CaseStudyPage", "CaseStudyIndexPage"]
LIGHTHOUSE_TYPES += ["InterestFormPage"]

# Printed by `manage.py shell`: (page type, path) of every live page, in tree order.
LIST_PAGES = """
import json
from wagtail.models import Page
pages = Page.objects.live().filter(depth__gt=1).order_by("path").specific()
print(json.dumps([(type(p).__name__, p.get_url()) for p in pages]))
"""

# The starter site has no live Welsh page (its Welsh copies wait for the translator): the
# audit publishes a Welsh copy of every live page (bilingual/translation.py), as they are,
# so that the Nu HTML Checker sees every page type under /cy/ too. Only ever done here.
PUBLISH_WELSH = """
from wagtail.models import Site
from bilingual.translation import welsh_copy
home = Site.objects.get(is_default_site=True).root_page.specific
welsh_copy(home, descendants=True)
for page in home.get_descendants(inclusive=True).live().specific():
    twin = page.get_translations().get().specific
    twin.save_revision().publish()
"""


class AuditError(Exception):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise AuditError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def fetch(url):
    """(status, body) of a GET, 4xx and 5xx included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AuditError("gunicorn stopped before answering; see its output above.")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.3)
    raise AuditError(f"Nothing answered at {url} after {seconds} s.")


def check_tools():
    missing = [str(path) for path in (VNU_JAR, LIGHTHOUSE) if not path.exists()]
    if missing:
        raise AuditError(f"Missing {', '.join(missing)}: run `make audit` (it runs npm ci).")
    for program, package in (("java", "default-jre-headless"), ("node", "nodejs")):
        if not shutil.which(program):
            raise AuditError(f"{program} is not installed: apt-get install {package}")
    if not os.access(CHROMIUM, os.X_OK):
        raise AuditError(f"No Chromium at {CHROMIUM}: apt-get install chromium (or CHROME_PATH)")


def nu_check(pages, folder):
    """Nu HTML Checker errors of each page: {name: [message, ...]}."""
    files = {}  # file name -> page
    for number, (name, body) in enumerate(pages.items()):
        (folder / f"page-{number:02d}.html").write_bytes(body)
        files[f"page-{number:02d}.html"] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *files],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise AuditError(f"vnu.jar gave no report:\n{result.stdout}{result.stderr}") from error
    errors = {name: [] for name in pages}
    for message in messages:
        if message.get("type") in ("error", "non-document-error"):
            url = message.get("url") or ""
            name = files.get(url.rsplit("/", 1)[-1], url)
            where = f"line {message.get('lastLine', '?')}"
            errors.setdefault(name, []).append(f"{where}: {message.get('message')}")
    return errors


# What Lighthouse prints when its own run broke (e.g. NO_NAVSTART: Chromium's trace missed the
# page load), ending "Please run Lighthouse again": a broken measurement, not a score.
LIGHTHOUSE_BROKE = "Runtime error encountered"


def lighthouse(url, folder, attempts=2):
    """Lighthouse's category scores for ``url``, out of 100. A run that Lighthouse reports as
    broken is run once more; a low score never is."""
    output = folder / f"lighthouse-{abs(hash(url))}.json"
    for attempt in range(1, attempts + 1):
        result = subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={output}",
                "--only-categories=performance,accessibility,best-practices,seo",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
        )
        if not result.returncode and output.exists():
            break
        printed = f"{result.stdout}{result.stderr}"
        if LIGHTHOUSE_BROKE not in printed or attempt == attempts:
            raise AuditError(f"Lighthouse failed on {url}:\n{printed}")
        print(f"  Lighthouse broke on {url}, running it again: {printed.strip()[:200]}")
    report = json.loads(output.read_text())
    categories = report["categories"]
    scores = {key: round(category["score"] * 100) for key, category in categories.items()}
    # What cost points, in the categories below 100 (audits that count towards the score).
    failing = [
        f"{key}: {ref['id']} ({report['audits'][ref['id']]['title']})"
        for key, category in categories.items()
        if scores[key] < 100
        for ref in category["auditRefs"]
        if ref.get("weight") and report["audits"][ref["id"]].get("score") not in (None, 1)
    ]
    return scores, failing


def audit(base_url, folder):
    env = os.environ
    pages = json.loads(manage(env, "shell", "-c", LIST_PAGES).strip().splitlines()[-1])
    targets = {f"{kind} {path}": base_url + path for kind, path in pages}
    forms = [path for kind, path in pages if kind == "InterestFormPage"]
    # A form's thank-you page, in each language.
    for form in forms[:1] + [path for path in forms if path.startswith("/cy/")][:1]:
        targets[f"thank-you page {form}thank-you/"] = f"{base_url}{form}thank-you/"
    # The 404 and search pages in both languages (the pages above are: PUBLISH_WELSH).
    for prefix in ("", "/cy"):
        targets[f"404 page {prefix}/no-such-page/"] = f"{base_url}{prefix}/no-such-page/"
        # The search results page, with results and with none (sitesearch/).
        for query in ("Helston", "zyzzyva"):
            path = f"{prefix}/search/?q={query}"
            targets[f"search {path}"] = base_url + path

    bodies, problems = {}, []
    for name, url in targets.items():
        fetch(url)  # the first view makes the image renditions
        status, bodies[name] = fetch(url)
        if status != (404 if name.startswith("404") else 200):
            problems.append(f"{name} answered {status}")

    print(f"\nNu HTML Checker ({len(bodies)} pages):")
    for name, errors in nu_check(bodies, folder).items():
        print(f"  {len(errors)} error(s)  {name}")
        for error in errors:
            print(f"      {error}")
        if errors:
            problems.append(f"Nu HTML Checker: {len(errors)} error(s) on {name}")

    print("\nLighthouse (performance, accessibility, best-practices, seo):")
    for kind in LIGHTHOUSE_TYPES:
        path = next((path for found, path in pages if found == kind), None)
        if path is None:
            problems.append(f"Lighthouse: the starter site has no live {kind}")
            continue
        scores, failing = lighthouse(base_url + path, folder)
        line = "  ".join(f"{key} {scores.get(key)}" for key in ("performance", *EXACT_100))
        print(f"  {line}  {kind} {path}")
        for audit_name in failing:
            print(f"      not passed: {audit_name}")
        low = [key for key in EXACT_100 if scores.get(key) != 100]
        if scores.get("performance", 0) < MIN_PERFORMANCE:
            low.append(f"performance (under {MIN_PERFORMANCE})")
        if low:
            problems.append(f"Lighthouse on {kind} {path}: {', '.join(low)}")
    return problems


def main():
    check_tools()
    folder = Path(tempfile.mkdtemp(prefix="neu-belonging-audit-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.audit",
        "DATABASE_URL": f"sqlite:///{folder / 'audit.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
    }
    os.environ.update(env)
    (folder / "static").mkdir()  # WhiteNoise warns without it; files come from the finders
    server = None
    try:
        print(f"Loading the starter content into {folder / 'audit.sqlite3'}")
        manage(env, "migrate", "--noinput")
        manage(env, "load_starter_content")
        manage(env, "shell", "-c", PUBLISH_WELSH)
        manage(env, "update_index")  # no worker runs here to index the new pages
        manage(env, "setup_groups")
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "config.wsgi", f"--bind=127.0.0.1:{port}"]
            + ["--workers=2", "--threads=4", "--log-level=warning"],
            cwd=ROOT,
            env=env,
        )
        wait_for(base_url + "/", server)
        print(f"Serving the starter site at {base_url}")
        problems = audit(base_url, folder)
    except AuditError as error:
        problems = [str(error)]
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    if problems:
        print("\nAUDIT FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("\nAudit passed: 0 Nu errors; Lighthouse 100 for accessibility, best practices, SEO.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
