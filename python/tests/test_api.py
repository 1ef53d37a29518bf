"""The Python API: corpus, gazetteer, pipeline, dedup, errors."""

from __future__ import annotations

import datetime
import pickle
from pathlib import Path

import pytest

import dateline

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "data" / "seeds.corpus"

TWO_REPORTS = (
    "==> a.txt <==\n---\ndate: 2025-04-11\nsource: Wire\n---\n"
    "Embassy talks resume\nDiplomats of both countries met in Istanbul on Thursday for six hours.\n"
    "\n==> b.txt <==\n---\ndate: 2025-04-12\n---\n"
    "Diplomats report progress\nThe delegations met in Istanbul on April 10, diplomats said.\n"
)

WIRE = (
    "Talks between the United States and Russia on their embassies will move to Moscow from Istanbul, "
    "the Russian ambassador to Washington told the state news agency.\n"
    "The next round will take place in the very near future, he was quoted as saying.\n"
)


def test_parse_corpus_gives_document_dicts_with_front_matter():
    docs = dateline.parse_corpus(TWO_REPORTS)
    assert [d["id"] for d in docs] == ["a.txt", "b.txt"]
    assert docs[0]["date"] == "2025-04-11"
    assert docs[0]["source"] == "Wire"
    assert docs[0]["url"] is None
    assert docs[0]["meta"] == {"date": "2025-04-11", "source": "Wire"}
    assert docs[1]["text"] == "Diplomats report progress\nThe delegations met in Istanbul on April 10, diplomats said.\n"


def test_write_corpus_reads_back_equal():
    docs = dateline.parse_corpus(TWO_REPORTS)
    assert dateline.parse_corpus(dateline.write_corpus(docs)) == docs


def test_read_corpus_reads_a_file_and_a_directory(tmp_path):
    assert len(dateline.read_corpus(SEEDS)) == len(dateline.parse_corpus(SEEDS.read_text(encoding="utf-8")))
    (tmp_path / "b.txt").write_text("---\nsource: Wire\n---\nSecond.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.\n", encoding="utf-8")
    docs = dateline.read_corpus(str(tmp_path))
    assert [(d["id"], d["source"], d["text"]) for d in docs] == [("a.txt", None, "First.\n"), ("b.txt", "Wire", "Second.\n")]


def test_corpus_error_carries_the_crates_message_and_position():
    with pytest.raises(dateline.CorpusError) as info:
        dateline.parse_corpus("==> a.txt <==\n---\ndate: April 9\n---\nText\n")
    e = info.value
    assert str(e) == (
        'line 3, byte 18 (document "a.txt"): malformed date "April 9"; expected YYYY-MM-DD or an RFC 3339 datetime'
    )
    assert (e.document, e.line, e.byte) == ("a.txt", 3, 18)
    assert isinstance(e, ValueError) and isinstance(e, dateline.DatelineError)


def test_missing_file_is_an_os_error_naming_the_file(tmp_path):
    missing = tmp_path / "missing.corpus"
    with pytest.raises(FileNotFoundError) as info:
        dateline.read_corpus(missing)
    assert info.value.filename == str(missing)


def test_gazetteer_from_tsv_and_errors_with_line_and_column(tmp_path):
    g = dateline.Gazetteer.from_tsv("istanbul\tplace\tIstanbul\t\nus\tplace\tUnited States\tU.S.|US\n")
    assert len(g) == 2
    assert [m["entity"] for m in g.mentions("Talks in Istanbul\nThe U.S. delegation met in Istanbul.\n")] == [
        "istanbul",
        "us",
        "istanbul",
    ]
    path = tmp_path / "g.tsv"
    path.write_text("istanbul\tplace\tIstanbul\t\n", encoding="utf-8")
    assert len(dateline.Gazetteer.load(path)) == 1
    with pytest.raises(dateline.GazetteerError) as info:
        dateline.Gazetteer.from_tsv("ok\tplace\tOk\t\nbroken\tplace\n")
    assert (info.value.line, info.value.column) == (2, 3)
    assert len(dateline.Gazetteer()) > 100  # the built-in world gazetteer


