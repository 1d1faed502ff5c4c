//! Settling ticket numbers that two tickets share (R4).
//!
//! `sync` never lets that happen, but a plain `git merge` of the branch can: two clones that
//! created tickets while apart and were combined by git rather than by `sync` carry the same
//! numbers in their `create` events. The rule (also in `docs/format.md`) keeps a number for the
//! ticket that was published first, judged from the commit graph as `git pull` shapes it: in a
//! merge, the side brought in through a parent other than the first was already on the remote.
//! The other tickets take the next free numbers, exactly as `sync` would have given them.
//!
//! Cost: where two tickets meet is found for all of them in one walk down the first-parent
//! chain, comparing each commit with its parent along the layout only (one shard, one ticket
//! directory per ordinary commit). The result is kept in the local index with the tip it was
//! computed at and the shared numbers it settled: a later tip that descends from it through
//! first parents, with the same shared numbers, reuses it without reading any history
//! (meetings below an old tip do not move when commits are added above it).

use std::collections::{BTreeMap, HashMap, HashSet};

use git2::Oid;
use serde::{Deserialize, Serialize};

use super::diff::tickets_added;
use super::error::git;
use super::{layout, Store, StoreError, Tip};
use crate::model::{TicketId, TicketSummary};

/// How many times duplicates are settled again (a new number can meet another ticket's).
const MAX_PASSES: usize = 8;

/// How far down the first-parent chain a cached settlement is looked for before it is
/// computed again.
const REUSE_WALK: usize = 1024;

/// A settlement kept in the local index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Settlement {
    /// The tip it was computed at.
    pub tip: String,
    /// Every `(number, id)` whose stored number another ticket shares, sorted.
    pub shared: Vec<(u64, TicketId)>,
    /// Effective numbers of the tickets that lost a shared number.
    pub renumbered: Vec<(TicketId, u64)>,
}

/// Where a ticket entered the first-parent chain: the deepest commit `c_k` (counting from the
/// tip, `c_0`) down to which it is present in every commit.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// `k`.
    depth: usize,
    /// `c_k`.
    commit: Oid,
    /// Whether `c_k` is the end of the chain (no parent).
    root: bool,
}

/// Where two tickets meet on the first-parent chain, and which one was there first.
struct Meeting {
    /// Index on the first-parent chain from the tip (larger is older).
    depth: usize,
    /// The commit.
    commit: Oid,
    /// Whether the first ticket won.
    first_wins: bool,
    /// Whether it was decided by a merge bringing the winner in through another parent (the
    /// normal result of a plain `git pull`), rather than by age or a tie.
    through_merge: bool,
}

/// Two tickets that claim the same number (see [`Store::shared_numbers`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedNumber {
    /// The number both `create` events carry.
    pub number: u64,
    /// The ticket that keeps it.
    pub kept: TicketId,
    /// The ticket that gets another number.
    pub other: TicketId,
    /// Whether a merge explains it (tickets created apart and combined by `git pull`).
    pub through_merge: bool,
}

/// The entries of a set of tickets, found in one walk (see [`Store::entries`]).
struct Entries<'s> {
    store: &'s Store,
    tip: Tip,
    known: HashMap<TicketId, Entry>,
}

impl Entries<'_> {
    fn get(&mut self, ids: &[&TicketId]) -> Result<(), StoreError> {
        let missing: Vec<&TicketId> = ids
            .iter()
            .copied()
            .filter(|id| !self.known.contains_key(*id))
            .collect();
        if !missing.is_empty() {
            let found = self.store.entries(self.tip, &missing)?;
            self.known.extend(found);
        }
        Ok(())
    }

    fn meeting(&mut self, a: &TicketSummary, b: &TicketSummary) -> Result<Meeting, StoreError> {
        self.get(&[&a.id, &b.id])?;
        let (ea, eb) = (self.known[&a.id], self.known[&b.id]);
        let tie = (a.created, &a.id) < (b.created, &b.id);
        let depth = ea.depth.min(eb.depth);
        let commit = if ea.depth <= eb.depth {
            ea.commit
        } else {
            eb.commit
        };
        let at_root = (ea.depth <= eb.depth && ea.root) || (eb.depth <= ea.depth && eb.root);
        let (first_wins, through_merge) = if ea.depth == eb.depth || at_root {
            (tie, false)
        } else if ea.depth < eb.depth {
            // `a` is missing from the first parent: it came in through another parent
            // (published first), or this commit introduced it (newer).
            let via = self.store.via_other_parent(commit, &a.id)?;
            (via, via)
        } else {
            let via = self.store.via_other_parent(commit, &b.id)?;
            (!via, via)
        };
        Ok(Meeting {
            depth,
            commit,
            first_wins,
            through_merge,
        })
    }
}

