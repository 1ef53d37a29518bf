"""The README's Python snippets run as written, from the repository's root."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def snippets() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", readme, flags=re.S)


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_readme_python_snippet_prints_the_sample_timeline():
    out = run(snippets()[0]).splitlines()
    import dateline

    docs = dateline.read_corpus(ROOT / "examples" / "data" / "seeds.corpus")
    gazetteer = dateline.Gazetteer.load(ROOT / "examples" / "data" / "gazetteer.tsv")
    report = dateline.Pipeline(gazetteer=gazetteer).timeline(docs)
    # The headline, then one line per event in date order.
    assert out[0] == report["title"] and report["title"]
    assert out[1:] == [f"{e['date']} {e['text'][:70]} {e['sources']}" for e in report["events"]]
    # The talks in Istanbul on 10 April 2025 are one event reported by several pages.
    talks = [line for line in out if line.startswith("2025-04-10 ")]
    assert talks and talks[0].count(".txt'") >= 2, out


def test_every_readme_python_snippet_runs():
    assert len(snippets()) >= 2
    for code in snippets():
        run(code)
