//! Word boundaries: whether a gazetteer match starts and ends on whole
//! words, so "US" is not found in "USA" or "focus".
//!
//! The rules are UAX #29's word rules cut down to what a match edge needs:
//! letters, digits, marks and `_` are word characters; `.`, `'` and `:`
//! between letters and `,` and `.` between digits join them into one word;
//! ideographs and kana stand alone. One exception: a possessive `'s` after a
//! match ends it ("Russia's"). Most news text is ASCII around a match edge,
//! so the checks decide on the four bytes around it when they are ASCII and
//! decode characters only otherwise; a test checks both ways agree.

use unicode_normalization::char::is_combining_mark;

use crate::text::normalize::fold_char;

/// A character that is part of a word in UAX #29 terms (letters, digits,
/// marks of every script, connector, zero-width joiner).
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\u{200D}' || (!c.is_ascii() && is_combining_mark(c))
}

/// Ideographs and kana that UAX #29 does not join into words (each stands alone).
fn is_ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

fn is_letter(c: char) -> bool {
    is_word(c) && !c.is_numeric() && !is_ideographic(c)
}

/// Whether `mid` between `left` and `right` joins them into one word (UAX #29 WB6/7, WB11/12).
fn joins(left: char, mid: char, right: char) -> bool {
    let mid_num_let =
        matches!(mid, '.' | '\'' | '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{FE52}' | '\u{FF07}' | '\u{FF0E}');
    let mid_letter = matches!(
        mid,
        ':' | '\u{B7}' | '\u{387}' | '\u{55F}' | '\u{5F4}' | '\u{2027}' | '\u{FE13}' | '\u{FE55}' | '\u{FF1A}'
    );
    let mid_num = matches!(
        mid,
        ',' | ';'
            | '\u{37E}'
            | '\u{589}'
            | '\u{60C}'
            | '\u{60D}'
            | '\u{66C}'
            | '\u{7F8}'
            | '\u{2044}'
            | '\u{FE10}'
            | '\u{FE14}'
            | '\u{FE50}'
            | '\u{FE54}'
            | '\u{FF0C}'
            | '\u{FF1B}'
    );
    (is_letter(left) && is_letter(right) && (mid_num_let || mid_letter))
        || (left.is_numeric() && right.is_numeric() && (mid_num_let || mid_num))
}

/// Whether two adjacent characters belong to one word.
fn adjacent_join(left: char, right: char) -> bool {
    is_word(left) && is_word(right) && !is_ideographic(left) && !is_ideographic(right)
}

/// Whether the character at `at` does not continue a word begun before it
/// (a quick pre-check; [`start_ok`] decides).
#[inline]
pub(crate) fn word_start(hay: &str, at: usize) -> bool {
    let bytes = hay.as_bytes();
    match at.checked_sub(1).and_then(|p| bytes.get(p)) {
        None => true,
        Some(&p) if p < 0x80 => !(p.is_ascii_alphanumeric() || p == b'_'),
        Some(_) => {
            let prev = hay.get(..at).and_then(|s| s.chars().next_back());
            let here = hay.get(at..).and_then(|s| s.chars().next());
            match (prev, here) {
                (Some(p), Some(h)) => !adjacent_join(p, h),
                _ => true,
            }
        }
    }
}

/// The ASCII bytes `at - 2 .. at + 2` of `hay` (`None` past an edge), or
/// `None` altogether when one of them is not ASCII: then the boundary checks
/// decode characters, otherwise they decide on bytes (most news text).
#[inline]
fn ascii_around(hay: &str, at: usize) -> Option<[Option<u8>; 4]> {
    let bytes = hay.as_bytes();
    let get = |i: Option<usize>| i.and_then(|i| bytes.get(i)).copied();
    let around = [get(at.checked_sub(2)), get(at.checked_sub(1)), get(Some(at)), get(at.checked_add(1))];
    around.iter().all(|b| b.map_or(true, |b| b < 0x80)).then_some(around)
}

/// [`is_word`] for an ASCII byte.
fn ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// [`joins`] for ASCII bytes.
fn ascii_joins(left: u8, mid: u8, right: u8) -> bool {
    let letter = |b: u8| b.is_ascii_alphabetic() || b == b'_';
    (letter(left) && letter(right) && matches!(mid, b'.' | b'\'' | b':'))
        || (left.is_ascii_digit() && right.is_ascii_digit() && matches!(mid, b'.' | b'\'' | b',' | b';'))
}

