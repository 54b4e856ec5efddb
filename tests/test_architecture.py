"""The project's shape: every third-party module it imports is declared in pyproject.toml, no
module outside migrations is longer than MAX_LINES, no two project modules import each other
(through any chain, counting imports inside functions), and each app imports only the apps
its layer allows (see the README's architecture section).

The imports are read from the files' syntax trees by tests/project_imports.py."""

import ast
from importlib.metadata import packages_distributions

import pytest
from django.conf import settings

from tests.project_imports import (
    ROOT,
    Import,
    ProjectImports,
    cycles,
    declared_distributions,
    normalise,
    project_packages,
)

# Each app -> the project apps it may import (its own modules always). None: unrestricted.
# The layers, from the bottom (README "Architecture"): pagecache and core import no app;
# staff builds on pagecache; editorial on core and staff; the page apps on core (and each other,
# upwards); sitesetup and devtools are run, never imported.
RUNTIME = {
    "pagecache",
    "core",
    "staff",
    "editorial",
    "video",
    "casestudies",
    "themes",
    "home",
    "getinvolved",
    "insights",
    "sitesearch",
    "bilingual",
}
# Content apps: their models, blocks and views never import the admin's app (editorial);
# only their wagtail_hooks.py, the admin's entry point that nothing imports, may.
CONTENT = RUNTIME - {"pagecache", "staff", "editorial"}
ADMIN_ENTRY = "wagtail_hooks.py"
MAY_IMPORT = {
    "pagecache": set(),
    "core": set(),
    "staff": {"pagecache"},  # the rate limit of password resets
    "editorial": {"core", "staff"},
    "video": {"core", "editorial"},
    "casestudies": {"core", "pagecache", "video", "editorial"},
    "themes": {"core", "video", "casestudies"},
    "home": {"core", "video", "casestudies", "themes"},
    "getinvolved": {"core", "pagecache", "staff", "editorial"},
    # The page-view counter and reports; it reads submissions through the app registry.
    "insights": {"core", "pagecache", "staff"},
    "sitesearch": {"core", "pagecache"},
    # Welsh and English: the language from the URL, the switcher, alternates and the sitemap
    # in both languages. Pages' templates use its template tags (templates import nothing).
    "bilingual": {"core", "pagecache", "staff", "editorial"},
    "sitesetup": RUNTIME - {"insights"},  # nothing but config imports insights
    "devtools": RUNTIME,
    "config": RUNTIME,
    "tests": None,
}

MAX_LINES = 300


@pytest.fixture(scope="module")
def project():
    return ProjectImports()


def layer_violations(imports, rules):
    found = []
    for imp in imports:
        importer = imp.app
        allowed = rules.get(importer, set())
        if imp.top == importer or allowed is None or imp.top not in rules:
            continue
        if imp.top not in allowed:
            rule = f"only {', '.join(sorted(allowed))}" if allowed else "no other project app"
            found.append(f"{imp.where()}: imports {imp.name}, but {importer} may import {rule}")
    return found


def undeclared(imports, project, declared, providers):
    """Messages for third-party imports whose distribution is not in ``declared``."""
    found = []
    for imp in imports:
        if not project.third_party(imp):
            continue
        distributions = {normalise(d) for d in providers.get(imp.top, [])}
        if not distributions:
            found.append(f"{imp.where()}: {imp.name} comes from no installed distribution")
        elif not distributions & declared:
            found.append(
                f"{imp.where()}: imports {imp.name}, from {' or '.join(sorted(distributions))}, "
                "which pyproject.toml does not declare"
            )
    return found


def test_every_imported_distribution_is_declared(project):
    runtime, test = declared_distributions(ROOT / "pyproject.toml")
    providers = packages_distributions()
    code = [imp for imp in project.imports if imp.app not in {"tests", "devtools"}]
    tests = [imp for imp in project.imports if imp.app == "tests"]
    # The developers' tools may also use the `load` extra, which only `make loadtest` installs.
    tools = [imp for imp in project.imports if imp.app == "devtools"]
    _, load = declared_distributions(ROOT / "pyproject.toml", extra="load")
    # Apps and middleware named in the settings are imported by Django.
    base = ROOT / "config" / "settings" / "base.py"
    lines = base.read_text("utf-8").splitlines()
    for dotted in [*settings.INSTALLED_APPS, *settings.MIDDLEWARE]:
        line = next((n for n, text in enumerate(lines, 1) if f'"{dotted}"' in text), 0)
        code.append(Import(base, line, dotted, None))

    problems = undeclared(code, project, runtime, providers)
    problems += undeclared(tests, project, runtime | test, providers)
    problems += undeclared(
        tools, project, runtime | test | load, {**{d: [d] for d in load}, **providers}
    )
    assert not problems, "\n".join(["Declare these in pyproject.toml:", *problems])


def test_the_declaration_check_catches_an_undeclared_import(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "views.py").write_text("def f():\n    import requests\n")
    sample = ProjectImports(tmp_path)
    providers = {"requests": ["requests"]}
    assert undeclared(sample.imports, sample, {"requests"}, providers) == []
    (problem,) = undeclared(sample.imports, sample, {"django"}, providers)
    assert problem.startswith("app/views.py:2: imports requests, from requests")
    assert "requests" in problem and "does not declare" in problem


