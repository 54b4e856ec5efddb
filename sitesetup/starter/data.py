"""Reads the starter content's data files: YAML in ``content/`` (its README says how to
write them). This module knows the file format only; ``loader.py`` turns it into pages."""

import html
import re
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).with_name("content")


class ContentError(Exception):
    """A data file that cannot be loaded: the message names the file and what is wrong."""


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Safe YAML in which only true and false are booleans: YAML 1.1 would also read an
    unquoted yes, no, on or off as one, so a trait called "No" would stop being a word."""


_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse(stream):
    """A YAML document (text or an open file) as Python data."""
    return yaml.load(stream, Loader=_Loader)  # noqa: S506 (a safe loader)


def paragraphs(text):
    """The paragraphs of a text as written in a data file: a blank line ends a paragraph,
    and any other line break is a space (so long text can be wrapped freely)."""
    return [
        " ".join(line.strip(" \t") for line in block.split("\n"))
        for block in re.split(r"\n[ \t]*\n", text.strip(" \t\n"))
        if block.strip(" \t\n")
    ]


def plain_text(text):
    """Plain text: paragraphs separated by an empty line, as in an email."""
    return "\n\n".join(paragraphs(text))


def rich_text(text):
    """Wagtail rich text (HTML) from the little Markdown the data files use: paragraphs,
    *italic*, **bold** and [links](https://example.org)."""
    return "".join(f"<p>{_inline(paragraph)}</p>" for paragraph in paragraphs(text))


def _inline(text):
    text = html.escape(text, quote=False)
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r'<a href="\2">\1</a>', text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)


class Content:
    """The data files in one directory: ``content/`` unless another is given (tests load an
    edited copy)."""

    def __init__(self, directory=None):
        self.directory = Path(directory) if directory else CONTENT_DIR
        if not self.directory.is_dir():
            raise ContentError(f"No starter content directory at {self.directory}.")

    def file(self, name):
        """One data file, e.g. ``overview.yaml``."""
        return self._read(self.directory / name)

    def folder(self, name):
        """Every data file in a folder, in the order of their file names."""
        return [self._read(path) for path in sorted((self.directory / name).glob("*.yaml"))]

    def _read(self, path):
        where = path.relative_to(self.directory).as_posix()
        try:
            with path.open(encoding="utf-8") as stream:
                data = parse(stream)
        except FileNotFoundError:
            raise ContentError(f"Starter content file missing: {where}") from None
        except yaml.YAMLError as error:
            raise ContentError(f"{where} is not valid YAML: {error}") from None
        if not isinstance(data, dict) or not isinstance(data.get("key"), str):
            raise ContentError(f"{where} must be a mapping with a key, e.g. `key: helston`.")
        return Entry(where, data)


class Entry(dict):
    """One data file's mapping, which remembers its file name for error messages."""

    def __init__(self, where, data):
        super().__init__(data)
        self.where = where

    @property
    def key(self):
        return self["key"]

    def error(self, message):
        return ContentError(f"{self.where}: {message}")
