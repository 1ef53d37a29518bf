//! Dedup on real pages: the seed corpus, its related-story blurbs, and the
//! edit types of syndicated copies.

use dateline::dedup::{DedupConfig, Deduplicator, DocRef, SketchedText, Verdict};
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
    let mut dedup = Deduplicator::new(DedupConfig::new().common_limit(8)).unwrap();
    for doc in docs.iter().filter(|d| d.name.starts_with("001") || d.name.starts_with("004")) {
        let v = dedup.add(DocRef::new(&doc.name, &doc.body));
        assert!(!v.is_copy(), "{} judged {v:?}", doc.name);
    }
}

// The same three blurbs of seed 002 given as explicit spans cut from the page
// (the `DocRef` path, independent of the structure stage).
#[test]
fn moscow_talks_blurbs_given_as_spans_form_one_story_and_kashmir_blurb_stays_out() {
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
        let doc = DocRef {
            id,
            source: Some(outlet),
            date: page.meta.date(),
            body,
            paragraphs: Some(&paragraphs),
            dateline: None,
        };
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

// ---------------------------------------------------------------------------
// Edit types of syndicated copies, on a wire story written for these tests.

const WIRE: &str = include_str!("data/dedup/wire.txt");
const SAME_EVENT: &str = include_str!("data/dedup/same_event.txt");

fn date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

fn drop_lines(text: &str, drop: &[usize]) -> String {
    lines(text).iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, l)| format!("{l}\n")).collect()
}

fn replace_line(text: &str, at: usize, with: &str) -> String {
    lines(text).iter().enumerate().map(|(i, l)| format!("{}\n", if i == at { with } else { l })).collect()
}

fn curly(text: &str) -> String {
    let mut open = true;
    let mut out = String::new();
    let mut prev = ' ';
    for c in text.chars() {
        out.push(match c {
            '"' => {
                open = !open;
                if open {
                    '\u{201D}'
                } else {
                    '\u{201C}'
                }
            }
            '\'' if prev.is_alphanumeric() => '\u{2019}',
            _ => c,
        });
        prev = c;
    }
    out
}

struct EditCase {
    name: &'static str,
    edit: fn(&str) -> String,
    /// The canonical member after adding the wire story and the copy.
    canonical: &'static str,
    /// What the non-canonical member lacks and adds, as paragraph indices.
    lacks: &'static [usize],
    adds: &'static [usize],
}

const EDITS: &[EditCase] = &[
    EditCase {
        name: "new headline",
        edit: |t| replace_line(t, 0, "Rotterdam strike over"),
        canonical: "wire",
        lacks: &[0],
        adds: &[0],
    },
    EditCase {
        name: "outlet boilerplate, even when compared as text",
        edit: |t| format!("Harbour Times | Business\nAdvertisement\n{t}Share this article\nComments\n"),
        canonical: "copy",
        lacks: &[0, 1, 12, 13],
        adds: &[],
    },
    EditCase {
        name: "trimmed ending",
        edit: |t| drop_lines(t, &[7, 8, 9]),
        canonical: "wire",
        lacks: &[7, 8, 9],
        adds: &[],
    },
    EditCase { name: "dropped paragraph", edit: |t| drop_lines(t, &[5]), canonical: "wire", lacks: &[5], adds: &[] },
    EditCase { name: "curly quotes", edit: curly, canonical: "wire", lacks: &[], adds: &[] },
    EditCase {
        name: "reworded sentence",
        edit: |t| {
            replace_line(
                t,
                4,
                "The operators said jointly that the settlement would \"restore the reliability our customers \
                 expect\" and that full operations would resume by Wednesday, although clearing the queue of \
                 vessels could take up to two weeks.",
            )
        },
        canonical: "wire",
        lacks: &[4],
        adds: &[4],
    },
    EditCase {
        name: "update with added paragraphs",
        edit: |t| {
            format!(
                "{t}UPDATE: The first of the waiting container ships berthed on Monday afternoon, the port \
                 authority said, and two more were expected overnight.\nA spokesperson for the operators said \
                 talks on a separate pension dispute would begin next month.\n"
            )
        },
        canonical: "copy",
        lacks: &[10, 11],
        adds: &[],
    },
    EditCase {
        name: "all edits at once",
        edit: |t| curly(&replace_line(&drop_lines(t, &[5, 8, 9]), 0, "Dockers back at work")),
        canonical: "wire",
        lacks: &[0, 5, 8, 9],
        adds: &[0],
    },
];

