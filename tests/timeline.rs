//! The timeline on whole corpora: the bundled sample corpus end to end, pages
//! written for these tests, the JSON interchange format and TimelineJS output.

use dateline::corpus::Document;
use dateline::pipeline::{Pipeline, Report};
use dateline::timeline::render::timelinejs;
use dateline::timeline::{Event, Timeline};

const SEEDS: &str = include_str!("../examples/data/seeds.corpus");
const GAZETTEER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/gazetteer.tsv");

fn seeds_report() -> Report {
    let docs = dateline::corpus::parse(SEEDS).expect("bundled corpus parses");
    let gazetteer = match std::fs::read_to_string(GAZETTEER) {
        Ok(tsv) => dateline::gazetteer::Gazetteer::from_tsv(&tsv).expect("bundled gazetteer loads"),
        Err(_) => dateline::gazetteer::Gazetteer::builtin(),
    };
    Pipeline::builder().gazetteer(gazetteer).build().expect("default pipeline builds").analyze_corpus(&docs)
}

fn date(e: &Event) -> String {
    e.date.map(|d| d.to_string()).unwrap_or_default()
}

/// Index of the first event on `day` whose text or evidence mentions one of `words`.
fn find(report: &Report, day: &str, words: &[&str]) -> Option<usize> {
    let bodies = dateline::corpus::parse(SEEDS).ok()?;
    let text_of = |e: &Event| {
        let mut all = e.text.clone();
        for ev in &e.evidence {
            let page = ev.document.split('#').next().unwrap_or("");
            if let Some(d) = bodies.iter().find(|d| d.name == page) {
                all.push(' ');
                all.push_str(d.body.get(ev.start..ev.end).unwrap_or(""));
            }
        }
        all.to_lowercase()
    };
    report
        .timeline
        .events
        .iter()
        .position(|e| date(e) == day && words.iter().any(|w| text_of(e).contains(&w.to_lowercase())))
}

fn dump(t: &Timeline) -> String {
    t.events.iter().map(|e| format!("{} {:?} {}\n", date(e), e.sources, e.text)).collect()
}

#[test]
fn bundled_corpus_timeline_has_the_key_events_in_date_order() {
    let r = seeds_report();
    let t = &r.timeline;
    let key = [
        ("2016/2018", &["confiscated", "seized", "seizure"][..]),
        ("2022", &["invasion"][..]),
        ("2025-02-18", &["riyadh"][..]),
        ("2025-02-27", &["istanbul"][..]),
        ("2025-04-10", &["istanbul"][..]),
        ("2025-06-16", &["cancel"][..]),
        ("2025-06-25", &["ushakov"][..]),
    ];
    let mut last = None;
    for (day, words) in key {
        let i = find(&r, day, words).unwrap_or_else(|| panic!("no {day} event about {words:?} in\n{}", dump(t)));
        assert!(last.map_or(true, |l| i > l), "{day} out of order in\n{}", dump(t));
        last = Some(i);
    }
}

#[test]
fn april_10_istanbul_round_is_one_event_with_several_sources() {
    let r = seeds_report();
    let apr10: Vec<&Event> = r.timeline.events.iter().filter(|e| date(e) == "2025-04-10").collect();
    let round = find(&r, "2025-04-10", &["istanbul"]).expect("an April 10 Istanbul event");
    let sources = &r.timeline.events[round].sources;
    assert!(sources.len() >= 3, "April 10 sources {sources:?}\n{}", dump(&r.timeline));
    for page in ["001_321a06457b642bb4.txt", "004_bb639fbd03e1bde9.txt"] {
        assert!(sources.iter().any(|s| s == page), "{page} missing from {sources:?}");
    }
    assert!(apr10.len() <= 2, "April 10 split into {} events\n{}", apr10.len(), dump(&r.timeline));
}

