"""HTML to plain text, for articles saved from the web. Nothing is executed or
fetched: script, style, iframe and similar elements are dropped with their content,
and tags (img, link, object...) are dropped without looking at their URLs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements dropped with everything inside them.
_SKIP = {"script", "style", "iframe", "noscript", "template", "svg", "math", "object", "head", "nav", "footer", "select", "button", "textarea", "frameset", "noframes", "noembed"}
# Elements that never have content or an end tag: they must not open a skipped region.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "frame", "keygen"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "header", "pre", "hr", "dd", "dt", "figcaption", "caption", "main", "aside", "table", "ul", "ol", "dl", "figure"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skipping: list[str] = []  # the open skipped elements, innermost last
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag == "body":
            # An unclosed <head> (common in saved pages) must not swallow the body.
            self._skipping = [t for t in self._skipping if t != "head"]
        elif tag in _VOID:
            if tag in _BLOCK and not self._skipping:
                self.parts.append("\n")
        elif tag in _SKIP:
            self._skipping.append(tag)
        elif tag in _BLOCK and not self._skipping:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        # <svg/>, <script/>, <br/>: nothing opens.
        if tag in _BLOCK and not self._skipping:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP:
            if tag in self._skipping:
                # Close it and anything left open inside it.
                del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag):]
        elif tag in _BLOCK and not self._skipping:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            self.parts.append(data)


def html_to_text(source: str) -> tuple[str | None, str]:
    """Return (title or None, text with one paragraph per line)."""
    parser = _Text()
    parser.feed(source)
    parser.close()
    # convert_charrefs already decoded entities; decoding again would turn a
    # literal "&lt;" written in the article into "<".
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    body = "\n".join(line for line in lines if line)
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return title, body