def test_no_module_outside_migrations_is_too_long(project):
    long = []
    for path in project.files:
        if "migrations" in path.parts:
            continue
        lines = len(path.read_text("utf-8").splitlines())
        if lines > MAX_LINES:
            long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not long, f"Split these modules (at most {MAX_LINES} lines each):\n" + "\n".join(long)


def test_no_import_cycles_between_project_modules(project):
    found = cycles(project.graph())
    report = [
        " -> ".join(f"{imp.where()} imports {imp.name}" for imp in cycle)
        + f" -> back to {cycle[0].path.relative_to(ROOT)}"
        for cycle in found
    ]
    assert not report, "Import cycles (move code to where it belongs):\n" + "\n".join(report)


def test_the_cycle_check_sees_imports_inside_functions_and_relative_imports(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "models.py").write_text("from .blocks import Block\n")
    (tmp_path / "app" / "blocks.py").write_text("def f():\n    from app import models\n")
    (cycle,) = cycles(ProjectImports(tmp_path).graph())
    assert {imp.name for imp in cycle} == {"app.blocks", "app.models"}


def test_every_project_package_has_a_layer_rule():
    assert set(project_packages()) <= set(MAY_IMPORT), (
        "Add these to MAY_IMPORT in tests/test_architecture.py (and to the README's layers): "
        f"{sorted(set(project_packages()) - set(MAY_IMPORT))}"
    )


def test_apps_import_only_what_their_layer_allows(project):
    problems = layer_violations(project.imports, MAY_IMPORT)
    assert not problems, "Imports that break the layer rules:\n" + "\n".join(problems)


def content_importing_admin(imports):
    """Messages for content modules that import editorial (only wagtail_hooks.py may), and
    for any import of a wagtail_hooks module (Wagtail loads them; importing one would let a
    content module reach editorial through it)."""
    found = []
    for imp in imports:
        if imp.app in CONTENT and imp.top == "editorial" and imp.path.name != ADMIN_ENTRY:
            found.append(
                f"{imp.where()}: imports {imp.name}, but only {imp.app}'s "
                f"{ADMIN_ENTRY} may import the admin's app"
            )
        if imp.name.split(".")[-1] == ADMIN_ENTRY.removesuffix(".py") and imp.app != "tests":
            found.append(f"{imp.where()}: imports {imp.name}: Wagtail loads hook modules")
    return found


def test_content_modules_never_import_admin_code(project):
    problems = content_importing_admin(project.imports)
    assert not problems, "Content importing admin code:\n" + "\n".join(problems)


def test_the_content_check_allows_only_the_admin_entry_point():
    def check(path, imported):
        return content_importing_admin([Import(ROOT / path, 3, imported, None)])

    assert check("core/incomplete.py", "editorial.admin_requests") == [
        "core/incomplete.py:3: imports editorial.admin_requests, but only core's "
        "wagtail_hooks.py may import the admin's app"
    ]
    assert check("video/blocks.py", "editorial.admin_requests") != []
    assert check("video/wagtail_hooks.py", "editorial.admin_requests") == []
    assert check("home/models.py", "video.wagtail_hooks") != []
    assert check("staff/passwords.py", "editorial.publishing") == []  # a layer rule instead


def literal_names(files, names):
    """Where a string literal is exactly one of ``names`` (prose that mentions one is not)."""
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and node.value in names:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    return found


def test_group_and_workflow_names_are_defined_once(project):
    from staff import names

    defined = {value for key, value in vars(names).items() if key.isupper() and type(value) is str}
    elsewhere = [
        path
        for path in project.files
        if path != ROOT / "staff" / "names.py" and "migrations" not in path.parts
    ]
    found = literal_names(elsewhere, defined)
    assert not found, "Name these from staff/names.py:\n" + "\n".join(found)
    assert literal_names([ROOT / "staff" / "names.py"], defined)  # the check sees literals


def check_layers(path, imported):
    return layer_violations([Import(ROOT / path, 3, imported, None)], MAY_IMPORT)


def test_the_layer_check_names_the_file_the_import_and_the_rule():
    assert check_layers("core/blocks.py", "casestudies.models") == [
        "core/blocks.py:3: imports casestudies.models, but core may import no other project app"
    ]
    assert check_layers("home/models.py", "sitesetup.backup") == [
        "home/models.py:3: imports sitesetup.backup, "
        "but home may import only casestudies, core, themes, video"
    ]
    assert check_layers("config/urls.py", "sitesetup.backup") != []
    assert check_layers("tests/test_x.py", "sitesetup.backup") == []
    assert check_layers("themes/models.py", "casestudies.models") == []
    assert check_layers("casestudies/filters.py", "themes.models") != []
    # Nothing a site runs imports the developers' tools, nor the admin's app below it.
    assert check_layers("config/settings/base.py", "devtools.localstack") != []
    assert check_layers("sitesetup/backup.py", "devtools.localstack") != []
    assert check_layers("core/models.py", "editorial.publishing") != []
    assert check_layers("staff/roles.py", "editorial.publishing") != []
    assert check_layers("devtools/edgestack.py", "pagecache.caching") == []
