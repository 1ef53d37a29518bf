#!/usr/bin/env python3
"""Compare dateline's gazetteer matcher with flashtext, pyahocorasick and spaCy's PhraseMatcher.

Usage (from the crate root):

    cargo bench --bench gazetteer          # writes target/compare/gazetteer/{aliases.txt,news.txt}
    python3 benches/compare/gazetteer.py [--spacy-bytes N]

All tools read the same files: the 100k-alias list the bench builds (synthetic
people and organisations, the built-in world list and the example gazetteer)
and the generated news text it matches (one sentence per line). Creates the
virtualenv benches/compare/.venv (pip install flashtext pyahocorasick spacy)
on first use, then runs each tool in its own process and prints one Markdown
table row per tool: build time, matching throughput (CPU time of the process,
one core), matches found and peak resident memory.

  - flashtext: KeywordProcessor(case_sensitive=True), extract_keywords with spans
    (whole words by flashtext's own word characters);
  - pyahocorasick: Automaton with every alias, iter_long (leftmost-longest,
    non-overlapping), then a whole-word check on the neighbouring characters;
  - spaCy: blank English tokenizer and PhraseMatcher on ORTH (whole tokens),
    on the first --spacy-bytes of the text (it is much slower; MB/s is per byte
    it saw).

dateline's own figure is the bench line `gazetteer match, 100k, comparison
text (cpu)`: the same aliases and text, with case rules, typographic folding,
ambiguity and surname linking, one sentence per line.
"""

import argparse
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
VENV_PY = os.path.join(VENV, "bin", "python")
DATA = os.path.join(ROOT, "target", "compare", "gazetteer")
TOOLS = ["flashtext", "pyahocorasick", "spacy"]


def ensure_venv():
    """Re-run this script inside the virtualenv, creating it and installing the tools if needed."""
    if os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        if not os.path.exists(VENV_PY):
            subprocess.check_call([sys.executable, "-m", "venv", VENV])
        os.execv(VENV_PY, [VENV_PY] + sys.argv)
    try:
        import flashtext  # noqa: F401
        import ahocorasick  # noqa: F401
        import spacy  # noqa: F401
    except ImportError:
        subprocess.check_call([VENV_PY, "-m", "pip", "install", "-q", "flashtext", "pyahocorasick", "spacy"])


def load():
    with open(os.path.join(DATA, "aliases.txt"), encoding="utf-8") as f:
        aliases = [a for a in f.read().split("\n") if a]
    with open(os.path.join(DATA, "news.txt"), encoding="utf-8") as f:
        text = f.read()
    return aliases, text


def run_flashtext(aliases, text):
    from flashtext import KeywordProcessor

    t = time.process_time()
    kp = KeywordProcessor(case_sensitive=True)
    for a in aliases:
        kp.add_keyword(a)
    build = time.process_time() - t
    t = time.process_time()
    n = sum(len(kp.extract_keywords(line, span_info=True)) for line in text.split("\n"))
    return build, time.process_time() - t, n, len(text.encode("utf-8"))


def run_pyahocorasick(aliases, text):
    import ahocorasick

    t = time.process_time()
    A = ahocorasick.Automaton()
    for i, a in enumerate(aliases):
        A.add_word(a, i)
    A.make_automaton()
    build = time.process_time() - t
    t = time.process_time()
    n = 0
    for line in text.split("\n"):
        for end, i in A.iter_long(line):
            start = end - len(aliases[i]) + 1
            before = line[start - 1] if start > 0 else " "
            after = line[end + 1] if end + 1 < len(line) else " "
            if not (before.isalnum() or after.isalnum()):
                n += 1
    return build, time.process_time() - t, n, len(text.encode("utf-8"))


def run_spacy(aliases, text, limit):
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    t = time.process_time()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("ALIAS", list(nlp.tokenizer.pipe(aliases)))
    build = time.process_time() - t
    sample = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    t = time.process_time()
    n = sum(len(matcher(doc)) for doc in nlp.tokenizer.pipe(sample.split("\n")))
    return build, time.process_time() - t, n, len(sample.encode("utf-8"))


def child(tool, limit):
    aliases, text = load()
    if tool == "flashtext":
        build, secs, n, size = run_flashtext(aliases, text)
    elif tool == "pyahocorasick":
        build, secs, n, size = run_pyahocorasick(aliases, text)
    else:
        build, secs, n, size = run_spacy(aliases, text, limit)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{tool}\t{len(aliases)}\t{build:.2f}\t{size / 1e6 / secs:.1f}\t{n}\t{rss:.0f}\t{size / 1e6:.1f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spacy-bytes", type=int, default=4_000_000)
    ap.add_argument("--tool", choices=TOOLS)
    args = ap.parse_args()
    ensure_venv()
    if args.tool:
        child(args.tool, args.spacy_bytes)
        return
    if not os.path.exists(os.path.join(DATA, "aliases.txt")):
        sys.exit("run `cargo bench --bench gazetteer` first: it writes the aliases and text to " + DATA)
    print("| tool | aliases | build (s) | match MB/s (cpu) | matches | text MB | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for tool in TOOLS:
        out = subprocess.run(
            [VENV_PY, __file__, "--tool", tool, "--spacy-bytes", str(args.spacy_bytes)],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            print(f"| {tool} | failed: {out.stderr.strip().splitlines()[-1:]} |")
            continue
        name, n_aliases, build, mbs, n, rss, size = out.stdout.strip().split("\t")
        print(f"| {name} | {n_aliases} | {build} | {mbs} | {n} | {size} | {rss} |")


if __name__ == "__main__":
    main()
