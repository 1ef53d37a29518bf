//! From verified matches to mentions: in-document surname linking,
//! resolution of ambiguous aliases, and the per-section entity counts.

use std::collections::HashMap;

use super::matcher::{end_ok, needs_fold, start_ok, Raw};
use super::{Entities, EntityCount, Found, Gazetteer, Kind, Link, Mention, Resolution};
use crate::text::normalize::Normalized;
use crate::text::Section;
use crate::Span;

/// Words after which a place reading of an ambiguous alias is preferred.
const LOCATIVE: &[&str] = &["in", "at", "near", "outside", "across", "inside", "around"];

/// A mention before resolution.
struct Hit {
    span: Span,
    sentence: usize,
    /// Candidate entities (deduplicated, in gazetteer order) with the link of each.
    cands: Vec<(u32, Link)>,
    /// For surname links, the candidate chosen by recency (ties cannot arise otherwise).
    recency: bool,
    locative: bool,
}

/// A surname key in force: which entity, and since where (sentence, haystack offset).
struct Active<'g> {
    key: &'g str,
    entity: u32,
    sentence: usize,
    from: usize,
    /// Order of activation, for recency.
    seq: usize,
}

pub(super) fn analyze(g: &Gazetteer, body: &str, section: &Section) -> Entities {
    let m = &g.matcher;
    if m.pattern_count() == 0 {
        return Entities::default();
    }
    let mut hits: Vec<Hit> = Vec::new();
    let mut raws: Vec<Raw> = Vec::new();
    let mut active: Vec<Active> = Vec::new();
    let mut seq = 0;
    for (si, sentence) in section.sentences.iter().enumerate() {
        let Some(text) = body.get(sentence.span.start..sentence.span.end) else { continue };
        let folded = needs_fold(text).then(|| Normalized::new(text));
        let hay = folded.as_ref().map_or(text, Normalized::as_str);
        let base = sentence.span.start;
        let to_body = |s: usize, e: usize| match &folded {
            Some(n) => {
                let sp = n.to_original(Span::new(s, e));
                Span::new(base + sp.start, base + sp.end)
            }
            None => Span::new(base + s, base + e),
        };
        raws.clear();
        m.scan(hay, &mut raws);
        let first_hit = hits.len();
        for raw in &raws {
            let mut cands: Vec<(u32, Link)> = Vec::new();
            let mut full = Vec::new();
            for (i, c) in m.cands(raw.pattern).iter().enumerate().take(64) {
                if raw.pass & (1 << i) == 0 {
                    continue;
                }
                if !cands.iter().any(|(e, _)| *e == c.entity) {
                    cands.push((c.entity, c.link));
                }
                if c.full && !full.contains(&c.entity) {
                    full.push(c.entity);
                }
            }
            for e in full {
                for key in m.partial_keys.get(e as usize).into_iter().flatten() {
                    active.push(Active { key, entity: e, sentence: si, from: raw.end, seq });
                    seq += 1;
                }
            }
            let locative = cands.len() > 1 && after_locative(hay, raw.start);
            hits.push(Hit { span: to_body(raw.start, raw.end), sentence: si, cands, recency: false, locative });
        }
        // Surname links: occurrences of active keys not covered by a gazetteer match.
        let mut partials: Vec<Hit> = Vec::new();
        let mut keys: Vec<&str> = active.iter().map(|a| a.key).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            for (at, _) in hay.match_indices(key) {
                let end = at + key.len();
                if !start_ok(hay, at) || !end_ok(hay, end) || raws.iter().any(|r| r.start < end && at < r.end) {
                    continue;
                }
                let mut live: Vec<&Active> =
                    active.iter().filter(|a| a.key == key && (a.sentence < si || a.from <= at)).collect();
                if live.is_empty() {
                    continue;
                }
                live.sort_by_key(|a| std::cmp::Reverse(a.seq));
                let mut cands: Vec<(u32, Link)> = Vec::new();
                for a in live {
                    if !cands.iter().any(|(e, _)| *e == a.entity) {
                        cands.push((a.entity, Link::Partial));
                    }
                }
                let recency = cands.len() > 1;
                partials.push(Hit { span: to_body(at, end), sentence: si, cands, recency, locative: false });
            }
        }
        if !partials.is_empty() {
            hits.extend(partials);
            hits[first_hit..].sort_by_key(|h| h.span.start);
        }
    }
    resolve(g, body, hits)
}

/// Whether the word before `at` is a locative preposition ("in Washington").
fn after_locative(hay: &str, at: usize) -> bool {
    let before = hay.get(..at).unwrap_or("").trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    LOCATIVE.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Choose an entity for every hit and count the entities.
fn resolve(g: &Gazetteer, body: &str, hits: Vec<Hit>) -> Entities {
    let m = &g.matcher;
    // Support for context: unambiguous mentions of each entity in the section.
    let mut support: HashMap<u32, usize> = HashMap::new();
    for h in &hits {
        if let [(e, _)] = h.cands[..] {
            *support.entry(e).or_default() += 1;
        }
    }
    let mut out = Entities::default();
    let mut index: HashMap<u32, usize> = HashMap::new();
    for mut h in hits {
        let mut resolution = None;
        if h.cands.len() > 1 && !h.recency {
            let key = |e: u32| {
                let entity = &g.entities[e as usize];
                let ctx: usize = support.get(&e).copied().unwrap_or(0)
                    + m.context
                        .get(e as usize)
                        .into_iter()
                        .flatten()
                        .map(|c| support.get(c).copied().unwrap_or(0))
                        .sum::<usize>();
                let locative = h.locative && entity.kind == Kind::Place;
                [
                    -(entity.priority as i64),
                    -(ctx as i64),
                    -(locative as i64),
                    m.kind_rank.get(e as usize).copied().unwrap_or(u16::MAX) as i64,
                    e as i64,
                ]
            };
            h.cands.sort_by_key(|(e, _)| key(*e));
            let (a, b) = (key(h.cands[0].0), key(h.cands[1].0));
            let rules = [
                Resolution::Priority,
                Resolution::Context,
                Resolution::Locative,
                Resolution::KindPreference,
                Resolution::Order,
            ];
            resolution = a.iter().zip(&b).position(|(x, y)| x != y).map(|i| rules[i]);
        } else if h.recency {
            resolution = Some(Resolution::Recency);
        }
        let Some(&(chosen, link)) = h.cands.first() else { continue };
        let Some(entity) = g.entities.get(chosen as usize) else { continue };
        let mention = Mention {
            entity: entity.id.clone(),
            kind: entity.kind.clone(),
            text: h.span.slice(body).to_string(),
            span: h.span,
            sentence: h.sentence,
        };
        match index.get(&chosen) {
            Some(&i) => out.entities[i].count += 1,
            None => {
                index.insert(chosen, out.entities.len());
                out.entities.push(EntityCount {
                    entity: entity.id.clone(),
                    kind: entity.kind.clone(),
                    name: entity.name.clone(),
                    count: 1,
                    first: h.span,
                    first_sentence: h.sentence,
                });
            }
        }
        let candidates =
            h.cands.iter().filter_map(|(e, _)| g.entities.get(*e as usize).map(|x| x.id.clone())).collect();
        out.found.push(Found { mention, link, candidates, resolution });
    }
    out
}
