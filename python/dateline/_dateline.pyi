"""Type stubs of the native module ``dateline._dateline`` (re-exported by ``dateline``)."""

from __future__ import annotations

import datetime
import os
from typing import Any, Iterable, Literal, NotRequired, TypedDict

__version__: str

DateLike = str | datetime.date

class Document(TypedDict):
    """A corpus document, as ``parse_corpus`` / ``read_corpus`` return it.

    Functions that take documents need only ``id`` and ``text``; the other
    keys are front matter (a top-level key wins over the same key in ``meta``).
    """

    id: str
    text: str
    date: NotRequired[str | None]
    source: NotRequired[str | None]
    url: NotRequired[str | None]
    title: NotRequired[str | None]
    lang: NotRequired[str | None]
    meta: NotRequired[dict[str, str]]

Similarity = dict[str, Any]
"""How similar two texts are: ``resemblance`` and ``containment`` (0 to 1), and the library's other measures."""

class Verdict(TypedDict):
    """``{"verdict": "new", "story": id}``, or a copy with the member it ``matched`` and their ``similarity``."""

    verdict: Literal["new", "copy"]
    story: str
    matched: NotRequired[str]
    similarity: NotRequired[Similarity]

class Story(TypedDict):
    """Syndicated copies of one story: ``id`` is the smallest member id,
    ``canonical`` the most complete text; each member has its ``id``,
    ``source``, ``date``, the member it ``matched`` with ``similarity`` and
    ``containment``, and the paragraphs it ``lacks`` and ``adds`` against the
    canonical text (the library's ``Member`` record)."""

    id: str
    canonical: str
    members: list[dict[str, Any]]

SketchRecord = dict[str, Any]
"""What the dedup index keeps of one text: ``id``, ``source``, ``date`` and the library's ``Sketch`` fields."""

def parse_corpus(text: str) -> list[Document]:
    """Parse a corpus (the ``==> NAME <==`` format) held in a string.

    Raises ``CorpusError`` (with ``document``, ``line``, ``byte``) on malformed input.
    """

def read_corpus(path: str | os.PathLike[str]) -> list[Document]:
    """Read a corpus file, or a directory of ``*.txt`` files (one document each).

    Raises ``CorpusError`` on malformed input and ``OSError`` when the file cannot be read.
    """

def write_corpus(documents: Iterable[Document | dict[str, Any]]) -> str:
    """The corpus-format text of documents; ``parse_corpus`` reads it back equal."""

def render_text(report: dict[str, Any]) -> str:
    """The plain-text rendering of a timeline object returned by ``Pipeline.timeline``."""

class Gazetteer:
    """A gazetteer: people, organisations and places with their aliases.

    ``Gazetteer()`` is the built-in world gazetteer; ``from_tsv`` and ``load``
    read the TSV format ``id<TAB>kind<TAB>name<TAB>aliases`` (``|``-separated aliases).
    """

    def __init__(self) -> None: ...
    @staticmethod
    def builtin() -> Gazetteer:
        """The built-in world gazetteer."""
    @staticmethod
    def empty() -> Gazetteer:
        """A gazetteer with no entities."""
    @staticmethod
    def from_tsv(text: str) -> Gazetteer:
        """Read TSV text; raises ``GazetteerError`` with ``line`` and ``column``."""
    @staticmethod
    def load(path: str | os.PathLike[str]) -> Gazetteer:
        """Read a TSV file; raises ``GazetteerError`` or ``OSError``."""
    def entities(self) -> list[dict[str, Any]]:
        """The entities, as dicts."""
    def mentions(self, text: str) -> list[dict[str, Any]]:
        """Mentions in the article text of ``text`` (boilerplate skipped), with byte spans."""
    def __len__(self) -> int: ...