impl Store {
    /// For each of `ids` (all present at `tip`), the commit of the first-parent chain where it
    /// entered: one walk from the tip, comparing each commit with its first parent along the
    /// layout, until every ticket is placed.
    fn entries(&self, tip: Tip, ids: &[&TicketId]) -> Result<HashMap<TicketId, Entry>, StoreError> {
        let mut todo: HashSet<&TicketId> = ids.iter().copied().collect();
        let mut out = HashMap::with_capacity(ids.len());
        let mut commit = self
            .repo
            .find_commit(tip.0)
            .map_err(git("reading a commit"))?;
        let mut depth = 0;
        while !todo.is_empty() {
            let parent = commit.parent(0).ok();
            let entered: Vec<TicketId> = match &parent {
                Some(p) => tickets_added(&self.repo, Some(p.tree_id()), commit.tree_id())?,
                None => todo.iter().map(|id| (*id).clone()).collect(),
            };
            for id in entered {
                if todo.remove(&id) {
                    let e = Entry {
                        depth,
                        commit: commit.id(),
                        root: parent.is_none(),
                    };
                    out.insert(id, e);
                }
            }
            match parent {
                Some(p) => commit = p,
                None => break,
            }
            depth += 1;
        }
        Ok(out)
    }

    fn has_ticket(&self, commit: &git2::Commit<'_>, id: &TicketId) -> bool {
        super::tree::lookup(&self.repo, commit.tree_id(), &layout::ticket_dir(id)).is_some()
    }

