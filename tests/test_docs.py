"""docs/operations.md lists every environment variable the settings read, exactly once; and
every file the docs name exists.

The variables are found in the settings code itself (config/settings/*.py): every call of
django-environ's ``env`` (``env.str("NAME")``, ``env.int``, ``env("NAME")``…), of
``os.environ``/``os.getenv``, and of a helper in the module that passes its argument on to
one of those (production.py's ``required("NAME")``). A read whose name is not written in the
code (a variable built at run time) fails the test too, so the scan cannot miss one.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "config" / "settings"
OPERATIONS = ROOT / "docs" / "operations.md"
NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def reads_environment(call):
    """Whether ``call`` reads an environment variable named by its first argument."""
    func = ast.unparse(call.func)
    return (
        func == "env"
        or func.startswith("env.")
        or func in ("os.getenv", "os.environ.get", "environ.get")
    ) and func != "env.db_url_config"  # takes a URL (base.py passes env.str("DATABASE_URL"))


def wrappers(tree):
    """{name: function} of the module's functions that read the variable named by one of
    their parameters."""
    found = {}
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        parameters = {argument.arg for argument in function.args.args}
        for call in ast.walk(function):
            if (
                isinstance(call, ast.Call)
                and reads_environment(call)
                and call.args
                and isinstance(call.args[0], ast.Name)
                and call.args[0].id in parameters
            ):
                found[function.name] = function
    return found


def variable_read(path, node, helpers, inside_helpers):
    """The name of the environment variable ``node`` reads, or None."""
    if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
        return node.slice.value if isinstance(node.slice, ast.Constant) else None
    if not isinstance(node, ast.Call) or not node.args:
        return None
    if not (reads_environment(node) or ast.unparse(node.func) in helpers):
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    if isinstance(first, ast.Call) and ast.unparse(first.func) in helpers:
        return None  # env.str(required("NAME")): the inner call is counted
    if node in inside_helpers:
        return None  # the helper's own read: its callers name the variable
    raise AssertionError(
        f"{path.name}:{node.lineno} reads an environment variable whose name is not written in the "
        "code: tests/test_docs.py cannot check that docs/operations.md lists it"
    )


def settings_reads():
    """{variable: {settings module file name, …}} from config/settings/*.py."""
    reads = {}
    for path in sorted(SETTINGS.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        helpers = wrappers(tree)
        inside_helpers = {node for f in helpers.values() for node in ast.walk(f)}
        for node in ast.walk(tree):
            name = variable_read(path, node, helpers, inside_helpers)
            if name is not None:
                assert NAME.match(name), f"{path.name}:{node.lineno}: odd variable name {name!r}"
                reads.setdefault(name, set()).add(path.name)
    return reads


def table_rows():
    """[(variable names, 'Read by' cell), …] of the table under "## Environment variables"."""
    text = OPERATIONS.read_text("utf-8")
    section = text.split("\n## Environment variables\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 4, f"a row of the table needs 4 cells: {line}"
        names = re.findall(r"`([A-Z][A-Z0-9_]*)`", cells[0])
        assert names, f"no variable name in the first cell: {line}"
        rows.append((names, cells[3]))
    return rows


def test_the_scan_finds_the_settings_reads():
    reads = settings_reads()
    # A few that must be there whatever else changes: the scan works.
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "PAGE_CACHE_SECONDS"} <= set(reads)
    assert reads["DATABASE_URL"] == {"base.py", "production.py"}
    assert "production.py" in reads["CLOUDFLARE_BEARER_TOKEN"]


def test_every_variable_the_settings_read_is_in_the_table_exactly_once():
    listed = [name for names, _ in table_rows() for name in names]
    missing = sorted(set(settings_reads()) - set(listed))
    assert not missing, f"add these to the table in docs/operations.md: {missing}"
    twice = sorted({name for name in listed if listed.count(name) > 1})
    assert not twice, f"listed more than once in docs/operations.md: {twice}"


def test_the_table_names_the_settings_modules_that_read_each_variable():
    reads = settings_reads()
    for names, read_by in table_rows():
        named = set(re.findall(r"`(\w+\.py)`", read_by)) & {p.name for p in SETTINGS.glob("*.py")}
        for name in names:
            if name in reads or named:
                assert named == reads.get(name, set()), (
                    f"docs/operations.md says {name} is read by {sorted(named)}; the settings "
                    f"that read it are {sorted(reads.get(name, set()))}"
                )


# Written in the docs as `path/`, but not files of the repository: the bucket's prefix for
# documents, folders made by `npm ci` and `collectstatic`.
NOT_REPOSITORY_PATHS = {"documents/", "devtools/audit/node_modules/", "static/"}
PATH = re.compile(r"^[a-z_.][\w./-]*/[\w./-]*$")
README = ROOT / "README.md"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def named_path(token):
    """The file a backticked token names, or None: ``video/oembed.py``,
    ``video/oembed.py::test`` and ``video/oembed.py:function`` all name ``video/oembed.py``;
    a URL names none."""
    path = token.split("::")[0]
    if "://" not in path:
        path = path.split(":")[0]
    return path if PATH.match(path) and path not in NOT_REPOSITORY_PATHS else None


