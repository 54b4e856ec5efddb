"""Every private name of an installed library (Wagtail, Django, redis-py…) that the project's
code reaches is listed in docs/upgrading.md, beside the file that reaches it, so that the list
of places to check on an upgrade (each with its tripwire in tests/test_wagtail_internals.py)
cannot silently fall behind the code.

A private name is one with a single leading underscore. The code reaches one when it imports
it, reads it from an object (``cache._servers``) unless the project itself assigns that name
somewhere, or, inside a class, overrides or calls a method its library base class defines
(``def _urls``, ``self._check_perm``)."""

import ast
import importlib
import re

from tests.project_imports import ROOT, ProjectImports, project_packages

UPGRADING = ROOT / "docs" / "upgrading.md"
# Underscore names Django documents as public API (Model._meta, the default managers) and
# the named tuple's methods.
PUBLIC = {"_meta", "_default_manager", "_base_manager", "_replace", "_asdict", "_fields", "_make"}
NOT_CHECKED = {"tests", "devtools"}  # devtools is never installed in production
# Private names Wagtail's documentation tells projects to use: a snippet with revisions
# declares ``_revisions`` ("Saving revisions of snippets").
DOCUMENTED = {("core/models.py", "_revisions")}


def private(name):
    return name.startswith("_") and not name.startswith("__") and name not in PUBLIC


def assigned_names(trees):
    """Names the project assigns itself (``_x = …``, ``obj._x = …``, ``def _x``)."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Name | ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.id if isinstance(node, ast.Name) else node.attr)
    return names


def library_defines(cls, name):
    """Whether a class outside the project, in ``cls``'s bases, defines ``name``."""
    project = set(project_packages())
    bases = [base for base in cls.__mro__[1:] if base.__module__.split(".")[0] not in project]
    return any(name in vars(base) for base in bases)


def reached(path, tree, own):
    """{private library name} the module at ``path`` reaches."""
    found = set()
    module = None
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            top = (node.module or "").split(".")[0]
            if top not in project_packages():
                found |= {alias.name for alias in node.names if private(alias.name)}
        elif isinstance(node, ast.Attribute) and private(node.attr):
            value = ast.unparse(node.value)
            if value not in ("self", "cls", "super()") and node.attr not in own:
                found.add(node.attr)
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        names = {
            n.name for n in node.body if isinstance(n, ast.FunctionDef) and private(n.name)
        } | {
            n.attr
            for n in ast.walk(node)
            if isinstance(n, ast.Attribute)
            and private(n.attr)
            and ast.unparse(n.value) in ("self", "cls", "super()")
        }
        if names:
            if module is None:
                dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                module = importlib.import_module(dotted)
            cls = getattr(module, node.name)
            found |= {name for name in names if library_defines(cls, name)}
    return found


def listed():
    """{(file, name)} from the rows of docs/upgrading.md's tables."""
    pairs = set()
    for line in UPGRADING.read_text("utf-8").splitlines():
        if line.startswith("| `"):
            files = re.findall(r"`([\w/]+\.py)", line)
            names = re.findall(r"\b_[a-z]\w*", line)
            pairs |= {(f, n) for f in files for n in names}
    return pairs


def test_every_private_library_name_the_code_reaches_is_in_upgrading():
    files = [
        p
        for p in ProjectImports().files
        if "migrations" not in p.parts and p.relative_to(ROOT).parts[0] not in NOT_CHECKED
    ]
    trees = {path: ast.parse(path.read_text("utf-8")) for path in files}
    own = assigned_names(trees.values())
    found = {
        (str(path.relative_to(ROOT)), name)
        for path, tree in trees.items()
        for name in reached(path, tree, own)
    }
    missing = sorted(found - listed() - DOCUMENTED)
    assert not missing, (
        "List these in docs/upgrading.md (with a tripwire in tests/test_wagtail_internals.py): "
        f"{missing}"
    )
    # The scan sees what is known to be there.
    assert {("staff/collections.py", "_check_perm"), ("bilingual/sitemap.py", "_urls")} <= found
