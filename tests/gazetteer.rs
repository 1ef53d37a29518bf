//! Entity matching on real text: the seeds with the example gazetteer, the
//! loader's errors, case rules, typography, ambiguity, in-document linking,
//! and the law that mentions sit on word boundaries inside sentences.

use dateline::gazetteer::{CaseRule, Entity, Gazetteer, Kind, Link, Resolution};
use dateline::text::{Paragraph, Section, Sentence};
use dateline::{Error, Span};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const CORPUS: &str = include_str!("../examples/data/seeds.corpus");
const EXAMPLE: &str = include_str!("../examples/data/gazetteer.tsv");
const SEEDS_EXPECTED: &str = include_str!("data/gazetteer/seeds.tsv");

fn example() -> Gazetteer {
    Gazetteer::from_tsv(EXAMPLE).expect("the example gazetteer loads")
}

/// A section with one paragraph and one sentence per non-blank line, so these
/// tests do not depend on the structure stage's sentence splitting.
fn lines(body: &str) -> Section {
    let mut s = Section::default();
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            let span = Span::new(start, start + t.len());
            s.sentences.push(Sentence { span, paragraph: s.paragraphs.len() });
            s.paragraphs.push(Paragraph { span });
        }
        pos += line.len();
    }
    s
}

fn found(g: &Gazetteer, body: &str) -> Vec<(String, String)> {
    g.mentions(body, &lines(body)).into_iter().map(|m| (m.entity, m.text)).collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// Every mention of a seed page: main article and blurbs.
fn seed_mentions(g: &Gazetteer) -> Vec<(String, dateline::gazetteer::Found, Section, String)> {
    let docs = dateline::corpus::parse(CORPUS).expect("sample corpus parses");
    let mut out = Vec::new();
    for d in &docs {
        let s = dateline::text::analyze(&d.body, d.meta.title());
        let sections = std::iter::once(s.main.clone()).chain(s.blurbs.iter().map(|b| b.section.clone()));
        for sec in sections {
            for f in g.analyze(&d.body, &sec).found {
                out.push((d.name.to_string(), f, sec.clone(), d.body.to_string()));
            }
        }
    }
    out
}

#[test]
fn every_expected_seed_mention_is_found_with_its_entity_and_link() {
    let all = seed_mentions(&example());
    let mut checked = 0;
    for row in SEEDS_EXPECTED.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [doc, start, text, entity, link] = cols[..] else { panic!("bad row {row:?}") };
        let start: usize = start.parse().unwrap();
        let span = Span::new(start, start + text.len());
        let hit = all.iter().find(|(d, f, _, _)| d == doc && f.mention.span == span);
        if entity == "-" {
            assert!(hit.is_none(), "{doc}: {text:?} at {start} must not be a mention: {hit:?}");
        } else {
            let (_, f, _, _) = hit.unwrap_or_else(|| panic!("{doc}: {text:?} at {start} not found"));
            assert_eq!(f.mention.text, text, "{doc} at {start}");
            assert_eq!(f.mention.entity, entity, "{doc}: {text:?} at {start}");
            assert_eq!(format!("{:?}", f.link).to_lowercase(), link, "{doc}: {text:?} at {start}");
        }
        checked += 1;
    }
    assert!(checked > 300, "the table has {checked} rows");
}

#[test]
fn seed_mentions_are_body_slices_inside_their_sentence() {
    for (doc, f, sec, body) in seed_mentions(&example()) {
        let m = &f.mention;
        assert_eq!(m.span.slice(&body), m.text, "{doc}");
        let sentence = sec.sentences.get(m.sentence).expect("sentence index in range");
        assert!(sentence.span.contains(m.span), "{doc}: {:?} outside its sentence", m.text);
    }
}

#[test]
fn seed_000_summary_counts_entities_in_order_of_first_mention() {
    let docs = dateline::corpus::parse(CORPUS).unwrap();
    let d = &docs[0];
    let s = dateline::text::analyze(&d.body, d.meta.title());
    let e = example().analyze(&d.body, &s.main);
    let ushakov = e.entity("yuri-ushakov").expect("Ushakov is mentioned");
    assert_eq!(ushakov.count, 5);
    assert_eq!(ushakov.first.slice(&d.body), "Kremlin foreign policy advisor Yuri Ushakov");
    let darchiev = e.entity("alexander-darchiev").unwrap();
    assert_eq!((darchiev.count, darchiev.first.slice(&d.body)), (2, "Alexander Darchiev"));
    assert_eq!(e.entities[0].entity, "us");
    assert!(e.entities.windows(2).all(|w| w[0].first.start < w[1].first.start));
    assert_eq!(e.entities.iter().map(|c| c.count).sum::<usize>(), e.found.len());
}

