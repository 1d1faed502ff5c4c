//! Settling ticket numbers that two tickets share (R4).
//!
//! `sync` never lets that happen, but a plain `git merge` of the branch can: two clones that
//! created tickets while apart and were combined by git rather than by `sync` carry the same
//! numbers in their `create` events. The rule (also in `docs/format.md`) keeps a number for the
//! ticket that was published first, judged from the commit graph as `git pull` shapes it: in a
//! merge, the side brought in through a parent other than the first was already on the remote.
//! The other tickets take the next free numbers, exactly as `sync` would have given them.

use std::collections::{BTreeMap, HashSet};

use git2::Oid;

use super::error::git;
use super::{layout, Store, StoreError, Tip};
use crate::model::{TicketId, TicketSummary};

/// How many times duplicates are settled again (a new number can meet another ticket's).
const MAX_PASSES: usize = 8;

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

impl Store {
    fn has_ticket(&self, commit: &git2::Commit<'_>, id: &TicketId) -> Result<bool, StoreError> {
        let tree = commit.tree().map_err(git("reading a tree"))?;
        Ok(tree
            .get_path(std::path::Path::new(&layout::ticket_dir(id)))
            .is_ok())
    }

    /// Walks the first-parent chain from `tip` to where `a` and `b` stop being both present.
    fn meeting(
        &self,
        tip: Tip,
        a: &TicketSummary,
        b: &TicketSummary,
    ) -> Result<Meeting, StoreError> {
        let tie = (a.created, &a.id) < (b.created, &b.id);
        let mut c = self
            .repo
            .find_commit(tip.0)
            .map_err(git("reading a commit"))?;
        let mut depth = 0;
        loop {
            let Ok(p) = c.parent(0) else {
                let commit = c.id();
                return Ok(Meeting {
                    depth,
                    commit,
                    first_wins: tie,
                    through_merge: false,
                });
            };
            let (pa, pb) = (self.has_ticket(&p, &a.id)?, self.has_ticket(&p, &b.id)?);
            if pa && pb {
                c = p;
                depth += 1;
                continue;
            }
            let (first_wins, through_merge) = match (pa, pb) {
                (false, false) => (tie, false),
                // `a` is missing on the first-parent side: it came in through another parent
                // (published first), or this commit introduced it (newer).
                (false, true) => {
                    let via = self.via_other_parent(&c, &a.id)?;
                    (via, via)
                }
                _ => {
                    let via = self.via_other_parent(&c, &b.id)?;
                    (!via, via)
                }
            };
            let commit = c.id();
            return Ok(Meeting {
                depth,
                commit,
                first_wins,
                through_merge,
            });
        }
    }

    fn via_other_parent(&self, c: &git2::Commit<'_>, id: &TicketId) -> Result<bool, StoreError> {
        for p in c.parents().skip(1) {
            if self.has_ticket(&p, id)? {
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
        let mut out = Vec::new();
        for (number, mut group) in groups.into_iter().filter(|(_, g)| g.len() > 1) {
            group.sort_by(|a, b| a.id.cmp(&b.id));
            let mut winner = group[0];
            for t in &group[1..] {
                if !self.meeting(tip, winner, t)?.first_wins {
                    winner = t;
                }
            }
            for t in group.iter().filter(|t| t.id != winner.id) {
                let m = self.meeting(tip, winner, t)?;
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

    /// Effective numbers for the tickets that lose a shared number: `(id, number)` pairs.
    /// Empty (and no history is read) when every number is unique.
    pub(super) fn settle_numbers(
        &self,
        tip: Tip,
        tickets: &[&TicketSummary],
    ) -> Result<Vec<(TicketId, u64)>, StoreError> {
        // The common case: every number is unique, and nothing needs building.
        let mut seen = HashSet::with_capacity(tickets.len());
        if tickets.iter().all(|t| seen.insert(t.number)) {
            return Ok(Vec::new());
        }
        let mut number: BTreeMap<TicketId, u64> =
            tickets.iter().map(|t| (t.id.clone(), t.number)).collect();
        let by_id: BTreeMap<&TicketId, &TicketSummary> =
            tickets.iter().map(|t| (&t.id, *t)).collect();
        let stored: BTreeMap<&TicketId, u64> = tickets.iter().map(|t| (&t.id, t.number)).collect();
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
            // (depth of the meeting, meeting commit, loser) for every loser.
            let mut losers = Vec::new();
            for group in groups.values() {
                let mut winner = group[0];
                for t in &group[1..] {
                    if !self.meeting(tip, winner, t)?.first_wins {
                        winner = t;
                    }
                }
                for t in group {
                    if t.id != winner.id {
                        let m = self.meeting(tip, winner, t)?;
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