#[test]
fn each_edit_type_of_a_syndicated_copy_joins_the_story_with_its_paragraph_diff() {
    for config in [DedupConfig::new(), DedupConfig::new().common_limit(8)] {
        for case in EDITS {
            let copy = (case.edit)(WIRE);
            let mut dedup = Deduplicator::new(config.clone()).unwrap();
            dedup.add(DocRef::new("wire", WIRE).source(Some("Wire")).date(date("2025-03-03")));
            let v = dedup.add(DocRef::new("copy", &copy).source(Some("Harbour Times")).date(date("2025-03-04")));
            assert!(
                matches!(&v, Verdict::Copy { story, matched, .. } if story == "copy" && matched == "wire"),
                "{}: {v:?}",
                case.name
            );
            let stories = dedup.stories();
            assert_eq!(stories.len(), 1, "{}", case.name);
            let story = &stories[0];
            assert_eq!(story.canonical, case.canonical, "{}", case.name);
            let other = story.members.iter().find(|m| m.id != story.canonical).unwrap();
            let canonical = story.members.iter().find(|m| m.id == story.canonical).unwrap();
            assert_eq!((other.lacks.as_slice(), other.adds.as_slice()), (case.lacks, case.adds), "{}", case.name);
            assert!(canonical.lacks.is_empty() && canonical.adds.is_empty(), "{}", case.name);
            assert_eq!(other.matched, canonical.id);
            assert_eq!(other.source.as_deref(), Some(if other.id == "wire" { "Wire" } else { "Harbour Times" }));
        }
    }
}

#[test]
fn different_article_on_the_same_event_is_not_a_copy_even_sharing_a_quote() {
    for config in [DedupConfig::new(), DedupConfig::new().common_limit(8)] {
        let mut dedup = Deduplicator::new(config).unwrap();
        dedup.add(DocRef::new("wire", WIRE));
        let v = dedup.add(DocRef::new("own-words", SAME_EVENT));
        assert!(matches!(v, Verdict::New { ref story } if story == "own-words"), "{v:?}");
    }
}

#[test]
fn verdict_of_a_copy_names_the_story_and_the_closest_member() {
    let mut dedup = Deduplicator::default();
    let trimmed = drop_lines(WIRE, &[8, 9]);
    let curly_trimmed = curly(&trimmed);
    assert_eq!(dedup.add(DocRef::new("b-wire", WIRE)).story(), "b-wire");
    assert_eq!(dedup.add(DocRef::new("c-trimmed", &trimmed)).story(), "b-wire");
    match dedup.add(DocRef::new("a-curly", &curly_trimmed)) {
        Verdict::Copy { story, matched, similarity } => {
            assert_eq!(story, "a-curly", "the smallest member id names the story");
            assert_eq!(matched, "c-trimmed", "identical after folding quotes");
            assert_eq!(similarity.resemblance, 1.0);
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Laws: order independence, shard merge, serde round trip; on a generated
// syndicated corpus (clusters of 2–8 copies with every edit type, plus
// distinct articles on the same topics).

#[path = "../benches/common/mod.rs"]
mod common;
#[path = "../benches/common/syndicate.rs"]
mod syndicate;

use proptest::prelude::*;

fn generated() -> &'static (String, Vec<(String, u32)>) {
    static CORPUS: std::sync::OnceLock<(String, Vec<(String, u32)>)> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let g = syndicate::syndicated_corpus(240, 11);
        (g.corpus, g.truth)
    })
}

/// The generated corpus sketched once per configuration (structure analysis
/// is the slow part in debug builds; the laws are about adding).
fn sketched(low_limit: bool) -> &'static [Vec<SketchedText>] {
    static PLAIN: std::sync::OnceLock<Vec<Vec<SketchedText>>> = std::sync::OnceLock::new();
    static LOW_LIMIT: std::sync::OnceLock<Vec<Vec<SketchedText>>> = std::sync::OnceLock::new();
    let cell = if low_limit { &LOW_LIMIT } else { &PLAIN };
    cell.get_or_init(|| {
        let config = DedupConfig::new().common_limit(if low_limit { 8 } else { 64 });
        dateline::corpus::parse(&generated().0).unwrap().iter().map(|d| config.sketch_document(d)).collect()
    })
}

