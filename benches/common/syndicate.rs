//! A realistic syndicated news corpus with ground truth, for the dedup bench,
//! tests and the comparison scripts.
//!
//! Articles are written from a Zipf-distributed vocabulary of 30 000
//! pseudo-words mixed with English function words, with capitalised names,
//! places and quotes; each belongs to a topic (about ten original articles a
//! topic) whose articles share the topic's names, key phrases and one or two
//! quotes, so different articles about the same event overlap a little but
//! are not copies. About a third of the originals are syndicated: a cluster
//! of 2–8 documents (the original and its copies). Every copy gets its own
//! outlet's boilerplate and date, and a random mix of the edits syndication
//! makes: a new headline (sometimes in capitals), a trimmed ending, a dropped
//! paragraph, straight quotes turned curly (or back), a reworded sentence, two
//! paragraphs merged, and an update with added paragraphs.
//!
//! The truth is one `(document id, cluster id)` pair per document; two
//! documents are copies exactly when they share a cluster id.
#![allow(dead_code)]

use crate::common::Rng;

/// A generated corpus and its truth.
pub struct Syndicated {
    /// The corpus in the `==> NAME <==` format with `date` and `source` front matter.
    pub corpus: String,
    /// `(document id, cluster id)` for every document, in corpus order.
    pub truth: Vec<(String, u32)>,
}

impl Syndicated {
    /// The truth as TSV: `id<TAB>cluster` a line.
    pub fn truth_tsv(&self) -> String {
        self.truth.iter().map(|(id, c)| format!("{id}\t{c}\n")).collect()
    }
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
    "its",
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
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "sen", "tal", "ve", "dor", "lu", "pra", "nes", "qui", "bal", "tor", "fi", "gan", "hel", "jo",
    "lam", "mor", "nik", "pel", "ras", "sul", "tin", "vor", "wel", "zan", "bre", "cal", "dem", "fal", "gor", "hin",
    "kel", "lor", "man", "nor", "pat", "rin", "sto", "tra", "ur", "val", "wen", "xi", "yel", "zor", "an", "el", "om",
];
const CUES: &[&str] = &["said", "told reporters", "said in a statement", "added", "told the agency"];
const BOILERPLATE: &[&str] = &[
    "Advertisement",
    "Share this article",
    "Read more",
    "Subscribe to our newsletter",
    "Comments",
    "Most Read",
    "Follow us on social media",
    "Sign up for breaking news alerts",
    "Skip to content",
    "Latest News",
    "Related Topics",
    "Listen to this article",
];

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
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

struct Topic {
    people: Vec<String>,
    places: Vec<String>,
    phrases: Vec<String>,
    quotes: Vec<String>,
}

struct Writer<'v> {
    vocab: &'v Vocabulary,
}

impl Writer<'_> {
    fn words(&self, rng: &mut Rng, n: usize, topic: &Topic) -> Vec<String> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let r = rng.below(100);
            if r < 4 {
                out.push(rng.pick(&topic.people).clone());
            } else if r < 7 {
                out.push(rng.pick(&topic.places).clone());
            } else if r < 9 {
                out.push(rng.pick(&topic.phrases).clone());
            } else if r < 52 {
                out.push(rng.word(FUNCTION_WORDS).to_string());
            } else {
                out.push(self.vocab.zipf(rng).to_string());
            }
        }
        out
    }

    fn sentence(&self, rng: &mut Rng, topic: &Topic) -> String {
        let n = 10 + rng.below(18);
        let mut w = self.words(rng, n, topic);
        if let Some(first) = w.first_mut() {
            *first = capitalise(first);
        }
        if rng.below(12) == 0 {
            let i = 2 + rng.below(n - 3);
            w[i] = format!("{},", w[i]);
        }
        match rng.below(8) {
            0 => format!("\"{}\", {} {}.", w.join(" "), rng.pick(&topic.people), rng.word(CUES)),
            1 => format!("{} {} that {}.", rng.pick(&topic.people), rng.word(CUES), w.join(" ").to_lowercase()),
            2 => format!("\"{}\", {} {}.", rng.pick(&topic.quotes), rng.pick(&topic.people), rng.word(CUES)),
            _ => format!("{}.", w.join(" ")),
        }
    }

    fn paragraph(&self, rng: &mut Rng, topic: &Topic) -> String {
        (0..1 + rng.below(3)).map(|_| self.sentence(rng, topic)).collect::<Vec<_>>().join(" ")
    }

    fn headline(&self, rng: &mut Rng, topic: &Topic) -> String {
        let n = 6 + rng.below(7);
        self.words(rng, n, topic).iter().map(|w| capitalise(w)).collect::<Vec<_>>().join(" ")
    }

    fn topic(&self, rng: &mut Rng) -> Topic {
        let name = |rng: &mut Rng| format!("{} {}", capitalise(self.vocab.zipf(rng)), capitalise(self.vocab.zipf(rng)));
        let people = (0..4).map(|_| name(rng)).collect();
        let places = (0..2).map(|_| capitalise(self.vocab.zipf(rng))).collect();
        let phrases = (0..3)
            .map(|_| (0..3 + rng.below(3)).map(|_| self.vocab.zipf(rng).to_string()).collect::<Vec<_>>().join(" "))
            .collect();
        let mut t = Topic { people, places, phrases, quotes: Vec::new() };
        t.quotes = (0..2)
            .map(|_| {
                let n = 12 + rng.below(8);
                capitalise(&self.words(rng, n, &t).join(" "))
            })
            .collect();
        t
    }
}