def test_pipeline_timeline_merges_two_reports_of_one_meeting():
    gazetteer = dateline.Gazetteer.from_tsv("istanbul\tplace\tIstanbul\t\n")
    report = dateline.Pipeline(gazetteer=gazetteer).timeline(dateline.parse_corpus(TWO_REPORTS))
    assert set(report) >= {"title", "documents", "stories", "events"}
    event = report["events"][0]
    assert event["date"] == "2025-04-10"
    assert event["sources"] == ["a.txt", "b.txt"]
    assert event["entities"] == ["istanbul"]
    assert report["stories"] == []
    assert [d["id"] for d in report["documents"]] == ["a.txt", "b.txt"]
    text = dateline.render_text(report)
    # The text rendering: the headline, then the event under its date with both sources.
    assert text.startswith("Embassy talks resume\n")
    assert "\n10 April 2025\n" in text and "Diplomats of both countries met in Istanbul" in text
    assert "sources: Wire; b.txt" in text


def test_timeline_does_not_depend_on_the_thread_count():
    docs = dateline.read_corpus(SEEDS)
    one = dateline.Pipeline(threads=1).timeline(docs)
    assert dateline.Pipeline(threads=2).timeline(docs) == one
    assert len(one["events"]) > 5
    with pytest.raises(dateline.ConfigError):
        dateline.Pipeline(threads=0)


def test_timeline_without_documents_keeps_only_the_timeline():
    report = dateline.Pipeline().timeline(dateline.parse_corpus(TWO_REPORTS), keep_documents=False)
    assert report["documents"] == []
    assert report["events"][0]["sources"] == ["a.txt", "b.txt"]


def test_analyze_returns_the_json_record_with_byte_spans():
    gazetteer = dateline.Gazetteer.from_tsv("istanbul\tplace\tIstanbul\t\n")
    pipeline = dateline.Pipeline(gazetteer=gazetteer)
    text = "Talks resume\nDiplomats met in Istanbul on Thursday.\n"
    record = pipeline.analyze(text, id="x.txt", date=datetime.date(2025, 4, 11), source="Wire")
    assert set(record) == {"id", "parent", "date", "title", "mentions", "times", "claims", "blurbs"}
    assert (record["id"], record["parent"], record["date"], record["title"]) == ("x.txt", None, "2025-04-11", "Talks resume")
    assert record["mentions"] == [{"entity": "istanbul", "kind": "place", "text": "Istanbul", "start": 30, "end": 38}]
    assert record["times"] == [{"text": "Thursday", "start": 42, "end": 50, "value": "2025-04-10"}]
    assert text.encode()[42:50] == b"Thursday"
    assert record["blurbs"] == []
    assert pipeline.analyze_document({"id": "x.txt", "text": text, "date": "2025-04-11"})["times"] == record["times"]


def test_reference_date_resolves_undated_documents():
    text = "Talks resume\nDiplomats met in Istanbul on Thursday.\n"
    assert dateline.Pipeline().analyze(text)["times"][0]["value"] is None
    record = dateline.Pipeline(reference_date="2025-04-11").analyze(text)
    assert record["times"][0]["value"] == "2025-04-10"


def test_configuration_and_argument_errors():
    with pytest.raises(dateline.ConfigError, match="focus threshold"):
        dateline.Pipeline(focus_threshold=1.5)
    with pytest.raises(dateline.ConfigError, match="shingle size 0"):
        dateline.Deduplicator(shingle=0)
    with pytest.raises(dateline.ConfigError, match='unknown dedup setting "shingles"; expected one of '):
        dateline.Deduplicator(shingles=5)
    with pytest.raises(dateline.ConfigError, match="wrong type"):
        dateline.Deduplicator(shingle="five")
    with pytest.raises(dateline.ConfigError, match="threads"):
        dateline.Deduplicator(threads=0)
    with pytest.raises(dateline.CorpusError, match='malformed date "April 9"'):
        dateline.Pipeline().analyze("text", date="April 9")
    with pytest.raises(TypeError):
        dateline.Pipeline().analyze("text", date=20250409)
    with pytest.raises(TypeError):
        dateline.Deduplicator().add_many(["not a dict"])
    with pytest.raises(ValueError, match="needs `text`"):
        dateline.Deduplicator().add_document({"id": "a"})


