"""dateline: newsroom pipelines in Rust, from Python.

Turn a corpus of scraped news articles into structure: documents, entities,
dates, claims, syndicated copies merged into stories, and one dated, sourced
timeline. The work runs in the Rust crate ``dateline`` (through PyO3) with
the GIL released; results are plain dicts and lists in the crate's JSON
interchange format.

>>> import dateline
>>> docs = dateline.parse_corpus("==> a.txt <==\\n---\\ndate: 2025-04-11\\n---\\n"
...     "Talks resume\\nDiplomats met in Istanbul on Thursday.\\n")
>>> docs[0]["id"], docs[0]["date"]
('a.txt', '2025-04-11')
>>> report = dateline.Pipeline().timeline(docs)
>>> [(e["date"], e["sources"]) for e in report["events"]]
[('2025-04-10', ['a.txt'])]

Documents are dicts: ``id``, ``text`` (the body, every span is a byte
offset into its UTF-8 encoding), the known front matter fields ``date``,
``source``, ``url``, ``title``, ``lang`` (``None`` when absent) and ``meta``
(every front matter field, in order). Functions that take documents accept
any dict with at least ``id`` and ``text``.

Errors are :class:`dateline.errors.DatelineError` subclasses carrying the
crate's message and position (:class:`CorpusError` has ``document``,
``line``, ``byte``).
"""

from __future__ import annotations

from typing import Any, Iterable

from dateline.errors import ConfigError, CorpusError, DatelineError, GazetteerError
from dateline._dateline import (
    Deduplicator,
    Gazetteer,
    Pipeline,
    __version__,
    parse_corpus,
    read_corpus,
    render_text,
    write_corpus,
)


def sketch_document(document: dict[str, Any], **config: Any) -> list[dict[str, Any]]:
    """The dedup sketches of a document, for engines that group documents themselves.

    One dict per compared text (the article, then each related-story blurb,
    id ``<id>#<n>``): ``id``, ``source``, ``date``, ``signature`` (the MinHash
    bins, ints), ``shingles`` (distinct shingle count) and ``paragraphs``
    (16-bit fingerprints of the paragraphs). ``config`` takes the keyword
    arguments of :class:`Deduplicator`. Group sketches by
    :func:`lsh_bands`, verify candidates with ``Deduplicator.similarity``, or
    feed them back with ``Deduplicator.add_sketch``.
    """
    return Deduplicator(**config).sketch_document(document)


def lsh_bands(sketch: dict[str, Any], bands: int = 16, rows: int = 2) -> list[tuple[int, ...]]:
    """The LSH band keys of a sketch: ``(band, bin, bin, ...)`` per band.

    Two texts are dedup candidates when they share a key (the index's own
    rule, with its default ``bands`` and ``rows``). A sketch with no shingles
    has no keys.
    """
    if not sketch.get("shingles"):
        return []
    sig = sketch["signature"]
    return [(b, *sig[b * rows : (b + 1) * rows]) for b in range(bands)]


def stories_of(documents: Iterable[dict[str, Any]], threads: int | None = None, **config: Any) -> list[dict[str, Any]]:
    """The syndicated stories of documents on one machine: ``Deduplicator.add_many`` then ``stories()``."""
    dedup = Deduplicator(**config)
    dedup.add_many(list(documents), threads)
    return dedup.stories()


__all__ = [
    "ConfigError",
    "CorpusError",
    "DatelineError",
    "Deduplicator",
    "Gazetteer",
    "GazetteerError",
    "Pipeline",
    "__version__",
    "lsh_bands",
    "parse_corpus",
    "read_corpus",
    "render_text",
    "sketch_document",
    "stories_of",
    "write_corpus",
]
