//! Dedup on real pages: the seed corpus, its related-story blurbs, and the
//! edit types of syndicated copies.

use dateline::dedup::{DedupConfig, Deduplicator, DocRef, Verdict};
use dateline::text::Paragraph;
use dateline::Span;

const SEEDS: &str = include_str!("../examples/data/seeds.corpus");

fn seeds() -> Vec<dateline::corpus::Document<'static>> {
    dateline::corpus::parse(SEEDS).expect("the bundled corpus parses")
}

/// The paragraphs of a blurb of seed 002: its headline line and the text line after it.
fn blurb_paragraphs(body: &str, headline: &str) -> Vec<Paragraph> {
    let start = body.find(headline).expect("the blurb headline is in the page");
    let head = Span::new(start, start + headline.len());
    let text_start = head.end + 1;
    let text_end = body[text_start..].find('\n').map_or(body.len(), |i| text_start + i);
    vec![Paragraph { span: head }, Paragraph { span: Span::new(text_start, text_end) }]
}

#[test]
fn no_two_seed_pages_are_copies() {
    let mut dedup = Deduplicator::default();
    for doc in seeds() {
        let s = dateline::text::analyze(&doc.body, doc.meta.title());
        let v = dedup.add(DocRef::new(&doc.name, &doc.body).section(&s.main).date(doc.meta.date()));
        assert!(matches!(v, Verdict::New { .. }), "{} judged {v:?}", doc.name);
    }
    assert!(dedup.stories().is_empty());
}

#[test]
fn same_event_in_own_words_is_not_a_copy_even_with_exact_sets() {
    // Seeds 001 and 004 both report the April 10 Istanbul talks.
    let docs = seeds();
    let mut dedup = Deduplicator::new(DedupConfig::new().keep_shingles(true)).unwrap();
    for doc in docs.iter().filter(|d| d.name.starts_with("001") || d.name.starts_with("004")) {
        let v = dedup.add(DocRef::new(&doc.name, &doc.body));
        assert!(!v.is_copy(), "{} judged {v:?}", doc.name);
    }
}

// The structure stage's blurb detection has not landed on main yet, so the
// three blurbs of seed 002 are given as explicit spans cut from the page.
#[test]
fn moscow_talks_blurb_copies_form_one_story_and_kashmir_blurb_stays_out() {
    let docs = seeds();
    let page = docs.iter().find(|d| d.name.starts_with("002")).unwrap();
    let body: &str = &page.body;
    let blurbs = [
        ("002#1", "Al Arabiya", "US-Russian talks to take place in Moscow, Russian envoy says"),
        ("002#2", "Asharq Al-Awsat", "US-Russian Talks to Take Place in Moscow, Russian Envoy Says"),
        ("002#3", "Arab News", "US confirms Trump's willingness to mediate Kashmir dispute"),
    ];
    let mut dedup = Deduplicator::default();
    let mut verdicts = Vec::new();
    for (id, outlet, headline) in blurbs {
        let paragraphs = blurb_paragraphs(body, headline);
        let doc = DocRef { id, source: Some(outlet), date: page.meta.date(), body, paragraphs: Some(&paragraphs) };
        verdicts.push(dedup.add(doc));
    }
    assert!(matches!(&verdicts[0], Verdict::New { story } if story == "002#1"));
    match &verdicts[1] {
        Verdict::Copy { story, matched, similarity } => {
            assert_eq!((story.as_str(), matched.as_str()), ("002#1", "002#1"));
            assert!(similarity.resemblance > 0.9, "{similarity:?}");
        }
        other => panic!("second Moscow blurb judged {other:?}"),
    }
    assert!(matches!(&verdicts[2], Verdict::New { story } if story == "002#3"));
    let stories = dedup.stories();
    assert_eq!(stories.len(), 1);
    let ids: Vec<&str> = stories[0].members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["002#1", "002#2"]);
    assert_eq!(stories[0].members[1].source.as_deref(), Some("Asharq Al-Awsat"));
}
