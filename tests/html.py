"""A small HTML reader for tests: find elements and text without a third-party parser."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.contents = []  # text and child elements, in document order

    @property
    def children(self):
        return [node for node in self.contents if isinstance(node, Element)]

    @property
    def text(self):
        parts = [node if isinstance(node, str) else node.text for node in self.contents]
        return " ".join(" ".join(parts).split())

    def find_all(self, tag=None, **attrs):
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(
                attrs[key] in (child.attrs.get(key.rstrip("_")) or "").split()
                if key.rstrip("_") == "class"
                else child.attrs.get(key.rstrip("_")) == value
                for key, value in attrs.items()
            ):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found

    def find(self, tag=None, **attrs):
        matches = self.find_all(tag, **attrs)
        return matches[0] if matches else None


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.contents.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.contents.append(data)


def parse(html):
    builder = _Builder()
    builder.feed(html if isinstance(html, str) else html.decode())
    return builder.root
