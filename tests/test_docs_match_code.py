"""The docs agree with the code beyond docs/: comments name files that exist, every
environment variable the code reads (not only the settings) is in docs/operations.md, every
make target is in the Makefile's header and docs/development.md, and every app says in its
AppConfig docstring what it is for and has its row in the README's architecture table."""

import ast
import io
import re
import tokenize

from tests.project_imports import ProjectImports, project_packages
from tests.test_architecture import CONTENT, MAY_IMPORT
from tests.test_docs import NAME, README, ROOT, SETTINGS, architecture_rows, table_rows

DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
MAKEFILE = ROOT / "Makefile"


CODE_PATH = re.compile(r"(?<![\w/.])((?:[a-z_]+/)+[a-z_0-9]+\.(?:py|md|vcl|conf))\b")


def prose_of(path):
    """The comments and docstrings of a Python file; all of any other file."""
    text = path.read_text("utf-8")
    if path.suffix != ".py":
        return text
    comments = [
        token.string
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if token.type == tokenize.COMMENT
    ]
    nodes = [n for n in ast.walk(ast.parse(text)) if isinstance(n, DOCUMENTED)]
    return "\n".join(comments + [ast.get_docstring(n) or "" for n in nodes])


def app_of(path):
    """The top folder of ``path``: a comment may name a file from its app's folder."""
    return ROOT / path.relative_to(ROOT).parts[0]


def test_every_file_the_code_comments_name_exists():
    """``pagecache/management/commands/run_worker.py`` in a docstring, not the
    ``core/...`` it was before the move: comments point where the code is."""
    files = [p for p in ProjectImports().files if "migrations" not in p.parts]
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in [*files, ROOT / "Makefile", ROOT / ".ci" / "run"]
        for name in CODE_PATH.findall(prose_of(path))
        if not any((where / name).exists() for where in (ROOT, app_of(path), path.parent))
    ]
    assert not missing, f"comments name files that do not exist: {missing}"


OS_READS = ("os.getenv", "os.environ.get", "environ.get")


def code_reads(path):
    """The environment variables a module outside the settings reads through ``os``: by a
    name written in the call, or in a module-level constant (``OUTPUT_VARIABLE = "…"``)."""
    tree = ast.parse(path.read_text("utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            key = node.slice
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in OS_READS and node.args:
            key = node.args[0]
        else:
            continue
        if isinstance(key, ast.Constant):
            names.add(key.value)
        elif isinstance(key, ast.Name) and key.id in constants:
            names.add(constants[key.id])
    return {name for name in names if isinstance(name, str) and NAME.match(name)}


def test_every_variable_the_code_reads_is_in_the_table():
    """Not only the settings: the tools, the tests and manage.py read variables too
    (``PORT``, ``LOADTEST_SECONDS``, ``GUIDE_SCREENSHOTS_DIR``), and each is documented once."""
    listed = {name for names, _ in table_rows() for name in names}
    missing = sorted(
        f"{path.relative_to(ROOT)}: {name}"
        for path in ProjectImports().files
        if SETTINGS not in path.parents
        for name in code_reads(path) - listed
    )
    assert not missing, f"add these to the table in docs/operations.md: {missing}"


def test_the_code_scan_finds_reads_by_constant(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('import os\nV = "SOME_DIR"\nos.environ.get(V)\nos.environ["PORT"]\n')
    assert code_reads(module) == {"SOME_DIR", "PORT"}


def make_targets():
    return set(re.search(r"^\.PHONY: (.*)$", MAKEFILE.read_text("utf-8"), re.M)[1].split())


def test_every_make_target_is_in_the_makefile_header_and_the_development_guide():
    header = MAKEFILE.read_text("utf-8").split("\n\n", 1)[0]
    guide = (ROOT / "docs" / "development.md").read_text("utf-8")
    missing = [
        f"{where}: make {target}"
        for target in sorted(make_targets())
        for where, text in (("the Makefile's header", header), ("docs/development.md", guide))
        if not re.search(rf"\bmake {re.escape(target)}\b", text)
    ]
    assert not missing, f"document these targets: {missing}"


def test_every_app_says_what_it_is_for_and_has_its_readme_row():
    from django.apps import apps

    rows = architecture_rows()
    problems = []
    for app in project_packages():
        if app in ("tests",):
            continue
        if app not in rows:
            problems.append(f"README.md: no architecture row for {app}/")
        config = next((c for c in apps.get_app_configs() if c.name == app), None)
        if config is not None and not type(config).__doc__:
            problems.append(f"{app}/apps.py: {type(config).__name__} has no docstring")
    assert not problems, "\n".join(problems)


def test_the_query_budget_in_the_docs_is_the_tested_one():
    from tests.test_query_counts import THEME_PAGE_BUDGET

    caching = (ROOT / "docs" / "caching.md").read_text("utf-8")
    stated = re.search(r"theme page takes at most (\d+) queries", caching)
    assert stated and int(stated[1]) == THEME_PAGE_BUDGET, (
        f"docs/caching.md, Query budget: say {THEME_PAGE_BUDGET} (tests/test_query_counts.py)"
    )


def layer_clauses():
    """{app: (apps the README says it builds on, whether it adds "(and below)")} from the
    "Layers" list: each clause "`app` builds on `other` …"."""
    text = README.read_text("utf-8").split("**Layers", 1)[1].split("\n\n", 1)[1]
    bullets = re.split(r"\n- ", "\n" + text.split("\n\n", 1)[0])
    clauses = {}
    for bullet in bullets:
        for clause in " ".join(bullet.split()).split("; "):
            found = re.match(r"^`(\w+)` builds on (.*)$", clause)
            if found:
                said = re.split(r"[:.] |, and nothing", found[2])[0]  # not what follows
                named = set(re.findall(r"`(\w+)`", said)) & set(MAY_IMPORT)
                clauses[found[1]] = (named, "(and below)" in said)
    return clauses


def test_the_readme_layers_say_what_the_architecture_test_allows():
    """Each app's sentence under the README's "Layers" names exactly the apps MAY_IMPORT in
    tests/test_architecture.py lets it import (editorial, for content apps, through their
    wagtail_hooks.py, as the editorial sentence says)."""
    clauses = layer_clauses()
    problems = []
    for app, allowed in MAY_IMPORT.items():
        if not allowed or app in ("sitesetup", "devtools", "config", "tests"):
            continue
        if app not in clauses:
            problems.append(f"{app}: no sentence '`{app}` builds on …'")
            continue
        named, below = clauses[app]
        implied = {"editorial"} if app in CONTENT else set()
        for other in named if below else ():
            implied |= MAY_IMPORT[other]
        if not allowed <= named | implied:
            problems.append(f"{app}: the README leaves out {sorted(allowed - named - implied)}")
        if not named <= allowed:
            problems.append(f"{app}: the README names {sorted(named - allowed)}, not allowed")
    assert not problems, "README.md, Layers, against MAY_IMPORT:\n" + "\n".join(problems)
