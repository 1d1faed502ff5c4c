//! Sending a ticket to another tracker: transfer up to the parent (R34), dispatch down to a
//! sub-tracker (R35). `docs/transfer.md` is this module's contract.
//!
//! Both write the receiving tracker first and the original only after: everything is checked
//! before anything is written (the original may be sent, the receiving tracker exists,
//! accepts transfers and takes every event written there); the receiving tracker's commit
//! is made (for a parent in another repository: fetched, written on top, pushed with `sync`'s
//! rules and retries); only when it is in place is the original moved to TRANSFERED with its
//! link up. When that last write fails, running the command again finds the ticket already
//! received by its link down (its `origin` names the original's id) and only writes the
//! original's side: never a second copy.

use crate::model::access::Viewer;
use crate::model::config::{key_of, TrackerConfig, TrackerLink};
use crate::model::event::Action;
use crate::model::id::{EventId, TicketId};
use crate::model::transfer::{copy_up, dispatch_down, Arrival, Source, Writer};
use crate::model::workflow::check_move;
use crate::model::{Event, State, Ticket};
use crate::store::{layout, CopiedFile, FileWrite, Push, Snapshot, StoreError, Transport};
use crate::tracker::tickets::random16;
use crate::tracker::write::{until_done, Attempt, ConfigCheck, Contention, Planned, MAX_ATTEMPTS};
use crate::tracker::{Actor, Purpose, Tracker, TrackerError};

/// Why a ticket cannot be sent.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// `transfer` in a tracker without a parent.
    #[error("this tracker has no parent to transfer tickets to")]
    NoParent,
    /// `dispatch --to` a tracker the configuration does not list.
    #[error("{to} is not a sub-tracker of this tracker (subtrackers: {listed})")]
    NotASubtracker {
        /// What was asked.
        to: String,
        /// The sub-trackers.
        listed: String,
    },
    /// The receiving tracker's branch is not there.
    #[error("tracker {0} does not exist: no such tracker branch")]
    Missing(String),
    /// A parent `REMOTE:BRANCH` whose remote is not configured.
    #[error("the parent {tracker} names remote {remote}, which this repository does not have")]
    UnknownRemote {
        /// The parent.
        tracker: String,
        /// The remote.
        remote: String,
    },
    /// The receiving tracker's `accept_transfers` is false.
    #[error("tracker {0} does not accept transfers (accept_transfers = false there); nothing was written")]
    Refused(String),
    /// The receiving tracker's `tracker.toml` cannot be read.
    #[error("tracker {tracker}: {message}")]
    BadConfig {
        /// The tracker.
        tracker: String,
        /// What is wrong.
        message: String,
    },
    /// The whole history cannot be read to be moved.
    #[error("{key} cannot be moved whole: {path}: {message}; nothing was written")]
    Incomplete {
        /// The ticket.
        key: String,
        /// The first file that cannot be copied.
        path: String,
        /// Why.
        message: String,
    },
    /// The receiving tracker already has a ticket with this id that did not come from here.
    #[error("tracker {tracker} already has a ticket with id {id} that did not come from {key}")]
    IdTaken {
        /// The tracker.
        tracker: String,
        /// The id.
        id: String,
        /// The original's key.
        key: String,
    },
    /// The receiving side was written, the original's side was not.
    #[error(
        "{key} was sent to tracker {tracker} as {copy}, but {key} itself could not be marked \
         TRANSFERED"
    )]
    HalfDone {
        /// The original's key.
        key: String,
        /// The receiving tracker.
        tracker: String,
        /// The new key there.
        copy: String,
        /// Why the original's side failed.
        source: Box<TrackerError>,
    },
}

/// What a transfer or a dispatch did.
#[derive(Clone, Debug)]
pub struct Sent {
    /// The original's key.
    pub key: String,
    /// The receiving tracker, as the configuration names it.
    pub tracker: String,
    /// The ticket's key there.
    pub new_key: String,
    /// Its id there.
    pub new_id: TicketId,
    /// Fields the receiving tracker lacks, and the assignee rule of a dispatch.
    pub warnings: Vec<String>,
    /// The receiving tracker already had it (an earlier run wrote it and failed after):
    /// only the original's side was written now.
    pub resumed: bool,
    /// The events written on the original.
    pub events: Vec<Event>,
}

/// Transfers and dispatches of a tracker.
pub struct Transfers<'t> {
    pub(super) tracker: &'t Tracker,
}

/// The receiving tracker.
enum Target {
    /// A branch of this repository.
    Local(Tracker),
    /// A tracker branch of another repository, reached as the git remote `remote`.
    Remote {
        tracker: Tracker,
        remote: String,
        transport: Transport,
    },
}

/// A transfer up or a dispatch down.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Up,
    Down,
}