#[test]
fn loader_errors_name_line_column_and_what_was_expected() {
    let cases: &[(&str, u64, u64, &str)] = &[
        ("ru\tplace\tRussia\n\tplace\tX", 2, 1, "empty id"),
        ("# c\nru", 2, 2, "missing column 2 (kind)"),
        ("ru\tplace", 1, 3, "missing column 3 (name)"),
        ("ru\tplace\t  ", 1, 3, "empty name"),
        ("ru\t\tRussia", 1, 2, "kind"),
        ("ru\tplace\tRussia\tRussian||Rus", 1, 4, "alias 2 is empty"),
        ("ru\tplace\tRussia\n\nru\tplace\tRussland", 3, 1, "duplicate id \"ru\" (first defined on line 1)"),
        ("ru\tplace\tRussia\t\tcolour=red", 1, 5, "unknown option \"colour\""),
        ("ru\tplace\tRussia\t\tcase=sensitive\tcase=loud", 1, 6, "unknown case rule \"loud\""),
        ("ru\tplace\tRussia\t\tpriority=high", 1, 5, "expected an integer"),
        ("ru\tplace\tRussia\t\tpartial=maybe", 1, 5, "partial=yes or partial=no"),
        ("ru\tplace\tRussia\t\tnoequals", 1, 5, "not key=value"),
        ("ru\tplace\tRussia\tRus\tcase[Russland]=title", 1, 5, "case[Russland] names no alias"),
        ("r u\tplace\tRussia", 1, 1, "white space"),
    ];
    for (input, line, column, message) in cases {
        match Gazetteer::from_tsv(input) {
            Err(Error::Gazetteer { line: l, column: c, message: m }) => {
                assert_eq!((l, c), (*line, *column), "{input:?}: {m}");
                assert!(m.contains(message), "{input:?}: {m:?} lacks {message:?}");
            }
            other => panic!("{input:?}: expected a gazetteer error, got {other:?}"),
        }
    }
}

#[test]
fn error_message_reads_as_a_sentence_with_its_position() {
    let e = Gazetteer::from_tsv("ru\tplace\tRussia\nru\tplace\tRussia").unwrap_err();
    assert_eq!(
        e.to_string(),
        "gazetteer line 2, column 1: duplicate id \"ru\" (first defined on line 1); expected every id to be unique"
    );
}

#[test]
fn load_reads_a_file_and_reports_io_errors() {
    let g = Gazetteer::load("examples/data/gazetteer.tsv").unwrap();
    assert_eq!(g, example());
    assert!(matches!(Gazetteer::load("no/such/file.tsv"), Err(Error::Io(_))));
}

#[test]
fn builder_builds_the_same_gazetteer_as_the_tsv() {
    let tsv = "# people\nyuri-ushakov\tperson\tYuri Ushakov\tUshakov|Yury Ushakov\n\
               us\tplace\tUnited States\tU.S.|US|America\tcase[America]=sensitive\n\
               telegram\tplatform\tTelegram\t\tpartial=no\tpriority=1\tcontext=us\n";
    let from_tsv = Gazetteer::from_tsv(tsv).unwrap();
    let built = Gazetteer::builder()
        .entity(Entity::new("yuri-ushakov", Kind::Person, "Yuri Ushakov").aliases(["Ushakov", "Yury Ushakov"]))
        .entity(
            Entity::new("us", Kind::Place, "United States")
                .aliases(["U.S.", "US", "America"])
                .alias_case("America", CaseRule::Sensitive),
        )
        .entity(
            Entity::new("telegram", Kind::Other("platform".into()), "Telegram")
                .partial(false)
                .priority(1)
                .context("us"),
        )
        .build()
        .unwrap();
    assert_eq!(built, from_tsv);
    let body = "Yury Ushakov told Telegram the U.S. and AMERICA differ.\nUshakov spoke.";
    assert_eq!(built.mentions(body, &lines(body)), from_tsv.mentions(body, &lines(body)));
    assert_eq!(
        found(&built, body),
        pairs(&[
            ("yuri-ushakov", "Yury Ushakov"),
            ("telegram", "Telegram"),
            ("us", "U.S."),
            ("yuri-ushakov", "Ushakov")
        ])
    );
}

