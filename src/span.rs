//! Byte spans into a document body, shared by every stage.
//!
//! Every position the crate reports is a [`Span`] of byte offsets into the
//! document body *as stored in the corpus* (after the header and front
//! matter), so a user can highlight it in the original text. Spans produced
//! by the crate always fall on UTF-8 character boundaries.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. If `end < start` the span is empty at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text of this span in `body`, or `""` when the span does not fit
    /// `body` or does not fall on character boundaries (never panics).
    ///
    /// ```
    /// use dateline::Span;
    /// assert_eq!(Span::new(4, 9).slice("The quick fox"), "quick");
    /// assert_eq!(Span::new(4, 99).slice("short"), "");
    /// ```
    pub fn slice<'b>(&self, body: &'b str) -> &'b str {
        body.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_outside_char_boundary_is_empty_not_panic() {
        assert_eq!(Span::new(0, 1).slice("é"), "");
        assert_eq!(Span::new(0, 2).slice("é"), "é");
    }

    #[test]
    fn overlap_and_contain() {
        let a = Span::new(0, 10);
        assert!(a.contains(Span::new(2, 10)));
        assert!(!a.contains(Span::new(2, 11)));
        assert!(a.overlaps(Span::new(9, 12)));
        assert!(!a.overlaps(Span::new(10, 12)));
        assert_eq!(a.cover(Span::new(12, 14)), Span::new(0, 14));
    }
}