/// The ticket to send, read and checked against the original tracker's rules.
struct Original {
    snap: std::rc::Rc<Snapshot>,
    ticket: Ticket,
    key: String,
}

impl Tracker {
    /// Transfers and dispatches.
    pub fn transfers(&self) -> Transfers<'_> {
        Transfers { tracker: self }
    }
}

fn random_event() -> EventId {
    EventId::from_random(random16())
}

impl Transfers<'_> {
    /// Sends the ticket named `input` up to the parent (R34): a copy there, then the original
    /// TRANSFERED with its link up. `why` is the state change's message (and a comment on the
    /// copy). `transport` runs git for a parent in another repository.
    pub fn transfer(
        &self,
        actor: &Actor,
        input: &str,
        why: &str,
        transport: Transport,
    ) -> Result<Sent, TrackerError> {
        // Where it would go first: without a parent, TRANSFERED is not even enabled.
        let link = self
            .tracker
            .snapshot()?
            .config
            .parent_link()
            .ok_or(TransferError::NoParent)?;
        let original = self.original(actor, input)?;
        let target = match &link.remote {
            None => Target::Local(self.local(&link.branch)?),
            Some(remote) => {
                if !self.tracker.store().is_remote(remote) {
                    return Err(TransferError::UnknownRemote {
                        tracker: link.to_string(),
                        remote: remote.clone(),
                    }
                    .into());
                }
                let store = self.tracker.store().remote_sibling(remote, &link.branch)?;
                Target::Remote {
                    tracker: Tracker::new(store, self.tracker.viewer().clone()),
                    remote: remote.clone(),
                    transport,
                }
            }
        };
        self.send(actor, &original, &link, &target, Way::Up, why)
    }

    /// Moves the ticket named `input` down to the sub-tracker `to` with its whole history
    /// (R35), leaving the original TRANSFERED with its link to the new key.
    pub fn dispatch(
        &self,
        actor: &Actor,
        input: &str,
        to: &str,
        why: &str,
    ) -> Result<Sent, TrackerError> {
        let snap = self.tracker.snapshot()?;
        let config = &snap.config;
        if !config.subtrackers.iter().any(|s| s == to) {
            return Err(TransferError::NotASubtracker {
                to: to.to_owned(),
                listed: if config.subtrackers.is_empty() {
                    "none".to_owned()
                } else {
                    config.subtrackers.join(", ")
                },
            }
            .into());
        }
        let original = self.original(actor, input)?;
        let link = TrackerLink {
            remote: None,
            branch: to.to_owned(),
        };
        let target = Target::Local(self.local(to)?);
        self.send(actor, &original, &link, &target, Way::Down, why)
    }

    /// The ticket named `input`, which `actor` may see and move to TRANSFERED.
    fn original(&self, actor: &Actor, input: &str) -> Result<Original, TrackerError> {
        actor.person.validate()?;
        let snap = self.tracker.snapshot()?;
        if let Some(d) = snap.config_problem() {
            return Err(StoreError::BadConfig {
                path: d.path.clone(),
                message: d.message.clone(),
            }
            .into());
        }
        let who = Viewer::new(Some(actor.person.clone()));
        let summary = self.tracker.find(&snap, input, &who, Purpose::Write)?;
        let ticket = self.tracker.read(&snap, &summary, input)?;
        let roles = snap.config.roles_of(&actor.person.email);
        check_move(&snap.config, &roles, ticket.state, State::Transfered, false)?;
        let key = key_of(&snap.config, ticket.number).to_string();
        Ok(Original { snap, ticket, key })
    }

    /// The tracker on branch `branch` of this repository, which must exist.
    fn local(&self, branch: &str) -> Result<Tracker, TrackerError> {
        let t = self.tracker.sibling(branch)?;
        if t.store().tip()?.is_none() {
            return Err(TransferError::Missing(branch.to_owned()).into());
        }
        Ok(t)
    }

    /// Writes the receiving side (unless an earlier run did), then the original's.
    fn send(
        &self,
        actor: &Actor,
        original: &Original,
        link: &TrackerLink,
        target: &Target,
        way: Way,
        why: &str,
    ) -> Result<Sent, TrackerError> {
        let name = link.to_string();
        // For a dispatch, every file of the ticket's directory goes along: all must be read.
        let (files, problems) = self
            .tracker
            .store()
            .ticket_files_at(original.snap.tip, &original.ticket.id)?;
        if way == Way::Down {
            if let Some(p) = problems.first() {
                return Err(TransferError::Incomplete {
                    key: original.key.clone(),
                    path: p.path.clone(),
                    message: p.message.clone(),
                }
                .into());
            }
        }
        let source = Source {
            tracker: self.tracker.store().branch_short().to_owned(),
            repository: matches!(target, Target::Remote { .. })
                .then(|| self.tracker.store().repo_name()),
            key: original.key.clone(),
        };
        let plan = |snap: &Snapshot, receiver: &Tracker| -> Result<Received, TrackerError> {
            receive(
                actor, original, &source, &name, snap, receiver, way, why, &files,
            )
        };
        let received = match target {
            Target::Local(receiver) => until_done(MAX_ATTEMPTS, |_| {
                let snap = receiver.snapshot()?;
                let r = plan(&snap, receiver)?;
                if r.existing {
                    return Ok(Attempt::Done(r));
                }
                match receiver.store().commit_copying(
                    Some(snap.tip),
                    &r.files,
                    &r.copies,
                    &r.message,
                    &actor.person,
                    actor.at(),
                ) {
                    Ok(_) => Ok(Attempt::Done(r)),
                    Err(e) => Ok(Attempt::Retry(Contention::of(e)?)),
                }
            })?,
            Target::Remote {
                tracker: receiver,
                remote,
                transport,
            } => until_done(super::sync::MAX_ROUNDS, |_| {
                let store = receiver.store();
                let tip = store
                    .fetch(remote, transport)?
                    .ok_or_else(|| TransferError::Missing(name.clone()))?;
                let snap = store.snapshot_at(tip)?;
                let r = plan(&snap, receiver)?;
                if r.existing {
                    return Ok(Attempt::Done(r));
                }
                let new = store.commit_detached(
                    tip,
                    &r.files,
                    &r.copies,
                    &r.message,
                    &actor.person,
                    actor.at(),
                )?;
                match store.push(remote, new, transport)? {
                    Push::Done => Ok(Attempt::Done(r)),
                    Push::Rejected(_) => Ok(Attempt::Retry(Contention::RemoteMoved {
                        remote: remote.clone(),
                    })),
                }
            })?,
        };
        // The receiving side is in place: now the original.
        crate::pause::point("transfer-received");
        let marked = self.mark(actor, original, &name, &received, way, why);
        let events = marked.map_err(|e| TransferError::HalfDone {
            key: original.key.clone(),
            tracker: name.clone(),
            copy: received.key.clone(),
            source: Box::new(e),
        })?;
        Ok(Sent {
            key: original.key.clone(),
            tracker: name,
            new_key: received.key,
            new_id: received.id,
            warnings: received.warnings,
            resumed: received.existing,
            events,
        })
    }

    /// Moves the original to TRANSFERED with its link to `received` (nothing when an earlier
    /// run did); returns the events written.
    fn mark(
        &self,
        actor: &Actor,
        original: &Original,
        name: &str,
        received: &Received,
        way: Way,
        why: &str,
    ) -> Result<Vec<Event>, TrackerError> {
        let who = Viewer::new(Some(actor.person.clone()));
        let input = original.ticket.id.to_string();
        let (events, _) = self.tracker.write(actor, ConfigCheck::Required, |snap| {
            let summary = self.tracker.find(snap, &input, &who, Purpose::Write)?;
            let t = self.tracker.read(snap, &summary, &input)?;
            if t.transfers.iter().any(|l| l.ticket == received.id) {
                return Ok(Planned {
                    value: Vec::new(),
                    files: Vec::new(),
                    message: String::new(),
                });
            }
            let roles = snap.config.roles_of(&actor.person.email);
            check_move(&snap.config, &roles, t.state, State::Transfered, false)?;
            let state = Event {
                id: random_event(),
                ticket: t.id.clone(),
                lamport: t.lamport + 1,
                parents: t.heads.clone(),
                at: actor.at(),
                author: actor.person.clone(),
                action: Action::State {
                    from: t.state,
                    to: State::Transfered,
                    message: why.to_owned(),
                    automatic: false,
                },
                commit: None,
            };
            let link = Event {
                id: random_event(),
                ticket: t.id.clone(),
                lamport: t.lamport + 2,
                parents: vec![state.id.clone()],
                at: actor.at(),
                author: actor.person.clone(),
                action: Action::Transfer {
                    tracker: name.to_owned(),
                    ticket: received.id.clone(),
                    key: received.key.clone(),
                    dispatch: way == Way::Down,
                },
                commit: None,
            };
            if t.lamport >= crate::model::event::MAX_LAMPORT - 1 {
                return Err(crate::model::ValidationError::ClockExhausted.into());
            }
            let events = vec![state, link];
            for e in &events {
                snap.config.check_event(e)?;
            }
            let verb = if way == Way::Down {
                "dispatch"
            } else {
                "transfer"
            };
            Ok(Planned {
                files: events.iter().map(FileWrite::event).collect(),
                message: format!(
                    "{}: {verb} to {} (tracker {name})\n\nTicket: {}\n",
                    key_of(&snap.config, t.number),
                    received.key,
                    t.id
                ),
                value: events,
            })
        })?;
        Ok(events)
    }
}

