//! The dependency graph between tickets (R24), as pure functions over its edges: which
//! tickets lie on a cycle, and the shortest path from one ticket to another.
//!
//! A ticket's edges are its `depends_on` (the fold of its `depend` and `undepend` events). The
//! tool never writes a link that closes a cycle, but two clones can each add one half of a
//! cycle while apart; after they meet, both links stay and the tickets of the cycle are
//! flagged (`docs/format.md`, "Dependencies").

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::model::{TicketId, TicketSummary};

/// At most this many tickets are shown in one tree of `show` (then it says it stopped).
pub const MAX_TREE_NODES: usize = 200;

/// At most this deep.
pub const MAX_TREE_DEPTH: usize = 16;

/// One ticket of a dependency tree.
#[derive(Clone, Debug)]
pub struct LinkNode {
    /// The ticket's id.
    pub id: TicketId,
    /// The number of its key, when it is on the branch.
    pub number: Option<u64>,
    /// The ticket, when it is on the branch and the viewer may see it.
    pub ticket: Option<TicketSummary>,
    /// It is on the branch, but the mode's view rule hides it from the viewer.
    pub hidden: bool,
    /// Shown already, higher in the tree or on another branch of it: its own links are not
    /// repeated (a cycle, or a ticket reached two ways).
    pub repeated: bool,
    /// Its own links (dependencies in the tree of dependencies, dependents in the other).
    pub links: Vec<LinkNode>,
}

/// A ticket's dependencies, as `show` prints them.
#[derive(Clone, Debug, Default)]
pub struct Dependencies {
    /// What it depends on, and what those depend on, …
    pub depends_on: Vec<LinkNode>,
    /// What depends on it (what it blocks), and so on.
    pub blocks: Vec<LinkNode>,
    /// Whether a tree was cut at [`MAX_TREE_NODES`] or [`MAX_TREE_DEPTH`].
    pub truncated: bool,
    /// When the ticket is on a dependency cycle (made by two clones), the shortest cycle
    /// through it, as keys: `["TRK-3", "TRK-7", "TRK-3"]`.
    pub cycle: Vec<String>,
    /// The tickets of its cycle (its strongly connected component), by key number.
    pub cycle_members: Vec<TicketSummary>,
}

impl Dependencies {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.depends_on.is_empty() && self.blocks.is_empty() && self.cycle.is_empty()
    }
}

/// The strongly connected components of the graph with `n` nodes and `edges` that hold a
/// cycle (two or more nodes: the format has no self-links), each sorted, ordered by their
/// smallest node. Iterative (a hostile chain of 10^5 links must not overflow the stack); time
/// and memory linear in nodes plus edges.
pub fn cycles(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut out_start = vec![0usize; n + 1];
    for &(a, _) in edges {
        out_start[a + 1] += 1;
    }
    for i in 0..n {
        out_start[i + 1] += out_start[i];
    }
    let mut fill = out_start.clone();
    let mut out = vec![0usize; edges.len()];
    for &(a, b) in edges {
        out[fill[a]] = b;
        fill[a] += 1;
    }
    const UNSEEN: usize = usize::MAX;
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let mut next = 0;
    let mut found = Vec::new();
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        order[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        calls.push((root, out_start[root]));
        while let Some(top) = calls.last_mut() {
            let v = top.0;
            if top.1 < out_start[v + 1] {
                let w = out[top.1];
                top.1 += 1;
                if order[w] == UNSEEN {
                    order[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, out_start[w]));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == order[v] {
                let mut comp = Vec::new();
                loop {
                    let w = stack.pop().expect("v and its component are on the stack");
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort_unstable();
                    found.push(comp);
                }
            }
        }
    }
    found.sort();
    found
}

/// The shortest path from `from` to `to` following `next` (a node's successors, in the order
/// to try them), `from` and `to` included; `None` when `to` cannot be reached. Ties go to the
/// path found first. `next` is asked once per node reached, and the search stops after
/// `max_nodes` nodes (then `None`).
pub fn shortest_path<K, F>(from: &K, to: &K, max_nodes: usize, mut next: F) -> Option<Vec<K>>
where
    K: Ord + Clone,
    F: FnMut(&[K]) -> BTreeMap<K, Vec<K>>,
{
    if from == to {
        return Some(vec![from.clone()]);
    }
    let mut came_from: BTreeMap<K, K> = BTreeMap::new();
    let mut seen: BTreeSet<K> = BTreeSet::from([from.clone()]);
    let mut layer = vec![from.clone()];
    let mut queue: VecDeque<K> = VecDeque::new();
    while !layer.is_empty() && seen.len() <= max_nodes {
        let succ = next(&layer);
        for node in &layer {
            for s in succ.get(node).into_iter().flatten() {
                if seen.insert(s.clone()) {
                    came_from.insert(s.clone(), node.clone());
                    if s == to {
                        let mut path = vec![s.clone()];
                        let mut at = s.clone();
                        while let Some(p) = came_from.get(&at) {
                            path.push(p.clone());
                            at = p.clone();
                        }
                        path.reverse();
                        return Some(path);
                    }
                    queue.push_back(s.clone());
                }
            }
        }
        layer = queue.drain(..).collect();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_the_components_of_two_or_more() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 4, 4 -> 3, 5 alone, 6 -> 0.
        let edges = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3), (6, 0)];
        assert_eq!(cycles(7, &edges), vec![vec![0, 1, 2], vec![3, 4]]);
        assert!(cycles(3, &[(0, 1), (1, 2), (0, 2)]).is_empty());
        assert!(cycles(0, &[]).is_empty());
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 200_000;
        let mut edges: Vec<(usize, usize)> = (0..n - 1).map(|i| (i, i + 1)).collect();
        edges.push((n - 1, 0));
        assert_eq!(cycles(n, &edges), vec![(0..n).collect::<Vec<_>>()]);
    }

    #[test]
    fn the_shortest_path_follows_the_edges() {
        let graph: BTreeMap<u32, Vec<u32>> =
            BTreeMap::from([(1, vec![2, 3]), (2, vec![4]), (3, vec![4, 5]), (5, vec![1])]);
        let next = |layer: &[u32]| {
            layer
                .iter()
                .filter_map(|n| graph.get(n).map(|s| (*n, s.clone())))
                .collect()
        };
        assert_eq!(shortest_path(&1, &4, 100, next), Some(vec![1, 2, 4]));
        assert_eq!(shortest_path(&1, &1, 100, next), Some(vec![1]));
        assert_eq!(shortest_path(&3, &2, 100, next), Some(vec![3, 5, 1, 2]));
        assert_eq!(shortest_path(&4, &1, 100, next), None);
        assert_eq!(shortest_path(&3, &2, 1, next), None);
    }
}
