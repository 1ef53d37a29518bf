#!/usr/bin/env python3
"""Score a `dedup` JSON-lines output against a truth file.

Usage:

    python3 benches/compare/score_dedup.py STORIES.jsonl TRUTH.tsv [--json] [--show N]

STORIES.jsonl: one story a line, `{"members": [{"id": ...}, ...], ...}` (the
`dedup` example's output, or the comparison script's). TRUTH.tsv: one
`id<TAB>cluster` line per document (`gen_corpus` writes it); documents with the
same cluster are copies of one story. Every document absent from the
stories is a story of its own. Members whose id is not in the truth (the
blurbs of a page, `PAGE#N`, which may attach to the story they tease) are
left out and counted.

Prints copy-pair precision and recall (pairs of documents put in one story
against pairs sharing a cluster), the size of the largest story, how many
stories mix documents of different true clusters, and with --show N the
first N wrongly linked and missed pairs. No third-party modules.
"""

import argparse
import json
import sys
from collections import Counter, defaultdict


def load_truth(path):
    truth = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                doc, cluster = line.split("\t")[:2]
                truth[doc] = cluster
    return truth


def load_stories(path):
    stories = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                stories.append([m["id"] for m in json.loads(line)["members"]])
    return stories


def pairs(n):
    return n * (n - 1) // 2


def score(stories, truth, show=0):
    sizes = Counter(truth.values())
    true_pairs = sum(pairs(n) for n in sizes.values())
    found = hits = mixing = unknown = 0
    largest = 1
    false_links = []
    story_of = {}
    for k, ids in enumerate(stories):
        unknown += sum(1 for i in ids if i not in truth)
        ids = [i for i in ids if i in truth]
        largest = max(largest, len(ids))
        found += pairs(len(ids))
        cells = Counter(truth.get(i) for i in ids)
        hits += sum(pairs(n) for n in cells.values())
        if len(cells) > 1:
            mixing += 1
        for i in ids:
            story_of[i] = k
        if show and len(false_links) < show:
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    if truth[ids[a]] != truth[ids[b]]:
                        false_links.append((ids[a], ids[b]))
    missed = []
    if show:
        members = defaultdict(list)
        for doc, c in truth.items():
            members[c].append(doc)
        for docs in members.values():
            for a in range(len(docs)):
                for b in range(a + 1, len(docs)):
                    sa, sb = story_of.get(docs[a]), story_of.get(docs[b])
                    if sa is None or sa != sb:
                        missed.append((docs[a], docs[b]))
    return {
        "precision": hits / found if found else 1.0,
        "recall": hits / true_pairs if true_pairs else 1.0,
        "true_pairs": true_pairs,
        "found_pairs": found,
        "correct_pairs": hits,
        "stories": len(stories),
        "largest_story": largest,
        "largest_true_story": max(sizes.values(), default=0),
        "mixing_stories": mixing,
        "members_not_in_truth": unknown,
        "false_links": false_links[:show],
        "missed": missed[:show],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stories")
    ap.add_argument("truth")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--show", type=int, default=0, help="list up to N false links and missed pairs")
    args = ap.parse_args()
    s = score(load_stories(args.stories), load_truth(args.truth), args.show)
    if args.json:
        json.dump(s, sys.stdout)
        print()
        return
    print(
        f"precision {s['precision']:.4f}  recall {s['recall']:.4f}  "
        f"({s['correct_pairs']} of {s['found_pairs']} found pairs correct, {s['true_pairs']} true pairs)  "
        f"stories {s['stories']}  largest {s['largest_story']} (true largest {s['largest_true_story']})  "
        f"mixing {s['mixing_stories']}  (members not in the truth, left out: {s['members_not_in_truth']})"
    )
    for a, b in s["false_links"]:
        print(f"  false link: {a}  {b}")
    for a, b in s["missed"]:
        print(f"  missed:     {a}  {b}")


if __name__ == "__main__":
    main()
