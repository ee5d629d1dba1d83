"""Text shown in a document in the reader's language, or standing in for a
translation that is missing, marked: content (translator.py) and UI strings
(ui.py) fall back the same way."""

from __future__ import annotations

from markupsafe import escape

from .bidi import ltr_runs
from .locales import direction


class Translated(str):
    """A piece of brief content (or a UI string) in the reader's language. ``translated`` is False
    when no translation was found and the source text stands in for it;
    ``original`` is always the source text (a translated quote keeps it);
    ``lang`` is the language of the text shown and ``how`` says where the
    translation came from ("catalog", "sentences", "cldr", "source", "fuzzy",
    "missing", "ui-fallback").

    In a template, ``{{ t }}`` gives HTML: the escaped text, with LTR runs isolated
    when the document is right to left, and untranslated text wrapped in a span
    carrying its own language and direction. Text and attributes are escaped as
    Jinja2 escapes a value (quotes too), so ``{{ t }}`` is safe in an attribute."""

    translated: bool
    original: str
    lang: str
    how: str
    rtl_document: bool

    def __new__(cls, text: str, *, translated: bool, original: str, lang: str = "", how: str = "", rtl_document: bool = False):
        obj = super().__new__(cls, text)
        obj.translated = translated
        obj.original = original
        obj.lang = lang
        obj.how = how or ("catalog" if translated else "missing")
        obj.rtl_document = rtl_document
        return obj

    @property
    def dir(self) -> str:
        return direction(self.lang) if self.lang else "auto"

    def __html__(self) -> str:
        text = str.__str__(self)
        if not self.translated and self.lang:
            # Source text standing in: mark its language (hyphenation, PDF /Lang)
            # and isolate its direction from an RTL page.
            return f'<span lang="{escape(self.lang)}" dir="{escape(self.dir)}">{escape(text)}</span>'
        if self.rtl_document:
            return _isolated(text)
        return str(escape(text))


def _isolated(text: str) -> str:
    """``text`` as HTML for an RTL document: escaped, each LTR run in <bdi dir="ltr">."""
    out, pos = [], 0
    for start, end in ltr_runs(text):
        out.append(escape(text[pos:start]))
        out.append(f'<bdi dir="ltr">{escape(text[start:end])}</bdi>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def ui_fallback(message: str, locale: str) -> Translated:
    """A UI string that has no translation for ``locale``: the English source,
    marked as content fallbacks are (its language and direction on a span)."""
    return Translated(message, translated=False, original=message, lang="en", how="ui-fallback",
                      rtl_document=direction(locale) == "rtl")
