//! From verified matches to mentions: in-document surname linking,
//! resolution of ambiguous aliases, and the per-section entity counts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hasher};
use std::ops::Range;

use super::boundary::{end_ok, is_word, start_ok};
use super::matcher::{Matcher, Raw};
use super::{Entities, EntityCount, Found, Gazetteer, Kind, Link, Match, Resolution};
use crate::text::normalize::Normalized;
use crate::text::Section;
use crate::Span;

/// Words after which a place reading of an ambiguous alias is preferred.
const LOCATIVE: &[&str] = &["in", "at", "near", "outside", "across", "inside", "around"];

const NONE: u32 = u32::MAX;

/// A hasher for keys that are already well spread (entity indices, word
/// hashes): one multiply instead of SipHash on every mention.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// A mention before resolution.
struct Hit {
    span: Span,
    sentence: usize,
    /// Candidate entities with their links: a range of the shared candidate pool.
    cands: Range<usize>,
    /// A surname link whose candidates are ordered by recency.
    recency: bool,
    locative: bool,
}

/// A surname key in force for one entity: since where, and when last fully mentioned.
struct Active {
    entity: u32,
    /// Index into the entity's surname keys.
    key: usize,
    sentence: usize,
    from: usize,
    seq: usize,
    /// Next key with the same first-word hash.
    next: u32,
}

/// Buffers reused across calls on one thread, so analysing a section
/// allocates only what it returns.
struct Scratch {
    hits: Vec<Hit>,
    pool: Vec<(u32, Link)>,
    raws: Vec<Raw>,
    partials: Vec<(Span, Range<usize>)>,
    active: Vec<Active>,
    /// First-word hash of a key → first `Active` in its chain.
    by_word: IdMap<u64, u32>,
    /// First bytes of the active keys: words starting otherwise are skipped without hashing.
    first_bytes: [bool; 256],
    index: IdMap<u32, usize>,
    support: IdMap<u32, usize>,
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch {
            hits: Vec::new(),
            pool: Vec::new(),
            raws: Vec::new(),
            partials: Vec::new(),
            active: Vec::new(),
            by_word: IdMap::default(),
            first_bytes: [false; 256],
            index: IdMap::default(),
            support: IdMap::default(),
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn word_hash(word: &str) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(word)
}

fn key<'m>(m: &'m Matcher, a: &Active) -> &'m str {
    m.partial_keys.get(a.entity as usize).and_then(|k| k.get(a.key)).map_or("", |k| k)
}

impl Scratch {
    fn activate(&mut self, m: &Matcher, entity: u32, sentence: usize, from: usize, seq: usize) {
        for (ki, k) in m.partial_keys.get(entity as usize).into_iter().flatten().enumerate() {
            let h = word_hash(k.split(' ').next().unwrap_or(k));
            if let Some(&b) = k.as_bytes().first() {
                self.first_bytes[b as usize] = true;
            }
            let head = self.by_word.get(&h).copied().unwrap_or(NONE);
            let mut i = head;
            while let Some(a) = self.active.get_mut(i as usize) {
                if a.entity == entity && a.key == ki {
                    a.seq = seq;
                    break;
                }
                i = a.next;
            }
            if i == NONE {
                self.by_word.insert(h, self.active.len() as u32);
                self.active.push(Active { entity, key: ki, sentence, from, seq, next: head });
            }
        }
    }

