"""The Spark example in local mode on a generated corpus of 20,000 documents:
its stories equal the single-machine result exactly.

The corpus comes from `DATELINE_SPARK_CORPUS` when set (.ci/run generates
it), else from `cargo run --release --example gen_corpus`. Skipped when
pyspark is not installed (`pip install pyspark`; .ci/run installs it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dateline

pytest.importorskip("pyspark")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "python" / "examples" / "spark_dedup.py"
DOCS = 20_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    given = os.environ.get("DATELINE_SPARK_CORPUS")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("spark")
    path = out / "gen.corpus"
    subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "gen_corpus", "--", str(DOCS), str(path), str(out / "truth.tsv")],
        cwd=ROOT,
        check=True,
    )
    return path


def test_spark_stories_equal_the_single_machine_stories(corpus, tmp_path):
    docs = dateline.read_corpus(corpus)
    assert len(docs) >= DOCS

    start, cpu = time.perf_counter(), time.process_time()
    single = dateline.stories_of(docs, threads=1)
    single_secs, single_cpu = time.perf_counter() - start, time.process_time() - cpu

    out = tmp_path / "stories.jsonl"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(EXAMPLE), "--master", "local[2]", "--partitions", "8", str(corpus), str(out)],
        check=True,
        env=dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable),
    )
    spark_secs = time.perf_counter() - start
    spark = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    print(
        f"\n{len(docs)} documents: single machine (1 thread) {single_secs:.2f} s wall, {single_cpu:.2f} s CPU, "
        f"{len(docs) / single_secs:.0f} docs/s; Spark local[2], 8 partitions {spark_secs:.2f} s wall "
        f"(JVM start included), {len(docs) / spark_secs:.0f} docs/s"
    )
    # The generated corpus has many syndicated stories, and Spark finds exactly the same ones.
    assert len(single) > 1000
    assert spark == single


def test_spark_stories_match_the_rust_dedup_example(corpus, tmp_path):
    """The Python single-machine stories are those of `cargo run --example dedup` (same library, same defaults)."""
    run = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "dedup", "--", str(corpus)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    rust = [json.loads(line) for line in run.stdout.splitlines()]
    python = dateline.stories_of(dateline.read_corpus(corpus))
    assert [(s["story"], s["canonical"], [m["id"] for m in s["members"]]) for s in rust] == [
        (s["id"], s["canonical"], [m["id"] for m in s["members"]]) for s in python
    ]
