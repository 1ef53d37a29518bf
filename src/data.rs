//! The line format shared by the crate's data files (time and claims
//! lexicons, the timeline's stop words and synonyms): one entry a line,
//! columns separated by tabs, blank lines and lines opening with `#` skipped.

/// The lines of a data file that carry data, with their 1-based line numbers
/// (for error messages): blank and `#` comment lines skipped, a stray `\r`
/// before the line end removed.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// [`data_lines`] split into tab-separated columns.
pub(crate) fn data_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    data_lines(text).map(|(i, l)| (i, l.split('\t').collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped_and_line_numbers_kept() {
        let text = "# header\nsaid\tcue\n\n  \nsays\tcue\r\r\n#x\ttail\n";
        assert_eq!(data_lines(text).collect::<Vec<_>>(), [(2, "said\tcue"), (5, "says\tcue")]);
        assert_eq!(data_rows(text).map(|(_, cols)| cols).collect::<Vec<_>>(), [["said", "cue"], ["says", "cue"]]);
    }
}
