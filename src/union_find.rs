//! Union-find over `0..n` for the stages that cluster items by pairwise
//! tests (claim groups, timeline events). A set's root is its smallest
//! member, so clusters come out in first-member order whatever order the
//! unions ran in; path halving keeps the trees flat.

/// Disjoint sets of `0..n`.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect() }
    }

    /// The smallest member of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Merge the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_rooted_at_its_smallest_member() {
        let mut u = UnionFind::new(6);
        u.union(4, 5);
        u.union(5, 2);
        u.union(3, 3);
        assert_eq!((0..6).map(|x| u.find(x)).collect::<Vec<_>>(), [0, 1, 2, 3, 2, 2]);
    }
}