#[test]
fn builder_rejects_duplicate_ids_and_empty_names_from_code() {
    let dup = Gazetteer::builder()
        .entity(Entity::new("x", Kind::Place, "X"))
        .entity(Entity::new("x", Kind::Place, "Y"))
        .build();
    assert!(matches!(dup, Err(Error::Gazetteer { line: 0, column: 1, .. })));
    let empty = Gazetteer::builder().entity(Entity::new("x", Kind::Place, " ")).build();
    assert!(matches!(empty, Err(Error::Gazetteer { line: 0, column: 3, .. })));
}

#[test]
fn custom_kinds_are_kept_as_written() {
    let g = example();
    assert_eq!(g.entity("telegram").unwrap().kind, Kind::Other("platform".into()));
    assert_eq!(g.entity("cold-war").unwrap().kind, Kind::Other("event".into()));
    assert_eq!(g.entity("kremlin").unwrap().kind, Kind::Organization);
}

#[test]
fn whole_words_only_by_unicode_word_boundaries() {
    let g = Gazetteer::from_tsv("us\tplace\tUnited States\tUS|U.S.\nru\tplace\tRussia\tRussian").unwrap();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("The USA and the focus on status.", &[]),
        ("Russia's envoy and Russia\u{2019}s envoy.", &[("ru", "Russia"), ("ru", "Russia")]),
        (
            "U.S.\u{2013}Russia flights, US-Russian talks.",
            &[("us", "U.S."), ("ru", "Russia"), ("us", "US"), ("ru", "Russian")],
        ),
        ("The U.S.A. and Russias.", &[]),
        ("RussiaToday, xRussia, Russia_1, Russia2 and Russia.", &[("ru", "Russia")]),
        ("anti-Russian (Russian) «Russia»", &[("ru", "Russian"), ("ru", "Russian"), ("ru", "Russia")]),
    ];
    for (text, expect) in cases {
        assert_eq!(found(&g, text), pairs(expect), "{text:?}");
    }
}

#[test]
fn case_rules_acronyms_exact_names_title_and_caps() {
    let g = Gazetteer::from_tsv(
        "us\tplace\tUnited States\tUS\ntass\torganization\tTASS\ntr\tplace\tTurkey\n\
         dacha\tplace\tthe dacha\t\tcase=insensitive\nbush\tperson\tGeorge Bush\tBush\tcase[Bush]=sensitive",
    )
    .unwrap();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Tell us about the us-led plan.", &[]),
        ("US and TASS; Tass and tass are not.", &[("us", "US"), ("tass", "TASS")]),
        ("Turkey, TURKEY, but not turkey for dinner.", &[("tr", "Turkey"), ("tr", "TURKEY")]),
        ("THE UNITED STATES AND TURKEY", &[("us", "UNITED STATES"), ("tr", "TURKEY")]),
        (
            "The Dacha, THE DACHA, the dacha, tHe DaChA.",
            &[("dacha", "The Dacha"), ("dacha", "THE DACHA"), ("dacha", "the dacha"), ("dacha", "tHe DaChA")],
        ),
        (
            "George Bush, GEORGE BUSH; Bush but not BUSH or bush.",
            &[("bush", "George Bush"), ("bush", "GEORGE BUSH"), ("bush", "Bush")],
        ),
    ];
    for (text, expect) in cases {
        assert_eq!(found(&g, text), pairs(expect), "{text:?}");
    }
}

#[test]
fn a_failed_longer_alias_does_not_hide_a_shorter_one() {
    let g = Gazetteer::from_tsv("nyt\torganization\tNew York Times\nny\tplace\tNew York").unwrap();
    assert_eq!(found(&g, "In New York times are hard."), pairs(&[("ny", "New York")]));
    assert_eq!(found(&g, "The New York Times said."), pairs(&[("nyt", "New York Times")]));
}

