//! Stories: the copy links grouped around canonical texts, with what each
//! member shares with its story's canonical text.
//!
//! The rule (see the module docs): links are re-checked with the common
//! hashes of the whole index; pages are grouped around centres taken in
//! canonical order (most narrative words first), each centre taking the
//! pages it has a link with that no earlier centre took; a centre left alone
//! joins the group of its strongest partner (a chain of versions); blurbs
//! attach to the group of the page they are a copy of and never join two
//! groups; blurbs with no page partner group among themselves.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::config::Similarity;
use super::index::{Deduplicator, FxSet, NO_DATE};
use super::{diff, Member, Story};
use crate::hash::FxHasher;

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Whether an id names a related-story blurb: `<page id>#<number>`.
pub(crate) fn is_blurb(id: &str) -> bool {
    id.rsplit_once('#')
        .is_some_and(|(page, n)| !page.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

const NONE: u32 = u32::MAX;

impl Deduplicator {
    /// Whether `a` is a better canonical text than `b`: a page before a
    /// blurb, then more narrative words, then the earlier date, then the smaller id.
    fn more_canonical(&self, a: u32, b: u32) -> bool {
        let key = |d: u32| {
            let (i, date) = (d as usize, self.dates[d as usize]);
            (is_blurb(&self.ids[i]), std::cmp::Reverse(self.words[i]), date == NO_DATE, date)
        };
        match key(a).cmp(&key(b)) {
            Ordering::Less => true,
            Ordering::Greater => false,
            Ordering::Equal => self.ids[a as usize] < self.ids[b as usize],
        }
    }

    /// The strongest of `links` whose partner passes `keep`.
    fn strongest(&self, links: &[(u32, Similarity)], mut keep: impl FnMut(u32) -> bool) -> Option<u32> {
        let mut best: Option<(u32, Similarity)> = None;
        for &(p, s) in links {
            if keep(p) && best.map_or(true, |b| self.stronger((p, s), b)) {
                best = Some((p, s));
            }
        }
        best.map(|b| b.0)
    }

    /// Add the weak pairs that pass the relaxed rule once the fingerprints
    /// held by pages of several stories (of the strict links) are left out.
    fn relaxed_links(
        &self,
        adj: &mut FxMap<u32, Vec<(u32, Similarity)>>,
        weak: &[(u32, u32)],
        furniture: &mut FxMap<u32, bool>,
        blurb: impl Fn(u32) -> bool,
    ) -> FxSet<(u32, u32)> {
        let mut relaxed = FxSet::default();
        if weak.is_empty() {
            return relaxed;
        }
        // Stories of the strict links between pages.
        let mut parent: FxMap<u32, u32> = FxMap::default();
        fn root(parent: &FxMap<u32, u32>, mut x: u32) -> u32 {
            while let Some(&p) = parent.get(&x) {
                if p == x {
                    break;
                }
                x = p;
            }
            x
        }
        for (&a, links) in adj.iter() {
            for &(b, _) in links {
                if a < b && !blurb(a) && !blurb(b) {
                    let (ra, rb) = (root(&parent, a), root(&parent, b));
                    if ra != rb {
                        parent.insert(ra.max(rb), ra.min(rb));
                        parent.entry(ra.min(rb)).or_insert(ra.min(rb));
                    }
                }
            }
        }
        let limit = self.config.cross_stories as usize;
        let mut cross: FxMap<u32, bool> = FxMap::default();
        let mut found = Vec::new();
        for &(a, b) in weak {
            let (ra, rb) = (root(&parent, a), root(&parent, b));
            if ra == rb {
                continue;
            }
            let ok = self.weak_link(a, b, |h| {
                *furniture.entry(h).or_insert_with(|| self.furniture(h))
                    || *cross.entry(h).or_insert_with(|| {
                        let mut stories: Vec<u32> = Vec::new();
                        self.holders(h, |d| {
                            if !blurb(d) {
                                stories.push(root(&parent, d));
                            }
                        });
                        stories.sort_unstable();
                        stories.dedup();
                        stories.len() >= limit
                    })
            });
            if ok {
                found.push((a, b));
            }
        }
        for (a, b) in found {
            let s = {
                let (x, y) = if self.ids[a as usize] <= self.ids[b as usize] { (a, b) } else { (b, a) };
                let ev = self.evidence(x, y);
                Similarity::from_counts(
                    &ev,
                    (self.fps(x).len(), self.fps(y).len()),
                    (self.words[x as usize], self.words[y as usize]),
                )
            };
            adj.entry(a).or_default().push((b, s));
            adj.entry(b).or_default().push((a, s));
            relaxed.insert((a.min(b), a.max(b)));
        }
        relaxed
    }

    /// Every story with at least two members, sorted by story id.
    ///
    /// A story's members each hold a copy link with its centre (its most
    /// canonical page) or, for a version that shares passages only with
    /// another member, with that member; blurbs attach to the story of the
    /// page they copy. The result does not depend on the order texts were
    /// added in, nor on how shards were merged.
    pub fn stories(&self) -> Vec<Story> {
        // Links re-checked against the common hashes of the whole index.
        let mut adj: FxMap<u32, Vec<(u32, Similarity)>> = FxMap::default();
        // Links that no longer pass the strict rule may pass the relaxed one.
        let mut weak = Vec::new();
        let mut furniture: FxMap<u32, bool> = FxMap::default();
        for &(a, b) in self.links.iter().chain(&self.weak) {
            if let Some(s) = self.copy_link_without(a, b, |h| *furniture.entry(h).or_insert_with(|| self.furniture(h)))
            {
                adj.entry(a).or_default().push((b, s));
                adj.entry(b).or_default().push((a, s));
            } else {
                weak.push((a, b));
            }
        }
        let blurb = |d: u32| is_blurb(&self.ids[d as usize]);
        let relaxed = self.relaxed_links(&mut adj, &weak, &mut furniture, blurb);
        let page_links = |d: u32| -> Vec<(u32, Similarity)> {
            adj.get(&d).map(|l| l.iter().copied().filter(|&(p, _)| !blurb(p)).collect()).unwrap_or_default()
        };

        // Pages: components of the strict links; then a relaxed link joins
        // two of them when another relaxed link agrees or one side is a lone page.
        let mut pages: Vec<u32> = adj.keys().copied().filter(|&d| !blurb(d) && !page_links(d).is_empty()).collect();
        pages.sort_unstable();
        let mut parent: FxMap<u32, u32> = pages.iter().map(|&p| (p, p)).collect();
        fn find(parent: &mut FxMap<u32, u32>, mut x: u32) -> u32 {
            let mut path = Vec::new();
            while let Some(&p) = parent.get(&x) {
                if p == x {
                    break;
                }
                path.push(x);
                x = p;
            }
            for y in path {
                parent.insert(y, x);
            }
            x
        }
        fn union(parent: &mut FxMap<u32, u32>, a: u32, b: u32) {
            let (ra, rb) = (find(parent, a), find(parent, b));
            if ra != rb {
                parent.insert(ra.max(rb), ra.min(rb));
            }
        }
        for &p in &pages {
            for (q, _) in page_links(p) {
                if p < q && !relaxed.contains(&(p, q)) {
                    union(&mut parent, p, q);
                }
            }
        }
        let mut size: FxMap<u32, usize> = FxMap::default();
        for &p in &pages {
            *size.entry(find(&mut parent, p)).or_insert(0) += 1;
        }
        // A lone page joins the group of its strongest relaxed partner only (so
        // it never bridges two).
        // Endpoints on each side of the relaxed links between two groups.
        let mut between: FxMap<(u32, u32), (FxSet<u32>, FxSet<u32>)> = FxMap::default();
        let mut joins: Vec<(u32, u32)> = Vec::new();
        for &(p, q) in &relaxed {
            let (rp, rq) = (find(&mut parent, p), find(&mut parent, q));
            if rp != rq && size[&rp] > 1 && size[&rq] > 1 {
                let ((lo, a), (_, b)) = if rp < rq { ((rp, p), (rq, q)) } else { ((rq, q), (rp, p)) };
                let sides = between.entry((lo, rp.max(rq))).or_default();
                sides.0.insert(a);
                sides.1.insert(b);
            }
        }
        // Two groups join when relaxed links tie two pages of each.
        joins.extend(between.into_iter().filter(|(_, (a, b))| a.len() >= 2 && b.len() >= 2).map(|(k, _)| k));
        for &p in &pages {
            let rp = find(&mut parent, p);
            if size[&rp] != 1 {
                continue;
            }
            let links = page_links(p);
            let relaxed_only: Vec<(u32, Similarity)> =
                links.into_iter().filter(|&(q, _)| relaxed.contains(&(p.min(q), p.max(q)))).collect();
            if let Some(q) = self.strongest(&relaxed_only, |_| true) {
                joins.push((p, q));
            }
        }
        joins.sort_unstable();
        for (x, y) in joins {
            union(&mut parent, x, y);
        }
        let mut group: FxMap<u32, u32> = FxMap::default();
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let mut by_root: FxMap<u32, u32> = FxMap::default();
        for &p in &pages {
            let r = find(&mut parent, p);
            let g = *by_root.entry(r).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() as u32 - 1
            });
            group.insert(p, g);
            groups[g as usize].push(p);
        }

        // Blurbs attach to the group of their strongest page partner.
        let mut blurbs: Vec<u32> = adj.keys().copied().filter(|&d| blurb(d)).collect();
        blurbs.sort_unstable();
        let mut attached: FxMap<u32, u32> = FxMap::default();
        for &b in &blurbs {
            let Some(q) = self.strongest(&page_links(b), |_| true) else { continue };
            let g = *group.entry(q).or_insert_with(|| {
                groups.push(vec![q]);
                groups.len() as u32 - 1
            });
            attached.insert(b, g);
        }
        // Then to the group of a blurb attached so; the rest group among themselves.
        let mut rest = Vec::new();
        for &b in &blurbs {
            if attached.contains_key(&b) {
                continue;
            }
            let links = adj.get(&b).map(Vec::as_slice).unwrap_or(&[]);
            match self.strongest(links, |p| attached.contains_key(&p)) {
                Some(p) => {
                    let g = attached[&p];
                    group.insert(b, g);
                }
                None => rest.push(b),
            }
        }
        for (&b, &g) in &attached {
            group.insert(b, g);
        }
        let mut parent: FxMap<u32, u32> = rest.iter().map(|&b| (b, b)).collect();
        fn root(parent: &FxMap<u32, u32>, mut x: u32) -> u32 {
            while let Some(&p) = parent.get(&x) {
                if p == x {
                    break;
                }
                x = p;
            }
            x
        }
        for &b in &rest {
            for &(p, _) in adj.get(&b).map(Vec::as_slice).unwrap_or(&[]) {
                if parent.contains_key(&p) {
                    let (rb, rp) = (root(&parent, b), root(&parent, p));
                    if rb != rp {
                        parent.insert(rb.max(rp), rb.min(rp));
                    }
                }
            }
        }
        let mut by_root: FxMap<u32, u32> = FxMap::default();
        for &b in &rest {
            let r = root(&parent, b);
            let g = *by_root.entry(r).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() as u32 - 1
            });
            group.insert(b, g);
        }

        let mut members: Vec<Vec<u32>> = vec![Vec::new(); groups.len()];
        for (&d, &g) in &group {
            if g != NONE {
                members[g as usize].push(d);
            }
        }
        let mut stories: Vec<Story> =
            members.into_iter().filter(|m| m.len() >= 2).map(|m| self.story(m, &adj)).collect();
        stories.sort_by(|a, b| a.id.cmp(&b.id));
        stories
    }

    fn story(&self, mut members: Vec<u32>, adj: &FxMap<u32, Vec<(u32, Similarity)>>) -> Story {
        members.sort_by(|&a, &b| self.ids[a as usize].cmp(&self.ids[b as usize]));
        let id = self.ids[members[0] as usize].clone();
        let canonical = members.iter().copied().fold(members[0], |c, d| if self.more_canonical(d, c) { d } else { c });
        let canon_fp = self.paragraph_fingerprints(canonical);
        let in_story = |p: u32| members.binary_search_by(|&m| self.ids[m as usize].cmp(&self.ids[p as usize])).is_ok();
        let members = members
            .iter()
            .map(|&d| {
                let links = adj.get(&d).map(Vec::as_slice).unwrap_or(&[]);
                let matched = self.strongest(links, in_story).unwrap_or(canonical);
                let s = links.iter().find(|l| l.0 == matched).map(|l| l.1);
                let own = self.paragraph_fingerprints(d);
                let words = self.words[d as usize];
                let (shared_words, longest_run, runs) = if d == canonical {
                    (words, words, Vec::new())
                } else {
                    let ev = self.evidence(d, canonical);
                    (ev.covered_a, ev.longest, ev.runs)
                };
                Member {
                    id: self.ids[d as usize].clone(),
                    source: self.source(d).map(str::to_string),
                    date: self.date(d),
                    similarity: s.map_or(0.0, |s| s.resemblance),
                    containment: s.map_or(0.0, |s| s.containment),
                    matched: self.ids[matched as usize].clone(),
                    words,
                    paragraphs: own.len(),
                    lacks: diff::missing(canon_fp, own),
                    adds: diff::missing(own, canon_fp),
                    shared_words,
                    longest_run,
                    runs,
                }
            })
            .collect();
        Story { id, canonical: self.ids[canonical as usize].clone(), members }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blurb_ids_end_in_a_number_after_a_hash() {
        assert!(is_blurb("002.txt#1"));
        assert!(is_blurb("a#b#12"));
        assert!(!is_blurb("002.txt"));
        assert!(!is_blurb("#3"));
        assert!(!is_blurb("page#"));
        assert!(!is_blurb("page#x1"));
    }
}