#[test]
fn unrelated_related_story_blurbs_stay_out_of_the_timeline() {
    let r = seeds_report();
    let text = dump(&r.timeline).to_lowercase();
    for word in ["kharkiv", "su-35", "kashmir", "roscosmos", "zaporizhzhia", "pakistan"] {
        assert!(!text.contains(word), "{word} appears in\n{text}");
    }
    // Every blurb of page 001 is another story, and so is the Kashmir blurb of 002.
    let expected: Vec<String> = (1..=5)
        .map(|n| format!("001_321a06457b642bb4.txt#{n}"))
        .chain(["002_e404fbd4efb379c7.txt#3".to_string()])
        .collect();
    assert_eq!(r.off_focus, expected);
    for e in &r.timeline.events {
        for ev in &e.evidence {
            assert!(!ev.document.starts_with("001_321a06457b642bb4.txt#"), "blurb {} in {}", ev.document, e.text);
        }
    }
}

#[test]
fn moscow_talks_blurbs_belong_and_their_copies_count_as_one_source() {
    let r = seeds_report();
    let page = "002_e404fbd4efb379c7.txt";
    let (b1, b2) = (format!("{page}#1"), format!("{page}#2"));
    assert!(!r.off_focus.contains(&b1) && !r.off_focus.contains(&b2), "off focus: {:?}", r.off_focus);
    let has = |s: &dateline::dedup::Story, id: &str| s.members.iter().any(|m| m.id == id);
    let story = r.stories.iter().find(|s| has(s, &b1)).expect("the two Moscow blurbs form a story");
    assert!(has(story, &b2));
    let from_blurbs: Vec<&Event> = r
        .timeline
        .events
        .iter()
        .filter(|e| e.evidence.iter().any(|ev| ev.document == b1 || ev.document == b2))
        .collect();
    assert!(!from_blurbs.is_empty(), "no event from the Moscow blurbs\n{}", dump(&r.timeline));
    for e in from_blurbs {
        let copy = |s: &dateline::timeline::Source, id: &str| s.copies.iter().any(|c| c.id == id);
        let syndicated: Vec<_> = e.provenance.iter().filter(|s| copy(s, &b1)).collect();
        assert_eq!(syndicated.len(), 1, "copies counted separately in {e:?}");
        assert!(copy(syndicated[0], &b2));
        assert_eq!(syndicated[0].outlets, ["Al Arabiya", "Asharq Al-Awsat"]);
    }
}

#[test]
fn riyadh_first_round_and_two_istanbul_rounds_are_kept_and_marked_conflicting() {
    let r = seeds_report();
    let t = &r.timeline;
    let riyadh = find(&r, "2025-02-18", &["riyadh"]).expect("Riyadh event");
    let e = &t.events[riyadh];
    assert!(!e.conflicts.is_empty(), "no conflict marked on {e:?}\n{}", dump(t));
    let other = t.events.iter().find(|o| o.id == e.conflicts[0].event).expect("conflict names an event");
    assert!(other.sources.iter().any(|s| s == "000_c1cd38a9813a8839.txt"), "{other:?}");
    assert!(other.conflicts.iter().any(|c| c.event == e.id), "conflict is not mutual");
}

#[test]
fn month_year_and_range_precision_is_shown_as_such() {
    let r = seeds_report();
    let dates: Vec<String> = r.timeline.events.iter().map(date).collect();
    assert!(dates.iter().any(|d| d == "2016/2018"), "{dates:?}");
    assert!(dates.iter().any(|d| d == "2022"), "{dates:?}");
    assert!(dates.iter().any(|d| d == "2025-02"), "{dates:?}");
    let text = dateline::timeline::render::text::render(&r.timeline);
    assert!(text.contains("\n2016 \u{2013} 2018\n"), "{text}");
    assert!(text.contains("\nFebruary 2025\n"), "{text}");
}

#[test]
fn report_json_round_trips_through_serde() {
    let r = seeds_report();
    let json = serde_json::to_string(&r).expect("serializes");
    let back: Report = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, r);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    for field in ["documents", "stories", "events"] {
        assert!(v.get(field).is_some_and(|x| x.is_array()), "missing {field}");
    }
    let event_keys = ["date", "text", "entities", "sources", "conflicts"];
    for e in v["events"].as_array().into_iter().flatten() {
        for k in event_keys {
            assert!(e.get(k).is_some(), "event without {k}: {e}");
        }
    }
}

