"""The project's shape: every third-party module it imports is declared in pyproject.toml, no
module outside migrations is longer than MAX_LINES, no two project modules import each other
(through any chain, counting imports inside functions), and each app imports only the apps
its layer allows (see the README's architecture section).

The imports are read from the files' syntax trees by tests/project_imports.py."""

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
# Site set-up (starter content, setup_site, setup_groups, the benchmark) is run, never
# imported: no app imports sitesetup.
APPS = {
    "core",
    "video",
    "casestudies",
    "themes",
    "home",
    "getinvolved",
    "insights",
    "sitesearch",
    "staff",
    "sitesetup",
    "bilingual",
}
ANY_APP = APPS - {"sitesetup"}
MAY_IMPORT = {
    "core": set(),
    "video": {"core"},
    "casestudies": {"core", "video"},
    "themes": {"core", "video", "casestudies"},
    "home": {"core", "video", "casestudies", "themes"},
    "getinvolved": {"core"},
    # The page-view counter and reports; it reads submissions through the app registry.
    "insights": {"core"},
    "staff": {"core"},
    "sitesetup": ANY_APP - {"insights"},  # nothing but config imports insights
    "sitesearch": {"core"},
    # Welsh and English: the language from the URL, the switcher, alternates and the sitemap
    # in both languages. Pages' templates use its template tags (templates import nothing).
    "bilingual": {"core"},
    "config": ANY_APP,
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
    code = [imp for imp in project.imports if imp.app != "tests"]
    tests = [imp for imp in project.imports if imp.app == "tests"]
    # Apps and middleware named in the settings are imported by Django.
    base = ROOT / "config" / "settings" / "base.py"
    lines = base.read_text("utf-8").splitlines()
    for dotted in [*settings.INSTALLED_APPS, *settings.MIDDLEWARE]:
        line = next((n for n, text in enumerate(lines, 1) if f'"{dotted}"' in text), 0)
        code.append(Import(base, line, dotted, None))

    problems = undeclared(code, project, runtime, providers)
    problems += undeclared(tests, project, runtime | test, providers)
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


def check_layers(path, imported):
    return layer_violations([Import(ROOT / path, 3, imported, None)], MAY_IMPORT)


def test_the_layer_check_names_the_file_the_import_and_the_rule():
    assert check_layers("core/blocks.py", "casestudies.models") == [
        "core/blocks.py:3: imports casestudies.models, but core may import no other project app"
    ]
    assert check_layers("home/models.py", "sitesetup.roles") == [
        "home/models.py:3: imports sitesetup.roles, "
        "but home may import only casestudies, core, themes, video"
    ]
    assert check_layers("config/urls.py", "sitesetup.roles") != []
    assert check_layers("tests/test_x.py", "sitesetup.roles") == []
    assert check_layers("themes/models.py", "casestudies.models") == []
    assert check_layers("casestudies/filters.py", "themes.models") != []
