"""Content translation: brief content (title, key points, positions, quotes,
events, actor names and titles) in the reader's language, as templates ask for it
with ``tr(kind, text)``, falling back to the source text, marked."""

from __future__ import annotations

from pathlib import Path


from ..model.errors import BriefdocError
from .locales import direction
from .localizer import Localizer
from .marked import Translated
from .sentences import compose_from_sentences

# The kinds of content a template translates with tr(kind, text), in the order a catalog lists them.
CONTENT_KINDS = ("title", "key point", "actor", "actor title", "position", "quote", "event")


class MissingTranslationError(BriefdocError):
    """A content item has no translation and the user asked for complete ones."""

    exit_code = 2


class ContentTranslator:
    """Translates brief content (title, key points, positions, quotes, events,
    actor names and titles) for one locale. Called from templates as
    ``tr(kind, text)``; kinds: "title", "key point", "position", "quote",
    "event", "actor", "actor title".

    Lookup order: the content catalog's exact entry for (kind, text); for any
    item whose text is one or more whole sentences of the article, the
    catalog's "sentence" entries put together; for an actor that is a country,
    the CLDR territory name, and for a party the extractor knows, the UI catalog's
    name. Otherwise the source text stands in, marked
    untranslated, and is recorded in ``missing`` (or, with ``strict``, raises
    MissingTranslationError).

    Without a content catalog, content in the brief's own language stays as it is
    (``translated`` True) and content for any other locale falls back to the
    source text, marked untranslated."""

    def __init__(self, locale: str, source_language: str = "en", messages: dict | None = None, *,
                 sentences: dict | None = None, strict: bool = False, catalog_path: Path | None = None,
                 fuzzy_used: int = 0):
        self.locale = locale
        self.source_language = source_language
        self.messages = messages or {}  # (kind, source text) -> translation
        self.sentences = sentences if sentences is not None else {
            text: tr for (kind, text), tr in self.messages.items() if kind == "sentence"
        }
        self.strict = strict
        self.catalog_path = catalog_path
        self.fuzzy_used = fuzzy_used
        self.missing: list[tuple[str, str]] = []
        self.rtl_document = direction(locale) == "rtl"
        self._localizer: Localizer | None = None

    @property
    def same_language(self) -> bool:
        return self.locale.replace("-", "_").split("_")[0] == self.source_language.replace("-", "_").split("_")[0]

    def _l10n(self) -> Localizer:
        if self._localizer is None:
            self._localizer = Localizer(self.locale)
        return self._localizer

    def lookup(self, kind: str, text: str) -> tuple[str, str] | None:
        """(translation, how) for ``text`` of ``kind``, or None."""
        found = self.messages.get((kind, text))
        if found:
            return found, "catalog"
        if kind != "sentence" and self.sentences:
            composed = compose_from_sentences(text, self.sentences)
            if composed:
                return composed, "sentences"
        if kind == "actor":
            name = self._l10n().country_name(text)
            if name:
                return name, "cldr"
            name = self._l10n().party_name(text)
            if name and name != text:
                return name, "catalog"
        return None

    def __call__(self, kind: str, text: str | None) -> Translated:
        if text is None:
            text = ""
        rtl = self.rtl_document
        if self.same_language or not text.strip():
            return Translated(text, translated=True, original=text, lang=self.locale.replace("_", "-"), how="source", rtl_document=rtl)
        found = self.lookup(kind, text)
        if found:
            return Translated(found[0], translated=True, original=text, lang=self.locale.replace("_", "-"), how=found[1], rtl_document=rtl)
        if (kind, text) not in self.missing:
            self.missing.append((kind, text))
        if self.strict:
            raise MissingTranslationError(
                f"{self.locale}: no translation for {kind} {shorten(text)!r}"
                + (f" in {self.catalog_path}" if self.catalog_path else "")
                + "; translate it or drop --require-complete"
            )
        return Translated(text, translated=False, original=text, lang=self.source_language, how="missing", rtl_document=rtl)

    def report(self) -> str | None:
        """One warning line about the items that fell back to the source text, or None."""
        if not self.missing or self.same_language:
            return None
        kind, text = self.missing[0]
        n = len(self.missing)
        where = f" (catalog: {self.catalog_path})" if self.catalog_path else " (no content catalog found)"
        return (f"{self.locale}: {n} content item{'s' if n != 1 else ''} not translated, shown in the source "
                f"language{where}; first: {kind} {shorten(text)!r}")


def shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