#[test]
fn typographic_variants_match_and_spans_cover_the_original_bytes() {
    let g = Gazetteer::from_tsv(
        "putin\tperson\tVladimir Putin\ncdi\tplace\tCôte d'Ivoire\nbz\tperson\tBilawal Bhutto-Zardari\nru\tplace\tRussia",
    )
    .unwrap();
    let body = "Vladimir\u{a0}Putin met C\u{f4}te d\u{2019}Ivoire\u{2019}s envoy and Bilawal Bhutto\u{2013}Zardari in Rus\u{ad}sia.";
    let ms = g.mentions(body, &lines(body));
    let texts: Vec<&str> = ms.iter().map(|m| m.span.slice(body)).collect();
    assert_eq!(texts, ["Vladimir\u{a0}Putin", "Côte d\u{2019}Ivoire", "Bilawal Bhutto\u{2013}Zardari", "Rus\u{ad}sia"]);
    assert!(ms.iter().all(|m| m.text == m.span.slice(body)));
}

#[test]
fn decomposed_text_in_three_scripts_matches_precomposed_aliases_and_back() {
    // Aliases precomposed (NFC), text decomposed (NFD), and the other way
    // round: Latin with a combining acute, Greek with a combining tonos,
    // Korean as conjoining jamo, Devanagari with a nukta.
    let nfd_seoul = "\u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}"; // 서울
    let g = Gazetteer::from_tsv(concat!(
        "mx\tplace\tMéxico\n",
        "athens\tplace\tΑθήνα\n",
        "seoul\tplace\t서울\n",
        "bogota\tplace\tBogota\u{301}\n",
        "zafar\tperson\t\u{95B}\u{92B}\u{930}\n",
    ))
    .unwrap();
    let body = format!(
        "Talks in Me\u{301}xico and \u{391}\u{3B8}\u{3B7}\u{301}\u{3BD}\u{3B1} ended.\n\
         {nfd_seoul} and Bogotá agreed.\n\
         \u{91C}\u{93C}\u{92B}\u{930} spoke.\n\u{95B}\u{92B}\u{930} spoke.\n"
    );
    let ms = g.mentions(&body, &lines(&body));
    let got: Vec<(&str, &str)> = ms.iter().map(|m| (m.entity.as_str(), m.span.slice(&body))).collect();
    assert_eq!(
        got,
        [
            ("mx", "Me\u{301}xico"),
            ("athens", "\u{391}\u{3B8}\u{3B7}\u{301}\u{3BD}\u{3B1}"),
            ("seoul", nfd_seoul),
            ("bogota", "Bogotá"),
            ("zafar", "\u{91C}\u{93C}\u{92B}\u{930}"),
            ("zafar", "\u{95B}\u{92B}\u{930}"),
        ]
    );
    assert!(ms.iter().all(|m| m.text == m.span.slice(&body)));
    // A base letter followed by a mark is another letter: "Ćuk" is not "Cuk".
    let g = Gazetteer::from_tsv("cuk\tperson\tCuk\n").unwrap();
    assert!(found(&g, "C\u{301}uk said.").is_empty());
    assert_eq!(found(&g, "Cuk said."), pairs(&[("cuk", "Cuk")]));
}

#[test]
fn shared_alias_reports_all_candidates_and_prefers_the_government_by_kind() {
    let g = example();
    let body = "Washington says the rule is wrong.";
    let e = g.analyze(body, &lines(body));
    let f = &e.found[0];
    assert_eq!(f.mention.entity, "us-government");
    assert_eq!(f.candidates, ["us-government", "washington-dc"]);
    assert!(f.is_ambiguous());
    assert_eq!(f.resolution, Some(Resolution::KindPreference));
}

#[test]
fn shared_alias_after_in_is_the_city() {
    let g = example();
    let body = "The trade missions in Washington and New York were closed.";
    let f = &g.analyze(body, &lines(body)).found[0];
    assert_eq!((f.mention.entity.as_str(), f.resolution), ("washington-dc", Some(Resolution::Locative)));
    assert_eq!(f.candidates, ["washington-dc", "us-government"]);
}

#[test]
fn shared_alias_follows_co_occurring_entities() {
    let tsv =
        "gov\torganization\tUS government\tWashington\ncity\tplace\tWashington, D.C.\tWashington\tcontext=potomac\n\
               potomac\tplace\tPotomac";
    let g = Gazetteer::from_tsv(tsv).unwrap();
    let body = "Washington is quiet.\nBoats sail the Potomac.";
    let f = &g.analyze(body, &lines(body)).found[0];
    assert_eq!((f.mention.entity.as_str(), f.resolution), ("city", Some(Resolution::Context)));
    let body = "Washington is quiet.\nThe US government met.";
    let f = &g.analyze(body, &lines(body)).found[0];
    assert_eq!((f.mention.entity.as_str(), f.resolution), ("gov", Some(Resolution::Context)));
}

