#!/usr/bin/env python3
"""dateline's time stage against dateparser (PyPI) on the same text.

Speed: the time bench writes a generated corpus (`cargo bench --bench time --
--write-sample`), dateline extracts its expressions (`--file`), and
dateparser's `search_dates` runs over the same documents with each document's
date as RELATIVE_BASE. Accuracy (optional, `--timeml DIR`): both on the first
N TimeML documents (TimeBank/AQUAINT), scored like
`../shared/eval/timeml_dates.py`: a gold DATE/TIME whose value is a day, month
or year is found when a prediction overlaps it with that value. dateparser
always returns a full datetime, so its value is cut to the gold's precision
(in its favour).

Usage, from the crate root:
    python3 benches/compare/dates.py [--bytes 1000000] [--timeml DIR] [--docs 60]
The first run creates benches/compare/.venv and installs dateparser into it.
"""
import html
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
PY = os.path.join(VENV, "bin", "python")


def ensure_venv():
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(PY):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    # The virtualenv is shared with the other comparison scripts: install what is missing.
    if subprocess.run([PY, "-c", "import dateparser"], capture_output=True).returncode != 0:
        subprocess.run([PY, "-m", "pip", "install", "-q", "dateparser"], check=True)
    os.execv(PY, [PY] + sys.argv)


def arg(name, default):
    if name in sys.argv:
        return type(default)(sys.argv[sys.argv.index(name) + 1])
    return default


def read_corpus(text):
    """(name, date or None, body) for each document of a `tail -n +1` corpus with front matter."""
    docs = []
    parts = re.split(r"(?:^|\n)==> (.+?) <==\n", text)
    for name, body in zip(parts[1::2], parts[2::2]):
        date = None
        if body.startswith("---\n"):
            end = body.find("\n---\n", 3)
            if end >= 0:
                m = re.search(r"^date: (\S+)", body[4:end], re.M)
                date = m.group(1) if m else None
                body = body[end + 5:]
        docs.append((name, date, body))
    return docs


def dateparser_times(body, date):
    """dateparser's matches with byte offsets (found left to right) and ISO day values."""
    from datetime import datetime
    from dateparser.search import search_dates

    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    if date:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(date[:10])
    found = search_dates(body, languages=["en"], settings=settings) or []
    out, pos = [], 0
    raw = body.encode()
    for text, dt in found:
        at = raw.find(text.encode(), pos)
        if at < 0:
            at = raw.find(text.encode())
        if at < 0:
            continue
        pos = at + len(text.encode())
        out.append({"text": text, "start": at, "end": pos, "value": dt.strftime("%Y-%m-%d")})
    return out


def speed():
    n = arg("--bytes", 1000000)
    sample = os.path.join(ROOT, "target", "dates-sample.corpus")
    os.makedirs(os.path.dirname(sample), exist_ok=True)
    bench = ["cargo", "bench", "-q", "--bench", "time", "--"]
    subprocess.run(bench + ["--write-sample", sample, str(n)], check=True, cwd=ROOT, capture_output=True)
    ours = subprocess.run(bench + ["--file", sample], check=True, cwd=ROOT, capture_output=True, text=True)
    line = [l for l in ours.stdout.splitlines() if l.startswith("dateline")][-1]
    print(f"{'tool':<12} {'input MB':>9} {'expressions':>12} {'seconds':>9} {'MB/s':>9}")
    f = line.split()
    print(f"{'dateline':<12} {float(f[1]):>9.3f} {int(f[3]):>12} {float(f[5]):>9.4f} {float(f[7]):>9.2f}")
    docs = read_corpus(open(sample, encoding="utf-8").read())
    size = sum(len(b.encode()) for _, _, b in docs)
    dateparser_times("Talks resume on Thursday, April 10, 2025.", "2025-04-09")  # load its language data first
    t = time.perf_counter()
    found = sum(len(dateparser_times(b, d)) for _, d, b in docs)
    secs = time.perf_counter() - t
    print(f"{'dateparser':<12} {size / 1e6:>9.3f} {found:>12} {secs:>9.4f} {size / 1e6 / secs:>9.4f}")
    print("(dateline: article sections after structure analysis; dateparser: whole bodies; one core each)")


