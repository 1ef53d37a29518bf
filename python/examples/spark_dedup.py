"""Dedup a corpus on Spark: syndicated copies merged into stories, as JSON lines.

    # a virtual environment with the wheel, packed once (pip install venv-pack)
    python3 -m venv env && env/bin/pip install dateline-0.1.0-cp311-abi3-*.whl venv-pack
    env/bin/venv-pack -p env -o env.tar.gz
    PYSPARK_PYTHON=./env/bin/python spark-submit --archives env.tar.gz#env \\
        spark_dedup.py --partitions 64 'hdfs:///news/*.corpus' stories.jsonl

or, in local mode with the package installed (``pip install ./python pyspark``):

    python python/examples/spark_dedup.py --master 'local[2]' news.corpus stories.jsonl

How it works: the corpus files are read and parsed on the executors
(``dateline.parse_corpus``), the documents spread over ``--partitions``
partitions, each partition builds a ``dateline.Deduplicator`` index
(structure analysis, MinHash sketches, LSH, all in Rust) and the indexes are
merged pairwise in a tree (``treeReduce``) as bytes (``to_bytes`` /
``from_bytes``, a few hundred bytes a text). The library guarantees that a
merged index has exactly the stories of one pass over all documents, in any
order, so the output equals the single-machine result
(``dateline.stories_of``). The driver turns the final index into stories
and writes one JSON object per line, sorted by story id; each is the
library's ``Story`` record (``id``, ``canonical``, ``members`` with
``similarity``, ``matched``, ``lacks``, ``adds``, ...).

Document names must be unique across all input files (they are the ids).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any, Iterable, Iterator


def parse_file(path_and_text: tuple[str, str]) -> list[Any]:
    """The documents of one corpus file (runs on an executor)."""
    import dateline

    return dateline.parse_corpus(path_and_text[1])


def index_partition(docs: Iterable[dict[str, Any]], config: dict[str, Any]) -> Iterator[bytes]:
    """One partition's dedup index, as bytes (runs on an executor)."""
    import dateline

    # One thread per Spark task: Spark already runs a task per core.
    dedup = dateline.Deduplicator(threads=1, **config)
    dedup.add_many(list(docs))
    yield dedup.to_bytes()


def merge_indexes(a: bytes, b: bytes) -> bytes:
    """Merge two indexes (runs on executors, then on the driver for the last level)."""
    import dateline

    x = dateline.Deduplicator.from_bytes(a, threads=1)
    y = dateline.Deduplicator.from_bytes(b, threads=1)
    # Merging re-adds the other index's documents: merge the smaller into the larger.
    if len(x) < len(y):
        x, y = y, x
    x.merge(y)
    return x.to_bytes()


def dedup_on_spark(sc: Any, inputs: str, partitions: int, config: dict[str, Any], depth: int = 2) -> list[Any]:
    """The stories of the corpus files matching ``inputs`` (a path, glob or comma-separated list)."""
    import dateline

    docs = sc.wholeTextFiles(inputs).flatMap(parse_file).repartition(partitions)
    index = docs.mapPartitions(lambda part: index_partition(part, config)).treeReduce(merge_indexes, depth=depth)
    return dateline.Deduplicator.from_bytes(index).stories()


def write_stories(stories: list[Any], path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for story in stories:
            out.write(json.dumps(story, ensure_ascii=False, sort_keys=False))
            out.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="corpus file(s): a path, a glob or a comma-separated list (any Hadoop path)")
    parser.add_argument("output", help="JSON lines file of stories (written by the driver)")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=8, help="partitions the documents are spread over (default 8)")
    parser.add_argument("--depth", type=int, default=2, help="depth of the merge tree (default 2)")
    parser.add_argument("--containment", type=float, help="dedup containment threshold (default the library's)")
    parser.add_argument(
        "--single-machine",
        action="store_true",
        help="no Spark: read the (local) corpus and dedup it in this process on all cores, for comparison",
    )
    args = parser.parse_args(argv)
    config = {k: v for k, v in (("containment", args.containment),) if v is not None}

    if args.single_machine:
        import dateline

        start = time.perf_counter()
        stories = dateline.stories_of(dateline.read_corpus(args.input), **config)
        write_stories(stories, args.output)
        secs = time.perf_counter() - start
        print(f"{len(stories)} stories with copies written to {args.output} in {secs:.2f} s (single machine)", file=sys.stderr)
        return 0

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("dateline-dedup").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # Local workers run this interpreter (the one with dateline installed).
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        start = time.perf_counter()
        stories = dedup_on_spark(spark.sparkContext, args.input, args.partitions, config, args.depth)
        write_stories(stories, args.output)
        secs = time.perf_counter() - start
    finally:
        spark.stop()
    print(
        f"{len(stories)} stories with copies written to {args.output} in {secs:.2f} s "
        f"({args.partitions} partitions, merge tree depth {args.depth})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
