//! `sync`: sharing the tracker branch with a remote (R2, R4, R60).
//!
//! One round: fetch the remote's branch; if the two histories diverged, replay the local
//! commits on top of the remote's (event files never conflict, so this always succeeds) and
//! give every ticket created here whose number the remote already uses the next free number;
//! move the local branch (compare-and-swap); push, fast-forward only. When the push is refused
//! because the remote moved meanwhile, start the round again, a bounded number of times.
//!
//! Numbers that reached the remote are never changed; only the unpublished `create` events of
//! this clone are rewritten, before they are published (R75).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::error::ValidationError;
use crate::model::id::Key;
use crate::model::limits::MAX_NUMBER;
use crate::model::{Action, Event, TicketId};
use crate::store::{layout, Push, Relation, StoreError, Tip};
use crate::tracker::{key_of, Tracker, TrackerError};

/// Rounds before `sync` gives up on a remote that keeps moving.
pub const MAX_ROUNDS: u32 = 20;

/// A ticket that got a new number at synchronisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renumbered {
    /// The ticket's id.
    pub id: TicketId,
    /// Its key before.
    pub from: String,
    /// Its key now.
    pub to: String,
}

/// What a `sync` did.
#[derive(Clone, Debug)]
pub struct SyncReport {
    /// The remote used.
    pub remote: String,
    /// The local tip afterwards.
    pub tip: Tip,
    /// The remote had no tracker branch.
    pub remote_was_empty: bool,
    /// The local branch was created from the remote's.
    pub took_remote: bool,
    /// Commits received (the local branch moved to include the remote's).
    pub received: bool,
    /// The remote's branch was updated.
    pub pushed: bool,
    /// Tickets renumbered in this sync.
    pub renumbered: Vec<Renumbered>,
}

const RENUMBERED_FILE: &str = "renumbered.json";

impl Tracker {
    /// The remote `sync` uses by default: git config `tracker.remote`, else the tracker
    /// branch's configured remote (`branch.tracker.remote`), else `origin`.
    pub fn default_remote(&self) -> String {
        let store = self.store();
        store
            .git_config("tracker.remote")
            .or_else(|| store.git_config(&format!("branch.{}.remote", store.branch_short())))
            .unwrap_or_else(|| "origin".to_owned())
    }

    /// Tickets not yet on the default remote (R4): their numbers may still change at the
    /// next `sync`. Empty when the repository has no such remote.
    pub fn provisional(&self, tickets: &[TicketId]) -> Result<HashSet<TicketId>, TrackerError> {
        let remote = self.default_remote();
        if !self.store().is_remote(&remote) {
            return Ok(HashSet::new());
        }
        let published = match self.store().tracking_tip(&remote) {
            Some(tip) => self.store().ticket_ids(tip)?,
            None => HashSet::new(),
        };
        Ok(tickets
            .iter()
            .filter(|t| !published.contains(*t))
            .cloned()
            .collect())
    }

    /// Where a key this clone once showed went, if `sync` renumbered it.
    pub fn renumbered_from(&self, key: &str) -> Option<Renumbered> {
        let path = self.store().state_dir().join(RENUMBERED_FILE);
        let list: Vec<Renumbered> = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
        list.into_iter()
            .rev()
            .find(|r| r.from.eq_ignore_ascii_case(key.trim()))
    }

    fn remember(&self, renumbered: &[Renumbered]) {
        if renumbered.is_empty() {
            return;
        }
        let dir = self.store().state_dir();
        let path = dir.join(RENUMBERED_FILE);
        let mut list: Vec<Renumbered> = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        list.extend(renumbered.iter().cloned());
        if let Ok(bytes) = serde_json::to_vec_pretty(&list) {
            let _ = std::fs::create_dir_all(dir);
            let tmp = dir.join(format!("{RENUMBERED_FILE}.{}.tmp", std::process::id()));
            if std::fs::write(&tmp, bytes).is_ok() {
                let _ = std::fs::rename(&tmp, &path);
            }
        }
    }