#[test]
fn shared_alias_by_priority_then_order() {
    let g =
        Gazetteer::from_tsv("a\tplace\tGeorgia\nb\tplace\tGeorgia\t\tpriority=1\nc\tplace\tJordan\nd\tplace\tJordan")
            .unwrap();
    let body = "Georgia and Jordan.";
    let e = g.analyze(body, &lines(body));
    let got: Vec<_> = e.found.iter().map(|f| (f.mention.entity.as_str(), f.resolution)).collect();
    assert_eq!(got, [("b", Some(Resolution::Priority)), ("c", Some(Resolution::Order))]);
}

#[test]
fn surname_links_after_the_full_name_only() {
    let g = example();
    let body = "Darchiev arrived.\nAlexander Darchiev, the ambassador, spoke. Darchiev said more.\nDARCHIEV and Darchievs are not links; Darchiev\u{2019}s aide is.";
    let e = g.analyze(body, &lines(body));
    let got: Vec<_> = e.found.iter().map(|f| (f.mention.text.as_str(), f.link)).collect();
    assert_eq!(got, [("Alexander Darchiev", Link::Name), ("Darchiev", Link::Partial), ("Darchiev", Link::Partial)]);
    assert_eq!(e.entity("alexander-darchiev").unwrap().count, 3);
}

#[test]
fn listed_variant_transliterations_link() {
    let g = example();
    let body = "Alexander Darchiyev landed. Darchiyev and Darchiev spoke.";
    let got: Vec<_> =
        g.analyze(body, &lines(body)).found.into_iter().map(|f| (f.mention.entity, f.mention.text, f.link)).collect();
    assert_eq!(
        got,
        [
            ("alexander-darchiev".into(), "Alexander Darchiyev".into(), Link::Alias),
            ("alexander-darchiev".into(), "Darchiyev".into(), Link::Alias),
            ("alexander-darchiev".into(), "Darchiev".into(), Link::Partial),
        ]
    );
}

#[test]
fn titled_alias_enables_surname_links() {
    let g = example();
    let body = "State Department spokesperson Tammy Bruce said so. Bruce added more.";
    let got: Vec<_> = g.mentions(body, &lines(body)).into_iter().map(|m| (m.entity, m.text)).collect();
    assert_eq!(got, pairs(&[("tammy-bruce", "State Department spokesperson Tammy Bruce"), ("tammy-bruce", "Bruce")]));
}

#[test]
fn shared_surname_links_to_the_most_recent_full_mention() {
    let g = Gazetteer::from_tsv("dt\tperson\tDonald Trump\nmt\tperson\tMelania Trump").unwrap();
    let body = "Donald Trump spoke. Melania Trump smiled. Trump waved.";
    let e = g.analyze(body, &lines(body));
    let last = e.found.last().unwrap();
    assert_eq!((last.mention.entity.as_str(), last.link), ("mt", Link::Partial));
    assert_eq!(last.candidates, ["mt", "dt"]);
    assert_eq!(last.resolution, Some(Resolution::Recency));
}

#[test]
fn places_do_not_link_partially_unless_asked() {
    let g = Gazetteer::from_tsv("ny\tplace\tNew York\nlv\tplace\tLas Vegas\t\tpartial=yes").unwrap();
    let body = "New York and Las Vegas. York and Vegas.";
    assert_eq!(found(&g, body), pairs(&[("ny", "New York"), ("lv", "Las Vegas"), ("lv", "Vegas")]));
}

#[test]
fn mentions_come_only_from_the_sections_sentences() {
    let g = example();
    let body = "Read next\nRussia and Ukraine met.\nAdvertisement: Moscow deals\n";
    let mut sec = lines(body);
    sec.sentences.retain(|s| s.span.slice(body).starts_with("Russia"));
    let got = g.mentions(body, &sec);
    assert_eq!(got.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(), ["Russia", "Ukraine"]);
    assert!(got.iter().all(|m| m.sentence == 0));
}

#[test]
fn empty_gazetteer_and_empty_section_find_nothing() {
    let body = "Russia and Ukraine.";
    assert!(Gazetteer::empty().mentions(body, &lines(body)).is_empty());
    assert!(example().mentions(body, &Section::default()).is_empty());
}