fn index(docs: &[&Vec<SketchedText>], config: &DedupConfig) -> Deduplicator {
    let mut dedup = Deduplicator::new(config.clone()).unwrap();
    for text in docs.iter().copied().flatten() {
        dedup.add_sketched(text.clone()).unwrap();
    }
    dedup
}

#[test]
fn generated_corpus_copies_are_found_with_full_precision() {
    let (corpus, truth) = generated();
    let docs = dateline::corpus::parse(corpus).unwrap();
    let mut dedup = Deduplicator::default();
    let verdicts = dedup.add_documents(&docs, 2);
    assert_eq!(verdicts.len(), 240);
    let predicted: Vec<Vec<String>> =
        dedup.stories().iter().map(|s| s.members.iter().map(|m| m.id.clone()).collect()).collect();
    let (precision, recall, true_pairs, _) = syndicate::pair_scores(truth, &predicted);
    assert!(true_pairs > 100, "the generator makes clusters: {true_pairs} copy pairs");
    assert_eq!(precision, 1.0);
    assert!(recall >= 0.97, "recall {recall}");
}

#[test]
fn parallel_batch_gives_the_verdicts_of_one_by_one_adds() {
    let (corpus, _) = generated();
    let docs = dateline::corpus::parse(corpus).unwrap();
    let mut one = Deduplicator::default();
    let serial: Vec<_> = docs.iter().flat_map(|d| one.add_document(d)).collect();
    let mut many = Deduplicator::default();
    assert_eq!(many.add_documents(&docs, 3), serial);
    assert_eq!(many.stories(), one.stories());
}

#[test]
fn serde_round_trip_keeps_the_stories_and_later_verdicts() {
    let (corpus, _) = generated();
    let docs = dateline::corpus::parse(corpus).unwrap();
    let (first, rest) = docs.split_at(150);
    let mut dedup = Deduplicator::default();
    dedup.add_documents(first, 2);
    let json = serde_json::to_string(&dedup).unwrap();
    let mut loaded: Deduplicator = serde_json::from_str(&json).unwrap();
    assert_eq!(loaded.stories(), dedup.stories());
    assert_eq!(loaded.add_documents(rest, 2), dedup.add_documents(rest, 2));
    assert_eq!(loaded.stories(), dedup.stories());
}

