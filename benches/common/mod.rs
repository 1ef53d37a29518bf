//! Shared corpus generator for the benches: deterministic, news-like text
//! built by recombining the sentences of the bundled sample corpus with
//! substituted names, places, numbers and dates, wrapped in page boilerplate.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// The bundled sample corpus.
pub const SEEDS: &str = include_str!("../../examples/data/seeds.corpus");

/// A small deterministic PRNG (xorshift64*), so benches need no extra crate.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// A random word from a list of literals.
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
    /// A random element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "Maria Lopez",
    "John Carter",
    "Olena Shevchenko",
    "Ahmed Hassan",
    "Li Wei",
    "Anna Schmidt",
    "Pierre Dubois",
    "Kenji Tanaka",
    "Fatima Al-Sayed",
    "Carlos Mendes",
    "Sergei Ivanov",
    "Priya Sharma",
];
const PLACES: &[&str] = &[
    "Geneva", "Vienna", "Doha", "Ankara", "Berlin", "Tokyo", "Nairobi", "Brasilia", "Warsaw", "Cairo", "Ottawa",
    "Seoul",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const BOILERPLATE: &[&str] = &[
    "Advertisement",
    "Share this article",
    "Read next",
    "Comments",
    "Sign up for our newsletter",
    "Related Articles",
    "World News",
    "12:41",
    "2 hours ago",
    "Follow us on social media",
];

/// Sentences of the sample corpus bodies (front matter and headers dropped).
pub fn seed_sentences() -> Vec<String> {
    let mut out = Vec::new();
    for line in SEEDS.lines() {
        if line.starts_with("==>") || line == "---" || line.contains(": ") && line.len() < 40 {
            continue;
        }
        for s in line.split_inclusive(". ") {
            let s = s.trim();
            if s.len() > 40 {
                out.push(s.to_string());
            }
        }
    }
    out
}

/// One generated article body (headline, paragraphs, some boilerplate).
pub fn article(rng: &mut Rng, sentences: &[String]) -> String {
    let mut body = String::new();
    let headline: Vec<&str> = rng.pick(sentences).split_whitespace().take(9).collect();
    body.push_str(&headline.join(" "));
    body.push('\n');
    for _ in 0..4 + rng.below(10) {
        for _ in 0..1 + rng.below(4) {
            let s = rng.pick(sentences);
            let s = s
                .replace("Ushakov", rng.word(NAMES).rsplit(' ').next().unwrap_or("Smith"))
                .replace("Istanbul", rng.word(PLACES))
                .replace("February", rng.word(MONTHS))
                .replace("Wednesday", rng.word(WEEKDAYS));
            body.push_str(&s);
            body.push(' ');
        }
        body.pop();
        body.push('\n');
        if rng.below(6) == 0 {
            body.push_str(rng.word(BOILERPLATE));
            body.push('\n');
        }
    }
    body
}

/// A corpus of about `target_bytes` bytes in the `tail -n +1` format, with front matter.
pub fn news_corpus(target_bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let sentences = seed_sentences();
    let mut out = String::with_capacity(target_bytes + 8192);
    let mut n = 0usize;
    while out.len() < target_bytes {
        if n > 0 {
            out.push('\n');
        }
        let (m, d) = (1 + rng.below(12), 1 + rng.below(28));
        out.push_str(&format!(
            "==> doc{n:07}.txt <==\n---\ndate: 2025-{m:02}-{d:02}\nsource: Outlet {}\n---\n",
            rng.below(50)
        ));
        out.push_str(&article(&mut rng, &sentences));
        n += 1;
    }
    out
}

/// Run `f` repeatedly for at least `min` time (and at least once); return the best seconds per run.
pub fn best_time<T>(min: Duration, mut f: impl FnMut() -> T) -> (f64, T) {
    let start = Instant::now();
    let mut best = f64::INFINITY;
    loop {
        let t = Instant::now();
        let out = f();
        best = best.min(t.elapsed().as_secs_f64());
        if start.elapsed() >= min {
            return (best, out);
        }
    }
}

/// Peak resident memory of this process in bytes (Linux `VmHWM`), if known.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kb| kb * 1024)
}

/// Print one bench line: what, input size, throughput.
pub fn report(what: &str, bytes: usize, docs: usize, secs: f64) {
    println!(
        "{what:<40} {:>8.1} MB  {:>9} docs  {:>9.1} MB/s  {:>10.0} docs/s",
        bytes as f64 / 1e6,
        docs,
        bytes as f64 / 1e6 / secs,
        docs as f64 / secs
    );
}