def test_dedup_add_reports_copies_and_stories():
    d = dateline.Deduplicator()
    assert d.add("a.txt", WIRE) == {"verdict": "new", "story": "a.txt"}
    copy = WIRE.replace("Talks between", "TALKS between").replace(", he was", ", he was also")
    v = d.add("b.txt", copy, source="Outlet", date="2025-04-10")
    assert (v["verdict"], v["story"], v["matched"]) == ("copy", "a.txt", "a.txt")
    assert v["similarity"]["resemblance"] > 0.5
    [story] = d.stories()
    assert story["id"] == "a.txt"
    assert [(m["id"], m["source"], m["date"]) for m in story["members"]] == [
        ("a.txt", None, None),
        ("b.txt", "Outlet", "2025-04-10"),
    ]
    assert len(d) == 2


def _shard_docs():
    docs = dateline.read_corpus(SEEDS)
    # Each seed page plus an exact syndicated copy under another name.
    return docs + [dict(d, id="copy-" + d["id"], source="Reprint") for d in docs]


def test_add_many_equals_adding_one_by_one_and_any_thread_count():
    docs = _shard_docs()
    one = dateline.Deduplicator()
    verdicts_one = [v for d in docs for v in one.add_document(d)]
    many = dateline.Deduplicator()
    assert many.add_many(docs, threads=2) == verdicts_one
    assert many.stories() == one.stories()
    assert len(many.stories()) >= len(dateline.read_corpus(SEEDS))


def test_shard_indexes_merge_and_round_trip_through_bytes_and_pickle():
    docs = _shard_docs()
    whole = dateline.stories_of(docs)
    shards = [dateline.Deduplicator() for _ in range(3)]
    for i, d in enumerate(docs):
        shards[i % 3].add_document(d)
    merged = dateline.Deduplicator.from_bytes(shards[0].to_bytes())
    merged.merge(pickle.loads(pickle.dumps(shards[1])))
    merged.merge(shards[2])
    assert merged.stories() == whole
    assert len(shards[2]) > 0  # merge leaves the other index as it was
    with pytest.raises(dateline.ConfigError, match="different configurations"):
        merged.merge(dateline.Deduplicator(containment=0.9))
    with pytest.raises(dateline.ConfigError, match="not a dateline dedup index"):
        dateline.Deduplicator.from_bytes(b"junk")


def test_sketches_for_engines_that_group_themselves():
    d = dateline.Deduplicator()
    doc = {"id": "a.txt", "text": WIRE, "source": "Wire", "date": "2025-04-10"}
    [sketch] = dateline.sketch_document(doc)
    assert (sketch["id"], sketch["source"], sketch["date"]) == ("a.txt", "Wire", "2025-04-10")
    assert len(sketch["paragraphs"]) == 2
    [copy] = d.sketch_document(dict(doc, id="b.txt"))
    other = d.sketch("c.txt", "An unrelated text about the weather in Lisbon, where it rained all day long.\n")
    keys = dateline.candidate_keys(sketch)
    assert keys and keys == dateline.candidate_keys(copy)
    assert not set(keys) & set(dateline.candidate_keys(other))
    similarity = d.similarity(sketch, copy)
    # Identical texts: every fingerprint shared, and enough of the text covered to be a copy.
    assert similarity["resemblance"] == 1.0
    assert similarity["containment"] >= d.config["containment"]
    assert d.similarity(copy, sketch) == similarity
    assert d.similarity(sketch, other)["containment"] < 0.2
    assert d.add_sketch(sketch) == {"verdict": "new", "story": "a.txt"}
    assert d.add_sketch(copy)["verdict"] == "copy"
    assert d.add_sketch(other)["verdict"] == "new"
    with pytest.raises(ValueError, match='sketch of "x" is malformed'):
        d.add_sketch({"id": "x", "paragraphs": []})


def test_pipeline_takes_the_dedup_configuration():
    docs = dateline.parse_corpus(
        "==> a <==\n" + WIRE + "\n==> b <==\n" + WIRE.replace("near future", "distant future") + "\n"
    )
    assert len(dateline.Pipeline().timeline(docs)["stories"]) == 1
    # Every threshold at 1.0: only identical texts are copies.
    thresholds = {k: 1.0 for k, v in dateline.Deduplicator().config.items() if isinstance(v, float)}
    strict = dateline.Pipeline(dedup=dateline.Deduplicator(**thresholds))
    assert strict.timeline(docs)["stories"] == []