    fn via_other_parent(&self, commit: Oid, id: &TicketId) -> Result<bool, StoreError> {
        let c = self
            .repo
            .find_commit(commit)
            .map_err(git("reading a commit"))?;
        for p in c.parents().skip(1) {
            if self.has_ticket(&p, id) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Every pair of tickets whose `create` events carry the same number, with the ticket that
    /// keeps it.
    pub fn shared_numbers(
        &self,
        tip: Tip,
        tickets: &[&TicketSummary],
    ) -> Result<Vec<SharedNumber>, StoreError> {
        let mut groups: BTreeMap<u64, Vec<&TicketSummary>> = BTreeMap::new();
        for t in tickets {
            groups.entry(t.number).or_default().push(t);
        }
        groups.retain(|_, g| g.len() > 1);
        let mut entries = Entries {
            store: self,
            tip,
            known: HashMap::new(),
        };
        let all: Vec<&TicketId> = groups.values().flatten().map(|t| &t.id).collect();
        entries.get(&all)?;
        let mut out = Vec::new();
        for (number, mut group) in groups {
            group.sort_by(|a, b| a.id.cmp(&b.id));
            let mut winner = group[0];
            for t in &group[1..] {
                if !entries.meeting(winner, t)?.first_wins {
                    winner = t;
                }
            }
            for t in group.iter().filter(|t| t.id != winner.id) {
                let m = entries.meeting(winner, t)?;
                out.push(SharedNumber {
                    number,
                    kept: winner.id.clone(),
                    other: t.id.clone(),
                    through_merge: m.through_merge,
                });
            }
        }
        Ok(out)
    }

    /// Whether `old` is on the first-parent chain of `new`, at most [`REUSE_WALK`] steps down.
    fn first_parent_ancestor(&self, old: &str, new: Tip) -> bool {
        let Ok(old) = Oid::from_str(old) else {
            return false;
        };
        let Ok(mut c) = self.repo.find_commit(new.0) else {
            return false;
        };
        for _ in 0..=REUSE_WALK {
            if c.id() == old {
                return true;
            }
            match c.parent(0) {
                Ok(p) => c = p,
                Err(_) => return false,
            }
        }
        false
    }

    /// The settlement at `tip`: effective numbers for the tickets that lose a shared number.
    /// Reuses `cached` when it still holds (see the module's documentation); reads no history
    /// at all when every number is unique.
    pub(super) fn settle_numbers(
        &self,
        tip: Tip,
        shared: Vec<(u64, TicketId)>,
        cached: Option<Settlement>,
        all: impl FnOnce() -> Result<Vec<TicketSummary>, StoreError>,
    ) -> Result<Settlement, StoreError> {
        if shared.is_empty() {
            return Ok(Settlement {
                tip: tip.to_string(),
                ..Settlement::default()
            });
        }
        if let Some(c) = cached.filter(|c| c.shared == shared) {
            if c.tip == tip.to_string() || self.first_parent_ancestor(&c.tip, tip) {
                return Ok(Settlement {
                    tip: tip.to_string(),
                    ..c
                });
            }
        }
        let all = all()?;
        let refs: Vec<&TicketSummary> = all.iter().collect();
        let renumbered = self.settle(tip, &refs)?;
        Ok(Settlement {
            tip: tip.to_string(),
            shared,
            renumbered,
        })
    }

    /// The settlement rule of `docs/format.md`, computed from the history.
    fn settle(
        &self,
        tip: Tip,
        tickets: &[&TicketSummary],
    ) -> Result<Vec<(TicketId, u64)>, StoreError> {
        let mut number: BTreeMap<TicketId, u64> =
            tickets.iter().map(|t| (t.id.clone(), t.number)).collect();
        let by_id: BTreeMap<&TicketId, &TicketSummary> =
            tickets.iter().map(|t| (&t.id, *t)).collect();
        let stored: BTreeMap<&TicketId, u64> = tickets.iter().map(|t| (&t.id, t.number)).collect();
        let mut entries = Entries {
            store: self,
            tip,
            known: HashMap::new(),
        };
        let mut changed = Vec::new();
        let mut present_cache: BTreeMap<Oid, HashSet<TicketId>> = BTreeMap::new();
        for _ in 0..MAX_PASSES {
            let mut groups: BTreeMap<u64, Vec<&TicketSummary>> = BTreeMap::new();
            for (id, n) in &number {
                groups.entry(*n).or_default().push(by_id[id]);
            }
            groups.retain(|_, g| g.len() > 1);
            if groups.is_empty() {
                break;
            }
            let all: Vec<&TicketId> = groups.values().flatten().map(|t| &t.id).collect();
            entries.get(&all)?;
            // (depth of the meeting, meeting commit, loser) for every loser.
            let mut losers = Vec::new();
            for group in groups.values() {
                let mut winner = group[0];
                for t in &group[1..] {
                    if !entries.meeting(winner, t)?.first_wins {
                        winner = t;
                    }
                }
                for t in group {
                    if t.id != winner.id {
                        let m = entries.meeting(winner, t)?;
                        losers.push((m.depth, m.commit, *t));
                    }
                }
            }
            // Older meetings first; then by creation time and id.
            losers.sort_by(|a, b| {
                b.0.cmp(&a.0)
                    .then_with(|| (a.2.created, &a.2.id).cmp(&(b.2.created, &b.2.id)))
            });
            let mut last = 0;
            for (_, commit, t) in losers {
                let present = match present_cache.entry(commit) {
                    std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::btree_map::Entry::Vacant(e) => {
                        e.insert(self.ticket_ids(Tip(commit))?)
                    }
                };
                let base = stored
                    .iter()
                    .filter(|(id, _)| present.contains(**id))
                    .map(|(_, n)| *n)
                    .chain(
                        number
                            .iter()
                            .filter(|(id, _)| present.contains(*id))
                            .map(|(_, n)| *n),
                    )
                    .max()
                    .unwrap_or(0);
                let new = base.max(last) + 1;
                last = new;
                number.insert(t.id.clone(), new);
                changed.push((t.id.clone(), new));
            }
        }
        // The last number given to each ticket.
        let mut out: BTreeMap<TicketId, u64> = BTreeMap::new();
        for (id, n) in changed {
            out.insert(id, n);
        }
        Ok(out.into_iter().collect())
    }
}
