#!/usr/bin/env python3
"""Compare dateline's dedup with datasketch and rensa on one generated corpus.

Usage (from the crate root):

    python3 benches/compare/dedup.py [--docs N] [--corpus FILE --truth FILE]
        [--thresholds 0.8,0.5,0.3] [--skip-datasketch] [--exact]

Creates the virtualenv benches/compare/.venv (pip install datasketch rensa)
on first use, generates the realistic news stream of benches/common/wire.rs
with its truth file using `cargo run --release --example gen_corpus` unless
--corpus/--truth are given (cached in target/dedup-compare/), then runs, one
after the other and each in its own process:

  - dateline: `target/release/examples/dedup CORPUS` (the default mode, with
    structure analysis; all cores), and with `--whole-body` (no structure
    analysis: every line of the body, the same input the Python tools get);
    with --exact also `--exact`;
  - datasketch: MinHash (num_perm 128) + MinHashLSH at each threshold on word
    5-shingles of each body, query-then-insert, copies = connected components;
  - rensa: RMinHash (num_perm 128) + RMinHashLSH (each threshold, with the
    band count whose LSH threshold is closest to it), the same way.

It prints one Markdown table row per run: documents per second (wall clock,
reading and parsing included), documents per CPU-second (user + system time
of the tool's process: less sensitive to other load on a shared machine, and
dateline uses every core while the Python tools use one), precision and
recall of copy pairs against the truth, the largest story, how many stories
mix different true stories (score_dedup.py), and the peak resident memory of
the tool's process; then dateline's speed relative to rensa and datasketch.
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


def run_datasketch(corpus, out, threshold):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=128)
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


def rensa_bands(threshold, num_perm=128):
    """The band count whose LSH threshold (1/b)^(1/r), r = num_perm/b, is closest to `threshold`
    (RMinHashLSH takes the bands as given; its threshold argument does not set them)."""
    bands = [b for b in range(1, num_perm + 1) if num_perm % b == 0]
    return min(bands, key=lambda b: abs((1 / b) ** (b / num_perm) - threshold))


def run_rensa(corpus, out, threshold):
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(threshold=threshold, num_perm=128, num_bands=rensa_bands(threshold))
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
    sys.path.insert(0, HERE)
    import score_dedup

    return score_dedup.score(score_dedup.load_stories(stories_path), score_dedup.load_truth(truth_path))


def measure(cmd, out_path):
    """Run cmd with stdout to out_path; return (wall seconds, CPU seconds, peak RSS bytes)."""
    start = time.perf_counter()
    with open(out_path, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"{' '.join(cmd[:3])} failed: {err.strip()[-300:]}", file=sys.stderr)
        return None
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--corpus")
    ap.add_argument("--truth")
    ap.add_argument("--thresholds", default="0.8,0.5,0.3", help="LSH thresholds for the Python tools")
    ap.add_argument("--skip-datasketch", action="store_true", help="datasketch takes minutes at 100k documents")
    ap.add_argument("--exact", action="store_true", help="also run dateline --exact")
    ap.add_argument("--run", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--threshold", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.run:  # a child process measuring one Python tool
        {"datasketch": run_datasketch, "rensa": run_rensa}[args.run](args.corpus, args.out, args.threshold)
        return

    ensure_venv()
    work = os.path.join(ROOT, "target", "dedup-compare")
    os.makedirs(work, exist_ok=True)
    subprocess.check_call(
        ["cargo", "build", "-q", "--release", "--example", "dedup", "--example", "gen_corpus"], cwd=ROOT
    )
    corpus, truth = args.corpus, args.truth
    if not (corpus and truth):
        corpus = os.path.join(work, f"wire-{args.docs}.corpus")
        truth = os.path.join(work, f"wire-{args.docs}.truth.tsv")
        if not (os.path.exists(corpus) and os.path.exists(truth)):
            subprocess.check_call(
                [os.path.join(ROOT, "target", "release", "examples", "gen_corpus"), str(args.docs), corpus, truth]
            )
    n = sum(1 for _ in open(truth))
    mb = os.path.getsize(corpus) / 1e6
    print(f"corpus: {corpus} ({n} documents, {mb:.0f} MB), {os.cpu_count()} cores (shared; timings are noisy)")

    import importlib.metadata as md

    def version(pkg):
        try:
            return md.version(pkg)
        except md.PackageNotFoundError:
            return "?"

    ours = os.path.join(ROOT, "target", "release", "examples", "dedup")
    runs = [("dateline (default)", [ours, corpus]), ("dateline (whole body)", [ours, corpus, "--whole-body"])]
    if args.exact:
        runs.append(("dateline (exact sets)", [ours, corpus, "--exact"]))
    thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    seen_bands = set()
    for t in thresholds:
        if rensa_bands(t) not in seen_bands:  # the same bands give the same result
            seen_bands.add(rensa_bands(t))
            runs.append((f"rensa {version('rensa')} (RMinHash+LSH, threshold {t}, {rensa_bands(t)} bands)", ("rensa", t)))
    if not args.skip_datasketch:
        for t in thresholds:
            runs.append((f"datasketch {version('datasketch')} (MinHash+MinHashLSH, threshold {t})", ("datasketch", t)))
    print("| tool | docs/s (wall) | docs per CPU-second | precision | recall | largest story | mixing stories | peak memory |")
    print("|---|---|---|---|---|---|---|---|")
    rates = {}
    for label, cmd in runs:
        out = os.path.join(work, re.sub(r"[^a-z0-9.]+", "-", label.lower()).strip("-") + ".jsonl")
        if isinstance(cmd, tuple):
            tool, t = cmd
            child = [sys.executable, os.path.abspath(__file__), "--run", tool, "--corpus", corpus, "--out", out]
            got = measure(child + ["--threshold", str(t)], os.devnull)
        else:
            got = measure(cmd, out)
        if got is None:
            print(f"| {label} | failed | | | | | | |", flush=True)
            continue
        wall, cpu, rss = got
        s = scores(out, truth)
        rate, per_cpu = n / wall, n / max(cpu, 1e-9)
        rates[label] = (rate, per_cpu)
        print(
            f"| {label} | {rate:,.0f} | {per_cpu:,.0f} | {s['precision']:.4f} | {s['recall']:.4f} "
            f"| {s['largest_story']:,} | {s['mixing_stories']:,} | {rss / 1e6:,.0f} MB |",
            flush=True,
        )
    ours_rate = rates.get("dateline (default)")
    if ours_rate:
        for label, (wall, cpu) in rates.items():
            if not label.startswith("dateline"):
                print(
                    f"dateline (default) / {label}: {ours_rate[0] / wall:.1f}x wall clock, "
                    f"{ours_rate[1] / cpu:.1f}x per CPU-second"
                )


if __name__ == "__main__":
    main()
