//! `sync`: sharing the tracker branch with a remote (R2, R4, R60, R75).
//!
//! One round: fetch the remote's branch; refuse it if it lost events this clone has seen
//! published; if the two histories diverged, replay the local commits on top of the remote's
//! (event files never conflict, so this always succeeds) and give every unpublished ticket
//! created here whose number the remote already uses the next free number; move the local
//! branch (compare-and-swap); push, fast-forward only. When the push is refused because the
//! remote moved meanwhile, start the round again, through the one retry path
//! (`write::until_done`).
//!
//! Published means: on the remote the last time this clone looked (its remote-tracking ref),
//! or in the history both sides share. Numbers of published tickets are never changed, and
//! published event files the remote no longer has (deleted or rewritten) make `sync` stop
//! before anything is received, unless `--accept-deletions` says an administrator purged them
//! on purpose.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::model::error::ValidationError;
use crate::model::id::Key;
use crate::model::limits::MAX_NUMBER;
use crate::model::{Action, Event, TicketId};
use crate::store::{layout, Push, Relation, Removal, Tip, Transport};
use crate::tracker::renumbered::{self, Renumbered};
use crate::tracker::write::{until_done, Attempt, Contention};
use crate::tracker::{key_of, RemoteDeletion, Tracker, TrackerError};

/// Rounds before `sync` gives up on a remote that keeps moving.
pub const MAX_ROUNDS: u32 = 20;

/// How a `sync` runs.
#[derive(Clone, Debug)]
pub struct SyncOptions {
    /// How git is run: progress, and the deadline of the whole sync.
    pub transport: Transport,
    /// Take a remote branch that deleted or changed published events (an administrator's
    /// deliberate purge) instead of refusing it.
    pub accept_deletions: bool,
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
    /// Published event files the remote had deleted or changed, taken with
    /// `--accept-deletions`.
    pub accepted_removals: Vec<Removal>,
}

/// An event a `sync` brought that concerns the person running it: the creation of a ticket,
/// or a change to a ticket they watch or are assigned (`docs/sync.md`, "What arrived").
#[derive(Clone, Debug)]
pub struct Arrival {
    /// The ticket's key at the new tip.
    pub key: Key,
    /// The ticket's title at the new tip.
    pub title: String,
    /// Whether the ticket itself is new (this is its `create` event).
    pub new_ticket: bool,
    /// The event, its author and the people it names under their one name
    /// (`docs/format.md`, "Names").
    pub event: Event,
}

/// Exchanging the branch with remotes.
pub struct Sharing<'t> {
    pub(super) tracker: &'t Tracker,
}

