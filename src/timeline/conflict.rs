//! Conflicts: events from disjoint sources that place the same kind of
//! happening at different venues on overlapping dates (rule in the
//! [module docs](super)).

use chrono::NaiveDate;

use super::build::{bounds, CONFLICT_MIN_SHARED};
use super::{Conflict, Event};

/// How many later-starting overlapping events an event is checked against for conflicts.
const MAX_CONFLICT_CANDIDATES: usize = 1024;

/// Mark pairs of events that give incompatible accounts (rule in the module docs).
pub(crate) fn mark_conflicts(
    events: &mut [Event],
    profiles: &[(Vec<String>, Vec<String>)],
    name: &dyn Fn(&str) -> String,
) {
    // Only events that name a venue can conflict; sweep them in date order.
    let mut cands: Vec<(NaiveDate, NaiveDate, usize)> = events
        .iter()
        .enumerate()
        .filter(|(i, _)| !profiles[*i].0.is_empty())
        .filter_map(|(i, e)| e.date.as_ref().and_then(bounds).map(|(s, t)| (s, t, i)))
        .collect();
    cands.sort();
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (x, &(_, a_end, a)) in cands.iter().enumerate() {
        // Bounded per event so that a year-long event in a big corpus costs O(1).
        for &(b_start, _, b) in cands[x + 1..].iter().take(MAX_CONFLICT_CANDIDATES) {
            if b_start > a_end {
                break;
            }
            let (ea, eb) = (&events[a], &events[b]);
            let disjoint = !ea.sources.iter().any(|s| eb.sources.contains(s));
            let (va, wa) = &profiles[a];
            let (vb, wb) = &profiles[b];
            let a_only = va.iter().any(|v| !vb.contains(v));
            let b_only = vb.iter().any(|v| !va.contains(v));
            if disjoint && a_only && b_only && crate::dedup::intersection_size(wa, wb) >= CONFLICT_MIN_SHARED {
                found.push((a, b));
            }
        }
    }
    let names: Vec<String> =
        profiles.iter().map(|(v, _)| v.iter().map(|id| name(id)).collect::<Vec<_>>().join(", ")).collect();
    for (a, b) in found {
        let (ida, idb) = (events[a].id.clone(), events[b].id.clone());
        let reason = |x: usize, y: usize| {
            format!("places the same kind of happening at {} where the other account has {}", names[x], names[y])
        };
        events[a].conflicts.push(Conflict { event: idb, reason: reason(a, b) });
        events[b].conflicts.push(Conflict { event: ida, reason: reason(b, a) });
    }
}