#[test]
fn same_happening_in_two_pages_is_one_event_and_month_precision_is_kept() {
    let corpus = include_str!("data/timeline_dated.corpus");
    let docs = dateline::corpus::parse(corpus).expect("test corpus parses");
    let r = Pipeline::builder().build().expect("builds").analyze_corpus(&docs);
    let march: Vec<&Event> = r.timeline.events.iter().filter(|e| date(e) == "2019-03").collect();
    assert_eq!(march.len(), 1, "{}", dump(&r.timeline));
    assert_eq!(march[0].sources, ["harbour-a.txt", "harbour-b.txt"]);
    let walkout: Vec<&Event> = r.timeline.events.iter().filter(|e| date(e) == "2024-10-07").collect();
    assert_eq!(walkout.len(), 1, "{}", dump(&r.timeline));
    assert_eq!(walkout[0].sources.len(), 2, "{}", dump(&r.timeline));
}

#[test]
fn undated_page_gets_no_invented_dates_but_absolute_dates_still_count() {
    let body = include_str!("data/timeline_undated.txt");
    let doc = Document::new("undated.txt", body);
    let t = Pipeline::builder().build().expect("builds").timeline([&doc]);
    let dates: Vec<String> = t.events.iter().map(date).collect();
    assert_eq!(dates, ["2019-03"], "{}", dump(&t));
}

#[test]
fn timelinejs_output_has_the_structure_timelinejs_requires() {
    let r = seeds_report();
    let js = serde_json::to_value(timelinejs::from_timeline(&r.timeline)).expect("serializes");
    let events = js["events"].as_array().expect("`events` is an array");
    assert!(!events.is_empty());
    assert_eq!(events.len(), r.timeline.events.iter().filter(|e| e.date.is_some()).count());
    for e in events {
        let start = &e["start_date"];
        assert!(start["year"].is_i64(), "start_date.year must be a number: {e}");
        if let Some(m) = start.get("month") {
            assert!((1..=12).contains(&m.as_i64().unwrap_or(0)), "{e}");
        }
        if start.get("day").is_some() {
            assert!(start.get("month").is_some(), "a day without a month: {e}");
        }
        assert!(e["text"]["headline"].as_str().is_some_and(|h| !h.is_empty()), "{e}");
        assert!(e["text"]["text"].as_str().is_some_and(|h| h.contains("Sources:")), "{e}");
    }
    // A range keeps both ends; month precision has no day.
    let range = events.iter().find(|e| e.get("end_date").is_some()).expect("the 2016-2018 range");
    assert_eq!((range["start_date"]["year"].as_i64(), range["end_date"]["year"].as_i64()), (Some(2016), Some(2018)));
    assert!(events.iter().any(|e| e["start_date"].get("month").is_some() && e["start_date"].get("day").is_none()));
    if let Some(title) = js.get("title") {
        assert!(title.get("start_date").is_none() && title["text"]["headline"].is_string(), "{title}");
    }
}

#[test]
fn key_quote_is_the_speakers_own_words_and_a_continued_quote_joins_its_event() {
    let r = seeds_report();
    let t = &r.timeline;
    let jun25 = find(&r, "2025-06-25", &["ushakov"]).expect("June 25 event");
    let q = t.events[jun25].quote.as_ref().expect("a key quote");
    assert!(q.direct && q.text.starts_with("I would suggest"), "{q:?}");
    let apr8: Vec<&Event> = t.events.iter().filter(|e| date(e) == "2025-04-08").collect();
    assert_eq!(apr8.len(), 1, "{}", dump(t));
    let q = apr8[0].quote.as_ref().expect("Bruce's quote");
    assert!(q.direct && q.speaker_text.ends_with("Bruce"), "{q:?}");
}

