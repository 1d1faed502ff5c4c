//! The tracker's operations: what each command does to the branch.
//!
//! [`Tracker`] is the shared handle: the store, the person running the command (the
//! [`Viewer`]), the snapshot of the current tip, and the resolution of what users type to name
//! tickets. The operations are grouped by capability, each a small type borrowing the handle:
//!
//! - [`tickets::Tickets`]: create, move, comment, assign, watch, edit (R20–R28);
//! - [`priority::Priorities`]: rank tickets, raise requests and their decisions (R25);
//! - [`config::Settings`]: create the tracker, change its configuration (R30–R32);
//! - [`sync::Sharing`]: exchange the branch with a remote (R60);
//! - [`verify::Audit`]: check the whole branch and its history (R63);
//! - [`scan::Scan`]: apply the keywords of commit messages (`Fixes TRK-12`, R62).
//! - [`export::Exchange`]: export the whole tracker as one document, import one (R36).
//!
//! Every one of them moves the branch through [`write`], the one compare-and-swap/retry path,
//! which also gives one diagnosis when it cannot: a stale lock names its file, a remote's
//! refusal shows the remote's message, a branch that really kept moving says so. Every rule
//! about people — who may see a ticket, who may change the configuration — comes from
//! [`crate::model::access`], checked before anything is written.

pub mod config;
pub mod export;
pub mod family;
pub mod github;
pub mod import;
pub mod links;
pub mod people;
pub mod priority;
pub mod renumbered;
pub mod scan;
pub mod search;
pub mod sync;
pub mod tickets;
pub mod transfer;
pub mod verify;
mod write;

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::model::access::ConfigRefusal;
use crate::model::access::Scope;
use crate::model::error::ValidationError;
use crate::model::id::{Key, TicketRef};
use crate::model::person::{email_or_me, is_me, PersonArg};
use crate::model::ticket::Ticket;
use crate::model::{Person, TicketId, TicketSummary, Viewer};
use crate::store::{Filter, Snapshot, Store, StoreError, Tip, Visible};

pub use crate::model::config::key_of;
pub use tickets::{Changes, NewAttachment, NewTicket};

/// Why an operation failed.
#[derive(Debug, thiserror::Error)]
pub enum TrackerError {
    /// The storage layer failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The request breaks a rule.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// A configuration change that cannot be made.
    #[error(transparent)]
    Config(#[from] crate::model::config::ConfigError),
    /// A saved query that cannot be used (R29).
    #[error(transparent)]
    Saved(#[from] people::SavedError),
    /// A query that cannot run (R29).
    #[error(transparent)]
    Search(#[from] search::SearchError),
    /// A configuration change the person may not make (R12, R32).
    #[error(transparent)]
    Refused(#[from] ConfigRefusal),
    /// No ticket has that key or id prefix.
    #[error("unknown ticket {0:?}")]
    UnknownTicket(String),
    /// Several tickets match.
    #[error("ticket {input:?} is ambiguous: it matches {candidates}")]
    AmbiguousTicket {
        /// What the user typed.
        input: String,
        /// The matching ids.
        candidates: String,
    },
    /// The mode's view rule hides the ticket from this person (R31).
    #[error("{input} is not shown to you in {mode} mode")]
    Hidden {
        /// What the user typed.
        input: String,
        /// The tracker's mode.
        mode: String,
    },
    /// The ticket's files exist but do not fold into a ticket.
    #[error("ticket {0} cannot be read (see the warnings above)")]
    Unreadable(String),
    /// No comment of the ticket has that id prefix.
    #[error("ticket {key} has no comment {comment:?}")]
    UnknownComment {
        /// The ticket.
        key: String,
        /// What the user typed.
        comment: String,
    },
    /// No raise request has that id prefix.
    #[error("no raise request {0:?}")]
    UnknownRequest(String),
    /// Several raise requests match.
    #[error("raise request {0:?} is ambiguous: give more digits")]
    AmbiguousRequest(String),
    /// Only a comment's author may change it.
    #[error("comment {comment} was written by {author}; only they can change it")]
    NotCommentAuthor {
        /// The comment id.
        comment: String,
        /// Its author.
        author: String,
    },
    /// Neither this repository nor the remote has a tracker.
    #[error("neither this repository nor {0} has a tracker branch")]
    NothingToSync(String),
    /// The remote kept moving.
    #[error("gave up after {rounds} rounds: {remote} kept changing while this sync was pushing")]
    SyncGaveUp {
        /// The remote.
        remote: String,
        /// Rounds tried.
        rounds: u32,
    },
    /// The remote's branch lost events this clone has seen published (R2, R75).
    #[error(transparent)]
    RemoteDeleted(Box<RemoteDeletion>),
    /// A key this clone showed before a sync renumbered its ticket.
    #[error("{from} was renumbered by sync: that ticket is now {to}")]
    Renumbered {
        /// The old key.
        from: String,
        /// The new key.
        to: String,
    },
    /// A key this clone saw renumbered now names another ticket: acting on it would act on
    /// the wrong one.
    #[error(
        "{from} was renumbered {to} by a sync in this clone; {from} now names another ticket \
         ({holder}), so nothing was done"
    )]
    RenumberedAway {
        /// The old key.
        from: String,
        /// The ticket's key now.
        to: String,
        /// The ticket that holds the old key now: its id.
        holder: String,
    },
    /// The branch kept moving.
    #[error("gave up after {0} attempts: other processes kept moving the tracker branch")]
    TooManyRetries(u32),
    /// A ticket named as its own dependency.
    #[error("{0} cannot depend on itself")]
    SelfDependency(String),
    /// A dependency that would close a cycle (R24).
    #[error("{key} cannot depend on {on}: that would make a cycle, {}", .cycle.join(" → "))]
    Cycle {
        /// The ticket.
        key: String,
        /// The ticket it would depend on.
        on: String,
        /// The cycle the link would close, as keys, from `key` back to `key`.
        cycle: Vec<String>,
    },
    /// A dependency change on a ticket of a cycle two clones made: refused until one of its
    /// links is removed.
    #[error(
        "{key} is on a dependency cycle made in two clones, {}; remove one of its links first",
        .cycle.join(" → ")
    )]
    OnCycle {
        /// The ticket of the command on the cycle.
        key: String,
        /// The cycle, as keys, from `key` back to `key`.
        cycle: Vec<String>,
    },
    /// A transfer or a dispatch that cannot be made, or was made halfway (R34, R35).
    #[error(transparent)]
    Transfer(Box<transfer::TransferError>),
}

