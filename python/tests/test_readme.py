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
    assert out[0] == "Diplomatic Stalemate: U.S. Reluctant to Fully Reopen Embassies, Kremlin Advisor Claims"
    # One line per event, in date order, the talks of 10 April with all five pages as sources.
    talks = [line for line in out if line.startswith("2025-04-10 ")]
    assert len(talks) == 1 and talks[0].count(".txt'") == 5, out
    assert len(out) >= 10


def test_every_readme_python_snippet_runs():
    assert len(snippets()) >= 2
    for code in snippets():
        run(code)