// Issue 13's error classes, each on sentences written for these tests.

fn timeline_of(corpus: &str) -> Report {
    let docs = dateline::corpus::parse(corpus).expect("test corpus parses");
    Pipeline::builder().build().expect("pipeline builds").analyze_corpus(&docs)
}

fn dated(r: &Report) -> Vec<(String, String)> {
    r.timeline.events.iter().map(|e| (date(e), e.text.clone())).collect()
}

#[test]
fn a_since_bound_never_dates_an_event() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-07-04\n---\nHarbour exports slump\n\n\
         Harbour exports fell on Wednesday to the lowest level since 1981, the port authority said.\n\n\
         It was the first time since 2009 that the port closed a terminal.\n",
    );
    let d = dated(&r);
    assert!(d.iter().all(|(day, _)| day != "1981" && day != "2009"), "{d:?}");
    assert!(d.iter().any(|(day, _)| day == "2024-07-03"), "{d:?}");
}

#[test]
fn captions_mastheads_and_fragments_are_not_events() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-07-04\n---\nHarbour strike ends\n\n\
         THE HARBOUR GAZETTE | Thursday, July 4, 2024\n\n\
         Dock workers ended their strike on Wednesday after a pay deal was signed.\n\n\
         A dock worker looks on as cranes restart at the terminal on Wednesday. (Photo: Jane Roe/Getty Images)\n\n\
         On Wednesday, the two unions which had been negotiating in\n",
    );
    let d = dated(&r);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].1.starts_with("Dock workers ended their strike"), "{d:?}");
}

#[test]
fn a_date_in_a_modifying_phrase_does_not_date_the_main_clause() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-05-10\n---\nEnvoys meet again\n\n\
         The two envoys met on Thursday in Oslo for the second time.\n\n\
         The delegation spent five hours at the embassy in Oslo\u{2014}a follow-up to a process launched in March amid the dispute.\n",
    );
    let spent = r.timeline.events.iter().find(|e| e.text.starts_with("The delegation spent"));
    assert!(spent.is_none(), "the five-hour meeting is dated by its passing date: {:?}", dated(&r));
    assert!(r.timeline.events.iter().all(|e| !(date(e) == "2024-03" && e.text.starts_with("The delegation"))));
}

#[test]
fn a_lede_without_a_date_phrase_is_dated_by_its_page_and_marked() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-05-10\nsource: Harbour Wire\nurl: https://wire.example/ferry\n---\n\
         Ferry service restored\n\nThe island ferry resumed service to the mainland after a three-week halt \
         caused by a dispute over the pay of its crews, the operator told passengers.\n",
    );
    let e = &r.timeline.events[0];
    assert_eq!(date(e), "2024-05-10");
    assert_eq!(e.rule, Some(dateline::time::Rule::Publication));
    assert_eq!(e.provenance[0].label(), "Harbour Wire");
    assert_eq!(e.provenance[0].url(), Some("https://wire.example/ferry"));
}

#[test]
fn a_short_stand_first_is_not_dated_by_the_page() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-05-10\n---\nFerry talks\n\nMeeting meant to get both unions back to the table\n\n\
         The two ferry unions will meet the operator on Saturday in the harbour office, a spokesman said.\n",
    );
    let d = dated(&r);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "2024-05-11");
}

#[test]
fn a_present_tense_caption_ending_on_a_full_date_is_not_an_event() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-05-13\n---\nFlood in the valley\n\n\
         The river burst its banks on Sunday, flooding two villages, the fire service said.\n\n\
         An injured man is receiving care at the school gate in Lindby on May 12, 2024.\n",
    );
    let d = dated(&r);
    assert!(d.iter().all(|(_, t)| !t.starts_with("An injured man")), "{d:?}");
}