SCORED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def read_timeml(root, limit):
    docs = []
    for dirpath, _, files in sorted(os.walk(root)):
        for fn in sorted(files):
            if not fn.endswith(".tml"):
                continue
            x = open(os.path.join(dirpath, fn), encoding="utf-8").read()
            dct = re.search(r'<DCT>.*?value="([^"]+)"', x, re.S)
            text = re.search(r"<TEXT>(.*?)</TEXT>", x, re.S)
            if not dct or not text:
                continue
            body, spans = "", []
            for m in re.finditer(r"<(/?)(\w+)([^>]*)>|([^<]+)", text.group(1)):
                if m.group(4) is not None:
                    body += html.unescape(m.group(4))
                elif m.group(2) == "TIMEX3" and not m.group(1):
                    spans.append([len(body.encode()), None, dict(re.findall(r'(\w+)="([^"]*)"', m.group(3)))])
                elif m.group(2) == "TIMEX3":
                    for s in reversed(spans):
                        if s[1] is None:
                            s[1] = len(body.encode())
                            break
            gold = [(a, b, at) for a, b, at in spans if b is not None]
            docs.append((fn[:-4] + ".txt", dct.group(1)[:10], body, gold))
    return docs[:limit]


def score(docs, predictions, cut):
    tp_r = n_r = tp_p = n_p = 0
    for name, _, _, spans in docs:
        times = predictions.get(name, [])
        scored = [(a, b, at["value"][:10]) for a, b, at in spans
                  if at.get("type") in ("DATE", "TIME") and SCORED.match(at.get("value", "")[:10])]
        for a, b, v in scored:
            n_r += 1
            tp_r += any(t["start"] < b and t["end"] > a and cut(t["value"], v) == v for t in times)
        for t in times:
            over = [v for a, b, v in scored if t["start"] < b and t["end"] > a]
            if over or not any(t["start"] < b and t["end"] > a for a, b, _ in spans):
                n_p += 1
                tp_p += any(cut(t["value"], v) == v for v in over)
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), n_r


def accuracy(root):
    docs = read_timeml(root, arg("--docs", 60))
    corpus = os.path.join(ROOT, "target", "dates-timeml.corpus")
    with open(corpus, "w", encoding="utf-8", newline="") as f:
        for i, (name, date, body, _) in enumerate(docs):
            f.write(("\n" if i else "") + f"==> {name} <==\n---\ndate: {date}\n---\n" + body)
    out = subprocess.run(["cargo", "run", "-q", "--release", "--example", "extract", "--", corpus],
                         check=True, cwd=ROOT, capture_output=True, text=True).stdout
    ours = {}
    for line in out.splitlines():
        d = json.loads(line)
        if not d.get("parent"):
            ours[d["id"]] = [t for t in d["times"] if t.get("value")]
    theirs = {name: dateparser_times(body, date) for name, date, body, _ in docs}
    exact = lambda got, gold: got
    to_gold = lambda got, gold: got[:len(gold)]
    print(f"\nTimeML accuracy, first {len(docs)} documents under {root}:")
    print(f"{'tool':<12} {'P':>6} {'R':>6} {'F1':>6}  gold")
    for tool, pred, cut in (("dateline", ours, exact), ("dateparser", theirs, to_gold)):
        p, r, f1, n = score(docs, pred, cut)
        print(f"{tool:<12} {p:>6.3f} {r:>6.3f} {f1:>6.3f}  {n}")


if __name__ == "__main__":
    ensure_venv()
    speed()
    if "--timeml" in sys.argv:
        accuracy(sys.argv[sys.argv.index("--timeml") + 1])