/// An article: headline and paragraphs, without boilerplate.
#[derive(Clone)]
struct Article {
    headline: String,
    paragraphs: Vec<String>,
}

fn curly(s: &str) -> String {
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

fn reword(rng: &mut Rng, writer: &Writer, topic: &Topic, paragraph: &str) -> String {
    // Replace about a third of the words of one sentence and drop one.
    let sentences: Vec<&str> = paragraph.split_inclusive(". ").collect();
    let pick = rng.below(sentences.len());
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        if i != pick {
            out.push_str(s);
            continue;
        }
        let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
        for w in words.iter_mut().skip(1) {
            if rng.below(3) == 0 && !w.ends_with('.') {
                *w = writer.words(rng, 1, topic).remove(0);
            }
        }
        if words.len() > 4 {
            words.remove(1 + rng.below(words.len() - 2));
        }
        out.push_str(&words.join(" "));
    }
    out
}

struct Outlet {
    name: String,
    header: Vec<String>,
    footer: Vec<String>,
}

fn outlets(rng: &mut Rng, vocab: &Vocabulary, n: usize) -> Vec<Outlet> {
    (0..n)
        .map(|_| {
            let name = format!(
                "{} {}",
                capitalise(vocab.zipf(rng)),
                rng.word(&["News", "Times", "Post", "Daily", "Herald", "Live", "24"])
            );
            let header = (0..1 + rng.below(3))
                .map(|i| {
                    if i == 0 {
                        format!("{name} | {}", rng.word(&["World", "Politics", "Europe", "Asia"]))
                    } else {
                        rng.word(BOILERPLATE).to_string()
                    }
                })
                .collect();
            let footer = (0..2 + rng.below(4))
                .map(|i| {
                    if i == 0 {
                        format!("\u{a9} 2025 {name}. All rights reserved.")
                    } else {
                        rng.word(BOILERPLATE).to_string()
                    }
                })
                .collect();
            Outlet { name, header, footer }
        })
        .collect()
}

fn page(rng: &mut Rng, outlet: &Outlet, article: &Article, caps_headline: bool) -> String {
    let mut body = String::with_capacity(4096);
    for h in &outlet.header {
        body.push_str(h);
        body.push('\n');
    }
    if rng.below(2) == 0 {
        body.push_str(&format!("{:02}:{:02}\n", rng.below(24), rng.below(60)));
    }
    body.push_str(&if caps_headline { article.headline.to_uppercase() } else { article.headline.clone() });
    body.push('\n');
    let blank = rng.below(2) == 0;
    for p in &article.paragraphs {
        if blank {
            body.push('\n');
        }
        body.push_str(p);
        body.push('\n');
    }
    body.push('\n');
    for f in &outlet.footer {
        body.push_str(f);
        body.push('\n');
    }
    body
}

/// Apply a random mix of syndication edits to a copy of `original`.
fn syndicate(rng: &mut Rng, writer: &Writer, topic: &Topic, original: &Article) -> Article {
    let mut a = original.clone();
    if rng.below(10) < 7 {
        a.headline = writer.headline(rng, topic);
    }
    if rng.below(100) < 35 && a.paragraphs.len() > 5 {
        let cut = 1 + rng.below(3.min(a.paragraphs.len() - 5));
        a.paragraphs.truncate(a.paragraphs.len() - cut);
    }
    if rng.below(100) < 30 && a.paragraphs.len() > 4 {
        let i = 1 + rng.below(a.paragraphs.len() - 2);
        a.paragraphs.remove(i);
    }
    if rng.below(2) == 0 {
        a.paragraphs = a.paragraphs.iter().map(|p| curly(p)).collect();
        a.headline = curly(&a.headline);
    }
    if rng.below(100) < 40 {
        for _ in 0..1 + rng.below(2) {
            let i = rng.below(a.paragraphs.len());
            a.paragraphs[i] = reword(rng, writer, topic, &a.paragraphs[i]);
        }
    }
    if rng.below(100) < 15 && a.paragraphs.len() > 3 {
        let i = rng.below(a.paragraphs.len() - 1);
        let next = a.paragraphs.remove(i + 1);
        a.paragraphs[i] = format!("{} {next}", a.paragraphs[i]);
    }
    if rng.below(100) < 20 {
        let added: Vec<String> = (0..1 + rng.below(2)).map(|_| writer.paragraph(rng, topic)).collect();
        if rng.below(2) == 0 {
            a.paragraphs.extend(added);
        } else {
            let at = 1.min(a.paragraphs.len());
            a.paragraphs.splice(at..at, added);
        }
    }
    a
}

