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

from typing import TYPE_CHECKING, Any, Iterable

from dateline.errors import ConfigError, CorpusError, DatelineError, GazetteerError
if TYPE_CHECKING:
    from dateline._dateline import Document, SketchRecord, Story

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


def sketch_document(document: Document | dict[str, Any], **config: Any) -> list[SketchRecord]:
    """The dedup sketches of a document, for engines that group documents themselves.

    One dict per compared text (the article, then each related-story blurb,
    id ``<id>#<n>``): ``id``, ``source``, ``date`` and the fields of the
    library's ``Sketch`` (what the index keeps of a text: hashes and
    paragraph fingerprints). ``config`` takes the keyword arguments of
    :class:`Deduplicator`. Group sketches by :func:`candidate_keys`, verify
    candidates with ``Deduplicator.similarity``, or add them to an index with
    ``Deduplicator.add_sketch``.
    """
    return Deduplicator(**config).sketch_document(document)


def candidate_keys(sketch: SketchRecord, config: dict[str, Any] | None = None) -> list[Any]:
    """The keys under which the index looks a sketch up: two texts are
    candidate copies only when they share a key, so a group-by on these keys
    (a Spark ``groupByKey``, a SQL join) finds every pair the index would verify.

    For a MinHash ``signature`` these are its LSH bands ``(band, bin, ...)``;
    for winnowed ``fingerprints``, their hashes. ``config`` is the index's
    configuration (``Deduplicator().config`` when ``None``).
    """
    config = config if config is not None else Deduplicator().config
    if "signature" in sketch:
        if not sketch.get("shingles", 1):
            return []
        sig, rows = sketch["signature"], config["rows"]
        return [(b, *sig[b * rows : (b + 1) * rows]) for b in range(config["bands"])]
    if "fingerprints" in sketch:
        return sorted({fp[0] if isinstance(fp, (list, tuple)) else fp for fp in sketch["fingerprints"]})
    raise ValueError("not a dateline sketch: it has neither `signature` nor `fingerprints`")


def stories_of(
    documents: Iterable[Document | dict[str, Any]], threads: int | None = None, **config: Any
) -> list[Story]:
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
    "candidate_keys",
    "parse_corpus",
    "read_corpus",
    "render_text",
    "sketch_document",
    "stories_of",
    "write_corpus",
]
