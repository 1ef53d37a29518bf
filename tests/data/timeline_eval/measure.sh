#!/usr/bin/env bash
# Timeline precision on a labelled set of real news pages (kept outside the
# repository, see README.md): print the timeline to label, and the share of
# labelled events that are real events with the right date.
# Usage: measure.sh [PAGES_DIR] [OUT] [LABELS]  (LABELS: labels.tsv, or heldout.tsv for the held-out pages)
set -euo pipefail
cd "$(dirname "$0")/../../.."
pages="${1:-/work/dev-data/timeline/pages}"
cargo run -q --example timeline -- "$pages" > "${2:-/tmp/timeline-eval.txt}"
grep -c '^  •' "${2:-/tmp/timeline-eval.txt}" | sed 's/^/events in this run: /'
labels="tests/data/timeline_eval/${3:-labels.tsv}"
grep -v '^#' "$labels" | awk -F'\t' '{n++; if ($3 == "ok") ok++}
    END {printf "labelled: %d events, %d real with the right date (%.1f%%)\n", n, ok, 100 * ok / n}'
grep -v '^#' "$labels" | awk -F'\t' '$3 == "wrong" {print $4}' | sort | uniq -c | sort -rn