    /// Surname links in one sentence's haystack, skipping what the automaton matched.
    fn find_surnames(&mut self, m: &Matcher, hay: &str, sentence: usize) {
        let bytes = hay.as_bytes();
        let mut i = 0;
        while let Some(off) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| self.first_bytes[b as usize])) {
            let at = i + off;
            i = at + 1;
            let prev = hay.get(..at).and_then(|s| s.chars().next_back());
            if prev.is_some_and(is_word) {
                continue;
            }
            let rest = hay.get(at..).unwrap_or("");
            let first = rest.split(|c: char| !is_word(c)).next().unwrap_or("");
            let Some(&head) = self.by_word.get(&word_hash(first)) else { continue };
            // The longest key, then the most recent full mention.
            let mut best: Option<(usize, usize)> = None; // (end, seq)
            let mut n = head;
            while let Some(a) = self.active.get(n as usize) {
                n = a.next;
                let k = key(m, a);
                let end = at + k.len();
                let live = (a.sentence < sentence || a.from <= at)
                    && rest.starts_with(k)
                    && start_ok(hay, at)
                    && end_ok(hay, end)
                    && !self.raws.iter().any(|r| r.start < end && at < r.end);
                if live && best.map_or(true, |(e, s)| (end, a.seq) > (e, s)) {
                    best = Some((end, a.seq));
                }
            }
            let Some((end, _)) = best else { continue };
            let from = self.pool.len();
            let mut order: Vec<(usize, u32)> = Vec::new();
            let mut n = head;
            while let Some(a) = self.active.get(n as usize) {
                n = a.next;
                let k = key(m, a);
                if at + k.len() == end && rest.starts_with(k) && (a.sentence < sentence || a.from <= at) {
                    order.push((a.seq, a.entity));
                }
            }
            order.sort_unstable_by(|x, y| y.cmp(x));
            for (_, e) in order {
                if !self.pool[from..].iter().any(|(x, _)| *x == e) {
                    self.pool.push((e, Link::Partial));
                }
            }
            self.partials.push((Span::new(at, end), from..self.pool.len()));
            i = end.max(i);
        }
    }
}

pub(super) fn analyze(g: &Gazetteer, body: &str, section: &Section) -> Entities {
    let mut out = Entities::default();
    with_scratch(g, body, section, |sc| out = resolve(g, body, sc));
    out
}

/// Collect the section's hits into the thread's scratch buffers and run `then` on them.
fn with_scratch(g: &Gazetteer, body: &str, section: &Section, then: impl FnOnce(&mut Scratch)) {
    if g.matcher.pattern_count() == 0 {
        return;
    }
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            collect(g, body, section, &mut scratch);
            then(&mut scratch);
            // Do not keep the buffers of one huge section alive for the thread's lifetime.
            if scratch.hits.capacity() > 1 << 16 {
                *scratch = Scratch::default();
            }
        }
        Err(_) => {
            let mut scratch = Scratch::default();
            collect(g, body, section, &mut scratch);
            then(&mut scratch);
        }
    })
}

fn collect(g: &Gazetteer, body: &str, section: &Section, sc: &mut Scratch) {
    let m = &g.matcher;
    sc.hits.clear();
    sc.pool.clear();
    sc.active.clear();
    sc.by_word.clear();
    sc.first_bytes = [false; 256];
    let mut seq = 0;
    for (si, sentence) in section.sentences.iter().enumerate() {
        let Some(text) = body.get(sentence.span.start..sentence.span.end) else { continue };
        let folded = m.must_fold(text).then(|| Normalized::new(text));
        let hay = folded.as_ref().map_or(text, Normalized::as_str);
        let base = sentence.span.start;
        let to_body = |s: Span| match &folded {
            Some(n) => {
                let sp = n.to_original(s);
                Span::new(base + sp.start, base + sp.end)
            }
            None => Span::new(base + s.start, base + s.end),
        };
        sc.raws.clear();
        m.scan(hay, &mut sc.raws);
        let first_hit = sc.hits.len();
        for ri in 0..sc.raws.len() {
            let raw = sc.raws[ri];
            let from = sc.pool.len();
            for (i, c) in m.cands(raw.pattern).iter().enumerate().take(64) {
                if raw.pass & (1 << i) == 0 {
                    continue;
                }
                if !sc.pool[from..].iter().any(|(e, _)| *e == c.entity) {
                    sc.pool.push((c.entity, c.link));
                }
                if c.full {
                    seq += 1;
                    sc.activate(m, c.entity, si, raw.end, seq);
                }
            }
            let ambiguous = sc.pool.len() - from > 1;
            let locative = ambiguous && after_locative(hay, raw.start);
            let span = to_body(Span::new(raw.start, raw.end));
            sc.hits.push(Hit { span, sentence: si, cands: from..sc.pool.len(), recency: false, locative });
        }
        if !sc.active.is_empty() {
            sc.partials.clear();
            sc.find_surnames(m, hay, si);
            if !sc.partials.is_empty() {
                for (span, cands) in std::mem::take(&mut sc.partials) {
                    let recency = cands.len() > 1;
                    sc.hits.push(Hit { span: to_body(span), sentence: si, cands, recency, locative: false });
                }
                sc.hits[first_hit..].sort_by_key(|h| h.span.start);
            }
        }
    }
}

