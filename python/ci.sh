#!/usr/bin/env bash
# CI of the Python package (called by .ci/run): build and install it in a
# virtual environment exactly as the README says (`pip install ./python`;
# pip fetches maturin from the package index), then run its tests with
# pytest, the Spark test included (pyspark from the package index; Java 17+).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check ./python pytest pyspark mypy
# The type stubs and the typed package agree.
.venv/bin/mypy --strict --ignore-missing-imports python/dateline python/examples/spark_dedup.py
# The Spark test's corpus: 20,000 generated news documents with syndicated copies.
mkdir -p target/spark
cargo run --quiet --release --example gen_corpus -- 20000 target/spark/gen20k.corpus target/spark/gen20k.truth.tsv
# -s shows the measured throughput lines; -rs lists skips (none expected here).
DATELINE_SPARK_CORPUS="$PWD/target/spark/gen20k.corpus" .venv/bin/python -m pytest python/tests -q -s -rs -p no:cacheprovider