#[test]
fn out_of_range_sentence_spans_do_not_panic() {
    let g = example();
    let body = "Russia é";
    let mut sec = lines(body);
    sec.sentences.push(Sentence { span: Span::new(5, 500), paragraph: 0 });
    sec.sentences.push(Sentence { span: Span::new(7, 8), paragraph: 0 });
    assert_eq!(g.mentions(body, &sec).len(), 1);
}

/// Word boundaries of a sentence by UAX #29 (unicode-segmentation).
fn boundaries(text: &str) -> Vec<usize> {
    let mut b: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
    b.push(text.len());
    b
}

const VOCAB: &[&str] = &[
    "Russia",
    "Russia's",
    "Russia\u{2019}s",
    "Russian",
    "Russians",
    "US",
    "USA",
    "U.S.",
    "U.S.\u{2013}Russia",
    "focus",
    "Ushakov",
    "Yuri Ushakov",
    "Yuri\u{a0}Ushakov",
    "Darchiev",
    "Alexander Darchiev",
    "Washington",
    "in",
    "the",
    "United",
    "States",
    "the United States",
    "TASS",
    "Tass",
    "«",
    "»",
    "\"",
    "'",
    ",",
    ".",
    "-",
    "—",
    "(",
    ")",
    "3",
    "2,022",
    "é",
    "Moscow.Russia",
    "O'Ushakov",
    "x",
    "Kremlin",
    "aide",
    "Kremlin aide",
    "RUSSIA",
    "_",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_mention_crosses_a_word_boundary_or_leaves_its_sentence(
        words in prop::collection::vec(prop::sample::select(VOCAB), 0..40),
        seps in prop::collection::vec(prop::sample::select(&[" ", "", " ", "\n", "  ", "\u{a0}"][..]), 40),
    ) {
        let mut body = String::new();
        for (w, s) in words.iter().zip(&seps) {
            body.push_str(w);
            body.push_str(s);
        }
        let sec = lines(&body);
        let g = example();
        for f in g.analyze(&body, &sec).found {
            let m = &f.mention;
            let sentence = sec.sentences[m.sentence].span;
            prop_assert!(sentence.contains(m.span), "{:?} outside sentence", m.text);
            let text = sentence.slice(&body);
            let (s, e) = (m.span.start - sentence.start, m.span.end - sentence.start);
            let b = boundaries(text);
            prop_assert!(b.contains(&s), "{:?} starts inside a word in {:?}", m.text, text);
            let possessive = text[e..].starts_with("'s") || text[e..].starts_with("\u{2019}s");
            prop_assert!(b.contains(&e) || possessive, "{:?} ends inside a word in {:?}", m.text, text);
            prop_assert_eq!(m.span.slice(&body), m.text.as_str());
        }
    }
}

#[cfg(feature = "builtin-gazetteer")]
mod builtin {
    use super::*;

    #[test]
    fn builtin_finds_countries_demonyms_capitals_and_organisations() {
        let g = Gazetteer::builtin();
        assert!(g.len() > 500, "{} entities", g.len());
        let body = "Russian and Ukrainian envoys met in Kyiv, Kiev and Chi\u{219}in\u{103}u.\nNATO, the U.N. and the IAEA watched Côte d\u{2019}Ivoire and Ivory Coast.";
        let got: Vec<_> = found(&g, body).into_iter().map(|(e, _)| e).collect();
        assert_eq!(
            got,
            ["ru", "ua", "kyiv", "kyiv", "chisinau", "nato", "united-nations", "iaea", "ci", "ci"],
            "{:?}",
            found(&g, body)
        );
    }

    #[test]
    fn builtin_entities_have_lower_priority_than_user_entities() {
        let g = Gazetteer::builder().builtin().tsv("georgia-us\tplace\tGeorgia\tthe Peach State").build().unwrap();
        let body = "Georgia voted.";
        let f = &g.analyze(body, &lines(body)).found[0];
        assert_eq!((f.mention.entity.as_str(), f.resolution), ("georgia-us", Some(Resolution::Priority)));
        assert_eq!(f.candidates, ["georgia-us", "ge"]);
    }