/// Whether the word before `at` is a locative preposition ("in Washington").
fn after_locative(hay: &str, at: usize) -> bool {
    let before = hay.get(..at).unwrap_or("").trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    LOCATIVE.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The ordering key of a candidate: lower is preferred, one entry per rule of [`RULES`].
fn rank(g: &Gazetteer, support: &IdMap<u32, usize>, e: u32, locative: bool) -> [i64; 5] {
    let m = &g.matcher;
    let Some(entity) = g.entities.get(e as usize) else { return [i64::MAX; 5] };
    let own = support.get(&e).copied().unwrap_or(0);
    let context: usize =
        m.context.get(e as usize).into_iter().flatten().map(|c| support.get(c).copied().unwrap_or(0)).sum();
    [
        -i64::from(entity.priority),
        -((own + context) as i64),
        -i64::from(locative && entity.kind == Kind::Place),
        i64::from(m.kind_rank.get(e as usize).copied().unwrap_or(u16::MAX)),
        i64::from(e),
    ]
}

const RULES: [Resolution; 5] =
    [Resolution::Priority, Resolution::Context, Resolution::Locative, Resolution::KindPreference, Resolution::Order];

/// Choose an entity for every hit, in body order, and hand each to `each`
/// with its candidates (chosen first) and the rule that chose it.
fn resolve_each<'g>(
    g: &'g Gazetteer,
    sc: &mut Scratch,
    mut each: impl FnMut(Match<'g>, &[(u32, Link)], Option<Resolution>),
) {
    // Support for context: unambiguous mentions of each entity in the section.
    sc.support.clear();
    if sc.hits.iter().any(|h| h.cands.len() > 1) {
        for h in &sc.hits {
            if let Some([(e, _)]) = sc.pool.get(h.cands.clone()) {
                *sc.support.entry(*e).or_default() += 1;
            }
        }
    }
    for h in &sc.hits {
        let Some(cands) = sc.pool.get_mut(h.cands.clone()) else { continue };
        let mut resolution = None;
        if cands.len() > 1 && !h.recency {
            cands.sort_by_cached_key(|(e, _)| rank(g, &sc.support, *e, h.locative));
            let a = rank(g, &sc.support, cands[0].0, h.locative);
            let b = rank(g, &sc.support, cands[1].0, h.locative);
            resolution = a.iter().zip(&b).position(|(x, y)| x != y).and_then(|i| RULES.get(i).copied());
        } else if h.recency {
            resolution = Some(Resolution::Recency);
        }
        let Some(&(chosen, link)) = cands.first() else { continue };
        let Some(entity) = g.entities.get(chosen as usize) else { continue };
        let m = Match { entity, index: chosen as usize, span: h.span, sentence: h.sentence, link };
        each(m, cands, resolution);
    }
}

/// The resolved matches of a section, appended to `out` (no allocation per match).
pub(super) fn find_into<'g>(g: &'g Gazetteer, body: &str, section: &Section, out: &mut Vec<Match<'g>>) {
    with_scratch(g, body, section, |sc| resolve_each(g, sc, |m, _, _| out.push(m)));
}

/// Choose an entity for every hit and count the entities.
fn resolve(g: &Gazetteer, body: &str, sc: &mut Scratch) -> Entities {
    let mut index = std::mem::take(&mut sc.index);
    index.clear();
    let mut out = Entities { found: Vec::with_capacity(sc.hits.len()), entities: Vec::new() };
    resolve_each(g, sc, |m, cands, resolution| {
        let entity = m.entity;
        match index.get(&(m.index as u32)) {
            Some(&i) => out.entities[i].count += 1,
            None => {
                index.insert(m.index as u32, out.entities.len());
                out.entities.push(EntityCount {
                    entity: entity.id.clone(),
                    kind: entity.kind.clone(),
                    count: 1,
                    first: m.span,
                    first_sentence: m.sentence,
                });
            }
        }
        let candidates = if cands.len() > 1 {
            cands.iter().filter_map(|(e, _)| g.entities.get(*e as usize).map(|x| x.id.clone())).collect()
        } else {
            Vec::new()
        };
        out.found.push(Found { mention: m.to_mention(body), link: m.link, candidates, resolution });
    });
    sc.index = index;
    out
}
