//! Per-sentence lookup of a section's mentions, dates and claims, so that
//! building statements costs time linear in the section however many
//! sentences, mentions, dates or claims it holds (each sentence used to
//! filter all of them).

use crate::claims::Claim;
use crate::text::Section;
use crate::Span;

/// Whether `items` are in order of their spans' starts.
pub(super) fn sorted_by_start<T>(items: &[T], span: impl Fn(&T) -> Span) -> bool {
    items.windows(2).all(|w| span(&w[0]).start <= span(&w[1]).start)
}

/// The items that may lie inside `within`: when `sorted`, those starting in
/// it (found by binary search), else all of them. Callers still filter.
pub(super) fn starting_in<T>(items: &[T], sorted: bool, within: Span, span: impl Fn(&T) -> Span) -> &[T] {
    if !sorted {
        return items;
    }
    let lo = items.partition_point(|x| span(x).start < within.start);
    let hi = items.partition_point(|x| span(x).start <= within.end);
    &items[lo..hi.max(lo)]
}

/// For each sentence, the claims made in it or whose content overlaps it,
/// in the claims' order, found once per section instead of once per sentence.
pub(super) struct ClaimsBySentence {
    /// Per sentence: indexes of the claims made in it or overlapping it.
    of: Vec<Vec<usize>>,
    /// Per sentence: indexes of the claims made in it (`Claim::sentence`).
    said: Vec<Vec<usize>>,
}

impl ClaimsBySentence {
    pub(super) fn new(section: &Section, claims: &[Claim]) -> ClaimsBySentence {
        let sentences = &section.sentences;
        let n = sentences.len();
        let (mut of, mut said) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        let sorted = sentences.windows(2).all(|w| w[0].span.start <= w[1].span.start && w[0].span.end <= w[1].span.end);
        for (ci, c) in claims.iter().enumerate() {
            let cs = c.content_span;
            let range = if sorted {
                sentences.partition_point(|s| s.span.end <= cs.start)
                    ..sentences.partition_point(|s| s.span.start < cs.end)
            } else {
                0..n
            };
            for j in range.clone() {
                if j != c.sentence && sentences[j].span.overlaps(cs) {
                    of[j].push(ci);
                }
            }
            if let Some(v) = of.get_mut(c.sentence) {
                v.push(ci);
                said[c.sentence].push(ci);
            }
        }
        // A claim pushed for its own sentence after others of lower index: restore claim order.
        for v in &mut of {
            v.sort_unstable();
        }
        ClaimsBySentence { of, said }
    }

    /// The claims of sentence `i`: made in it or overlapping it, in claim order.
    pub(super) fn of<'s, 'c: 's>(&'s self, i: usize, claims: &'c [Claim]) -> impl Iterator<Item = &'c Claim> + 's {
        self.of.get(i).into_iter().flatten().filter_map(|&ci| claims.get(ci))
    }

    /// The claims made in sentences `range`, in claim order.
    pub(super) fn said_in<'c>(
        &self,
        range: std::ops::RangeInclusive<usize>,
        claims: &'c [Claim],
    ) -> impl Iterator<Item = &'c Claim> {
        let mut ids: Vec<usize> = range.filter_map(|j| self.said.get(j)).flatten().copied().collect();
        ids.sort_unstable();
        ids.into_iter().filter_map(|ci| claims.get(ci))
    }
}