impl Sharing<'_> {
    /// The remote `sync` uses by default: git config `tracker.remote`, else the tracker
    /// branch's configured remote (`branch.tracker.remote`), else `origin`.
    pub fn default_remote(&self) -> String {
        let store = self.tracker.store();
        store
            .git_config("tracker.remote")
            .or_else(|| store.git_config(&format!("branch.{}.remote", store.branch_short())))
            .unwrap_or_else(|| "origin".to_owned())
    }

    /// Whether any ticket may be provisional: the repository has its default remote.
    pub fn has_remote(&self) -> bool {
        self.tracker.store().is_remote(&self.default_remote())
    }

    /// Tickets not yet on the default remote (R4): their numbers may still change at the
    /// next `sync`. Empty when the repository has no such remote.
    pub fn provisional(&self, tickets: &[TicketId]) -> Result<HashSet<TicketId>, TrackerError> {
        let store = self.tracker.store();
        let remote = self.default_remote();
        if !store.is_remote(&remote) {
            return Ok(HashSet::new());
        }
        let published = match store.tracking_tip(&remote) {
            Some(tip) => store.present(tip, tickets)?,
            None => HashSet::new(),
        };
        Ok(tickets
            .iter()
            .filter(|t| !published.contains(*t))
            .cloned()
            .collect())
    }

    /// The remote whose tracker branch a clone without one takes over: the default remote
    /// when git's fetches left its `<remote>/<branch>` here, else the only remote that has
    /// one. `None` when no remote has it, or several do and none is the default.
    pub fn remote_branch(&self) -> Option<(String, Tip)> {
        let mut found = self.tracker.store().remote_branches();
        let default = self.default_remote();
        if let Some(i) = found.iter().position(|(r, _)| *r == default) {
            return Some(found.swap_remove(i));
        }
        (found.len() == 1).then(|| found.swap_remove(0))
    }

    /// In a clone without the tracker branch (a fresh `git clone`), creates it from the
    /// remote-tracking branch git fetched ([`Sharing::remote_branch`]), as `sync` would, with
    /// no network access. Gives the remote's name when it did.
    pub fn adopt(&self) -> Result<Option<String>, TrackerError> {
        let store = self.tracker.store();
        if store.tip()?.is_some() {
            return Ok(None);
        }
        let Some((remote, tip)) = self.remote_branch() else {
            return Ok(None);
        };
        let why = format!("take over {remote}/{}", store.branch_short());
        match store.move_branch(None, tip, &why) {
            Ok(()) => {}
            // Another command took it over meanwhile: the branch is there, as wanted.
            Err(_) if store.tip()?.is_some() => return Ok(None),
            Err(e) => return Err(e.into()),
        }
        store.set_synced_tip(&remote, tip);
        Ok(Some(remote))
    }

    /// When a plain `git fetch` or `git pull` brought tracker commits that `sync` has not
    /// combined yet (the default remote's remote-tracking branch has commits the local branch
    /// lacks), the remote-tracking branch's name (`origin/tracker`). Cheap when nothing was
    /// fetched since the last sync: it compares two ids.
    pub fn remote_ahead(&self) -> Result<Option<String>, TrackerError> {
        let store = self.tracker.store();
        let remote = self.default_remote();
        let (Some(local), Some(fetched)) = (store.tip()?, store.tracking_tip(&remote)) else {
            return Ok(None);
        };
        if fetched == local || store.synced_tip(&remote) == Some(fetched) {
            return Ok(None);
        }
        Ok(match store.relation(local, fetched)? {
            Relation::Same | Relation::LocalAhead => None,
            Relation::RemoteAhead | Relation::Diverged => {
                Some(format!("{remote}/{}", store.branch_short()))
            }
        })
    }

    /// What went from the local tip `old` to `new` (after a `sync` received commits) that
    /// concerns the viewer: every new ticket they may see, and the events of tickets they
    /// watch or are assigned at `new`, ordered by key, then as the fold orders them. Only
    /// the event files added between the two tips are read (the diff along the layout), so
    /// the cost grows with what arrived, not with the size of the tracker.
    pub fn arrived(&self, old: Tip, new: Tip) -> Result<Vec<Arrival>, TrackerError> {
        let store = self.tracker.store();
        let viewer = self.tracker.viewer();
        let mut by_ticket: BTreeMap<TicketId, Vec<Event>> = BTreeMap::new();
        for e in store.arrived_events(Some(old), new)? {
            by_ticket.entry(e.ticket.clone()).or_default().push(e);
        }
        if by_ticket.is_empty() {
            return Ok(Vec::new());
        }
        let snap = store.snapshot_at(new)?;
        let mut out: Vec<(u64, Arrival)> = Vec::new();
        for (id, mut events) in by_ticket {
            let Some(summary) = store
                .by_id_prefix(&snap, id.as_str())?
                .into_iter()
                .find(|t| t.id == id)
            else {
                continue;
            };
            if !viewer.may_see(&snap.config, &summary.reporter, summary.assignee.as_ref()) {
                continue;
            }
            let mine = viewer.email().is_some_and(|me| {
                summary.assignee.as_ref().is_some_and(|a| a.has_email(me))
                    || summary.watchers.iter().any(|w| w.has_email(me))
            });
            // The fold's order: the creation first, then by (lamport, id).
            events.sort_by(|a, b| {
                let created = |e: &Event| !matches!(e.action, Action::Create { .. });
                (created(a), a.lamport, &a.id).cmp(&(created(b), b.lamport, &b.id))
            });
            let key = key_of(&snap.config, summary.number);
            for event in events {
                let new_ticket = matches!(event.action, Action::Create { .. });
                if new_ticket || mine {
                    out.push((
                        summary.number,
                        Arrival {
                            key: key.clone(),
                            title: summary.title.clone(),
                            new_ticket,
                            event,
                        },
                    ));
                }
            }
        }
        // Stable: each ticket's events keep the fold's order.
        out.sort_by_key(|(number, _)| *number);
        let emails: BTreeSet<String> = out
            .iter()
            .flat_map(|(_, a)| std::iter::once(&a.event.author).chain(a.event.named()))
            .map(|p| p.email.to_ascii_lowercase())
            .collect();
        let names = store.names(&snap, emails.iter().map(String::as_str))?;
        Ok(out
            .into_iter()
            .map(|(_, mut a)| {
                a.event.rename(&names);
                a
            })
            .collect())
    }

    /// Synchronises with `remote` (a configured remote's name, a path or a URL).
    pub fn sync(&self, remote: &str, options: &SyncOptions) -> Result<SyncReport, TrackerError> {
        let store = self.tracker.store();
        // First and last key of every ticket renumbered across rounds.
        let mut moved: BTreeMap<TicketId, (Key, Key)> = BTreeMap::new();
        let mut report = until_done(MAX_ROUNDS, |_| {
            // What the remote had the last time this clone looked: published. The tip of the
            // last sync is kept by the tool too, since a plain `git fetch` moves the
            // remote-tracking ref without any check.
            let before = store.tracking_tip(remote);
            let synced = store.synced_tip(remote).filter(|s| Some(*s) != before);
            let remote_tip = store.fetch(remote, &options.transport)?;
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
                accepted_removals: Vec::new(),
            };
            let retry = |e| Ok(Attempt::Retry(Contention::of(e)?));
            let (tip, push) = match (local, remote_tip) {
                (None, None) => unreachable!("handled above"),
                (None, Some(r)) => {
                    if let Err(e) = store.move_branch(None, r, "sync: take the remote's branch") {
                        return retry(e);
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
                        report.accepted_removals =
                            self.check_removals(remote, before, synced, l, r, options)?;
                        if let Err(e) = store.move_branch(Some(l), r, "sync: fast-forward") {
                            return retry(e);
                        }
                        report.received = true;
                        (r, false)
                    }
                    Relation::Diverged => {
                        report.accepted_removals =
                            self.check_removals(remote, before, synced, l, r, options)?;
                        let new = self.replay(l, r, &[before, synced], &mut moved)?;
                        if let Err(e) =
                            store.move_branch(Some(l), new, "sync: replay local commits")
                        {
                            return retry(e);
                        }
                        report.received = true;
                        (new, true)
                    }
                },
            };
            report.tip = tip;
            if push {
                match store.push(remote, tip, &options.transport)? {
                    Push::Done => report.pushed = true,
                    Push::Rejected(_) => {
                        return Ok(Attempt::Retry(Contention::RemoteMoved {
                            remote: remote.to_owned(),
                        }))
                    }
                }
            }
            Ok(Attempt::Done(report))
        })?;
        // The remote now has this tip (pushed, or received).
        if report.pushed || !report.remote_was_empty {
            store.set_synced_tip(remote, report.tip);
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
        renumbered::remember(store, &report.renumbered);
        Ok(report)
    }

    /// The published event files (in `before` and `synced`, what the remote had when this
    /// clone last fetched and synced, and in the history `local` and `remote` share) that
    /// `remote` no longer has as they were. Any
    /// makes the sync stop, putting the remote-tracking ref back, unless the options accept
    /// them.
    fn check_removals(
        &self,
        name: &str,
        before: Option<Tip>,
        synced: Option<Tip>,
        local: Tip,
        remote: Tip,
        options: &SyncOptions,
    ) -> Result<Vec<Removal>, TrackerError> {
        let store = self.tracker.store();
        let mut removals: BTreeMap<String, Removal> = BTreeMap::new();
        let base = store.merge_base(local, remote)?;
        let published = [base, before, synced];
        for from in published.into_iter().flatten().filter(|b| *b != remote) {
            for r in store.removals(from, remote)? {
                removals.entry(r.path.clone()).or_insert(r);
            }
        }
        if removals.is_empty() || options.accept_deletions {
            return Ok(removals.into_values().collect());
        }
        store.reset_tracking(name, before)?;
        let count = removals.len();
        let first = removals
            .into_values()
            .next()
            .expect("there is at least one removal");
        let ticket = layout::parse_event_path(&first.path).map_or_else(
            || "?".to_owned(),
            |(id, _)| {
                self.tracker
                    .snapshot()
                    .ok()
                    .and_then(|s| {
                        let found = store.by_id_prefix(&s, id.as_str()).ok()?;
                        found
                            .first()
                            .map(|t| key_of(&s.config, t.number).to_string())
                    })
                    .unwrap_or_else(|| id.to_string())
            },
        );
        Err(TrackerError::RemoteDeleted(Box::new(RemoteDeletion {
            remote: name.to_owned(),
            count,
            path: first.path,
            ticket,
            commit: first.commit.unwrap_or_else(|| remote.to_string()),
            tip: remote.to_string(),
        })))
    }

    /// Replays the local commits (those neither `remote` nor `before` have) on top of the
    /// remote's tip, giving each unpublished local ticket whose number the remote already uses
    /// the next free number.
    fn replay(
        &self,
        local: Tip,
        remote: Tip,
        before: &[Option<Tip>],
        moved: &mut BTreeMap<TicketId, (Key, Key)>,
    ) -> Result<Tip, TrackerError> {
        let store = self.tracker.store();
        let theirs_snap = store.snapshot_at(remote)?;
        let theirs = store.all_tickets(&theirs_snap)?;
        let ours_snap = store.snapshot_at(local)?;
        let ours = store.all_tickets(&ours_snap)?;
        let config = theirs_snap.config.clone();
        let taken: BTreeMap<u64, TicketId> =
            theirs.iter().map(|t| (t.number, t.id.clone())).collect();
        let mut used: BTreeSet<u64> = taken.keys().copied().collect();
        used.extend(ours.iter().map(|t| t.number));
        let first_free = used.iter().next_back().copied().unwrap_or(0) + 1;
        // Published tickets keep their numbers whatever the remote has now.
        let mut published: HashSet<TicketId> = theirs.iter().map(|t| t.id.clone()).collect();
        for b in before
            .iter()
            .flatten()
            .copied()
            .chain(store.merge_base(local, remote)?)
        {
            published.extend(store.ticket_ids(b)?);
        }
        // The local tickets whose number the remote has, in creation order (the order the
        // reader's rule for plain merges uses too: docs/format.md), get the next numbers.
        let mut colliding: Vec<_> = ours
            .iter()
            .filter(|t| !published.contains(&t.id) && taken.contains_key(&t.number))
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
        let hidden: Vec<Tip> = before.iter().flatten().copied().collect();
        let tip = store.replay(local, remote, &hidden, |path, content| {
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
