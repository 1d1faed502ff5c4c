//! The tracker's operations: what each command does to the branch.
//!
//! Every write follows one pattern: read a snapshot at the current tip, validate the request
//! and plan the events (all of them, before anything is written), commit them as one commit
//! with a compare-and-swap on the tip, and when another process moved the branch meanwhile,
//! start again from the new tip (R7). Bad input is refused before any object is written.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::model::error::ValidationError;
use crate::model::event::{validate_block, validate_title};
use crate::model::id::{Key, TicketRef};
use crate::model::person::parse_person;
use crate::model::ticket::Ticket;
use crate::model::workflow::check_move;
use crate::model::{Action, Event, EventId, Person, State, TicketId, TicketSummary, TrackerConfig};
use crate::store::{FileWrite, Snapshot, Store, StoreError, Tip};

/// How many times a write is attempted when other processes keep moving the branch.
pub const MAX_ATTEMPTS: u32 = 100;

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
    /// A key this clone showed before a sync renumbered its ticket.
    #[error("{from} was renumbered by sync: that ticket is now {to}")]
    Renumbered {
        /// The old key.
        from: String,
        /// The new key.
        to: String,
    },
    /// The branch kept moving.
    #[error("gave up after {0} attempts: other processes kept moving the tracker branch")]
    TooManyRetries(u32),
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
    pub events: Vec<Event>,
}

/// A new ticket's content.
#[derive(Clone, Debug, Default)]
pub struct NewTicket {
    /// Summary.
    pub title: String,
    /// Description.
    pub description: String,
    /// Initial assignee.
    pub assignee: Option<Person>,
    /// Initial watchers besides the reporter and assignee.
    pub watchers: Vec<Person>,
    /// Custom field values, by field name (R26).
    pub fields: Vec<(String, String)>,
}

/// What `edit` changes; `None` and absent fields stay as they are.
#[derive(Clone, Debug, Default)]
pub struct Changes {
    /// New title.
    pub title: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// New solution text.
    pub solution: Option<String>,
    /// Custom field values to set (an empty value clears the field).
    pub fields: Vec<(String, String)>,
}

/// Fresh random bytes for an id.
fn random16() -> [u8; 16] {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the operating system provides random bytes");
    b
}

/// A small random pause before retrying a write, growing with the attempt number.
fn backoff(attempt: u32) {
    let [r, ..] = random16();
    let base = u64::from(attempt.min(10)) * 3;
    std::thread::sleep(Duration::from_millis(1 + base + u64::from(r) % (base + 5)));
}

/// The key of a ticket under a configuration.
pub fn key_of(config: &TrackerConfig, number: u64) -> Key {
    Key {
        prefix: config.prefix.clone(),
        number,
    }
}

/// The tracker on a repository.
pub struct Tracker {
    store: Store,
    /// The last snapshot read, reused while the tip has not moved.
    last: RefCell<Option<Rc<Snapshot>>>,
    /// Things the user should know about the keys they typed (see [`Tracker::take_notes`]).
    notes: RefCell<Vec<String>>,
}

impl Tracker {
    /// Wraps an opened store.
    pub fn new(store: Store) -> Self {
        Self {
            store,
            last: RefCell::new(None),
            notes: RefCell::new(Vec::new()),
        }
    }