/// Whether a word boundary lies at byte `at` of `hay` (the haystack edges are boundaries).
pub(crate) fn start_ok(hay: &str, at: usize) -> bool {
    if at > hay.len() {
        return false;
    }
    if let Some([prev2, prev, first, second]) = ascii_around(hay, at) {
        let (Some(prev), Some(first)) = (prev, first) else { return true };
        return !(ascii_word(prev) && ascii_word(first)
            || prev2.is_some_and(|p2| ascii_joins(p2, prev, first))
            || second.is_some_and(|s| ascii_joins(prev, first, s)));
    }
    start_ok_chars(hay, at)
}

/// The two characters before byte `at` and the two after it (`None` past
/// either end), or `None` when `at` is not a character boundary of `hay`.
fn chars_around(hay: &str, at: usize) -> Option<[Option<char>; 4]> {
    let (before, after) = (hay.get(..at)?, hay.get(at..)?);
    let mut back = before.chars().rev();
    let mut fwd = after.chars();
    let (prev, prev2) = (back.next(), back.next());
    Some([prev2, prev, fwd.next(), fwd.next()])
}

/// [`start_ok`] on decoded characters.
fn start_ok_chars(hay: &str, at: usize) -> bool {
    let Some([prev2, prev, first, second]) = chars_around(hay, at) else { return false };
    let (Some(prev), Some(first)) = (prev, first) else { return true };
    !(adjacent_join(prev, first)
        || prev2.is_some_and(|p2| joins(p2, prev, first))
        || second.is_some_and(|s| joins(prev, first, s)))
}

/// Whether a match may end at byte `at`: a word boundary, or a possessive `'s` follows.
pub(crate) fn end_ok(hay: &str, at: usize) -> bool {
    if at > hay.len() {
        return false;
    }
    if let Some([prev, last, next, next2]) = ascii_around(hay, at) {
        let (Some(last), Some(next)) = (last, next) else { return true };
        if ascii_word(last) && ascii_word(next) || prev.is_some_and(|p| ascii_joins(p, last, next)) {
            return false;
        }
        return match next2 {
            Some(next2) if ascii_joins(last, next, next2) => {
                // The possessive exception, as below.
                let after = hay.get(at.saturating_add(2)..).and_then(|s| s.chars().next());
                fold_char(char::from(next)) == Some('\'')
                    && matches!(next2, b's' | b'S')
                    && after.map_or(true, |c| !is_word(c))
            }
            _ => true,
        };
    }
    end_ok_chars(hay, at)
}

/// [`end_ok`] on decoded characters.
fn end_ok_chars(hay: &str, at: usize) -> bool {
    let Some([prev, last, next, next2]) = chars_around(hay, at) else { return false };
    let (Some(last), Some(next)) = (last, next) else { return true };
    if adjacent_join(last, next) || prev.is_some_and(|p| joins(p, last, next)) {
        return false;
    }
    match next2 {
        Some(next2) if joins(last, next, next2) => {
            // The possessive exception: "Russia's", "RUSSIA'S".
            let after = hay.get(at + next.len_utf8() + next2.len_utf8()..).and_then(|s| s.chars().next());
            fold_char(next) == Some('\'') && matches!(next2, 's' | 'S') && after.map_or(true, |c| !is_word(c))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundary_table() {
        // (text, start, end, whole word?)
        let cases: &[(&str, &str, bool)] = &[
            ("the US said", "US", true),
            ("the USA said", "US", false),
            ("focus", "us", false),
            ("Russia's envoy", "Russia", true),
            ("U.S.-Russia flights", "Russia", true),
            ("U.S.-Russia flights", "U.S.", true),
            ("U.S.A. flag", "U.S.", false),
            ("O'Brien said", "Brien", false),
            ("restrictions.Officials", "Officials", false),
            ("the 2024US plan", "US", false),
            ("anti-Russian hawks", "Russian", true),
            ("(Russian President", "Russian", true),
            ("Moscow.", "Moscow", true),
            ("Russians' views", "Russians", true),
            ("Russia'sx", "Russia", false),
        ];
        for (text, word, expect) in cases {
            let start = text.find(word).unwrap();
            let end = start + word.len();
            let got = start_ok(text, start) && end_ok(text, end);
            assert_eq!(got, *expect, "{word:?} in {text:?}");
        }
    }

    #[test]
    fn ascii_boundary_checks_agree_with_the_character_checks() {
        let texts = [
            "U.S.-Russia talks, Russia's envoy; O'Brien: 3.5 and 1,000 A_b x'S Russians' 'S' a.b:c 9;9 end.",
            "x's é'S 'sé s'",
        ];
        for text in texts {
            for at in 0..=text.len() + 1 {
                assert_eq!(start_ok(text, at), start_ok_chars(text, at), "start {at} in {text:?}");
                assert_eq!(end_ok(text, at), end_ok_chars(text, at), "end {at} in {text:?}");
            }
        }
    }
}
