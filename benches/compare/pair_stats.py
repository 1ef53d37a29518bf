#!/usr/bin/env python3
"""Pair statistics of a corpus with labels, to calibrate the generator on
real pages (the same measurement on both).

Usage:

    python3 benches/compare/pair_stats.py CORPUS LABELS.tsv [--pairs 3000] [--seed 1]

LABELS.tsv: `id<TAB>cluster<TAB>kind<TAB>event[...]` per document (what
`gen_corpus --labels` writes). Pairs are drawn from three classes: copies
(same cluster), same event but different clusters (independent reports,
other stories on the event) and different events. For each class it prints
quartiles of: the share of the smaller text's word 5-shingles that the
other text has; the longest shared verbatim run in words (consecutive shared
5-shingles, + 4) over the whole page and outside quotation marks; the
length ratio; and how many pairs share a run of at least N words. No
third-party modules.
"""

import argparse
import random
import re
import statistics
import sys

WORD = re.compile(r"\w+")
QUOTE = re.compile(r"[\"\u201c\u201d\u00ab\u00bb][^\"\u201c\u201d\u00ab\u00bb\n]{0,2000}?[\"\u201c\u201d\u00ab\u00bb]")


def read_corpus(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    docs = []
    for chunk in ("\n" + text).split("\n==> ")[1:]:
        header, _, body = chunk.partition("\n")
        name = header.removesuffix(" <==")
        if body.startswith("---\n"):
            end = body.find("\n---\n", 4)
            if end >= 0:
                body = body[end + 5 :]
        docs.append((name, body))
    return docs


def words(text):
    return WORD.findall(text.replace("\u2019", "'").lower())


def shingles(w):
    return [hash(tuple(w[i : i + 5])) for i in range(len(w) - 4)]


def longest_run(sa, set_b):
    best = cur = 0
    for s in sa:
        cur = cur + 1 if s in set_b else 0
        best = max(best, cur)
    return best + 4 if best else 0


def quartiles(v):
    v = sorted(v)
    n = len(v)
    return f"min {v[0]:.2f}  p25 {v[n // 4]:.2f}  median {statistics.median(v):.2f}  p75 {v[3 * n // 4]:.2f}  max {v[-1]:.2f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("labels")
    ap.add_argument("--pairs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    label = {}
    with open(args.labels, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4 and p[0] != "id":
                label[p[0]] = (p[1], p[2], p[3])
    docs = [(n, b) for n, b in read_corpus(args.corpus) if n in label]
    names = [n for n, _ in docs]
    W = {n: words(b) for n, b in docs}
    WQ = {n: words(QUOTE.sub(" | ", b)) for n, b in docs}
    by_cluster, by_event = {}, {}
    for n in names:
        by_cluster.setdefault(label[n][0], []).append(n)
        by_event.setdefault(label[n][2], []).append(n)
    copies = [(a, b) for m in by_cluster.values() for i, a in enumerate(m) for b in m[i + 1 :]]
    same_event = [
        (a, b)
        for e, m in by_event.items()
        if e not in ("", "4294967295")
        for i, a in enumerate(m)
        for b in m[i + 1 :]
        if label[a][0] != label[b][0]
    ]
    other = []
    while len(other) < args.pairs and len(names) > 1:
        a, b = rng.sample(names, 2)
        if label[a][2] != label[b][2] and label[a][0] != label[b][0]:
            other.append((a, b))
    print(f"{len(docs)} documents; words per document: {quartiles([len(w) for w in W.values()])}")
    for cls, pairs in (("copies", copies), ("same event, different story", same_event), ("different events", other)):
        if not pairs:
            continue
        total = len(pairs)
        if len(pairs) > args.pairs:
            pairs = rng.sample(pairs, args.pairs)
        share, run, runq, ratio = [], [], [], []
        for a, b in pairs:
            sa, sb = shingles(W[a]), shingles(W[b])
            A, B = set(sa), set(sb)
            share.append(len(A & B) / max(1, min(len(A), len(B))))
            small, big = (sa, B) if len(A) <= len(B) else (sb, A)
            run.append(longest_run(small, big))
            qa, qb = shingles(WQ[a]), set(shingles(WQ[b]))
            runq.append(longest_run(qa, qb))
            ratio.append(max(len(W[a]), len(W[b])) / max(1, min(len(W[a]), len(W[b]))))
        print(f"\n{cls}: {total} pairs ({len(pairs)} measured)")
        print(f"  shared share of the smaller text's 5-shingles: {quartiles(share)}")
        print(f"  longest shared run, words:                     {quartiles(run)}")
        print(f"  longest shared run outside quotes, words:      {quartiles(runq)}")
        print(f"  length ratio:                                  {quartiles(ratio)}")
        line = "  pairs sharing a run of >= N words (outside quotes):"
        for n in (8, 15, 25, 30, 50):
            k, kq = sum(1 for x in run if x >= n), sum(1 for x in runq if x >= n)
            line += f"  {n}: {k / len(pairs):.3f} ({kq / len(pairs):.3f})"
        print(line)


if __name__ == "__main__":
    sys.exit(main())