/// What the receiving tracker gets in one attempt.
struct Received {
    /// It was there already (an earlier run): nothing to write.
    existing: bool,
    id: TicketId,
    key: String,
    files: Vec<FileWrite>,
    copies: Vec<CopiedFile>,
    message: String,
    warnings: Vec<String>,
}

/// Plans the receiving side at `snap` (the receiving tracker's tip): checks that it accepts
/// the ticket, finds the ticket an earlier run sent, or plans the new one.
#[allow(clippy::too_many_arguments)]
fn receive(
    actor: &Actor,
    original: &Original,
    source: &Source,
    name: &str,
    snap: &Snapshot,
    receiver: &Tracker,
    way: Way,
    why: &str,
    files: &[CopiedFile],
) -> Result<Received, TrackerError> {
    let config: &TrackerConfig = &snap.config;
    if let Some(d) = snap.config_problem() {
        return Err(TransferError::BadConfig {
            tracker: name.to_owned(),
            message: format!("{}: {}", d.path, d.message),
        }
        .into());
    }
    if !config.accept_transfers {
        return Err(TransferError::Refused(name.to_owned()).into());
    }
    let store = receiver.store();
    let t = &original.ticket;
    // An earlier run's ticket: it names this original, and the original does not link to it
    // (a ticket sent, brought back and sent again makes a new one).
    let earlier = store
        .by_origin(snap, &t.id)?
        .into_iter()
        .find(|c| !t.transfers.iter().any(|l| l.ticket == c.id));
    if let Some(c) = earlier {
        return Ok(Received {
            existing: true,
            id: c.id.clone(),
            key: key_of(config, c.number).to_string(),
            files: Vec::new(),
            copies: Vec::new(),
            message: String::new(),
            warnings: Vec::new(),
        });
    }
    let number = crate::model::limits::next_number(store.max_number(snap)?)?;
    let mut new_id = random_event;
    let mut w = Writer {
        actor: &actor.person,
        at: actor.at(),
        new_id: &mut new_id,
    };
    let mut defaults = config.default_assignee.iter();
    let assignee = defaults
        .next()
        .map(|e| receiver.person(snap, e))
        .transpose()?;
    let (id, arrival, copies): (TicketId, Arrival, Vec<CopiedFile>) = match way {
        Way::Up => {
            let watchers = defaults
                .map(|e| receiver.person(snap, e))
                .collect::<Result<Vec<_>, _>>()?;
            let id = TicketId::from_random(random16());
            let arrival = copy_up(
                t, source, config, &id, number, assignee, watchers, why, &mut w,
            );
            // The attached files of the copy's `attach` events go along under the same names.
            let dir = layout::ticket_dir(&id);
            let wanted: std::collections::HashSet<&str> = arrival
                .events
                .iter()
                .flat_map(|e| match &e.action {
                    Action::Attach { files, .. } => files.iter().map(|f| f.path.as_str()).collect(),
                    _ => Vec::new(),
                })
                .collect();
            let copies = files
                .iter()
                .map(|f| f.to(format!("{dir}/{}", f.path)))
                .filter(|f| wanted.contains(f.path.as_str()))
                .collect();
            (id, arrival, copies)
        }
        Way::Down => {
            if !store
                .present(snap.tip, std::slice::from_ref(&t.id))?
                .is_empty()
            {
                return Err(TransferError::IdTaken {
                    tracker: name.to_owned(),
                    id: t.id.to_string(),
                    key: original.key.clone(),
                }
                .into());
            }
            let arrival = dispatch_down(t, source, config, number, assignee, &mut w);
            // Every file as it is, but the create event, renumbered.
            let dir = layout::ticket_dir(&t.id);
            let create = t
                .events
                .iter()
                .find(|e| matches!(e.action, Action::Create { .. }))
                .map(|e| format!("{}.toml", e.id));
            let copies = files
                .iter()
                .filter(|f| Some(&f.path) != create.as_ref())
                .map(|f| f.to(format!("{dir}/{}", f.path)))
                .collect();
            (t.id.clone(), arrival, copies)
        }
    };
    for e in &arrival.events {
        config.check_event(e)?;
    }
    let key = key_of(config, number).to_string();
    let verb = if way == Way::Down {
        "dispatched from"
    } else {
        "transferred from"
    };
    Ok(Received {
        existing: false,
        message: format!(
            "{key}: {verb} {} (tracker {})\n\nTicket: {id}\n",
            source.key, source.tracker
        ),
        id,
        key,
        files: arrival.events.iter().map(FileWrite::event).collect(),
        copies,
        warnings: arrival.warnings,
    })
}

impl From<TransferError> for TrackerError {
    fn from(e: TransferError) -> Self {
        Self::Transfer(Box::new(e))
    }
}