    #[test]
    fn example_gazetteer_refines_the_builtin_one_by_id() {
        let g = Gazetteer::builder().builtin().tsv(EXAMPLE).build().unwrap();
        assert_eq!(g.entity("us").unwrap().kind, Kind::Place);
        assert!(g.entity("us").unwrap().aliases.iter().any(|a| a == "Americans"));
        assert_eq!(g.entities().iter().filter(|e| e.id == "washington-dc").count(), 1);
        let body = "Washington says Turkey and Georgia agree.";
        let got: Vec<_> =
            g.analyze(body, &lines(body)).found.into_iter().map(|f| (f.mention.entity, f.candidates)).collect();
        assert_eq!(
            got[0],
            ("us-government".to_string(), vec!["us-government".to_string(), "washington-dc".to_string()])
        );
        assert_eq!(got[1].0, "tr");
        assert_eq!(got[2].0, "ge");
    }
}

#[test]
fn results_round_trip_through_serde_json() {
    let g = example();
    let body = "Washington and Alexander Darchiev met. Darchiev left.";
    let e = g.analyze(body, &lines(body));
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains("\"link\":\"partial\""), "{json}");
    let back: dateline::gazetteer::Entities = serde_json::from_str(&json).unwrap();
    assert_eq!(back, e);
}

#[test]
fn sentences_with_other_typography_are_folded_before_matching() {
    // U+2018 and U+2012 have no pattern of their own: the sentence is folded.
    let g = Gazetteer::from_tsv("rfm\torganization\tRussia's foreign ministry\nbz\tperson\tBilawal Bhutto-Zardari")
        .unwrap();
    let body = "Russia\u{2018}s foreign ministry thanked Bilawal Bhutto\u{2012}Zardari.";
    let ms = g.mentions(body, &lines(body));
    let texts: Vec<&str> = ms.iter().map(|m| m.span.slice(body)).collect();
    assert_eq!(texts, ["Russia\u{2018}s foreign ministry", "Bilawal Bhutto\u{2012}Zardari"]);
}

#[test]
fn seed_boilerplate_yields_no_mentions() {
    use dateline::text::RegionKind;
    let docs = dateline::corpus::parse(CORPUS).unwrap();
    let g = example();
    let mut checked = 0;
    for d in &docs {
        let s = dateline::text::analyze(&d.body, d.meta.title());
        let boiler: Vec<Span> =
            s.regions.iter().filter(|r| r.kind == RegionKind::Boilerplate).map(|r| r.span).collect();
        let sections = std::iter::once(&s.main).chain(s.blurbs.iter().map(|b| &b.section));
        for sec in sections {
            for m in g.mentions(&d.body, sec) {
                assert!(!boiler.iter().any(|b| b.overlaps(m.span)), "{}: {:?} in boilerplate", d.name, m.text);
                checked += 1;
            }
        }
    }
    assert!(checked > 300);
    // The widget line "Explore what Daily8 AI can do for you" names an outlet the gazetteer lists.
    let page = &docs[2];
    let at = page.body.find("Daily8 AI").unwrap();
    let s = dateline::text::analyze(&page.body, page.meta.title());
    assert!(g.mentions(&page.body, &s.main).iter().all(|m| m.span.start != at));
}

const LINES: &[&str] = &[
    "Russia and the United States met in Istanbul.",
    "Read next",
    "Advertisement",
    "Alexander Darchiev said the U.S. side agreed.",
    "Share this article",
    "02:41",
    "Comments",
    "Darchiev\u{2019}s team left Washington on Thursday.",
    "World News",
    "TASS reported that Ushakov spoke.",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mentions_never_land_in_boilerplate_of_analyzed_pages(picks in prop::collection::vec(0..LINES.len(), 1..25)) {
        use dateline::text::RegionKind;
        let body: String = picks.iter().map(|&i| format!("{}\n", LINES[i])).collect();
        let s = dateline::text::analyze(&body, None);
        let boiler: Vec<Span> = s.regions.iter().filter(|r| r.kind == RegionKind::Boilerplate).map(|r| r.span).collect();
        let g = example();
        for sec in std::iter::once(&s.main).chain(s.blurbs.iter().map(|b| &b.section)) {
            for m in g.mentions(&body, sec) {
                prop_assert!(!boiler.iter().any(|b| b.overlaps(m.span)), "{:?} in boilerplate", m.text);
                prop_assert!(sec.sentences[m.sentence].span.contains(m.span));
                prop_assert_eq!(m.span.slice(&body), m.text.as_str());
            }
        }
    }
}