    /// The storage underneath.
    pub fn store(&self) -> &Store {
        &self.store
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

    /// Creates the branch with its configuration; refuses if it exists.
    pub fn init(&self, config: &TrackerConfig, actor: &Actor) -> Result<Tip, TrackerError> {
        config.validate()?;
        if self.store.tip()?.is_some() {
            return Err(StoreError::AlreadyInitialized {
                branch: self.store.branch().into(),
            }
            .into());
        }
        let files = [FileWrite {
            path: crate::model::config::CONFIG_PATH.into(),
            content: config.to_toml(),
        }];
        let msg = format!("Initialize tracker {:?}", config.name);
        Ok(self
            .store
            .commit(None, &files, &msg, &actor.person, actor.at())?)
    }

    /// Changes the configuration (R32): `change` edits the configuration read at the current
    /// tip; the result is validated and written as one commit, retried from the new tip when
    /// another process moved the branch. Returns the new configuration, and `None` as the tip
    /// when nothing changed.
    pub fn configure<F>(
        &self,
        actor: &Actor,
        summary: &str,
        mut change: F,
    ) -> Result<(TrackerConfig, Option<Tip>), TrackerError>
    where
        F: FnMut(&mut TrackerConfig) -> Result<(), crate::model::config::ConfigError>,
    {
        use crate::model::config::CONFIG_PATH;
        for attempt in 0..MAX_ATTEMPTS {
            let snap = self.snapshot()?;
            if let Some(d) = snap.diagnostics.iter().find(|d| d.path == CONFIG_PATH) {
                return Err(StoreError::BadConfig {
                    path: d.path.clone(),
                    message: d.message.clone(),
                }
                .into());
            }
            let mut config = snap.config.clone();
            change(&mut config)?;
            config.validate()?;
            if config == snap.config {
                return Ok((config, None));
            }
            let files = [FileWrite {
                path: CONFIG_PATH.into(),
                content: config.to_toml(),
            }];
            let message = format!("config: {summary}\n");
            match self
                .store
                .commit(Some(snap.tip), &files, &message, &actor.person, actor.at())
            {
                Ok(tip) => return Ok((config, Some(tip))),
                Err(StoreError::Conflict { .. } | StoreError::Locked { .. }) => backoff(attempt),
                Err(e) => return Err(e.into()),
            }
        }
        Err(TrackerError::TooManyRetries(MAX_ATTEMPTS))
    }

    /// The text of `tracker.toml` at the current tip, as written.
    pub fn config_text(&self) -> Result<String, TrackerError> {
        let tip = self.store.require_tip()?;
        Ok(self
            .store
            .read_text(tip, crate::model::config::CONFIG_PATH)?
            .unwrap_or_default())
    }

    /// Notes gathered while resolving keys (a key that `sync` renumbered in this clone).
    pub fn take_notes(&self) -> Vec<String> {
        std::mem::take(&mut self.notes.borrow_mut())
    }

    /// Finds the ticket a user named by key or id prefix.
    pub fn resolve<'s>(
        &self,
        snap: &'s Snapshot,
        input: &str,
    ) -> Result<&'s TicketSummary, TrackerError> {
        // A key first; failing that, an id prefix (a prefix such as "ABC-" is made of hex
        // digits, so "abc123" may be either).
        let mut matches: Vec<&TicketSummary> = match TicketRef::parse(input, &snap.config.prefix) {
            Ok(TicketRef::Number(n)) => snap.tickets.iter().filter(|t| t.number == n).collect(),
            _ => Vec::new(),
        };
        if matches.is_empty() {
            if let Some(p) = TicketRef::id_prefix(input) {
                matches = snap
                    .tickets
                    .iter()
                    .filter(|t| t.id.as_str().starts_with(&p))
                    .collect();
            }
        }
        if let (Some(r), [one]) = (self.renumbered_from(input), matches.as_slice()) {
            if r.id != one.id {
                self.notes.borrow_mut().push(format!(
                    "{} was renumbered {} by a sync in this clone; {} is now another ticket",
                    r.from, r.to, r.from
                ));
            }
        }
        match matches.as_slice() {
            [] => Err(match self.renumbered_from(input) {
                Some(r) => TrackerError::Renumbered {
                    from: r.from,
                    to: r.to,
                },
                None => TrackerError::UnknownTicket(input.into()),
            }),
            [one] => Ok(one),
            many => Err(TrackerError::AmbiguousTicket {
                input: input.into(),
                candidates: many
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Reads one whole ticket (with its history) named by key or id prefix.
    pub fn ticket(&self, snap: &Snapshot, input: &str) -> Result<Ticket, TrackerError> {
        let summary = self.resolve(snap, input)?;
        let (ticket, _) = self.store.ticket(snap.tip, &summary.id)?;
        let mut ticket = ticket.ok_or_else(|| TrackerError::Unreadable(input.into()))?;
        // A number shared with another ticket may have been settled (store::numbers).
        ticket.number = summary.number;
        Ok(ticket)
    }

    /// The person with this email as the branch knows them (their latest name), else a person
    /// named after the email's local part. Accepts `Name <email>` too.
    pub fn person(&self, snap: &Snapshot, input: &str) -> Result<Person, TrackerError> {
        let p = parse_person(input)?;
        if input.contains('<') {
            return Ok(p);
        }
        let known = snap.tickets.iter().rev().find_map(|t| {
            std::iter::once(&t.reporter)
                .chain(&t.assignee)
                .chain(&t.watchers)
                .find(|k| k.same(&p))
                .cloned()
        });
        Ok(known.unwrap_or(p))
    }

    /// Runs `plan` against the current tip and commits what it returns, retrying from the new
    /// tip when another process moved the branch first.
    fn write<F>(&self, actor: &Actor, mut plan: F) -> Result<Outcome, TrackerError>
    where
        F: FnMut(&Snapshot) -> Result<Plan, TrackerError>,
    {
        let mut last = None;
        for attempt in 0..MAX_ATTEMPTS {
            let snap = self.snapshot()?;
            let p = plan(&snap)?;
            // Limits (docs/format.md): every file written is one every reader accepts.
            for e in &p.events {
                snap.config.check_event(e)?;
            }
            let key = key_of(&snap.config, p.number);
            if p.events.is_empty() {
                return Ok(Outcome {
                    key,
                    id: p.ticket,
                    tip: None,
                    events: p.events,
                });
            }
            let files: Vec<FileWrite> = p.events.iter().map(FileWrite::event).collect();
            let message = format!("{key}: {}\n\nTicket: {}\n", p.summary, p.ticket);
            match self
                .store
                .commit(Some(snap.tip), &files, &message, &actor.person, actor.at())
            {
                Ok(tip) => {
                    return Ok(Outcome {
                        key,
                        id: p.ticket,
                        tip: Some(tip),
                        events: p.events,
                    })
                }
                Err(e @ (StoreError::Conflict { .. } | StoreError::Locked { .. })) => {
                    last = Some(e);
                    backoff(attempt);
                }
                Err(e) => return Err(e.into()),
            }
        }
        match last {
            // A lock that outlived every attempt was probably left by a killed process.
            Some(e @ StoreError::Locked { .. }) => Err(e.into()),
            _ => Err(TrackerError::TooManyRetries(MAX_ATTEMPTS)),
        }
    }

    /// Files a new ticket. Its number is one more than the highest the branch holds.
    pub fn create(&self, actor: &Actor, new: &NewTicket) -> Result<Outcome, TrackerError> {
        validate_title(&new.title)?;
        validate_block(&new.description, "description")?;
        actor.person.validate()?;
        let id = TicketId::from_random(random16());
        self.write(actor, |snap| {
            let highest = snap.tickets.iter().map(|t| t.number).max().unwrap_or(0);
            let number = crate::model::limits::next_number(highest)?;
            // R21: with no assignee given, the first default assignee; the others watch.
            let mut assignee = new.assignee.clone();
            let mut watchers = new.watchers.clone();
            if assignee.is_none() {
                let mut defaults = snap.config.default_assignee.iter();
                if let Some(first) = defaults.next() {
                    assignee = Some(self.person(snap, first)?);
                }
                for other in defaults {
                    watchers.push(self.person(snap, other)?);
                }
            }
            let event = Event {
                id: EventId::from_random(random16()),
                ticket: id.clone(),
                lamport: 1,
                parents: Vec::new(),
                at: actor.at(),
                author: actor.person.clone(),
                action: Action::Create {
                    number,
                    title: new.title.trim().to_owned(),
                    description: new.description.clone(),
                    assignee,
                    watchers,
                },
            };
            // R26: every value checked against its field; mandatory fields present.
            let mut values = std::collections::BTreeMap::new();
            for (name, value) in &new.fields {
                values.insert(name.clone(), snap.config.check_field(name, value)?);
            }
            for (name, def) in &snap.config.fields {
                if def.mandatory && values.get(name).is_none_or(String::is_empty) {
                    return Err(crate::model::config::ConfigError::Rule(format!(
                        "field {name} is mandatory: give it with --field {name}=VALUE"
                    ))
                    .into());
                }
            }
            let mut events = vec![event];
            for (name, value) in values.into_iter().filter(|(_, v)| !v.is_empty()) {
                let prev = events.last().expect("the create event is there");
                let e = Event {
                    id: EventId::from_random(random16()),
                    ticket: id.clone(),
                    lamport: prev.lamport + 1,
                    parents: vec![prev.id.clone()],
                    at: actor.at(),
                    author: actor.person.clone(),
                    action: Action::Field { name, value },
                };
                events.push(e);
            }
            Ok(Plan {
                ticket: id.clone(),
                number,
                summary: format!("create {:?}", new.title.trim()),
                events,
            })
        })
    }

    /// Applies `actions` to the ticket named `input`: `make` sees the current ticket and
    /// returns the actions (empty: nothing to do) and the commit summary.
    fn act<F>(&self, actor: &Actor, input: &str, mut make: F) -> Result<Outcome, TrackerError>
    where
        F: FnMut(&Snapshot, &Ticket) -> Result<(Vec<Action>, String), TrackerError>,
    {
        actor.person.validate()?;
        self.write(actor, |snap| {
            let ticket = self.ticket(snap, input)?;
            let (mut actions, summary) = make(snap, &ticket)?;
            for a in &actions {
                a.validate()?;
            }
            // R15: a POSTED ticket opens when someone other than its reporter first acts on
            // it, unless that act is itself a state change.
            let acts = !actions.is_empty()
                && !actions.iter().any(|a| {
                    matches!(
                        a,
                        Action::State { .. } | Action::Watch { .. } | Action::Unwatch { .. }
                    )
                });
            if acts && opens(&snap.config, &ticket, &actor.person) {
                actions.insert(0, auto_open());
            }
            let room = crate::model::event::MAX_LAMPORT
                - ticket.lamport.min(crate::model::event::MAX_LAMPORT);
            if room < actions.len() as u64 {
                return Err(ValidationError::ClockExhausted.into());
            }
            let mut parents = ticket.heads.clone();
            let mut events = Vec::with_capacity(actions.len());
            for (lamport, action) in (ticket.lamport + 1..).zip(actions) {
                let e = Event {
                    id: EventId::from_random(random16()),
                    ticket: ticket.id.clone(),
                    lamport,
                    parents: std::mem::take(&mut parents),
                    at: actor.at(),
                    author: actor.person.clone(),
                    action,
                };
                parents = vec![e.id.clone()];
                events.push(e);
            }
            Ok(Plan {
                ticket: ticket.id.clone(),
                number: ticket.number,
                summary,
                events,
            })
        })
    }

    /// Moves a ticket to another state (R11).
    pub fn transition(
        &self,
        actor: &Actor,
        input: &str,
        to: State,
        message: &str,
        reopen: bool,
    ) -> Result<Outcome, TrackerError> {
        self.act(actor, input, |snap, t| {
            let roles = snap.config.roles_of(&actor.person.email);
            check_move(&snap.config, &roles, t.state, to, reopen)?;
            let action = Action::State {
                from: t.state,
                to,
                message: message.to_owned(),
                automatic: false,
            };
            Ok((vec![action], format!("{} -> {to}", t.state)))
        })
    }

    /// Records the move to OPEN when a developer or the assignee views a POSTED ticket and the
    /// tracker's `auto_open_on_view` is on (R15). Nothing is written otherwise.
    pub fn open_on_view(&self, actor: &Actor, input: &str) -> Result<Outcome, TrackerError> {
        use crate::model::config::Role;
        self.act(actor, input, |snap, t| {
            let c = &snap.config;
            let entitled = c.roles_of(&actor.person.email).contains(&Role::Developer)
                || t.assignee.as_ref().is_some_and(|a| a.same(&actor.person));
            let open = c.auto_open_on_view && entitled && opens(c, t, &actor.person);
            Ok((
                if open { vec![auto_open()] } else { vec![] },
                "opened on view".into(),
            ))
        })
    }

    /// Adds a comment.
    pub fn comment(&self, actor: &Actor, input: &str, body: &str) -> Result<Outcome, TrackerError> {
        self.act(actor, input, |snap, _| {
            if !snap.config.comments {
                return Err(ValidationError::Disabled { what: "comments" }.into());
            }
            if body.trim().is_empty() {
                return Err(ValidationError::Empty { field: "comment" }.into());
            }
            Ok((
                vec![Action::Comment {
                    body: body.to_owned(),
                }],
                "comment".into(),
            ))
        })
    }

    fn own_comment(
        &self,
        actor: &Actor,
        t: &Ticket,
        input: &str,
        comment: &str,
    ) -> Result<EventId, TrackerError> {
        let unknown = || TrackerError::UnknownComment {
            key: input.into(),
            comment: comment.into(),
        };
        if comment.len() < 4 {
            return Err(unknown());
        }
        let c = match t.comment(comment).as_slice() {
            [one] => (*one).clone(),
            _ => return Err(unknown()),
        };
        if !c.author.same(&actor.person) {
            return Err(TrackerError::NotCommentAuthor {
                comment: c.id.to_string(),
                author: c.author.to_string(),
            });
        }
        Ok(c.id)
    }

    /// Replaces a comment's text (only its author may).
    pub fn comment_edit(
        &self,
        actor: &Actor,
        input: &str,
        comment: &str,
        body: &str,
    ) -> Result<Outcome, TrackerError> {
        self.act(actor, input, |_, t| {
            let id = self.own_comment(actor, t, input, comment)?;
            if body.trim().is_empty() {
                return Err(ValidationError::Empty { field: "comment" }.into());
            }
            let unchanged = t
                .comments
                .iter()
                .any(|c| c.id == id && c.body == body && !c.deleted);
            let actions = if unchanged {
                vec![]
            } else {
                vec![Action::CommentEdit {
                    comment: id,
                    body: body.to_owned(),
                }]
            };
            Ok((actions, "edit comment".into()))
        })
    }

    /// Deletes a comment (only its author may); the history keeps its text.
    pub fn comment_delete(
        &self,
        actor: &Actor,
        input: &str,
        comment: &str,
    ) -> Result<Outcome, TrackerError> {
        self.act(actor, input, |_, t| {
            let id = self.own_comment(actor, t, input, comment)?;
            let gone = t.comments.iter().any(|c| c.id == id && c.deleted);
            let actions = if gone {
                vec![]
            } else {
                vec![Action::CommentDelete { comment: id }]
            };
            Ok((actions, "delete comment".into()))
        })
    }

    /// Sets or clears the assignee (R21).
    pub fn assign(
        &self,
        actor: &Actor,
        input: &str,
        assignee: Option<&Person>,
    ) -> Result<Outcome, TrackerError> {
        self.act(actor, input, |_, t| {
            let same = match (&t.assignee, assignee) {
                (Some(a), Some(b)) => a.same(b),
                (None, None) => true,
                _ => false,
            };
            let summary = match assignee {
                Some(p) => format!("assign to {}", p.email),
                None => "unassign".into(),
            };
            let actions = if same {
                vec![]
            } else {
                vec![Action::Assign {
                    assignee: assignee.cloned(),
                }]
            };
            Ok((actions, summary))
        })
    }

    /// Adds (`watch = true`) or removes a watcher (R22).
    pub fn watch(
        &self,
        actor: &Actor,
        input: &str,
        person: &Person,
        watch: bool,
    ) -> Result<Outcome, TrackerError> {
        self.act(actor, input, |_, t| {
            let already = t.is_watched_by(person) == watch;
            let (action, verb) = if watch {
                (
                    Action::Watch {
                        person: person.clone(),
                    },
                    "watch",
                )
            } else {
                (
                    Action::Unwatch {
                        person: person.clone(),
                    },
                    "unwatch",
                )
            };
            let actions = if already { vec![] } else { vec![action] };
            Ok((actions, format!("{verb} {}", person.email)))
        })
    }

    /// Changes title, description, solution or custom fields; values equal to the current
    /// ones are left out, and when nothing changes nothing is written.
    pub fn edit(
        &self,
        actor: &Actor,
        input: &str,
        changes: &Changes,
    ) -> Result<Outcome, TrackerError> {
        if let Some(t) = &changes.title {
            validate_title(t)?;
        }
        self.act(actor, input, |snap, t| {
            let title = changes
                .title
                .as_deref()
                .map(str::trim)
                .filter(|v| *v != t.title)
                .map(str::to_owned);
            let description = changes
                .description
                .as_deref()
                .filter(|v| *v != t.description)
                .map(str::to_owned);
            let solution = changes
                .solution
                .as_deref()
                .filter(|v| *v != t.solution)
                .map(str::to_owned);
            let mut what = Vec::new();
            if title.is_some() {
                what.push("title".to_owned());
            }
            if description.is_some() {
                what.push("description".to_owned());
            }
            if solution.is_some() {
                what.push("solution".to_owned());
            }
            let mut actions = Vec::new();
            if !what.is_empty() {
                actions.push(Action::Edit {
                    title,
                    description,
                    solution,
                });
            }
            for (name, value) in &changes.fields {
                let value = snap.config.check_field(name, value)?;
                let current = t.fields.get(name).map_or("", String::as_str);
                let mandatory = snap.config.fields.get(name).is_some_and(|d| d.mandatory);
                if mandatory && value.is_empty() {
                    return Err(crate::model::config::ConfigError::Rule(format!(
                        "field {name} is mandatory and cannot be cleared"
                    ))
                    .into());
                }
                if value != current {
                    what.push(name.clone());
                    actions.push(Action::Field {
                        name: name.clone(),
                        value,
                    });
                }
            }
            Ok((actions, format!("edit {}", what.join(", "))))
        })
    }
}

/// Whether `actor` acting on `ticket` moves it from POSTED to OPEN (R15): someone other than
/// its reporter; in strict mode, a developer or the assignee.
fn opens(config: &TrackerConfig, ticket: &Ticket, actor: &Person) -> bool {
    use crate::model::config::Role;
    let eligible = !config.strict
        || config.roles_of(&actor.email).contains(&Role::Developer)
        || ticket.assignee.as_ref().is_some_and(|a| a.same(actor));
    ticket.state == State::Posted
        && config.states.contains(&State::Open)
        && !ticket.reporter.same(actor)
        && eligible
}

/// The automatic move to OPEN.
fn auto_open() -> Action {
    Action::State {
        from: State::Posted,
        to: State::Open,
        message: String::new(),
        automatic: true,
    }
}

/// What one attempt of a write will commit.
struct Plan {
    ticket: TicketId,
    number: u64,
    summary: String,
    events: Vec<Event>,
}
