//! Paragraph-level differences between a member and its story's canonical text.
//!
//! Every document keeps one 16-bit fingerprint per paragraph (see
//! [`super::shingle`]), never the text. A member *lacks* the canonical
//! paragraphs whose fingerprint it does not have, and *adds* its own
//! paragraphs whose fingerprint the canonical text does not have. A reworded
//! paragraph therefore shows up once on each side.

/// Indices into `a` of the fingerprints that `b` does not contain.
pub(crate) fn missing<T: PartialEq>(a: &[T], b: &[T]) -> Vec<usize> {
    a.iter().enumerate().filter(|(_, fp)| !b.contains(fp)).map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_ending_lacks_the_last_paragraphs() {
        let canonical = [1, 2, 3, 4, 5];
        let copy = [1, 2, 3];
        assert_eq!(missing(&canonical, &copy), vec![3, 4]);
        assert!(missing(&copy, &canonical).is_empty());
    }

    #[test]
    fn reworded_paragraph_is_missing_on_both_sides() {
        let canonical = [1, 2, 3];
        let copy = [1, 9, 3];
        assert_eq!(missing(&canonical, &copy), vec![1]);
        assert_eq!(missing(&copy, &canonical), vec![1]);
    }
}