/// Published events a remote's branch no longer has (see [`TrackerError::RemoteDeleted`]).
#[derive(Debug, thiserror::Error)]
#[error(
    "{remote}'s tracker branch deleted or changed published events ({count} file(s)), first \
     {path} (ticket {ticket}) in commit {commit}; nothing was received"
)]
pub struct RemoteDeletion {
    /// The remote.
    pub remote: String,
    /// How many event files.
    pub count: usize,
    /// The first one.
    pub path: String,
    /// Its ticket's key or id.
    pub ticket: String,
    /// The remote commit that removed it (or the remote's tip, if none did alone).
    pub commit: String,
    /// The remote's tip.
    pub tip: String,
}

/// Who acts, and when.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The person (from git identity).
    pub person: Person,
    /// The time recorded in events and the commit.
    pub now: DateTime<Utc>,
}

impl Actor {
    /// The time recorded in events: `now` truncated to the second.
    pub fn at(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.now.timestamp(), 0).unwrap_or(self.now)
    }
}

/// What a write did.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The ticket's key.
    pub key: Key,
    /// The ticket's id.
    pub id: TicketId,
    /// The new tip, or `None` when nothing needed to change (no commit was made).
    pub tip: Option<Tip>,
    /// The events written, in order.
    pub events: Vec<crate::model::Event>,
}

/// Why a ticket is being looked up: a read only warns about a stale key, a write refuses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    Read,
    Write,
}

/// The tracker on a repository, as seen by one person.
pub struct Tracker {
    store: Store,
    viewer: Viewer,
    /// The last snapshot read, reused while the tip has not moved.
    last: RefCell<Option<Rc<Snapshot>>>,
    /// Things the user should know about the keys they typed (see [`Tracker::take_notes`]).
    notes: RefCell<Vec<String>>,
    /// The commits this process moved the branch with: (the tip it built on, the new tip).
    written: RefCell<Vec<(Tip, Tip)>>,
}

impl Tracker {
    /// Wraps an opened store, for the person running the command.
    pub fn new(store: Store, viewer: Viewer) -> Self {
        Self {
            store,
            viewer,
            last: RefCell::new(None),
            notes: RefCell::new(Vec::new()),
            written: RefCell::new(Vec::new()),
        }
    }

    /// The storage underneath.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The person running the command.
    pub fn viewer(&self) -> &Viewer {
        &self.viewer
    }

