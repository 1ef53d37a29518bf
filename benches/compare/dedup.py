#!/usr/bin/env python3
"""Compare dateline's dedup with datasketch and rensa on one generated corpus.

Usage (from the crate root):

    python3 benches/compare/dedup.py [--docs N] [--corpus FILE --truth FILE] [--skip-datasketch]

Creates the virtualenv benches/compare/.venv (pip install datasketch rensa)
on first use, generates a syndicated corpus with its truth file using
`cargo run --release --example gen_corpus` unless --corpus/--truth are given,
then runs, one after the other and each in its own process:

  - dateline: `target/release/examples/dedup CORPUS` (structure analysis,
    shingles, MinHash + LSH, verification; both cores), also with `--exact`
    and with `--whole-body` (no structure analysis: every line of the body,
    the same input the Python tools get);
  - datasketch: MinHash (num_perm 128) + MinHashLSH (threshold 0.8) on word
    5-shingles of each body, query-then-insert, copies = connected components;
  - rensa: RMinHash (num_perm 128) + RMinHashLSH (threshold 0.8, 16 bands),
    the same way.

It prints one Markdown table row per tool: documents per second (wall clock,
reading and parsing included), documents per CPU-second (user + system time
of the tool's process: less sensitive to other load on a shared machine, and
dateline uses every core while the Python tools use one), precision and
recall of copy pairs against the truth, and the peak resident memory of the
tool's process.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
VENV_PY = os.path.join(VENV, "bin", "python")
WORD = re.compile(r"\w+")


def ensure_venv():
    """Re-run this script inside the virtualenv, creating it if needed."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(VENV_PY):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([VENV_PY, "-m", "pip", "install", "-q", "datasketch", "rensa"])
    os.execv(VENV_PY, [VENV_PY] + sys.argv)