class Pipeline:
    """The configured pipeline: documents in, records, stories and a timeline out.

    ``reference_date`` resolves relative dates of documents without a ``date``;
    ``focus_threshold`` (0 to 1) decides which related-story blurbs join the
    timeline; ``dedup`` takes a ``Deduplicator`` whose configuration to use;
    ``threads`` analyse documents in ``timeline`` (default: all cores; the
    result does not depend on it); a body longer than ``max_document_bytes``
    is analysed up to the limit, with a warning in its record.
    Raises ``ConfigError`` on out-of-range values.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        reference_date: DateLike | None = None,
        focus_threshold: float | None = None,
        blurbs: bool = True,
        dedup: Deduplicator | None = None,
        threads: int | None = None,
        max_document_bytes: int | None = None,
    ) -> None: ...
    def analyze(
        self,
        text: str,
        id: str = "document",
        date: DateLike | None = None,
        source: str | None = None,
        url: str | None = None,
        title: str | None = None,
        lang: str | None = None,
    ) -> dict[str, Any]:
        """One document's record in the JSON interchange format (``id``, ``parent``,
        ``date``, ``title``, ``mentions``, ``times``, ``claims``), with the records of
        its related-story blurbs under ``blurbs``. Spans are byte offsets into ``text``."""
    def analyze_document(self, document: Document | dict[str, Any]) -> dict[str, Any]:
        """``analyze`` for a document dict."""
    def timeline(self, documents: Iterable[Document | dict[str, Any]], keep_documents: bool = True) -> dict[str, Any]:
        """The JSON interchange object of a corpus: ``title``, ``documents``,
        ``stories``, ``off_focus`` and the timeline's ``events`` (each with
        ``date``, ``text``, ``entities``, ``sources``, ``provenance``, ``evidence``, ``quote``)."""

class Deduplicator:
    """The dedup index: syndicated copies merged into stories.

    ``config`` overrides fields of the library's ``DedupConfig`` by their
    names as the ``config`` property lists them (for example
    ``Deduplicator(containment=0.6)``); the defaults are the library's
    measured ones. An unknown name or an out-of-range value raises
    ``ConfigError``. ``threads`` is the default for ``add_many`` (all cores).
    Picklable (as its bytes), so it can travel between Spark tasks.
    """

    def __init__(self, *, threads: int | None = None, **config: Any) -> None: ...
    def add(self, id: str, text: str, *, source: str | None = None, date: DateLike | None = None) -> Verdict:
        """Add one text, every line compared as a paragraph; the verdict at once."""
    def add_document(self, document: Document | dict[str, Any]) -> list[tuple[str, Verdict]]:
        """Add a document's article text and each related-story blurb (``<id>#<n>``)."""
    def add_many(self, documents: Iterable[Document | dict[str, Any]], threads: int | None = None) -> list[tuple[str, Verdict]]:
        """``add_document`` for many documents, analysed on ``threads`` threads
        (GIL released) and added in input order: the verdicts of adding them one by one."""
    def add_sketch(self, sketch: SketchRecord | dict[str, Any]) -> Verdict:
        """Add a text sketched by ``sketch_document`` or ``sketch`` with the same configuration."""
    def stories(self) -> list[Story]:
        """Every story with at least two members, sorted by id; independent of input order."""
    def merge(self, other: Deduplicator) -> None:
        """Add an index built on another (disjoint) shard; the stories are those of one pass
        over both. ``other`` is left unchanged. Raises ``ConfigError`` when configurations differ."""
    def to_bytes(self) -> bytes:
        """The index as bytes (configuration and per-text sketches, a few hundred bytes a text)."""
    @staticmethod
    def from_bytes(data: bytes, threads: int | None = None) -> Deduplicator:
        """An index from ``to_bytes``; raises ``ConfigError`` on other data."""
    def sketch_document(self, document: Document | dict[str, Any]) -> list[SketchRecord]:
        """The sketches of a document's texts (article, then blurbs), for engines that group documents themselves."""
    def sketch(self, id: str, text: str, *, source: str | None = None, date: DateLike | None = None) -> SketchRecord:
        """The sketch of one text compared line by line (as ``add``)."""
    def similarity(self, a: SketchRecord | dict[str, Any], b: SketchRecord | dict[str, Any]) -> Similarity:
        """The similarity of two sketches, as the index computes it."""
    @property
    def config(self) -> dict[str, Any]:
        """The configuration (``shingle``, ``window``, ``containment``, ``partial``, ...)."""
    def index_bytes(self) -> int:
        """Heap bytes of the index beyond ids and outlet names."""
    def __len__(self) -> int: ...
