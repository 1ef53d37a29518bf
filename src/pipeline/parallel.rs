//! Ordered parallel map: documents are analysed on worker threads in small
//! blocks while the calling thread consumes the results in input order, so
//! the corpus-wide stages see exactly the sequence one thread would give them.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;

/// Documents per block: small enough to balance uneven document sizes across
/// threads, large enough that the channel costs nothing per document.
const BLOCK: usize = 16;

/// The number of threads to use when none is configured: every core.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Map `work` over `items` on `threads` threads in blocks, handing each
/// result to `sink` on this thread in input order. With one thread (or few
/// items) everything runs on this thread.
pub(crate) fn map_ordered<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R),
) {
    if threads <= 1 || items.len() <= BLOCK {
        for item in items {
            sink(work(item));
        }
        return;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        // A bounded channel keeps at most a few blocks per thread in flight,
        // so memory stays proportional to the threads, not the corpus.
        let (tx, rx) = sync_channel::<(usize, Vec<R>)>(threads * 4);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || loop {
                let b = next.fetch_add(1, Ordering::Relaxed);
                let start = b.saturating_mul(BLOCK);
                if start >= items.len() {
                    break;
                }
                let block = &items[start..(start + BLOCK).min(items.len())];
                if tx.send((b, block.iter().map(work).collect())).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0;
        for (b, results) in rx {
            pending.insert(b, results);
            while let Some(results) = pending.remove(&want) {
                results.into_iter().for_each(&mut sink);
                want += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_input_order_whatever_the_thread_count() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let mut out = Vec::new();
            map_ordered(&items, threads, |x| x * 2, |r| out.push(r));
            assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
    }
}