    /// Synchronises with `remote` (a configured remote's name, a path or a URL).
    pub fn sync(&self, remote: &str, progress: bool) -> Result<SyncReport, TrackerError> {
        let store = self.store();
        // First and last key of every ticket renumbered across rounds.
        let mut moved: BTreeMap<TicketId, (Key, Key)> = BTreeMap::new();
        for round in 0..MAX_ROUNDS {
            if round > 0 {
                std::thread::sleep(std::time::Duration::from_millis(20 + 15 * u64::from(round)));
            }
            let remote_tip = store.fetch(remote, progress)?;
            let local = store.tip()?;
            let mut report = SyncReport {
                remote: remote.to_owned(),
                tip: match local.or(remote_tip) {
                    Some(t) => t,
                    None => return Err(TrackerError::NothingToSync(remote.to_owned())),
                },
                remote_was_empty: remote_tip.is_none(),
                took_remote: false,
                received: false,
                pushed: false,
                renumbered: Vec::new(),
            };
            let (tip, push) = match (local, remote_tip) {
                (None, None) => unreachable!("handled above"),
                (None, Some(r)) => {
                    match store.move_branch(None, r, "sync: take the remote's branch") {
                        Ok(()) => {}
                        Err(
                            StoreError::Conflict { .. } | StoreError::AlreadyInitialized { .. },
                        ) => continue,
                        Err(e) => return Err(e.into()),
                    }
                    report.took_remote = true;
                    report.received = true;
                    (r, false)
                }
                (Some(l), None) => (l, true),
                (Some(l), Some(r)) => match store.relation(l, r)? {
                    Relation::Same => (l, false),
                    Relation::LocalAhead => (l, true),
                    Relation::RemoteAhead => {
                        match store.move_branch(Some(l), r, "sync: fast-forward") {
                            Ok(()) => {}
                            Err(StoreError::Conflict { .. }) => continue,
                            Err(e) => return Err(e.into()),
                        }
                        report.received = true;
                        (r, false)
                    }
                    Relation::Diverged => {
                        let new = self.replay(l, r, &mut moved)?;
                        match store.move_branch(Some(l), new, "sync: replay local commits") {
                            Ok(()) => {}
                            Err(StoreError::Conflict { .. }) => continue,
                            Err(e) => return Err(e.into()),
                        }
                        report.received = true;
                        (new, true)
                    }
                },
            };
            report.tip = tip;
            if push {
                match store.push(remote, tip, progress)? {
                    Push::Done => report.pushed = true,
                    Push::Rejected(_) => continue,
                }
            }
            let mut moved: Vec<(TicketId, (Key, Key))> = moved
                .into_iter()
                .filter(|(_, (from, to))| from != to)
                .collect();
            moved.sort_by_key(|(_, (_, to))| to.number);
            report.renumbered = moved
                .into_iter()
                .map(|(id, (from, to))| Renumbered {
                    id,
                    from: from.to_string(),
                    to: to.to_string(),
                })
                .collect();
            self.remember(&report.renumbered);
            return Ok(report);
        }
        Err(TrackerError::SyncGaveUp {
            remote: remote.to_owned(),
            rounds: MAX_ROUNDS,
        })
    }

    /// Replays the local commits on top of the remote's tip, giving each local ticket whose
    /// number the remote already uses the next free number.
    fn replay(
        &self,
        local: Tip,
        remote: Tip,
        moved: &mut BTreeMap<TicketId, (Key, Key)>,
    ) -> Result<Tip, TrackerError> {
        let store = self.store();
        let theirs = store.snapshot_at(remote)?;
        let ours = store.snapshot_at(local)?;
        let config = theirs.config.clone();
        let taken: BTreeMap<u64, TicketId> = theirs
            .tickets
            .iter()
            .map(|t| (t.number, t.id.clone()))
            .collect();
        let mut used: BTreeSet<u64> = taken.keys().copied().collect();
        used.extend(ours.tickets.iter().map(|t| t.number));
        let first_free = used.iter().next_back().copied().unwrap_or(0) + 1;
        // The local tickets whose number the remote has, in creation order (the order the
        // reader's rule for plain merges uses too: docs/format.md), get the next numbers.
        let theirs_ids: HashSet<&TicketId> = theirs.tickets.iter().map(|t| &t.id).collect();
        let mut colliding: Vec<_> = ours
            .tickets
            .iter()
            .filter(|t| !theirs_ids.contains(&t.id) && taken.contains_key(&t.number))
            .collect();
        colliding.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        let mut new_number: BTreeMap<TicketId, u64> = BTreeMap::new();
        for (next, t) in (first_free..).zip(colliding) {
            if next > MAX_NUMBER {
                return Err(ValidationError::NumbersExhausted { max: MAX_NUMBER }.into());
            }
            new_number.insert(t.id.clone(), next);
            let (from, to) = (key_of(&config, t.number), key_of(&config, next));
            moved
                .entry(t.id.clone())
                .and_modify(|(_, last)| *last = to.clone())
                .or_insert((from, to));
        }
        let tip = store.replay(local, remote, |path, content| {
            let (ticket, event) = layout::parse_event_path(path)?;
            let n = *new_number.get(&ticket)?;
            let mut e = Event::from_toml(ticket, event, content).ok()?;
            let Action::Create { number, .. } = &mut e.action else {
                return None;
            };
            *number = n;
            Some(e.to_toml())
        })?;
        Ok(tip)
    }
}
