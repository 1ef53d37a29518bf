//! A realistic syndicated news stream with ground truth: wire stories
//! rewritten through the day and carried by many outlets, next to the
//! pages that make copy detection hard. All text is synthetic (pseudo-words
//! from a Zipf vocabulary, English function words, templates written here).
//!
//! What it makes, calibrated on 76 real pages (13 groups of wire copies
//! and independent reports of the same events; figures in
//! `benches/compare/README.md`):
//!
//! - **Wire stories** (one true story each): a master text of 8–18 short
//!   paragraphs, released as 1–3 **versions** through the day (an early
//!   version of the first 4–7 paragraphs; each later one gets a new lede,
//!   the old lede moved down or dropped, a paragraph moved down, paragraphs
//!   added, some old ones dropped, the tail sometimes cut). Each of 1–25
//!   outlets carries one version in full, as an **excerpt** (its first 2–4
//!   paragraphs), cut at the tail, or as a **photo gallery** (the lede among
//!   the story's captions); with syndication edits (new headline, dateline
//!   and credit changed, quotes curled or straightened, a sentence reworded,
//!   paragraphs merged or dropped). Versions far apart share little, so
//!   copies form **chains** (A~B, B~C, A little ~C).
//! - **Hard negatives** (different true stories): independent articles on
//!   one event quoting the event's 30–65-word statement word for word, its
//!   press-release sentence and its photo captions; wire stories and
//!   independent articles reusing the event's **background paragraphs**;
//!   every page of an outlet carrying its **furniture** (navigation, a long
//!   reprint notice, a "video failed to load" box, newsletter pitch,
//!   copyright) and every story of an agency its credit endnotes; **"Read
//!   next" teasers** (headline and the first 25–35 words of OTHER recent
//!   stories, half of them on the same event) on 45% of pages; and rare
//!   **index pages** listing 4–8 ledes of different stories.
//!
//! Pages come out in time order with a local shuffle (a window of 2,000
//! pages), so copies of one story arrive within a few thousand documents of
//! each other, as in a news stream. Deterministic by seed; streaming, so a
//! million pages never need to be in memory at once.
#![allow(dead_code)]

use crate::common::Rng;

/// One generated page.
pub struct Page {
    /// Document id, `w0000000.txt`, in output order.
    pub id: String,
    /// Outlet name (front matter `source`).
    pub source: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// The page text.
    pub body: String,
    /// True story: pages with the same cluster are copies of one story.
    pub cluster: u32,
    /// The event the page is about (several stories per event).
    pub event: u32,
    /// What the page is: `wire-full`, `wire-excerpt`, `wire-cut`, `gallery`,
    /// `independent` or `index`.
    pub kind: &'static str,
    /// Version of the wire story the page carries (0 for non-wire pages).
    pub version: u8,
}

impl Page {
    /// Append the page in the corpus format (`==> id <==`, front matter).
    pub fn write_to(&self, out: &mut String, first: bool) {
        if !first {
            out.push('\n');
        }
        out.push_str("==> ");
        out.push_str(&self.id);
        out.push_str(" <==\n---\ndate: ");
        out.push_str(&self.date);
        out.push_str("\nsource: ");
        out.push_str(&self.source);
        out.push_str("\n---\n");
        out.push_str(&self.body);
    }
}