def missing_paths(name, text, folder=ROOT):
    """What ``text`` (a Markdown file in ``folder``) names that does not exist: backticked
    paths (from the repository's root) and relative links."""
    missing = []
    for token in re.findall(r"`([^`\s]+)`", text):
        path = named_path(token)
        if path and not (ROOT / path).exists():
            missing.append(f"{name}: {token}")
    for target in LINK.findall(text):
        target = target.split("#")[0]
        if target and not re.match(r"^[a-z]+:", target) and not (folder / target).exists():
            missing.append(f"{name}: link to {target}")
    return missing


def architecture_rows():
    """{folder: the README's architecture table row about it}."""
    rows = re.findall(r"^\| `([a-z]+)/` \|(.*)$", README.read_text("utf-8"), re.MULTILINE)
    return dict(rows)


def missing_in_row(folder, row):
    """Files a README architecture row names that are not in its folder (``caching.py`` in
    the ``pagecache/`` row is ``pagecache/caching.py``, or somewhere below it)."""
    missing = []
    for token in re.findall(r"`([^`\s]+)`", row):
        if not re.match(r"^\w[\w./-]*(\.py|\.html|/)$", token):
            continue  # a command, a class, an address of the site
        here, name = ROOT / folder, token.rstrip("/")
        if not ((ROOT / name).exists() or (here / name).exists() or any(here.rglob(name))):
            missing.append(f"README.md, the {folder}/ row: {token}")
    return missing


def test_every_file_the_docs_name_exists():
    """A file or folder named in docs/ or the README (``pagecache/caching.py``,
    ``deploy/varnish/``, ``editorial/admin_requests.py:is_autosave``, a link to
    ``docs/caching.md``) exists, so that a module moved or renamed is not left behind."""
    missing = []
    for doc in sorted((ROOT / "docs").glob("*.md")):
        missing += missing_paths(doc.name, doc.read_text("utf-8"), doc.parent)
    text = README.read_text("utf-8")
    table = {line for line in text.splitlines() if re.match(r"^\| `[a-z]+/` \|", line)}
    prose = "\n".join(line for line in text.splitlines() if line not in table)
    missing += missing_paths("README.md", prose)
    for folder, row in architecture_rows().items():
        missing += missing_in_row(folder, row)
    assert not missing, f"the docs name files that do not exist: {missing}"


def test_the_path_check_sees_moved_modules_in_every_form():
    moved = "`core/caching.py:serve` `sitesetup/roles.py::test_x` [x](operations.md#y) [z](gone.md)"
    assert missing_paths("x.md", moved, ROOT / "docs") == [
        "x.md: core/caching.py:serve",
        "x.md: sitesetup/roles.py::test_x",
        "x.md: link to gone.md",
    ]
    assert missing_paths("x.md", "`postgres://u@h:5432/db` `https://a/b` `pagecache/`") == []
    assert missing_in_row("pagecache", "`caching.py`, `run_worker.py`, `audit/`") == [
        "README.md, the pagecache/ row: audit/"
    ]
    assert missing_in_row("devtools", "`audit/`, `localstack.py`") == []