#[test]
fn malformed_index_is_a_deserialisation_error_not_a_panic() {
    let mut dedup = Deduplicator::default();
    dedup.add(DocRef::new("a", WIRE));
    let json = serde_json::to_string(&dedup).unwrap();
    // A fingerprint out of order (the largest hash first), and one beyond the text.
    let unsorted = json.replacen("\"fingerprints\":[", "\"fingerprints\":[[4294967295,0],", 1);
    assert!(serde_json::from_str::<Deduplicator>(&unsorted).is_err());
    let outside = json.replacen("\"fingerprints\":[[", "\"fingerprints\":[[0,999999],[", 1);
    assert!(serde_json::from_str::<Deduplicator>(&outside).is_err());
    let bad_config = json.replacen("\"window\":21", "\"window\":0", 1);
    assert!(serde_json::from_str::<Deduplicator>(&bad_config).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn stories_do_not_depend_on_input_order(order in Just((0..240usize).collect::<Vec<_>>()).prop_shuffle()) {
        let docs = sketched(false);
        let config = DedupConfig::new();
        let in_order: Vec<_> = docs.iter().collect();
        let shuffled: Vec<_> = order.iter().map(|&i| &docs[i]).collect();
        let expected = index(&in_order, &config).stories();
        prop_assert!(expected.len() > 20);
        prop_assert_eq!(index(&shuffled, &config).stories(), expected);
    }

    #[test]
    fn merging_shard_indexes_equals_one_pass(
        shard_of in prop::collection::vec(0..3usize, 240),
        low_limit in any::<bool>(),
    ) {
        let docs = sketched(low_limit);
        let config = DedupConfig::new().common_limit(if low_limit { 8 } else { 64 });
        let all: Vec<_> = docs.iter().collect();
        let one_pass = index(&all, &config);
        let mut shards: Vec<Deduplicator> = (0..3)
            .map(|s| {
                let part: Vec<_> = docs.iter().zip(&shard_of).filter(|(_, &k)| k == s).map(|(d, _)| d).collect();
                index(&part, &config)
            })
            .collect();
        let mut merged = shards.remove(0);
        for shard in shards {
            merged.merge(shard).unwrap();
        }
        prop_assert_eq!(merged.len(), one_pass.len());
        prop_assert_eq!(merged.stories(), one_pass.stories());
    }
}

#[test]
fn merging_indexes_of_different_configurations_is_an_error() {
    let mut a = Deduplicator::default();
    let b = Deduplicator::new(DedupConfig::new().containment(0.9)).unwrap();
    assert!(a.merge(b).is_err());
}

#[test]
fn seed_blurbs_found_by_the_structure_stage_moscow_copies_join_and_kashmir_stays_out() {
    let mut dedup = Deduplicator::default();
    let verdicts: Vec<(String, Verdict)> = seeds().iter().flat_map(|doc| dedup.add_document(doc)).collect();
    let verdict = |id: &str| verdicts.iter().find(|(i, _)| i == id).map(|(_, v)| v.clone());
    let (moscow_a, moscow_b, kashmir) =
        ("002_e404fbd4efb379c7.txt#1", "002_e404fbd4efb379c7.txt#2", "002_e404fbd4efb379c7.txt#3");
    assert!(matches!(verdict(moscow_a), Some(Verdict::New { .. })));
    assert!(matches!(verdict(moscow_b), Some(Verdict::Copy { ref story, ref matched, .. })
        if story == moscow_a && matched == moscow_a));
    assert!(matches!(verdict(kashmir), Some(Verdict::New { .. })));
    let stories = dedup.stories();
    assert_eq!(stories.len(), 1, "the only story with copies: {stories:?}");
    let members: Vec<(&str, Option<&str>)> =
        stories[0].members.iter().map(|m| (m.id.as_str(), m.source.as_deref())).collect();
    assert_eq!(members, [(moscow_a, Some("Al Arabiya")), (moscow_b, Some("Asharq Al-Awsat"))]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_each_text_is_in_at_most_one_story(
        texts in prop::collection::vec("(\\PC|\n){0,300}", 1..12),
        low_limit in any::<bool>(),
    ) {
        let mut dedup = Deduplicator::new(DedupConfig::new().common_limit(if low_limit { 8 } else { 64 })).unwrap();
        for (i, t) in texts.iter().enumerate() {
            let id = format!("t{i}");
            dedup.add(DocRef::new(&id, t));
            // Twice, so that there are copies to report.
            dedup.add(DocRef::new(&format!("{id}-again"), t));
        }
        let mut seen = std::collections::HashSet::new();
        for story in dedup.stories() {
            prop_assert!(story.members.len() >= 2);
            for m in &story.members {
                prop_assert!(seen.insert(m.id.clone()), "{} in two stories", m.id);
                prop_assert!((0.0..=1.0).contains(&m.similarity) && (0.0..=1.0).contains(&m.containment));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The copy rule on real-shaped pages written for these tests
// (`tests/data/dedup/cases.corpus`): one wire story about a dam, its version
// of the day, an excerpt, a photo gallery, an independent report quoting
// the same statement, another story sharing a background paragraph, and two
// pages of other stories with a "Read next" teaser of the wire story.

const CASES: &str = include_str!("data/dedup/cases.corpus");

/// Add the named pages of the cases corpus in order; the verdicts and the stories as member id lists.
fn cases(names: &[&str]) -> (Vec<(String, Verdict)>, Vec<dateline::dedup::Story>) {
    let docs = dateline::corpus::parse(CASES).expect("cases corpus parses");
    let mut dedup = Deduplicator::default();
    let mut verdicts = Vec::new();
    for name in names {
        let doc = docs.iter().find(|d| d.name == *name).expect("page in the cases corpus");
        verdicts.extend(dedup.add_document(doc));
    }
    (verdicts, dedup.stories())
}

fn member_ids(stories: &[dateline::dedup::Story]) -> Vec<Vec<&str>> {
    stories.iter().map(|s| s.members.iter().map(|m| m.id.as_str()).collect()).collect()
}

#[test]
fn version_with_new_top_moved_paragraphs_added_paragraph_and_cut_tail_is_a_copy() {
    let (verdicts, stories) = cases(&["wire-dam.txt", "version-dam.txt"]);
    let Verdict::Copy { similarity, .. } = &verdicts[1].1 else { panic!("{verdicts:?}") };
    assert!(similarity.containment >= 0.4 && similarity.longest_run >= 40, "{similarity:?}");
    assert_eq!(member_ids(&stories), [["version-dam.txt", "wire-dam.txt"]]);
    let story = &stories[0];
    assert_eq!(story.canonical, "wire-dam.txt");
    let version = &story.members[0];
    // Four narrative paragraphs shared, each a run of its own (they moved); the quote is not evidence.
    assert_eq!(version.runs.len(), 4, "{:?}", version.runs);
    assert!(version.runs.iter().all(|r| r.words >= 30), "{:?}", version.runs);
    assert_eq!(version.lacks, [0, 1, 2, 7, 8, 9, 10], "headline, lede, the edited paragraph and the cut tail");
    assert_eq!(version.adds, [0, 1, 5, 7], "its own headline, top, added and edited paragraphs");
}

#[test]
fn excerpt_four_times_shorter_is_a_copy_sharing_its_whole_text() {
    let (_, stories) = cases(&["wire-dam.txt", "excerpt-dam.txt"]);
    assert_eq!(member_ids(&stories), [["excerpt-dam.txt", "wire-dam.txt"]]);
    let excerpt = &stories[0].members[0];
    assert_eq!(excerpt.runs.len(), 1);
    // 127 of its 134 narrative words are the wire's (all but its headline); the
    // runs are rebuilt from fingerprints, so their ends are known to within a few words.
    assert!(excerpt.shared_words * 10 >= excerpt.words * 8, "{excerpt:?}");
    assert_eq!(excerpt.lacks, [0, 4, 5, 6, 7, 8, 9, 10]);
}

#[test]
fn gallery_with_the_lede_among_captions_is_a_copy_and_captions_are_not_text() {
    let (_, stories) = cases(&["wire-dam.txt", "gallery-dam.txt"]);
    assert_eq!(member_ids(&stories), [["gallery-dam.txt", "wire-dam.txt"]]);
    let gallery = &stories[0].members[0];
    assert_eq!(gallery.paragraphs, 2, "headline and lede; the four captions are boilerplate");
    assert_eq!(gallery.longest_run, gallery.shared_words);
    assert!(gallery.shared_words >= 25 && gallery.containment >= 0.5, "{gallery:?}");
}

#[test]
fn independent_reports_sharing_a_45_word_quote_are_not_copies() {
    for pair in [["wire-dam.txt", "independent-dam.txt"], ["version-dam.txt", "independent-dam.txt"]] {
        let (verdicts, stories) = cases(&pair);
        assert!(verdicts.iter().all(|(_, v)| !v.is_copy()), "{verdicts:?}");
        assert!(stories.is_empty(), "{stories:?}");
    }
}

#[test]
fn stories_sharing_one_background_paragraph_are_not_copies() {
    let (verdicts, stories) = cases(&["wire-dam.txt", "election-valdera.txt"]);
    assert!(verdicts.iter().all(|(_, v)| !v.is_copy()), "{verdicts:?}");
    assert!(stories.is_empty(), "{stories:?}");
}

#[test]
fn teaser_blurbs_attach_to_the_story_they_tease_and_never_join_their_pages() {
    let all = [
        "football-page.txt",
        "wire-dam.txt",
        "museum-page.txt",
        "independent-dam.txt",
        "version-dam.txt",
        "election-valdera.txt",
        "excerpt-dam.txt",
        "gallery-dam.txt",
    ];
    let (_, stories) = cases(&all);
    assert_eq!(
        member_ids(&stories),
        [vec![
            "excerpt-dam.txt",
            "football-page.txt#1",
            "gallery-dam.txt",
            "museum-page.txt#1",
            "version-dam.txt",
            "wire-dam.txt"
        ]]
    );
    assert_eq!(stories[0].canonical, "wire-dam.txt");
    // The same in reverse order.
    let reversed: Vec<&str> = all.iter().rev().copied().collect();
    assert_eq!(cases(&reversed).1, stories);
}

#[test]
fn degenerate_texts_are_new_without_panic() {
    let quote =
        "\"Every word of this paragraph is inside the quotation marks, so none of it is evidence of a copy at all.\"";
    let huge = "lorem ipsum dolor sit amet consectetur adipiscing elit ".repeat(10 << 20 >> 6);
    let huge_words: String = (0..1_200_000).map(|i| format!("w{i} ")).collect();
    for (name, text) in [
        ("empty", ""),
        ("one word", "word"),
        ("all quote", quote),
        ("10 MB repeated", &huge),
        ("10 MB distinct", &huge_words),
    ] {
        let mut dedup = Deduplicator::default();
        let start = std::time::Instant::now();
        assert!(matches!(dedup.add(DocRef::new("a", text)), Verdict::New { .. }), "{name}");
        // A second, different text: still new (a quote alone, or nothing, is no evidence).
        let v = dedup.add(DocRef::new("b", &text.replace(['w', 'l'], "v")));
        assert!(matches!(v, Verdict::New { .. }), "{name}: {v:?}");
        assert!(start.elapsed().as_secs() < 60, "{name}: {:?}", start.elapsed());
    }
    // An all-quote text added twice is still not a copy: it has no narrative words.
    let mut dedup = Deduplicator::default();
    dedup.add(DocRef::new("a", quote));
    assert!(!dedup.add(DocRef::new("b", quote)).is_copy());
}

// ---------------------------------------------------------------------------
// The laws again on the realistic stream of `benches/common/wire.rs`, whose
// teaser blurbs, shared background paragraphs and versions exercise the
// relaxed rule, the common-fingerprint limit and blurb attachment.

#[path = "../benches/common/wire.rs"]
mod wire;

/// The sketched pages of a 600-page stream and its truth.
type WireSketched = (Vec<Vec<SketchedText>>, Vec<(String, u32)>);

fn wire_sketched() -> &'static WireSketched {
    static CELL: std::sync::OnceLock<WireSketched> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let g = wire::wire_corpus(600, 5);
        // A low common limit, so that some fingerprints turn common while the texts arrive.
        let config = DedupConfig::new().common_limit(6);
        let docs = dateline::corpus::parse(&g.corpus).unwrap();
        (docs.iter().map(|d| config.sketch_document(d)).collect(), g.truth)
    })
}

#[test]
fn realistic_stream_pages_are_grouped_precisely() {
    let (docs, truth) = wire_sketched();
    let all: Vec<_> = docs.iter().collect();
    let dedup = index(&all, &DedupConfig::new());
    // Pages only: the truth has no ids for blurbs.
    let pages: Vec<Vec<String>> = dedup
        .stories()
        .iter()
        .map(|s| s.members.iter().map(|m| m.id.clone()).filter(|id| !id.contains('#')).collect())
        .collect();
    let scores = wire::score(truth, &pages);
    assert!(scores.true_pairs > 300, "{}", scores.true_pairs);
    assert!(scores.precision >= 0.97 && scores.recall >= 0.85, "P {} R {}", scores.precision, scores.recall);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn realistic_stream_stories_do_not_depend_on_order_or_sharding(
        order in Just((0..600usize).collect::<Vec<_>>()).prop_shuffle(),
        shard_of in prop::collection::vec(0..3usize, 600),
    ) {
        let (docs, _) = wire_sketched();
        let config = DedupConfig::new().common_limit(6);
        let expected = index(&docs.iter().collect::<Vec<_>>(), &config).stories();
        prop_assert!(expected.len() > 30);
        let shuffled: Vec<_> = order.iter().map(|&i| &docs[i]).collect();
        prop_assert_eq!(&index(&shuffled, &config).stories(), &expected);
        let mut shards: Vec<Deduplicator> = (0..3)
            .map(|s| {
                let part: Vec<_> = docs.iter().zip(&shard_of).filter(|(_, &k)| k == s).map(|(d, _)| d).collect();
                index(&part, &config)
            })
            .collect();
        let mut merged = shards.remove(0);
        for shard in shards {
            merged.merge(shard).unwrap();
        }
        prop_assert_eq!(merged.stories(), expected);
    }
}