def read_corpus(path):
    """(name, body) pairs of a `==> NAME <==` corpus with front matter (generated corpora only)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    docs = []
    for chunk in text.split("\n==> ") if not text.startswith("==> ") else ("\n" + text).split("\n==> ")[1:]:
        header, _, body = chunk.partition("\n")
        name = header.removesuffix(" <==")
        if body.startswith("---\n"):
            end = body.find("\n---\n", 4)
            if end >= 0:
                body = body[end + 5 :]
        docs.append((name, body))
    return docs


def shingles(body, k=5):
    words = WORD.findall(body.lower())
    if len(words) < k:
        return [" ".join(words)] if words else []
    return list({" ".join(words[i : i + k]) for i in range(len(words) - k + 1)})


class UnionFind:
    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def write_stories(uf, names, out):
    groups = {}
    for n in names:
        groups.setdefault(uf.find(n), []).append(n)
    with open(out, "w") as f:
        for members in groups.values():
            if len(members) >= 2:
                members.sort()
                f.write(json.dumps({"story": members[0], "members": [{"id": m} for m in members]}) + "\n")


def run_datasketch(corpus, out):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    uf = UnionFind()
    names = []
    for name, body in read_corpus(corpus):
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in shingles(body)])
        for other in lsh.query(m):
            uf.union(name, other)
        lsh.insert(name, m)
        names.append(name)
    write_stories(uf, names, out)


def run_rensa(corpus, out):
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(threshold=0.8, num_perm=128, num_bands=16)
    uf = UnionFind()
    names = []
    for i, (name, body) in enumerate(read_corpus(corpus)):
        m = RMinHash(num_perm=128, seed=42)
        m.update(shingles(body))
        for other in lsh.query(m):
            uf.union(name, names[other])
        lsh.insert(i, m)
        names.append(name)
    write_stories(uf, names, out)


def scores(stories_path, truth_path):
    truth = {}
    with open(truth_path) as f:
        for line in f:
            doc, cluster = line.rstrip("\n").split("\t")
            truth[doc] = cluster
    sizes = {}
    for c in truth.values():
        sizes[c] = sizes.get(c, 0) + 1
    true_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    found = hits = 0
    with open(stories_path) as f:
        for line in f:
            ids = [m["id"] for m in json.loads(line)["members"]]
            found += len(ids) * (len(ids) - 1) // 2
            cells = {}
            for i in ids:
                c = truth.get(i)
                if c is not None:
                    cells[c] = cells.get(c, 0) + 1
            hits += sum(n * (n - 1) // 2 for n in cells.values())
    return (hits / found if found else 1.0), (hits / true_pairs if true_pairs else 1.0)


def measure(cmd, out_path):
    """Run cmd with stdout to out_path; return (wall seconds, CPU seconds, peak RSS bytes)."""
    start = time.perf_counter()
    with open(out_path, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed: {err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--corpus")
    ap.add_argument("--truth")
    ap.add_argument("--skip-datasketch", action="store_true", help="datasketch takes minutes at 100k documents")
    ap.add_argument("--run", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.run:  # a child process measuring one Python tool
        {"datasketch": run_datasketch, "rensa": run_rensa}[args.run](args.corpus, args.out)
        return

    ensure_venv()
    work = os.path.join(ROOT, "target", "dedup-compare")
    os.makedirs(work, exist_ok=True)
    subprocess.check_call(
        ["cargo", "build", "-q", "--release", "--example", "dedup", "--example", "gen_corpus"], cwd=ROOT
    )
    corpus, truth = args.corpus, args.truth
    if not (corpus and truth):
        corpus = os.path.join(work, f"syndicated-{args.docs}.corpus")
        truth = os.path.join(work, f"syndicated-{args.docs}.truth.tsv")
        if not (os.path.exists(corpus) and os.path.exists(truth)):
            subprocess.check_call(
                [os.path.join(ROOT, "target", "release", "examples", "gen_corpus"), str(args.docs), corpus, truth]
            )
    n = sum(1 for _ in open(truth))
    mb = os.path.getsize(corpus) / 1e6
    print(f"corpus: {corpus} ({n} documents, {mb:.0f} MB), {os.cpu_count()} cores (shared; timings are noisy)")

    ours = os.path.join(ROOT, "target", "release", "examples", "dedup")
    runs = [
        ("dateline (signatures)", [ours, corpus]),
        ("dateline (exact sets)", [ours, corpus, "--exact"]),
        ("dateline (whole body)", [ours, corpus, "--whole-body"]),
        ("rensa 0.5 (RMinHash+LSH)", None),
        ("datasketch 2.0 (MinHash+MinHashLSH)", None),
    ]
    print("| tool | docs/s (wall) | docs per CPU-second | precision | recall | peak memory |")
    print("|---|---|---|---|---|---|")
    rates = {}
    for label, cmd in runs:
        tool = label.split()[0]
        if tool == "datasketch" and args.skip_datasketch:
            continue
        if cmd is None:
            cmd = [sys.executable, os.path.abspath(__file__), "--run", tool, "--corpus", corpus]
        out = os.path.join(work, f"{tool}-{label.split(' ', 1)[-1].strip('()').replace(' ', '-')}.jsonl")
        if cmd[1] == os.path.abspath(__file__):
            cmd += ["--out", out]
            wall, cpu, rss = measure(cmd, os.devnull)
        else:
            wall, cpu, rss = measure(cmd, out)
        p, r = scores(out, truth)
        rate, per_cpu = n / wall, n / max(cpu, 1e-9)
        rates[label] = (rate, per_cpu)
        print(f"| {label} | {rate:,.0f} | {per_cpu:,.0f} | {p:.4f} | {r:.4f} | {rss / 1e6:,.0f} MB |", flush=True)
    base = next((v for k, v in rates.items() if k.startswith("datasketch")), None)
    if base:
        for label, (wall, cpu) in rates.items():
            if label.startswith("dateline"):
                print(f"{label} / datasketch: {wall / base[0]:.1f}x wall clock, {cpu / base[1]:.1f}x per CPU-second")


if __name__ == "__main__":
    main()