#[test]
fn over_the_weekend_in_a_relative_clause_does_not_date_the_report() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-05-13\n---\nFlood toll\n\n\
         The toll from the flood that hit the valley over the weekend rose to 40, officials said Monday.\n",
    );
    let d = dated(&r);
    assert!(d.iter().any(|(day, t)| day == "2024-05-13" && t.starts_with("The toll")), "{d:?}");
    assert!(
        d.iter().any(|(day, t)| day == "2024-05-11/2024-05-12" && t == "that hit the valley over the weekend"),
        "{d:?}"
    );
}

#[test]
fn a_fiscal_year_label_and_a_weekday_attribute_date_nothing() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2017-05-17\n---\nCouncil adopts budget\n\n\
         The mayor's 2017-2018 budget plan was unanimously approved Tuesday by the town council.\n\n\
         The town has also hired Saturday street sweeping crews for the summer months.\n",
    );
    let d = dated(&r);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "2017-05-16", "{d:?}");
}

#[test]
fn anaphoric_dates_count_from_their_antecedent() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-07-04\n---\nMayor resigns\n\n\
         The council voted on Monday to censure the mayor over the harbour contracts.\n\n\
         Later that day the mayor resigned from her post in a short statement.\n\n\
         The previous year the council had rejected two motions against the mayor.\n\n\
         The harbour contracts were first awarded in May of last year by the port board.\n",
    );
    let d = dated(&r);
    let on = |day: &str, start: &str| d.iter().any(|(x, t)| x == day && t.starts_with(start));
    assert!(on("2024-07-01", "Later that day"), "{d:?}");
    assert!(on("2023", "The previous year"), "{d:?}");
    assert!(on("2023-05", "The harbour contracts"), "{d:?}");
    let later = r.timeline.events.iter().find(|e| e.text.starts_with("Later that day")).unwrap();
    assert_eq!(later.rule, Some(dateline::time::Rule::Antecedent));
}

#[test]
fn conflict_notes_name_places_as_written() {
    let r = seeds_report();
    let notes: Vec<&str> =
        r.timeline.events.iter().flat_map(|e| e.conflicts.iter().map(|c| c.reason.as_str())).collect();
    assert!(!notes.is_empty());
    for n in notes {
        assert!(n.contains("Istanbul") && !n.contains("istanbul"), "{n}");
    }
}

#[test]
fn header_counts_pages_and_blurbs_apart() {
    let r = seeds_report();
    let text = dateline::timeline::render::text::render_report(&r);
    let header = text.lines().nth(1).unwrap();
    assert!(header.contains("from 5 pages"), "{header}");
    assert!(header.contains("related-story blurb"), "{header}");
}

#[test]
fn video_prompts_and_timestamps_are_never_the_headline() {
    let r = timeline_of(
        "==> a.txt <==\n---\ndate: 2024-07-04\ntitle: Watch CBS News\n---\n\
         Dock workers ended their strike on Wednesday after a pay deal was signed.\n",
    );
    assert_ne!(r.timeline.title.as_deref(), Some("Watch CBS News"));
    assert!(!dateline::timeline::is_headline("Updated 10:42 AM EDT, Thu July 4, 2024"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any text, with dashes, quote marks and date words in any order, gives a timeline without panicking.
    #[test]
    fn any_text_gives_a_timeline_without_panic(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Monday", "the same day", "over the weekend", "since", "1974", "May of last year", "who", "that",
                "said", "\u{2014}", "\u{2013}", ",", ".", "\u{201c}", "\u{201d}", "\u{ab}", "\u{bb}", "\"", "per cent",
                "met", "in", "February", "initiated", "a", "of", "talks", "caf\u{e9}", "\u{65e5}\u{672c}", "(", ")", "\n\n",
            ]),
            0..60,
        )
    ) {
        let body = words.join(" ");
        let corpus = format!("==> a.txt <==\n---\ndate: 2024-07-04\n---\n{body}\n");
        if let Ok(docs) = dateline::corpus::parse(&corpus) {
            let r = Pipeline::builder().build().expect("pipeline builds").analyze_corpus(&docs);
            let _ = dateline::timeline::render::html::render(&r);
        }
    }
}