    /// Tickets: create, move, comment, assign, watch, edit.
    pub fn tickets(&self) -> tickets::Tickets<'_> {
        tickets::Tickets { tracker: self }
    }

    /// Priorities: move tickets in the ranking, ask for and decide raise requests.
    pub fn priorities(&self) -> priority::Priorities<'_> {
        priority::Priorities { tracker: self }
    }

    /// The configuration: create the tracker, change its settings.
    pub fn settings(&self) -> config::Settings<'_> {
        config::Settings { tracker: self }
    }

    /// What belongs to people: saved queries.
    pub fn people(&self) -> people::People<'_> {
        people::People { tracker: self }
    }

    /// Exchanging the branch with remotes.
    pub fn sharing(&self) -> sync::Sharing<'_> {
        sync::Sharing { tracker: self }
    }

    /// Commit keywords: what a range of the project's history says about tickets.
    pub fn scan(&self) -> scan::Scan<'_> {
        scan::Scan { tracker: self }
    }

    /// Export and import (R36).
    pub fn exchange(&self) -> export::Exchange<'_> {
        export::Exchange { tracker: self }
    }

    /// The audit of the branch.
    pub fn audit(&self) -> verify::Audit<'_> {
        verify::Audit { tracker: self }
    }

    /// Reads the branch at its current tip (once per tip: a command that reads the snapshot
    /// and then writes does not read it twice).
    pub fn snapshot(&self) -> Result<Rc<Snapshot>, TrackerError> {
        let tip = self.store.require_tip()?;
        if let Some(s) = self.last.borrow().as_ref().filter(|s| s.tip == tip) {
            return Ok(Rc::clone(s));
        }
        let snap = Rc::new(self.store.snapshot_at(tip)?);
        *self.last.borrow_mut() = Some(Rc::clone(&snap));
        Ok(snap)
    }

    /// The commits this process wrote, each as (the tip it built on, the new tip), oldest
    /// first; emptied by the call. What `notify` mails about after a command.
    pub fn take_written(&self) -> Vec<(Tip, Tip)> {
        std::mem::take(&mut *self.written.borrow_mut())
    }

    /// Notes gathered on the way: a key that `sync` renumbered in this clone, entries of a
    /// hostile tree left out of a rewritten one.
    pub fn take_notes(&self) -> Vec<String> {
        let mut notes = std::mem::take(&mut *self.notes.borrow_mut());
        notes.extend(self.store.take_notes());
        notes
    }

    /// The view rule for listings (R31): which tickets the viewer may see, as the index
    /// filters them.
    pub fn visibility(&self, config: &crate::model::TrackerConfig) -> Visible {
        match self.viewer.scope(config) {
            Scope::All => Visible::All,
            Scope::Nothing => Visible::Nothing,
            Scope::Reported(e) => Visible::ReportedBy(e),
            Scope::ReportedOrAssigned(e) => Visible::ReportedOrAssigned(e),
        }
    }

    /// The tickets the viewer may see, by number.
    pub fn visible(&self, snap: &Snapshot) -> Result<Vec<TicketSummary>, TrackerError> {
        let filter = Filter {
            visible: self.visibility(&snap.config),
            ..Filter::default()
        };
        Ok(self.store.find(snap, &filter)?)
    }

    /// Finds the ticket a user named by key or id prefix, for reading: the viewer must be
    /// allowed to see it; a key that a sync renumbered in this clone is noted.
    pub fn resolve(&self, snap: &Snapshot, input: &str) -> Result<TicketSummary, TrackerError> {
        self.find(snap, input, &self.viewer, Purpose::Read)
    }

    /// Finds a ticket for `who` (the viewer, or the person about to write). The one place
    /// where keys are resolved, stale keys caught and the view rule applied.
    pub(crate) fn find(
        &self,
        snap: &Snapshot,
        input: &str,
        who: &Viewer,
        purpose: Purpose,
    ) -> Result<TicketSummary, TrackerError> {
        // A key first; failing that, an id prefix (a prefix such as "ABC-" is made of hex
        // digits, so "abc123" may be either).
        // A bare number (`12`) is the key with this tracker's prefix (`TRK-12`).
        let number = match TicketRef::parse(input, &snap.config.prefix) {
            Ok(TicketRef::Number(n)) => Some(n),
            _ => None,
        };
        let mut matches: Vec<TicketSummary> = match number {
            Some(n) => self.store.by_number(snap, n)?,
            None => Vec::new(),
        };
        let by_key = !matches.is_empty();
        if matches.is_empty() {
            if let Some(p) = TicketRef::id_prefix(input) {
                matches = self.store.by_id_prefix(snap, &p)?;
            }
        }
        let typed = number.map_or_else(
            || input.trim().to_owned(),
            |n| key_of(&snap.config, n).to_string(),
        );
        let stale = renumbered::lookup(&self.store, &typed);
        let one = match matches.len() {
            0 => {
                return Err(match stale {
                    Some(r) => TrackerError::Renumbered {
                        from: r.from,
                        to: r.to,
                    },
                    None => TrackerError::UnknownTicket(typed),
                })
            }
            1 => matches.remove(0),
            _ => {
                return Err(TrackerError::AmbiguousTicket {
                    input: input.into(),
                    candidates: matches
                        .iter()
                        .map(|t| t.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })
            }
        };
        if let Some(r) = stale.filter(|r| by_key && r.id != one.id) {
            if purpose == Purpose::Write {
                return Err(TrackerError::RenumberedAway {
                    from: r.from,
                    to: r.to,
                    holder: one.id.to_string(),
                });
            }
            self.notes.borrow_mut().push(format!(
                "{} was renumbered {} by a sync in this clone; {} is now another ticket",
                r.from, r.to, r.from
            ));
        }
        if !who.may_see(&snap.config, &one.reporter, one.assignee.as_ref()) {
            return Err(TrackerError::Hidden {
                input: input.trim().to_owned(),
                mode: snap.config.mode.to_string(),
            });
        }
        Ok(one)
    }

    /// Reads one whole ticket (with its history) named by key or id prefix, for the viewer.
    pub fn ticket(&self, snap: &Snapshot, input: &str) -> Result<Ticket, TrackerError> {
        let summary = self.resolve(snap, input)?;
        let mut ticket = self.read(snap, &summary, input)?;
        // Its position in the ranking (resolving a key does not count it).
        if let Some(rank) = &ticket.rank {
            ticket.priority = Some(self.store.position(snap, rank, &ticket.id)?);
        }
        Ok(ticket)
    }

    /// Gives everyone `ticket` names their one name (`docs/format.md`, "Names"): what every
    /// output people read shows.
    pub fn name_people(&self, snap: &Snapshot, ticket: &mut Ticket) -> Result<(), TrackerError> {
        let emails = ticket.emails();
        let names = self.store.names(snap, emails.iter().map(String::as_str))?;
        ticket.rename(&names);
        Ok(())
    }

    /// Gives the people of each summary their one name.
    pub fn name_summaries(
        &self,
        snap: &Snapshot,
        tickets: &mut [TicketSummary],
    ) -> Result<(), TrackerError> {
        let emails: std::collections::BTreeSet<String> =
            tickets.iter().flat_map(TicketSummary::emails).collect();
        let names = self.store.names(snap, emails.iter().map(String::as_str))?;
        for t in tickets {
            t.rename(&names);
        }
        Ok(())
    }

    /// Reads the whole ticket of `summary`.
    pub(crate) fn read(
        &self,
        snap: &Snapshot,
        summary: &TicketSummary,
        input: &str,
    ) -> Result<Ticket, TrackerError> {
        let (ticket, _) = self.store.ticket(snap.tip, &summary.id)?;
        let mut ticket = ticket.ok_or_else(|| TrackerError::Unreadable(input.into()))?;
        // A number shared with another ticket may have been settled (store::numbers).
        ticket.number = summary.number;
        Ok(ticket)
    }

    /// The person a user typed ([`PersonArg`]): `@me` is the viewer (refused without a git
    /// identity); an email is the person with this email as the branch knows them (their
    /// name, `docs/format.md`, "Names"), else a person named after the email's local part;
    /// `Name <email>` is taken as written.
    pub fn person(&self, snap: &Snapshot, input: &str) -> Result<Person, TrackerError> {
        let arg = PersonArg::parse(input)?;
        let typed_name = input.contains('<');
        let p = arg.resolve(self.viewer.person.as_ref())?;
        if typed_name || is_me(input) {
            return Ok(p);
        }
        Ok(self.store.known_person(snap, &p.email)?.unwrap_or(p))
    }

    /// An email a user typed where only an email is expected (a filter, a role, a `user`
    /// field): the email itself, or the viewer's for `@me`.
    pub fn email(&self, input: &str) -> Result<String, TrackerError> {
        Ok(email_or_me(input, self.viewer.email())?)
    }
}