/// A corpus of `docs` documents from `seed`, with its truth.
pub fn syndicated_corpus(docs: usize, seed: u64) -> Syndicated {
    let mut rng = Rng::new(seed);
    let vocab = Vocabulary::new(&mut rng, 30_000);
    let writer = Writer { vocab: &vocab };
    let outlets = outlets(&mut rng, &vocab, 80);
    let topics: Vec<Topic> = (0..(docs / 24).max(1)).map(|_| writer.topic(&mut rng)).collect();

    // (body, cluster, date offset, outlet)
    let mut pages: Vec<(String, u32, usize, usize)> = Vec::with_capacity(docs + 8);
    let mut cluster = 0u32;
    while pages.len() < docs {
        let topic = rng.pick(&topics);
        let original = Article {
            headline: writer.headline(&mut rng, topic),
            paragraphs: (0..8 + rng.below(7)).map(|_| writer.paragraph(&mut rng, topic)).collect(),
        };
        let day = rng.below(300);
        let size = if rng.below(100) < 35 { 2 + rng.below(7) } else { 1 };
        let size = size.min(docs - pages.len());
        let o = rng.below(outlets.len());
        pages.push((page(&mut rng, &outlets[o], &original, false), cluster, day, o));
        for _ in 1..size {
            let copy = syndicate(&mut rng, &writer, topic, &original);
            let o = rng.below(outlets.len());
            let caps = rng.below(10) == 0;
            pages.push((page(&mut rng, &outlets[o], &copy, caps), cluster, day + rng.below(3), o));
        }
        cluster += 1;
    }
    // Shuffle so that copies are not neighbours (Fisher–Yates).
    for i in (1..pages.len()).rev() {
        let j = rng.below(i + 1);
        pages.swap(i, j);
    }
    let mut corpus = String::with_capacity(pages.iter().map(|p| p.0.len() + 80).sum());
    let mut truth = Vec::with_capacity(pages.len());
    let base = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    for (n, (body, cluster, day, o)) in pages.into_iter().enumerate() {
        let id = format!("doc{n:07}.txt");
        if n > 0 {
            corpus.push('\n');
        }
        corpus.push_str(&format!(
            "==> {id} <==\n---\ndate: {}\nsource: {}\n---\n",
            base + chrono::Days::new(day as u64),
            outlets[o].name
        ));
        corpus.push_str(&body);
        truth.push((id, cluster));
    }
    Syndicated { corpus, truth }
}

/// Precision and recall of copy pairs: `predicted` clusters (lists of ids)
/// against the truth. Returns `(precision, recall, true pairs, predicted pairs)`.
pub fn pair_scores(truth: &[(String, u32)], predicted: &[Vec<String>]) -> (f64, f64, u64, u64) {
    use std::collections::HashMap;
    let cluster: HashMap<&str, u32> = truth.iter().map(|(id, c)| (id.as_str(), *c)).collect();
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut sizes: HashMap<u32, u64> = HashMap::new();
    for (_, c) in truth {
        *sizes.entry(*c).or_default() += 1;
    }
    let true_pairs: u64 = sizes.values().map(|&n| pairs(n)).sum();
    let (mut predicted_pairs, mut hits) = (0u64, 0u64);
    for group in predicted {
        predicted_pairs += pairs(group.len() as u64);
        let mut cells: HashMap<Option<u32>, u64> = HashMap::new();
        for id in group {
            *cells.entry(cluster.get(id.as_str()).copied()).or_default() += 1;
        }
        hits += cells.iter().filter(|(c, _)| c.is_some()).map(|(_, &n)| pairs(n)).sum::<u64>();
    }
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (ratio(hits, predicted_pairs), ratio(hits, true_pairs), true_pairs, predicted_pairs)
}
