//! Sketching on many threads while one thread adds, in input order.

/// Map `work` over `items` on `threads` threads in blocks, handing each
/// block's results to `sink` on this thread in input order.
pub(crate) fn parallel_ordered<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(Vec<R>),
) {
    const BLOCK: usize = 64;
    if threads <= 1 || items.len() <= BLOCK {
        for block in items.chunks(BLOCK) {
            sink(block.iter().map(&work).collect());
        }
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let blocks = items.len().div_ceil(BLOCK);
    std::thread::scope(|scope| {
        // A bounded channel keeps at most a few blocks per thread in flight.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Vec<R>)>(threads * 4);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || loop {
                let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(block) = items.get(b * BLOCK..((b + 1) * BLOCK).min(items.len())) else { break };
                if block.is_empty() {
                    break;
                }
                if tx.send((b, block.iter().map(work).collect())).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        for (b, results) in rx {
            pending.insert(b, results);
            while let Some(results) = pending.remove(&want) {
                sink(results);
                want += 1;
            }
        }
        debug_assert_eq!(want, blocks);
    });
}
