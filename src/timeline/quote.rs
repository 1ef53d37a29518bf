//! The key quote of a statement: which claim, and its parts joined as written.

use super::Quote;
use crate::claims::{Claim, ClaimKind};
use crate::Span;

/// The most telling claim of a sentence: direct quotes before reported speech, longer first.
pub(crate) fn key_quote(document: &str, body: &str, claims: &[&Claim], nearby: &[&Claim]) -> Option<Quote> {
    let best = claims.iter().max_by_key(|c| (c.kind == ClaimKind::Direct, c.content.len()))?;
    let best = match best.kind {
        ClaimKind::Direct => best,
        _ => nearby.first().unwrap_or(best),
    };
    let text =
        if best.content_parts.len() > 1 { join_as_written(body, &best.content_parts) } else { best.content.clone() };
    Some(Quote {
        speaker: best.speaker.clone(),
        speaker_text: best.speaker_name().to_string(),
        text,
        direct: best.kind == ClaimKind::Direct,
        document: document.to_string(),
    })
}

/// The parts of a split quote joined as written: the punctuation that closes
/// each part stays (`proceed,`), and an ellipsis stands where words between
/// the parts (the attribution, "Ushakov said") were left out.
///
/// `«I hope the talks will proceed,» Ushakov said. «We will find out.»` →
/// `I hope the talks will proceed, … We will find out.`
pub(crate) fn join_as_written(body: &str, parts: &[Span]) -> String {
    let mut out = String::new();
    for (k, p) in parts.iter().enumerate() {
        out.push_str(p.slice(body).trim());
        let Some(next) = parts.get(k + 1) else { break };
        let gap = body.get(p.end..next.start).unwrap_or("");
        // Punctuation written right after the part, inside or outside its closing quote mark.
        let punct: String = gap
            .chars()
            .take_while(|c| !c.is_alphanumeric() && !c.is_whitespace())
            .filter(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '\u{2026}' | '\u{2014}' | '\u{2013}'))
            .collect();
        if !out.ends_with(|c: char| punct.starts_with(c)) {
            out.push_str(&punct);
        }
        if gap.chars().any(char::is_alphanumeric) {
            out.push_str(" \u{2026} ");
        } else {
            out.push(' ');
        }
    }
    out
}

/// Whether two claims have the same speaker: the same entity, else the same words.
pub(crate) fn same_speaker(a: &Claim, b: &Claim) -> bool {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => x == y,
        // "Yuri Ushakov" and "Ushakov": the same surname.
        _ => {
            let last = |t: &str| t.split_whitespace().last().map(str::to_lowercase);
            last(a.speaker_name()).is_some_and(|x| Some(x) == last(b.speaker_name()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span2(body: &str, s: &str) -> Span {
        let at = body.find(s).unwrap();
        Span::new(at, at + s.len())
    }

    #[test]
    fn split_quote_parts_keep_their_punctuation_and_an_ellipsis_marks_the_attribution() {
        let body = "\u{ab}We hope the ferry talks will go on,\u{bb} the harbour master said. \u{ab}We will see.\u{bb}";
        let span = |s: &str| {
            let at = body.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        let parts = [span("We hope the ferry talks will go on"), span("We will see.")];
        assert_eq!(join_as_written(body, &parts), "We hope the ferry talks will go on, \u{2026} We will see.");
        let body = "\"We will go,\" \"and we will stay.\"";
        let parts = [span2(body, "We will go"), span2(body, "and we will stay.")];
        assert_eq!(join_as_written(body, &parts), "We will go, and we will stay.");
    }
}
