//! Dependencies between tickets (R24) as the commands see them: the trees `show` prints, the
//! cycle a new link would close, and the cycles two clones made. Every question is answered
//! from the local index's links, reading only the tickets it reaches.

use std::collections::{BTreeMap, HashSet};

use crate::model::config::key_of;
use crate::model::links::{shortest_path, Dependencies, LinkNode, MAX_TREE_DEPTH, MAX_TREE_NODES};
use crate::model::{TicketId, TicketSummary};
use crate::store::Snapshot;
use crate::tracker::{Tracker, TrackerError};

/// A node of a tree being built: its id, whether it is repeated, its links.
struct Built {
    id: TicketId,
    repeated: bool,
    links: Vec<usize>,
}

/// The tree under node `i` of `nodes` (at most [`MAX_TREE_DEPTH`] deep), each ticket's links
/// by key number.
fn to_node(
    i: usize,
    nodes: &[Built],
    found: &BTreeMap<TicketId, TicketSummary>,
    hidden: &dyn Fn(&TicketSummary) -> bool,
) -> LinkNode {
    let n = &nodes[i];
    let summary = found.get(&n.id);
    let is_hidden = summary.is_some_and(hidden);
    let mut links: Vec<LinkNode> = n
        .links
        .iter()
        .map(|&c| to_node(c, nodes, found, hidden))
        .collect();
    links.sort_by_key(|l| (l.number.unwrap_or(u64::MAX), l.id.clone()));
    LinkNode {
        id: n.id.clone(),
        number: summary.map(|t| t.number),
        ticket: summary.filter(|_| !is_hidden).cloned(),
        hidden: is_hidden,
        repeated: n.repeated,
        links,
    }
}

impl Tracker {
    /// The dependency trees and cycle of ticket `id`, for the viewer.
    pub fn dependencies(
        &self,
        snap: &Snapshot,
        id: &TicketId,
    ) -> Result<Dependencies, TrackerError> {
        let (depends_on, cut_a) = self.tree(snap, id, false)?;
        let (blocks, cut_b) = self.tree(snap, id, true)?;
        let mut out = Dependencies {
            depends_on,
            blocks,
            truncated: cut_a || cut_b,
            ..Dependencies::default()
        };
        if let Some(members) = self
            .store()
            .cycles(snap, Some(std::slice::from_ref(id)))?
            .first()
        {
            out.cycle = self.cycle_through(snap, id)?;
            out.cycle_members = self.store().by_ids(snap, members)?;
        }
        Ok(out)
    }

    /// One tree, breadth first: `reverse` follows dependents instead of dependencies.
    fn tree(
        &self,
        snap: &Snapshot,
        root: &TicketId,
        reverse: bool,
    ) -> Result<(Vec<LinkNode>, bool), TrackerError> {
        let mut nodes: Vec<Built> = vec![Built {
            id: root.clone(),
            repeated: false,
            links: Vec::new(),
        }];
        let mut expanded: HashSet<TicketId> = HashSet::from([root.clone()]);
        let mut layer = vec![0usize];
        let mut truncated = false;
        for depth in 0..=MAX_TREE_DEPTH {
            if layer.is_empty() {
                break;
            }
            let ids: Vec<TicketId> = layer.iter().map(|&i| nodes[i].id.clone()).collect();
            let links = self.store().links(snap, &ids, reverse)?;
            let mut next = Vec::new();
            for &i in &layer {
                let Some(succ) = links.get(&nodes[i].id) else {
                    continue;
                };
                if depth == MAX_TREE_DEPTH || nodes.len() + succ.len() > MAX_TREE_NODES {
                    truncated = true;
                    continue;
                }
                for s in succ {
                    let repeated = !expanded.insert(s.clone());
                    nodes.push(Built {
                        id: s.clone(),
                        repeated,
                        links: Vec::new(),
                    });
                    let n = nodes.len() - 1;
                    nodes[i].links.push(n);
                    if !repeated {
                        next.push(n);
                    }
                }
            }
            layer = next;
        }
        let ids: Vec<TicketId> = nodes[1..].iter().map(|n| n.id.clone()).collect();
        let found: BTreeMap<TicketId, TicketSummary> = self
            .store()
            .by_ids(snap, &ids)?
            .into_iter()
            .map(|t| (t.id.clone(), t))
            .collect();
        let viewer = self.viewer();
        let hidden =
            |t: &TicketSummary| !viewer.may_see(&snap.config, &t.reporter, t.assignee.as_ref());
        let root = to_node(0, &nodes, &found, &hidden);
        Ok((root.links, truncated))
    }

    /// The keys of the tickets with these ids (an id that names no ticket on the branch is
    /// shown by its first 8 digits).
    pub fn keys_of(
        &self,
        snap: &Snapshot,
        ids: &[TicketId],
    ) -> Result<BTreeMap<TicketId, String>, TrackerError> {
        let mut out: BTreeMap<TicketId, String> = ids
            .iter()
            .map(|i| (i.clone(), i.as_str()[..8].to_owned()))
            .collect();
        for t in self.store().by_ids(snap, ids)? {
            out.insert(t.id.clone(), key_of(&snap.config, t.number).to_string());
        }
        Ok(out)
    }

    /// The shortest path of dependencies from `from` to `to` (both included), if any.
    pub(crate) fn dependency_path(
        &self,
        snap: &Snapshot,
        from: &TicketId,
        to: &TicketId,
    ) -> Result<Option<Vec<TicketId>>, TrackerError> {
        let mut failed = None;
        let path = shortest_path(from, to, usize::MAX, |layer: &[TicketId]| {
            match self.store().links(snap, layer, false) {
                Ok(l) => l,
                Err(e) => {
                    failed = Some(e);
                    BTreeMap::new()
                }
            }
        });
        match failed {
            Some(e) => Err(e.into()),
            None => Ok(path),
        }
    }

    /// The shortest cycle of dependencies through `id`, as keys (`["TRK-3", "TRK-7",
    /// "TRK-3"]`); empty when there is none.
    pub(crate) fn cycle_through(
        &self,
        snap: &Snapshot,
        id: &TicketId,
    ) -> Result<Vec<String>, TrackerError> {
        let firsts = self
            .store()
            .links(snap, std::slice::from_ref(id), false)?
            .remove(id)
            .unwrap_or_default();
        let mut best: Option<Vec<TicketId>> = None;
        for first in firsts {
            if let Some(path) = self.dependency_path(snap, &first, id)? {
                if best.as_ref().is_none_or(|b| path.len() + 1 < b.len()) {
                    let mut cycle = vec![id.clone()];
                    cycle.extend(path);
                    best = Some(cycle);
                }
            }
        }
        let Some(cycle) = best else {
            return Ok(Vec::new());
        };
        let keys = self.keys_of(snap, &cycle)?;
        Ok(cycle.iter().map(|i| keys[i].clone()).collect())
    }
}