/// A whole generated corpus in memory, with its truth.
pub struct WireCorpus {
    /// The corpus in the `==> NAME <==` format with `date` and `source` front matter.
    pub corpus: String,
    /// `(document id, cluster id)` for every document, in corpus order.
    pub truth: Vec<(String, u32)>,
    /// `(document id, kind, event, version)` for every document.
    pub labels: Vec<(String, &'static str, u32, u8)>,
}

impl WireCorpus {
    /// The truth as TSV: `id<TAB>cluster` a line.
    pub fn truth_tsv(&self) -> String {
        self.truth.iter().map(|(id, c)| format!("{id}\t{c}\n")).collect()
    }
}

/// The corpus of `docs` pages from `seed`, in memory.
pub fn wire_corpus(docs: usize, seed: u64) -> WireCorpus {
    let mut out = WireCorpus { corpus: String::with_capacity(docs * 3200), truth: Vec::new(), labels: Vec::new() };
    for (n, page) in Generator::new(docs, seed).enumerate() {
        page.write_to(&mut out.corpus, n == 0);
        out.truth.push((page.id.clone(), page.cluster));
        out.labels.push((page.id, page.kind, page.event, page.version));
    }
    out
}

const FUNCTION_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "by",
    "it",
    "at",
    "from",
    "is",
    "said",
    "his",
    "her",
    "have",
    "be",
    "has",
    "were",
    "had",
    "not",
    "are",
    "this",
    "an",
    "which",
    "after",
    "but",
    "their",
    "they",
    "been",
    "would",
    "who",
    "its",
    "more",
    "will",
    "also",
    "over",
    "than",
    "about",
    "into",
    "up",
    "other",
    "when",
    "there",
    "some",
    "could",
    "two",
    "new",
    "last",
    "first",
    "year",
    "officials",
    "government",
    "police",
    "people",
    "week",
    "city",
    "state",
    "country",
    "since",
    "before",
    "under",
    "while",
    "where",
    "against",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "sen", "tal", "ve", "dor", "lu", "pra", "nes", "qui", "bal", "tor", "fi", "gan", "hel", "jo",
    "lam", "mor", "nik", "pel", "ras", "sul", "tin", "vor", "wel", "zan", "bre", "cal", "dem", "fal", "gor", "hin",
    "kel", "lor", "man", "nor", "pat", "rin", "sto", "tra", "ur", "val", "wen", "xi", "yel", "zor", "an", "el", "om",
];
const CUES: &[&str] = &["said", "told reporters", "said in a statement", "added", "told the agency", "wrote"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] =
    &["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const SECTIONS: &[&str] = &["World", "Politics", "Canada", "U.S.", "Business", "Local News", "Nation", "Europe"];
const TEASER_HEADINGS: &[&str] =
    &["Read next", "Related Articles", "More from {O}", "Read More", "Recommended", "Most Read"];
const SHORT_FURNITURE: &[&str] = &[
    "Advertisement",
    "Share this article",
    "Comments",
    "Listen to this article",
    "Skip to content",
    "Sign In",
    "Story continues below advertisement",
    "Report an error",
    "Sponsored content",
    "AdChoices",
    "Text Size",
    "Follow us on social media",
];

/// Words of a synthetic language.
struct Vocabulary {
    words: Vec<String>,
}

impl Vocabulary {
    fn new(rng: &mut Rng, size: usize) -> Vocabulary {
        let words = (0..size)
            .map(|_| (0..1 + rng.below(3) + rng.below(2)).map(|_| rng.word(SYLLABLES)).collect::<String>())
            .collect();
        Vocabulary { words }
    }

    /// A content word with Zipf-like (1/rank) frequencies.
    fn zipf(&self, rng: &mut Rng) -> &str {
        let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let rank = (self.words.len() as f64).powf(u) as usize;
        &self.words[rank.saturating_sub(1).min(self.words.len() - 1)]
    }

    fn name(&self, rng: &mut Rng) -> String {
        format!("{} {}", capitalise(self.zipf(rng)), capitalise(self.zipf(rng)))
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A news event: several wire stories and independent articles are about it.
struct Event {
    id: u32,
    people: Vec<String>,
    places: Vec<String>,
    phrases: Vec<String>,
    city: String,
    /// The 30–65-word statement every report quotes word for word.
    statement: String,
    speaker: String,
    /// A press-release sentence (quoted, 25–45 words) and who issued it.
    release: String,
    release_by: String,
    /// Photo captions with credits, shared by stories on the event.
    captions: Vec<String>,
    /// Background paragraphs reused by different stories on the event.
    background: Vec<String>,
    /// Pages still to make on this event.
    left: usize,
}

/// A wire agency: its credit and the endnotes on every story it moves.
struct Agency {
    name: String,
    short: String,
    endnotes: Vec<String>,
}

/// An outlet and its furniture.
struct Outlet {
    name: String,
    header: Vec<String>,
    footer: Vec<String>,
    /// A long notice on every page (reprint rights, paywall pitch), or none.
    notice: Option<String>,
    /// A mid-article video box (its text holds the page's headline).
    video_box: Option<(String, String)>,
    blank_lines: bool,
    curly: bool,
    keeps_dateline: bool,
}

/// A wire story: the versions it went through and its photos.
struct Story {
    cluster: u32,
    event: usize,
    agency: usize,
    headline: String,
    versions: Vec<Vec<String>>,
    photos: Vec<String>,
    day: usize,
}

/// A recent story, for teasers and index pages.
#[derive(Clone)]
struct Recent {
    event: u32,
    headline: String,
    lede: String,
}

/// Generates the pages; an iterator of [`Page`]s in output order.
pub struct Generator {
    rng: Rng,
    vocab: Vocabulary,
    agencies: Vec<Agency>,
    outlets: Vec<Outlet>,
    events: Vec<Event>,
    next_event: u32,
    next_cluster: u32,
    recent: Vec<Recent>,
    recent_at: usize,
    pool: Vec<Page>,
    target: usize,
    produced: usize,
    emitted: usize,
}

/// Pages held back and emitted in random order (the local shuffle).
const WINDOW: usize = 2000;
/// Recent stories kept for teasers and index pages.
const RECENT: usize = 1000;

impl Generator {
    /// A generator of `docs` pages from `seed`.
    pub fn new(docs: usize, seed: u64) -> Generator {
        let mut rng = Rng::new(seed ^ 0x0005_EED0_F1E5);
        let vocab = Vocabulary::new(&mut rng, 30_000);
        let agency_names =
            [("Wire Press", "WP"), ("Global News Agency", "GNA"), ("National Press", "NP"), ("World Report", "WR")];
        let agencies = agency_names
            .iter()
            .map(|(name, short)| {
                let mut endnotes = Vec::new();
                if rng.below(2) == 0 {
                    endnotes.push(format!("This report by {name} was first published {{DATE}}."));
                }
                if rng.below(2) == 0 {
                    endnotes.push(format!(
                        "This story was produced with the financial assistance of the {} {} and {name} Fellowship.",
                        capitalise(vocab.zipf(&mut rng)),
                        rng.word(&["Foundation", "Trust", "Institute"])
                    ));
                }
                endnotes.push(format!("Copyright {} {name}. All rights reserved.", 2025));
                Agency { name: name.to_string(), short: short.to_string(), endnotes }
            })
            .collect();
        let n_outlets = (docs / 400).clamp(60, 2000);
        let outlets = (0..n_outlets).map(|_| outlet(&mut rng, &vocab)).collect();
        Generator {
            rng,
            vocab,
            agencies,
            outlets,
            events: Vec::new(),
            next_event: 0,
            next_cluster: 0,
            recent: Vec::with_capacity(RECENT),
            recent_at: 0,
            pool: Vec::with_capacity(WINDOW + 64),
            target: docs,
            produced: 0,
            emitted: 0,
        }
    }

    fn day(&self) -> usize {
        self.produced * 365 / self.target.max(1)
    }

    fn date(&self, day: usize) -> String {
        let base = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        (base + chrono::Days::new(day as u64)).to_string()
    }

    // ---- text ---------------------------------------------------------

    fn words(&mut self, n: usize, e: usize) -> Vec<String> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let r = self.rng.below(100);
            let ev = &self.events[e];
            let w = if r < 4 {
                self.rng.pick(&ev.people).clone()
            } else if r < 7 {
                self.rng.pick(&ev.places).clone()
            } else if r < 9 {
                self.rng.pick(&ev.phrases).clone()
            } else if r < 52 {
                self.rng.word(FUNCTION_WORDS).to_string()
            } else {
                self.vocab.zipf(&mut self.rng).to_string()
            };
            out.push(w);
        }
        out
    }

    fn sentence(&mut self, e: usize) -> String {
        let n = 12 + self.rng.below(17);
        let mut w = self.words(n, e);
        w[0] = capitalise(&w[0]);
        if self.rng.below(10) == 0 {
            let i = 2 + self.rng.below(n - 3);
            w[i].push(',');
        }
        let who = self.rng.pick(&self.events[e].people).clone();
        match self.rng.below(10) {
            0 | 1 => format!("\"{}\", {who} {}.", w.join(" "), self.rng.word(CUES)),
            2 => format!("{who} {} that {}.", self.rng.word(CUES), w.join(" ").to_lowercase()),
            3 => format!(
                "{}, {} {} {}.",
                w.join(" "),
                self.rng.word(&["police", "officials", "a spokesperson"]),
                self.rng.word(CUES),
                self.rng.word(WEEKDAYS)
            ),
            _ => format!("{}.", w.join(" ")),
        }
    }

    /// A wire-style paragraph: one or two sentences.
    fn paragraph(&mut self, e: usize) -> String {
        let n = if self.rng.below(100) < 55 { 1 } else { 2 };
        (0..n).map(|_| self.sentence(e)).collect::<Vec<_>>().join(" ")
    }

    fn lede(&mut self, e: usize) -> String {
        let n = 24 + self.rng.below(16);
        let mut w = self.words(n, e);
        w[0] = capitalise(&w[0]);
        format!("{} on {}, {}.", w[..n / 2].join(" "), self.rng.word(WEEKDAYS), w[n / 2..].join(" "))
    }

    fn headline(&mut self, e: usize) -> String {
        let n = 6 + self.rng.below(7);
        self.words(n, e).iter().map(|w| capitalise(w)).collect::<Vec<_>>().join(" ")
    }

    fn caption(&mut self, e: usize, agency: &str) -> String {
        let n = 16 + self.rng.below(22);
        let mut w = self.words(n, e);
        w[0] = capitalise(&w[0]);
        let photographer = self.vocab.name(&mut self.rng);
        let day = self.rng.word(WEEKDAYS);
        let mon = self.rng.word(MONTHS);
        let dd = 1 + self.rng.below(28);
        match self.rng.below(3) {
            0 => format!("{}, {day}, {mon} {dd}, 2025. ({agency} Photo/{photographer})", w.join(" ")),
            1 => format!("{}. ({photographer}/{agency})", w.join(" ")),
            _ => format!(
                "{} in {}. Photo: {photographer}/{agency}",
                w.join(" "),
                self.rng.pick(&self.events[e].places).clone()
            ),
        }
    }

    fn new_event(&mut self) -> usize {
        let vocab = &self.vocab;
        let rng = &mut self.rng;
        let people: Vec<String> = (0..4).map(|_| vocab.name(rng)).collect();
        let places: Vec<String> = (0..2).map(|_| capitalise(vocab.zipf(rng))).collect();
        let phrases = (0..3)
            .map(|_| (0..3 + rng.below(3)).map(|_| vocab.zipf(rng).to_string()).collect::<Vec<_>>().join(" "))
            .collect();
        let city = capitalise(vocab.zipf(rng));
        let speaker = people[0].clone();
        let release_by = format!(
            "the {} {}",
            capitalise(vocab.zipf(rng)),
            rng.word(&["Ministry", "Company", "Department", "Council", "Agency"])
        );
        // Pages per event: most events are small, a few are big stories.
        let left = match rng.below(100) {
            0..=59 => 4 + rng.below(8),
            60..=89 => 12 + rng.below(20),
            _ => 30 + rng.below(60),
        };
        self.events.push(Event {
            id: self.next_event,
            people,
            places,
            phrases,
            city,
            statement: String::new(),
            speaker,
            release: String::new(),
            release_by,
            captions: Vec::new(),
            background: Vec::new(),
            left,
        });
        self.next_event += 1;
        let e = self.events.len() - 1;
        let n = 30 + self.rng.below(36);
        let mut s = self.words(n, e);
        s[0] = capitalise(&s[0]);
        self.events[e].statement = s.join(" ");
        let n = 25 + self.rng.below(21);
        let mut s = self.words(n, e);
        s[0] = s[0].to_lowercase();
        self.events[e].release = s.join(" ");
        let agency = self.agencies[self.rng.below(self.agencies.len())].short.clone();
        let captions = (0..3 + self.rng.below(3)).map(|_| self.caption(e, &agency)).collect();
        self.events[e].captions = captions;
        let background = (0..2 + self.rng.below(4))
            .map(|_| {
                let a = self.sentence(e);
                let b = self.sentence(e);
                format!("{a} {b}")
            })
            .collect();
        self.events[e].background = background;
        e
    }

    fn statement_paragraph(&mut self, e: usize) -> String {
        let ev = &self.events[e];
        let (statement, speaker) = (ev.statement.clone(), ev.speaker.clone());
        match self.rng.below(3) {
            0 => format!("\"{statement},\" {speaker} {}.", self.rng.word(CUES)),
            1 => format!("{speaker} {}: \"{statement}.\"", self.rng.word(&["said", "wrote", "said in a statement"])),
            _ => format!("In a statement, {speaker} said: \"{statement}.\""),
        }
    }

    fn release_paragraph(&mut self, e: usize) -> String {
        let ev = &self.events[e];
        let (release, by) = (ev.release.clone(), ev.release_by.clone());
        let lead = self.sentence(e);
        match self.rng.below(2) {
            0 => format!("{lead} The plan will \"{release},\" according to a news release from {by}."),
            _ => format!("It will \"{release},\" {by} said in a news release."),
        }
    }

    // ---- stories ------------------------------------------------------

    fn master(&mut self, e: usize) -> Vec<String> {
        let n = 8 + self.rng.below(11);
        let mut p: Vec<String> = Vec::with_capacity(n + 3);
        p.push(self.lede(e));
        while p.len() < n {
            p.push(self.paragraph(e));
        }
        if self.rng.below(100) < 60 {
            let at = 2 + self.rng.below(4).min(p.len() - 2);
            let s = self.statement_paragraph(e);
            p.insert(at, s);
        }
        if self.rng.below(100) < 20 {
            let at = 3 + self.rng.below(p.len() - 3);
            let s = self.release_paragraph(e);
            p.insert(at, s);
        }
        for _ in 0..[0, 0, 0, 0, 0, 1, 1, 1, 1, 2][self.rng.below(10)] {
            let b = self.rng.pick(&self.events[e].background).clone();
            let at = (p.len() / 2 + self.rng.below(p.len() / 2 + 1)).min(p.len());
            p.insert(at, b);
        }
        p
    }

    fn versions(&mut self, e: usize, master: Vec<String>) -> Vec<Vec<String>> {
        let count = match self.rng.below(100) {
            0..=39 => 1,
            40..=74 => 2,
            _ => 3,
        };
        if count == 1 {
            return vec![master];
        }
        let early = (4 + self.rng.below(4)).min(master.len());
        let mut rest = master[early..].iter().cloned();
        let mut cur: Vec<String> = master[..early].to_vec();
        let mut out = vec![cur.clone()];
        for _ in 1..count {
            let mut next = cur.clone();
            // A new top; the old lede moves down or goes.
            let old = next.remove(0);
            let lede = self.lede(e);
            next.insert(0, lede);
            if self.rng.below(2) == 0 {
                let at = (2 + self.rng.below(3)).min(next.len());
                next.insert(at, old);
            }
            // Older paragraphs dropped as the story grows.
            let mut i = 1;
            while i < next.len() {
                if self.rng.below(100) < 22 && next.len() > 4 {
                    next.remove(i);
                } else {
                    i += 1;
                }
            }
            // A paragraph moved down.
            if next.len() > 4 && self.rng.below(2) == 0 {
                let p = next.remove(1);
                let at = 2 + self.rng.below(next.len() - 2);
                next.insert(at, p);
            }
            // New paragraphs: the rest of the master, and fresh reaction.
            for _ in 0..2 + self.rng.below(4) {
                match rest.next() {
                    Some(p) => next.push(p),
                    None => {
                        let p = self.paragraph(e);
                        next.push(p);
                    }
                }
            }
            let at = 1 + self.rng.below(next.len() - 1);
            let p = self.paragraph(e);
            next.insert(at, p);
            // Tail cut.
            if self.rng.below(100) < 35 && next.len() > 6 {
                let cut = 1 + self.rng.below(2);
                next.truncate(next.len() - cut);
            }
            out.push(next.clone());
            cur = next;
        }
        out
    }

    fn recent(&mut self, r: Recent) {
        if self.recent.len() < RECENT {
            self.recent.push(r);
        } else {
            self.recent[self.recent_at] = r;
            self.recent_at = (self.recent_at + 1) % RECENT;
        }
    }

    /// A recent story (half the time one on the same event), not `not`.
    fn pick_recent(&mut self, event: u32, not: &str) -> Option<Recent> {
        if self.recent.is_empty() {
            return None;
        }
        if self.rng.below(2) == 0 {
            let same: Vec<usize> = (0..self.recent.len())
                .filter(|&i| self.recent[i].event == event && self.recent[i].headline != not)
                .collect();
            if !same.is_empty() {
                return Some(self.recent[*self.rng.pick(&same)].clone());
            }
        }
        let r = self.recent[self.rng.below(self.recent.len())].clone();
        (r.headline != not).then_some(r)
    }

    fn teaser_block(&mut self, outlet: usize, event: u32, own: &str) -> Vec<String> {
        let mut lines = Vec::new();
        let heading = self.rng.word(TEASER_HEADINGS).replace("{O}", &self.outlets[outlet].name);
        lines.push(String::new());
        lines.push(heading);
        for _ in 0..1 + self.rng.below(4) {
            let Some(r) = self.pick_recent(event, own) else { break };
            lines.push(r.headline.clone());
            if self.rng.below(2) == 0 {
                lines.push(format!("{} hours ago", 1 + self.rng.below(11)));
            }
            let words: Vec<&str> = r.lede.split(' ').collect();
            let n = (25 + self.rng.below(11)).min(words.len());
            lines.push(format!("{}...", words[..n].join(" ")));
        }
        lines
    }

    /// Wrap article paragraphs in an outlet's page.
    #[allow(clippy::too_many_arguments)]
    fn page(
        &mut self,
        o: usize,
        headline: &str,
        byline: Option<String>,
        paragraphs: &[String],
        captions: &[String],
        event: u32,
        tail: &[String],
    ) -> String {
        let mut body = String::with_capacity(4096);
        let outlet = &self.outlets[o];
        let (blank, curly) = (outlet.blank_lines, outlet.curly);
        for h in &outlet.header {
            body.push_str(h);
            body.push('\n');
        }
        if let Some(n) = &outlet.notice {
            body.push_str(n);
            body.push('\n');
        }
        if self.rng.below(3) == 0 {
            body.push_str(self.rng.word(SECTIONS));
            body.push('\n');
        }
        let caps = self.rng.below(30) == 0;
        body.push_str(&if caps { headline.to_uppercase() } else { headline.to_string() });
        body.push('\n');
        if let Some(b) = byline {
            body.push_str(&b);
            body.push('\n');
        }
        if self.rng.below(2) == 0 {
            let (h, m) = (1 + self.rng.below(12), self.rng.below(60));
            body.push_str(&format!("Updated {h}:{m:02} {} ET\n", self.rng.word(&["a.m.", "p.m."])));
        }
        let mut caption_iter = captions.iter();
        if let Some(c) = caption_iter.next() {
            body.push_str(c);
            body.push('\n');
        }
        let video_after = if self.outlets[o].video_box.is_some() && self.rng.below(2) == 0 { 2 } else { usize::MAX };
        let more_after = if self.rng.below(100) < 15 { 3 } else { usize::MAX };
        for (i, p) in paragraphs.iter().enumerate() {
            if blank {
                body.push('\n');
            }
            if curly {
                body.push_str(&curl(p));
            } else {
                body.push_str(p);
            }
            body.push('\n');
            if i + 1 == video_after {
                if let Some((a, b)) = &self.outlets[o].video_box {
                    body.push_str(&format!("{a}\n\n{b} {headline} Back to video\n"));
                }
            }
            if i + 1 == more_after {
                if let Some(r) = self.pick_recent(event, headline) {
                    body.push_str(&format!("Read more: {}\n", r.headline));
                }
            }
            if i == 4 {
                if let Some(c) = caption_iter.next() {
                    body.push_str(c);
                    body.push('\n');
                }
            }
        }
        for t in tail {
            body.push_str(t);
            body.push('\n');
        }
        if self.rng.below(100) < 45 {
            for l in self.teaser_block(o, event, headline) {
                body.push_str(&l);
                body.push('\n');
            }
        }
        body.push('\n');
        for f in &self.outlets[o].footer {
            body.push_str(f);
            body.push('\n');
        }
        body
    }

    fn wire_story(&mut self, e: usize) {
        let day = self.day();
        let agency = self.rng.below(self.agencies.len());
        let master = self.master(e);
        let versions = self.versions(e, master);
        let headline = self.headline(e);
        let short = self.agencies[agency].short.clone();
        let photos = (0..3 + self.rng.below(5)).map(|_| self.caption(e, &short)).collect();
        let cluster = self.next_cluster;
        self.next_cluster += 1;
        let story = Story { cluster, event: e, agency, headline, versions, photos, day };
        let outlets = match self.rng.below(100) {
            0..=39 => 1,
            40..=79 => 2 + self.rng.below(3),
            80..=94 => 5 + self.rng.below(6),
            _ => 11 + self.rng.below(15),
        };
        let mut carried = vec![false; story.versions.len()];
        for k in 0..outlets {
            if self.produced >= self.target {
                break;
            }
            // Early outlets carry early versions.
            let v = (k * story.versions.len() / outlets + self.rng.below(2)).min(story.versions.len() - 1);
            // The first page of each version carries it whole, so that every
            // excerpt and gallery has a full page of its version to match.
            let first = !carried[v];
            carried[v] = true;
            let page = self.wire_page(&story, v, first);
            self.push(page);
        }
        let lede = story.versions.last().map(|v| v[0].clone()).unwrap_or_default();
        self.recent(Recent { event: self.events[e].id, headline: story.headline.clone(), lede });
        if story.versions.len() > 1 {
            let lede = story.versions[0][0].clone();
            self.recent(Recent { event: self.events[e].id, headline: story.headline.clone(), lede });
        }
    }

    fn wire_page(&mut self, story: &Story, v: usize, first: bool) -> Page {
        let e = story.event;
        let o = self.rng.below(self.outlets.len());
        let mut paragraphs = story.versions[v].clone();
        let ag = &self.agencies[story.agency];
        let (ag_name, ag_short) = (ag.name.clone(), ag.short.clone());
        // Syndication edits.
        if self.rng.below(100) < 25 {
            let i = self.rng.below(paragraphs.len());
            paragraphs[i] = self.reword(e, &paragraphs[i]);
        }
        if self.rng.below(100) < 10 && paragraphs.len() > 4 {
            let i = 1 + self.rng.below(paragraphs.len() - 2);
            let next = paragraphs.remove(i + 1);
            paragraphs[i] = format!("{} {next}", paragraphs[i]);
        }
        if self.rng.below(100) < 15 && paragraphs.len() > 5 {
            let i = 2 + self.rng.below(paragraphs.len() - 3);
            paragraphs.remove(i);
        }
        // Copy-editing: a few words changed here and there (style, tense,
        // titles), which cuts the verbatim runs to paragraph size.
        if self.rng.below(100) < 70 {
            for _ in 0..1 + self.rng.below(6) {
                let i = self.rng.below(paragraphs.len());
                paragraphs[i] = self.touch(e, &paragraphs[i]);
            }
        }
        let form = if first { 0 } else { self.rng.below(100) };
        let (kind, gallery) = if form < 60 {
            ("wire-full", false)
        } else if form < 80 {
            let n = (2 + self.rng.below(3)).min(paragraphs.len());
            paragraphs.truncate(n);
            ("wire-excerpt", false)
        } else if form < 92 {
            let keep = (paragraphs.len() * (60 + self.rng.below(31)) / 100).max(3).min(paragraphs.len());
            paragraphs.truncate(keep);
            ("wire-cut", false)
        } else {
            ("gallery", true)
        };
        let city = self.events[e].city.clone();
        let dateline = match (self.outlets[o].keeps_dateline, self.rng.below(3)) {
            (true, 0) => format!("{} ({ag_short}) — ", city.to_uppercase()),
            (true, _) => format!("{} — ", city.to_uppercase()),
            (false, _) => String::new(),
        };
        if !dateline.is_empty() {
            paragraphs[0] = format!("{dateline}{}", paragraphs[0]);
        }
        let headline = if self.rng.below(100) < 55 { story.headline.clone() } else { self.headline(e) };
        let day = story.day + self.rng.below(2);
        let date = self.date(day);
        let source = self.outlets[o].name.clone();
        if gallery {
            let mut body = String::new();
            let outlet = &self.outlets[o];
            for h in &outlet.header {
                body.push_str(h);
                body.push('\n');
            }
            body.push_str(&format!("{} {headline}\n", self.rng.word(&["Photos:", "In pictures:", "Gallery:"])));
            body.push_str(&paragraphs[0]);
            body.push('\n');
            let n = story.photos.len();
            for (i, c) in story.photos.iter().enumerate() {
                if self.rng.below(2) == 0 {
                    body.push_str(&format!("{} of {n}\n", i + 1));
                }
                body.push_str(c);
                body.push('\n');
            }
            if self.rng.below(3) == 0 {
                let c = self.rng.pick(&self.events[e].captions).clone();
                body.push_str(&c);
                body.push('\n');
            }
            body.push('\n');
            for f in &self.outlets[o].footer {
                body.push_str(f);
                body.push('\n');
            }
            return self.make(source, date, body, story.cluster, e, kind, v as u8 + 1);
        }
        let byline = match self.rng.below(4) {
            0 => Some(format!("By {}, {ag_name}", self.vocab.name(&mut self.rng).to_uppercase())),
            1 => Some(format!("By The {ag_name}")),
            _ => None,
        };
        let mut captions = Vec::new();
        if self.rng.below(100) < 35 {
            captions.push(self.rng.pick(&story.photos).clone());
        }
        if self.rng.below(100) < 20 {
            captions.push(self.rng.pick(&self.events[e].captions).clone());
        }
        let mut tail = Vec::new();
        if kind == "wire-full" || self.rng.below(2) == 0 {
            let notes = self.agencies[story.agency].endnotes.clone();
            for n in notes {
                if self.rng.below(100) < 70 {
                    let d = format!("{} {}, 2025", self.rng.word(MONTHS), 1 + self.rng.below(28));
                    tail.push(n.replace("{DATE}", &d));
                }
            }
        }
        let body = self.page(o, &headline, byline, &paragraphs, &captions, self.events[e].id, &tail);
        self.make(source, date, body, story.cluster, e, kind, v as u8 + 1)
    }

    fn independent(&mut self, e: usize) {
        let o = self.rng.below(self.outlets.len());
        let n = 6 + self.rng.below(9);
        let mut p: Vec<String> = vec![self.lede(e)];
        while p.len() < n {
            p.push(self.paragraph(e));
        }
        if self.rng.below(100) < 55 {
            let at = 1 + self.rng.below(3);
            let s = self.statement_paragraph(e);
            p.insert(at, s);
        }
        if self.rng.below(100) < 25 {
            let at = 2 + self.rng.below(p.len() - 2);
            let s = self.release_paragraph(e);
            p.insert(at, s);
        }
        for _ in 0..[0, 0, 0, 0, 0, 0, 1, 1, 1, 2][self.rng.below(10)] {
            let b = self.rng.pick(&self.events[e].background).clone();
            let at = 2 + self.rng.below(p.len() - 1);
            p.insert(at.min(p.len()), b);
        }
        let mut captions = Vec::new();
        if self.rng.below(100) < 30 {
            captions.push(self.rng.pick(&self.events[e].captions).clone());
        }
        let headline = self.headline(e);
        let byline = (self.rng.below(2) == 0).then(|| format!("By {}", self.vocab.name(&mut self.rng)));
        let cluster = self.next_cluster;
        self.next_cluster += 1;
        let lede = p[0].clone();
        let body = self.page(o, &headline, byline, &p, &captions, self.events[e].id, &[]);
        let (source, date) = (self.outlets[o].name.clone(), self.date(self.day()));
        let page = self.make(source, date, body, cluster, e, "independent", 0);
        self.push(page);
        self.recent(Recent { event: self.events[e].id, headline, lede });
    }

    fn index_page(&mut self) {
        if self.recent.len() < 8 {
            return;
        }
        let o = self.rng.below(self.outlets.len());
        let mut body = String::new();
        body.push_str(&format!("{} stories, Page {}\n", self.outlets[o].name, 2 + self.rng.below(3000)));
        for _ in 0..4 + self.rng.below(5) {
            let r = self.recent[self.rng.below(self.recent.len())].clone();
            body.push_str(&r.headline);
            body.push('\n');
            if self.rng.below(2) == 0 {
                body.push_str(&r.lede);
            } else {
                let words: Vec<&str> = r.lede.split(' ').collect();
                let n = (30 + self.rng.below(16)).min(words.len());
                body.push_str(&format!("{}...", words[..n].join(" ")));
            }
            body.push_str("\n\n");
        }
        let cluster = self.next_cluster;
        self.next_cluster += 1;
        let (source, date) = (self.outlets[o].name.clone(), self.date(self.day()));
        let page = self.make(source, date, body, cluster, u32::MAX as usize, "index", 0);
        self.push(page);
    }

    /// Change one word of a paragraph.
    fn touch(&mut self, e: usize, paragraph: &str) -> String {
        let mut words: Vec<String> = paragraph.split(' ').map(str::to_string).collect();
        if words.len() > 3 {
            let i = 1 + self.rng.below(words.len() - 2);
            if !words[i].contains('"') && !words[i].ends_with('.') {
                words[i] = self.words(1, e).remove(0);
            }
        }
        words.join(" ")
    }

    /// Replace about a third of the words of one sentence, drop one.
    fn reword(&mut self, e: usize, paragraph: &str) -> String {
        let sentences: Vec<&str> = paragraph.split_inclusive(". ").collect();
        let pick = self.rng.below(sentences.len());
        let mut out = String::new();
        for (i, s) in sentences.iter().enumerate() {
            if i != pick {
                out.push_str(s);
                continue;
            }
            let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
            for w in words.iter_mut().skip(1) {
                if self.rng.below(3) == 0 && !w.ends_with('.') && !w.contains('"') {
                    *w = self.words(1, e).remove(0);
                }
            }
            if words.len() > 4 {
                words.remove(1 + self.rng.below(words.len() - 2));
            }
            out.push_str(&words.join(" "));
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn make(
        &mut self,
        source: String,
        date: String,
        body: String,
        cluster: u32,
        e: usize,
        kind: &'static str,
        version: u8,
    ) -> Page {
        let event = self.events.get(e).map_or(u32::MAX, |ev| ev.id);
        Page { id: String::new(), source, date, body, cluster, event, kind, version }
    }

    fn push(&mut self, page: Page) {
        self.produced += 1;
        self.pool.push(page);
    }

    /// Make pages until the pool is over the window or the target is met.
    fn fill(&mut self) {
        while self.pool.len() <= WINDOW && self.produced < self.target {
            if self.rng.below(1000) < 3 {
                self.index_page();
                continue;
            }
            // Keep about 40 events open; pick one, the newest more often.
            while self.events.len() < 40 {
                self.new_event();
            }
            let k = self.events.len();
            let e = k - 1 - (self.rng.below(k) * self.rng.below(k)) / k;
            if self.rng.below(100) < 30 {
                self.wire_story(e);
            } else {
                self.independent(e);
            }
            if self.events[e].left <= 1 {
                self.events.remove(e);
            } else {
                self.events[e].left -= 1;
            }
        }
    }
}

impl Iterator for Generator {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        self.fill();
        if self.pool.is_empty() {
            return None;
        }
        let i = self.rng.below(self.pool.len());
        let mut page = self.pool.swap_remove(i);
        page.id = format!("w{:07}.txt", self.emitted);
        self.emitted += 1;
        Some(page)
    }
}

fn curl(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut open = true;
    let mut prev = ' ';
    for c in s.chars() {
        match c {
            '"' => {
                out.push(if open { '\u{201C}' } else { '\u{201D}' });
                open = !open;
            }
            '\'' if prev.is_alphanumeric() => out.push('\u{2019}'),
            _ => out.push(c),
        }
        prev = c;
    }
    out
}

fn outlet(rng: &mut Rng, vocab: &Vocabulary) -> Outlet {
    let name = format!(
        "{} {}",
        capitalise(vocab.zipf(rng)),
        rng.word(&["News", "Times", "Post", "Daily", "Herald", "Live", "24", "Star", "Citizen", "Tribune"])
    );
    let mut header = vec![format!("{name} | {}", rng.word(SECTIONS))];
    for _ in 0..rng.below(3) {
        header.push(rng.word(SHORT_FURNITURE).to_string());
    }
    let sentence = |rng: &mut Rng, lo: usize, span: usize| -> String {
        let n = lo + rng.below(span);
        let mut w: Vec<String> = (0..n)
            .map(|_| if rng.below(2) == 0 { rng.word(FUNCTION_WORDS).to_string() } else { vocab.zipf(rng).to_string() })
            .collect();
        w[0] = capitalise(&w[0]);
        format!("{}.", w.join(" "))
    };
    let notice = (rng.below(100) < 25).then(|| {
        format!(
            "This copy is for your personal non-commercial use only. {} {} please go to: www.{}Reprints.com",
            sentence(rng, 12, 10),
            sentence(rng, 8, 8),
            name.replace(' ', "")
        )
    });
    let video_box = (rng.below(100) < 20).then(|| {
        (
            format!("We apologize, but this video has failed to load. {}", sentence(rng, 4, 1)),
            format!(
                "tap here to see other videos from our team. Try refreshing your browser, or {}",
                sentence(rng, 3, 1)
            ),
        )
    });
    let mut footer = Vec::new();
    if rng.below(2) == 0 {
        footer.push(format!("Sign up for the {name} newsletter. {} {}", sentence(rng, 10, 10), sentence(rng, 6, 8)));
    }
    footer.push(format!("\u{a9} 2025 {name}. All rights reserved."));
    for _ in 0..rng.below(3) {
        footer.push(rng.word(SHORT_FURNITURE).to_string());
    }
    Outlet {
        name,
        header,
        footer,
        notice,
        video_box,
        blank_lines: rng.below(2) == 0,
        curly: rng.below(2) == 0,
        keeps_dateline: rng.below(100) < 70,
    }
}

/// Scores of predicted stories against the truth: copy-pair precision and
/// recall, the largest story and how many stories mix true stories.
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub true_pairs: u64,
    pub found_pairs: u64,
    pub largest: usize,
    pub mixing: usize,
}

/// Score `predicted` stories (lists of ids; documents in none are alone)
/// against `truth` (`(id, cluster)`). Ids not in the truth (blurbs) are left out.
pub fn score(truth: &[(String, u32)], predicted: &[Vec<String>]) -> Scores {
    use std::collections::HashMap;
    let cluster: HashMap<&str, u32> = truth.iter().map(|(id, c)| (id.as_str(), *c)).collect();
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut sizes: HashMap<u32, u64> = HashMap::new();
    for (_, c) in truth {
        *sizes.entry(*c).or_default() += 1;
    }
    let true_pairs: u64 = sizes.values().map(|&n| pairs(n)).sum();
    let (mut found, mut hits, mut largest, mut mixing) = (0u64, 0u64, 1usize, 0usize);
    for group in predicted {
        // Members not in the truth (a page's blurbs, `PAGE#N`) are left out.
        let members: Vec<u32> = group.iter().filter_map(|id| cluster.get(id.as_str()).copied()).collect();
        found += pairs(members.len() as u64);
        largest = largest.max(members.len());
        let mut cells: HashMap<u32, u64> = HashMap::new();
        for c in members {
            *cells.entry(c).or_default() += 1;
        }
        if cells.len() > 1 {
            mixing += 1;
        }
        hits += cells.values().map(|&n| pairs(n)).sum::<u64>();
    }
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    Scores {
        precision: ratio(hits, found),
        recall: ratio(hits, true_pairs),
        true_pairs,
        found_pairs: found,
        largest,
        mixing,
    }
}
