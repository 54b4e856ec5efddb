"""What the project's Python files import, read from their syntax trees (no code is run):
every import statement, including those inside functions, with relative imports resolved.
tests/test_architecture.py checks the result; this module only reports it."""

import ast
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Import:
    path: Path  # the importing file
    line: int
    name: str  # absolute dotted name as written, relative imports resolved
    target: Path | None  # the project file it loads, if any
    root: Path = ROOT

    @property
    def top(self):
        """The top-level module imported."""
        return self.name.split(".")[0]

    @property
    def app(self):
        """The top-level folder of the importing file."""
        return self.path.relative_to(self.root).parts[0]

    def where(self):
        return f"{self.path.relative_to(self.root)}:{self.line}"


def project_packages(root=ROOT):
    """Top-level folders that are Python packages: the project's apps, config and tests."""
    return sorted(p.parent.name for p in root.glob("*/__init__.py"))


def project_files(root=ROOT):
    """Every .py file of the project: in its packages (sub-folders included) and at the top."""
    files = sorted(root.glob("*.py"))
    for package in project_packages(root):
        files += sorted((root / package).rglob("*.py"))
    return [f for f in files if "__pycache__" not in f.parts]


def module_name(path, root=ROOT):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


class ProjectImports:
    """Imports of every file in ``files`` (default: the project's), resolved against them."""

    def __init__(self, root=ROOT, files=None):
        self.root = root
        self.files = list(files if files is not None else project_files(root))
        self.modules = {module_name(f, root): f for f in self.files}
        self.packages = set(project_packages(root))
        # One entry per file, line and module (``from m import a, b`` imports m once).
        self.imports = list(dict.fromkeys(imp for f in self.files for imp in self._read(f)))

    def _prefixes(self, path):
        """Where a top-level name is looked up from this file: the project root, and (as
        pytest puts it on sys.path) the file's own folder when that is not a package."""
        prefixes = [""]
        if path.parent != self.root and not (path.parent / "__init__.py").exists():
            prefixes.append(module_name(path.parent, self.root) + ".")
        return prefixes

    def _module(self, name, path):
        for prefix in self._prefixes(path):
            if prefix + name in self.modules:
                return prefix + name, self.modules[prefix + name]
        return name, None

    def _read(self, path):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        own = module_name(path, self.root)
        package = own if path.name == "__init__.py" else own.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    name, target = self._module(alias.name, path)
                    yield Import(path, node.lineno, name, target, self.root)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".") if package else []
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    module = node.module
                for alias in node.names:
                    # ``from package import name``: a submodule if there is one, else an
                    # attribute of the package.
                    name, target = self._module(f"{module}.{alias.name}", path)
                    if target is None:
                        name, target = self._module(module, path)
                    yield Import(path, node.lineno, name, target, self.root)

    def is_local(self, imp):
        return imp.top in self.packages or imp.target is not None

    def third_party(self, imp):
        return not self.is_local(imp) and imp.top not in sys.stdlib_module_names | {"__future__"}

    def graph(self):
        """file -> {imported project file: the first import of it}"""
        edges = {f: {} for f in self.files}
        for imp in self.imports:
            if imp.target is not None and imp.target != imp.path:
                edges[imp.path].setdefault(imp.target, imp)
        return edges


def cycles(edges):
    """One cycle (a list of Imports, each importing the next) per group of files that import
    each other (Tarjan's strongly connected components)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(edges) + 100))
    try:
        for node in sorted(edges):
            if node not in index:
                visit(node)
    finally:
        sys.setrecursionlimit(limit)
    return [_cycle_in(group, edges) for group in groups]


def _cycle_in(group, edges):
    """A shortest path from the group's first file back to itself, within the group."""
    start = min(group)
    paths, seen = [[start]], {start}
    while paths:
        path = paths.pop(0)
        for nxt in sorted(edges[path[-1]]):
            if nxt == start:
                nodes = [*path, start]
                return [edges[a][b] for a, b in zip(nodes, nodes[1:], strict=False)]
            if nxt in group and nxt not in seen:
                seen.add(nxt)
                paths.append([*path, nxt])
    raise AssertionError("a strongly connected group always holds a cycle")


def normalise(distribution):
    """PEP 503's form of a distribution name: Django_Filter -> django-filter."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def declared_distributions(pyproject, extra="test"):
    """(runtime, ``extra``) distribution names declared in pyproject.toml, normalised."""
    project = tomllib.loads(Path(pyproject).read_text("utf-8"))["project"]

    def names(requirements):
        return {normalise(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", r).group()) for r in requirements}

    return names(project["dependencies"]), names(project["optional-dependencies"][extra])
