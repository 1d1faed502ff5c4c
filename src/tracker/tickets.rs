//! Ticket operations (R20–R28): create, move, comment, assign, watch, edit.
//!
//! Each validates the request and plans the events against the snapshot of the current tip,
//! then commits them through the one write path (`Tracker::write`). Before anything is
//! planned, the ticket is resolved for the person acting: the mode's view rule applies to
//! writes as it does to reads, and a key this clone saw renumbered is refused.

use crate::model::error::ValidationError;
use crate::model::event::{validate_block, validate_title};
use crate::model::notify::NotifyEvent;
use crate::model::ticket::Ticket;
use crate::model::workflow::check_move;
use crate::model::{Action, Event, EventId, Person, State, TicketId, TrackerConfig, Viewer};
use crate::store::{FileWrite, Snapshot};
use crate::tracker::write::{ConfigCheck, Planned};
use crate::tracker::{key_of, Actor, Outcome, Purpose, Tracker, TrackerError};

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
    /// What a CI job names the failure the ticket is about (`new --if-absent`).
    pub fingerprint: Option<String>,
    /// Where to rank it (`new --priority`), if anywhere.
    pub priority: Option<crate::tracker::priority::Target>,
    /// Labels (as typed: they are written in lower case).
    pub labels: Vec<String>,
    /// Files to attach to the ticket.
    pub attachments: Vec<NewAttachment>,
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
pub(super) fn random16() -> [u8; 16] {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the operating system provides random bytes");
    b
}

/// The ticket operations of a tracker.
pub struct Tickets<'t> {
    pub(super) tracker: &'t Tracker,
}

/// The events one write adds to one ticket.
struct Plan {
    ticket: TicketId,
    number: u64,
    summary: String,
    events: Vec<Event>,
    /// The bytes of the files the plan's `attach` event attaches, by name.
    blobs: Blobs,
}

/// The bytes of the files a write attaches, by their stored name.
type Blobs = Vec<(String, Vec<u8>)>;

/// A file to attach (R23): the name it was given (a path, perhaps: only its sanitized last
/// component is kept) and its bytes.
#[derive(Clone, Debug, Default)]
pub struct NewAttachment {
    /// The name as given.
    pub given: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// The `attach` action for `files`, each checked against the tracker's limit and named by
/// its sanitized name, made unique among the ticket's names `taken` and each other; and their
/// bytes by name. The paths (and the comment, when the event follows one) are set once the
/// event has its id, by [`bind_attachments`]. `None` when there is no file.
fn attach_action(
    config: &TrackerConfig,
    files: &[NewAttachment],
    taken: &[&str],
) -> Result<Option<(Action, Blobs)>, TrackerError> {
    use crate::model::event::{sanitize_attachment_name, sha256_hex, unique_attachment_name};
    if files.is_empty() {
        return Ok(None);
    }
    let mut listed = Vec::new();
    let mut blobs: Blobs = Vec::new();
    for f in files {
        let size = f.bytes.len() as u64;
        if size > config.attachments.max_size {
            return Err(ValidationError::AttachmentTooLarge {
                name: f.given.clone(),
                bytes: size,
                limit: config.attachments.max_size,
            }
            .into());
        }
        let name = unique_attachment_name(&sanitize_attachment_name(&f.given), &|n| {
            taken.contains(&n) || blobs.iter().any(|(b, _)| b == n)
        });
        listed.push(crate::model::event::Attachment {
            name: name.clone(),
            path: String::new(),
            size,
            sha256: sha256_hex(&f.bytes),
        });
        blobs.push((name, f.bytes.clone()));
    }
    Ok(Some((
        Action::Attach {
            comment: None,
            files: listed,
        },
        blobs,
    )))
}

/// Gives the files of each `attach` event their paths (beside the event), and to an `attach`
/// event that follows a `comment` of the same write that comment; returns the blobs to write.
fn bind_attachments(events: &mut [Event], blobs: &[(String, Vec<u8>)]) -> Vec<FileWrite> {
    let mut out = Vec::new();
    for i in 0..events.len() {
        let previous = i
            .checked_sub(1)
            .map(|p| &events[p])
            .filter(|p| matches!(p.action, Action::Comment { .. }))
            .map(|p| p.id.clone());
        let e = &mut events[i];
        let (ticket, id) = (e.ticket.clone(), e.id.clone());
        if let Action::Attach { comment, files } = &mut e.action {
            if comment.is_none() {
                *comment = previous;
            }
            for f in files {
                f.path = crate::model::event::attachment_path(&ticket, &id, &f.name);
                if let Some((_, bytes)) = blobs.iter().find(|(n, _)| *n == f.name) {
                    out.push(FileWrite {
                        path: f.path.clone(),
                        content: bytes.clone(),
                    });
                }
            }
        }
    }
    out
}

impl Tickets<'_> {
    /// Commits the events `plan` returns (none: nothing is written), retrying from the new tip
    /// when another process moved the branch first.
    fn write<F>(&self, actor: &Actor, mut plan: F) -> Result<Outcome, TrackerError>
    where
        F: FnMut(&Snapshot) -> Result<Plan, TrackerError>,
    {
        let (outcome, tip) = self.tracker.write(actor, ConfigCheck::Required, |snap| {
            let mut p = plan(snap)?;
            let blobs = bind_attachments(&mut p.events, &p.blobs);
            // Limits (docs/format.md): every file written is one every reader accepts.
            for e in &p.events {
                snap.config.check_event(e)?;
            }
            let key = key_of(&snap.config, p.number);
            let mut files: Vec<FileWrite> = p.events.iter().map(FileWrite::event).collect();
            files.extend(blobs);
            let message = format!("{key}: {}\n\nTicket: {}\n", p.summary, p.ticket);
            Ok(Planned {
                value: Outcome {
                    key,
                    id: p.ticket,
                    tip: None,
                    events: p.events,
                },
                files,
                message,
            })
        })?;
        Ok(Outcome { tip, ..outcome })
    }

    /// Files a new ticket. Its number is one more than the highest the branch holds.
    pub fn create(&self, actor: &Actor, new: &NewTicket) -> Result<Outcome, TrackerError> {
        validate_title(&new.title)?;
        validate_block(&new.description, "description")?;
        actor.person.validate()?;
        let id = TicketId::from_random(random16());
        self.write(actor, |snap| {
            let highest = self.tracker.store().max_number(snap)?;
            let number = crate::model::limits::next_number(highest)?;
            // R21: with no assignee given, the first default assignee; the others watch.
            let mut assignee = new.assignee.clone();
            let mut watchers = new.watchers.clone();
            if assignee.is_none() {
                let mut defaults = snap.config.default_assignee.iter();
                if let Some(first) = defaults.next() {
                    assignee = Some(self.tracker.person(snap, first)?);
                }
                for other in defaults {
                    watchers.push(self.tracker.person(snap, other)?);
                }
            }
            let event = Event {
                commit: None,
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
                    fingerprint: new.fingerprint.clone(),
                },
            };
            // R26: every value checked against its field; mandatory fields present.
            let mut values = std::collections::BTreeMap::new();
            for (name, value) in &new.fields {
                let value = user_value(&snap.config, name, value, &actor.person);
                values.insert(name.clone(), snap.config.check_field(name, &value)?);
            }
            for (name, def) in &snap.config.fields {
                if def.mandatory && values.get(name).is_none_or(String::is_empty) {
                    return Err(crate::model::config::ConfigError::Rule(format!(
                        "field {name} is mandatory: give it with --field {name}=VALUE"
                    ))
                    .into());
                }
            }
            let labels = labels_to_add(&snap.config, &new.labels)?;
            let mut actions: Vec<Action> = values
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(name, value)| Action::Field { name, value })
                .collect();
            // R25: ranked as it is filed, by one `priority` event after the others.
            if let Some(target) = &new.priority {
                actions.push(
                    self.tracker
                        .priorities()
                        .for_new(snap, actor, &id, target)?,
                );
            }
            if !labels.is_empty() {
                actions.push(Action::Label {
                    add: labels,
                    remove: Vec::new(),
                });
            }
            let mut blobs = Vec::new();
            if let Some((attach, bytes)) = attach_action(&snap.config, &new.attachments, &[])? {
                actions.push(attach);
                blobs = bytes;
            }
            let mut events = vec![event];
            for action in actions {
                let prev = events.last().expect("the create event is there");
                let e = Event {
                    commit: None,
                    id: EventId::from_random(random16()),
                    ticket: id.clone(),
                    lamport: prev.lamport + 1,
                    parents: vec![prev.id.clone()],
                    at: actor.at(),
                    author: actor.person.clone(),
                    action,
                };
                events.push(e);
            }
            Ok(Plan {
                ticket: id.clone(),
                number,
                summary: format!("create {:?}", new.title.trim()),
                events,
                blobs,
            })
        })
    }

    /// Applies `actions` to the ticket named `input`: `make` sees the current ticket and
    /// returns the actions (empty: nothing to do) and the commit summary.
    pub(super) fn act<F>(
        &self,
        actor: &Actor,
        input: &str,
        mut make: F,
    ) -> Result<Outcome, TrackerError>
    where
        F: FnMut(&Snapshot, &Ticket) -> Result<(Vec<Action>, String), TrackerError>,
    {
        self.act_with_files(actor, input, |snap, t| {
            make(snap, t).map(|(actions, summary)| (actions, summary, Vec::new()))
        })
    }

    /// [`Tickets::act`] for actions that attach files: `make` also returns their bytes by
    /// name.
    fn act_with_files<F>(
        &self,
        actor: &Actor,
        input: &str,
        mut make: F,
    ) -> Result<Outcome, TrackerError>
    where
        F: FnMut(&Snapshot, &Ticket) -> Result<(Vec<Action>, String, Blobs), TrackerError>,
    {
        actor.person.validate()?;
        let who = Viewer::new(Some(actor.person.clone()));
        self.write(actor, |snap| {
            let summary = self.tracker.find(snap, input, &who, Purpose::Write)?;
            let ticket = self.tracker.read(snap, &summary, input)?;
            let (mut actions, summary, blobs) = make(snap, &ticket)?;
            for a in &actions {
                a.validate()?;
            }
            // R15: a POSTED ticket opens when someone other than its reporter first acts on
            // it, unless that act is itself a state change. Ranking it, asking for it to be
            // ranked higher and deciding such a request are not acting on it.
            let acts = !actions.is_empty()
                && !actions.iter().any(|a| {
                    matches!(
                        a,
                        Action::State { .. }
                            | Action::Watch { .. }
                            | Action::Unwatch { .. }
                            | Action::Priority { .. }
                            | Action::Raise { .. }
                            | Action::RaiseRefuse { .. }
                    )
                });
            if acts && opens(&snap.config, &ticket, &actor.person) {
                actions.insert(0, auto_open());
            }
            let events = chain(&ticket, actor, actions.into_iter().map(|a| (a, None)))?;
            Ok(Plan {
                ticket: ticket.id.clone(),
                number: ticket.number,
                summary,
                events,
                blobs,
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
            // R62: asking for the state a ticket is in changes nothing, so that a re-run CI job
            // succeeds.
            if t.state == to {
                return Ok((Vec::new(), String::new()));
            }
            let roles = snap.config.roles_of(&actor.person.email);
            check_move(&snap.config, &roles, t.state, to, reopen)?;
            let action = Action::State {
                from: t.state,
                to,
                message: message.to_owned(),
                automatic: false,
            };
            let mut actions = vec![action];
            // R25: a ticket that left the ranking when it was finished comes back at the
            // bottom when it is reopened.
            if t.state.is_finished() && !to.is_finished() && t.left_ranking {
                actions.push(self.tracker.priorities().for_reopen(snap, t)?);
            }
            Ok((actions, format!("{} -> {to}", t.state)))
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

    /// Adds a comment, with the files `attach` attached to it (R23): their names are the
    /// sanitized last components of the names given, made unique within the ticket; each
    /// must be within the tracker's `attachments.max_size`.
    pub fn comment(
        &self,
        actor: &Actor,
        input: &str,
        body: &str,
        attach: &[NewAttachment],
    ) -> Result<Outcome, TrackerError> {
        self.act_with_files(actor, input, |snap, t| {
            if !snap.config.comments {
                return Err(ValidationError::Disabled { what: "comments" }.into());
            }
            if body.trim().is_empty() {
                return Err(ValidationError::Empty { field: "comment" }.into());
            }
            let mut actions = vec![Action::Comment {
                body: body.to_owned(),
            }];
            let taken: Vec<&str> = t.attachments.iter().map(|a| a.file.name.as_str()).collect();
            let mut blobs = Vec::new();
            if let Some((action, bytes)) = attach_action(&snap.config, attach, &taken)? {
                actions.push(action);
                blobs = bytes;
            }
            Ok((actions, "comment".into(), blobs))
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
        mask: Option<&[NotifyEvent]>,
    ) -> Result<Outcome, TrackerError> {
        let mask: Option<Vec<NotifyEvent>> = mask.map(|m| {
            let mut m = m.to_vec();
            m.sort();
            m.dedup();
            m
        });
        self.act(actor, input, |snap, t| {
            // R22: in strict mode only managers add or remove other people's watches.
            let config = &snap.config;
            if config.strict
                && !person.same(&actor.person)
                && !config
                    .roles_of(&actor.person.email)
                    .contains(&crate::model::config::Role::Manager)
            {
                return Err(ValidationError::Refused(format!(
                    "strict mode: only managers may {} someone else's watch, and {} is not one",
                    if watch { "add or change" } else { "remove" },
                    actor.person.email
                ))
                .into());
            }
            let own = t.watch_masks.get(&person.email.to_ascii_lowercase());
            let already = if watch {
                t.is_watched_by(person) && own == mask.as_ref()
            } else {
                !t.is_watched_by(person)
            };
            let (action, verb) = if watch {
                (
                    Action::Watch {
                        person: person.clone(),
                        events: mask.clone(),
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
                let value = user_value(&snap.config, name, value, &actor.person);
                let value = snap.config.check_field(name, &value)?;
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

/// The events of `actions` (each with the project commit it came from, if any) by `actor`
/// on `ticket`, one after the other: each event's parent is the one before, the first's the
/// ticket's heads.
pub(super) fn chain(
    ticket: &Ticket,
    actor: &Actor,
    actions: impl ExactSizeIterator<Item = (Action, Option<crate::model::CommitId>)>,
) -> Result<Vec<Event>, TrackerError> {
    let room =
        crate::model::event::MAX_LAMPORT - ticket.lamport.min(crate::model::event::MAX_LAMPORT);
    if room < actions.len() as u64 {
        return Err(ValidationError::ClockExhausted.into());
    }
    let mut parents = ticket.heads.clone();
    let mut events = Vec::with_capacity(actions.len());
    for (lamport, (action, commit)) in (ticket.lamport + 1..).zip(actions) {
        let e = Event {
            id: EventId::from_random(random16()),
            ticket: ticket.id.clone(),
            lamport,
            parents: std::mem::take(&mut parents),
            at: actor.at(),
            author: actor.person.clone(),
            action,
            commit,
        };
        parents = vec![e.id.clone()];
        events.push(e);
    }
    Ok(events)
}

impl Tickets<'_> {
    /// Makes ticket `input` depend on ticket `on` (R24). Refused when it would close a cycle
    /// (the cycle is in the error), when `on` is the ticket itself, and when either ticket is
    /// on a cycle two clones made (until one of its links is removed). Nothing is written when
    /// the dependency exists already.
    pub fn depend(&self, actor: &Actor, input: &str, on: &str) -> Result<Outcome, TrackerError> {
        let who = Viewer::new(Some(actor.person.clone()));
        self.act(actor, input, |snap, t| {
            let other = self.tracker.find(snap, on, &who, Purpose::Read)?;
            let key = key_of(&snap.config, t.number).to_string();
            let other_key = key_of(&snap.config, other.number).to_string();
            if other.id == t.id {
                return Err(TrackerError::SelfDependency(key));
            }
            let summary = format!("depend on {other_key}");
            if t.depends_on.contains(&other.id) {
                return Ok((Vec::new(), summary));
            }
            let ends = [t.id.clone(), other.id.clone()];
            for (id, k) in ends.iter().zip([&key, &other_key]) {
                if !self
                    .tracker
                    .store()
                    .cycles(snap, Some(std::slice::from_ref(id)))?
                    .is_empty()
                {
                    return Err(TrackerError::OnCycle {
                        key: k.clone(),
                        cycle: self.tracker.cycle_through(snap, id)?,
                    });
                }
            }
            if let Some(path) = self.tracker.dependency_path(snap, &other.id, &t.id)? {
                let keys = self.tracker.keys_of(snap, &path)?;
                let mut cycle = vec![key.clone()];
                cycle.extend(path.iter().map(|i| keys[i].clone()));
                return Err(TrackerError::Cycle {
                    key,
                    on: other_key,
                    cycle,
                });
            }
            Ok((vec![Action::Depend { on: other.id }], summary))
        })
    }

    /// Removes the dependency of ticket `input` on ticket `on`; nothing is written when there
    /// is none. Always allowed, also on a cycle: it is how a cycle is broken.
    pub fn undepend(&self, actor: &Actor, input: &str, on: &str) -> Result<Outcome, TrackerError> {
        let who = Viewer::new(Some(actor.person.clone()));
        self.act(actor, input, |snap, t| {
            let other = self.tracker.find(snap, on, &who, Purpose::Read)?;
            let other_key = key_of(&snap.config, other.number).to_string();
            let summary = format!("no longer depend on {other_key}");
            if !t.depends_on.contains(&other.id) {
                return Ok((Vec::new(), summary));
            }
            Ok((vec![Action::Undepend { on: other.id }], summary))
        })
    }
}

impl Tickets<'_> {
    /// Adds labels to ticket `input` and takes others away, in one `label` event (none when
    /// nothing changes). Labels are written in lower case; a label to add must be allowed by
    /// the tracker's `labels.allowed` when it names any; a label may not be both added and
    /// removed.
    pub fn label(
        &self,
        actor: &Actor,
        input: &str,
        add: &[String],
        remove: &[String],
    ) -> Result<Outcome, TrackerError> {
        let remove: Vec<String> = remove.iter().map(|l| l.trim().to_lowercase()).collect();
        for l in &remove {
            crate::model::event::validate_label(l)?;
        }
        self.act(actor, input, |snap, t| {
            let add = labels_to_add(&snap.config, add)?;
            if let Some(both) = add.iter().find(|l| remove.contains(l)) {
                return Err(ValidationError::AddedAndRemoved(both.clone()).into());
            }
            let add: Vec<String> = add.into_iter().filter(|l| !t.labels.contains(l)).collect();
            let mut gone: Vec<String> = remove
                .iter()
                .filter(|l| t.labels.contains(l))
                .cloned()
                .collect();
            gone.sort();
            gone.dedup();
            let changes: Vec<String> = add
                .iter()
                .map(|l| format!("+{l}"))
                .chain(gone.iter().map(|l| format!("-{l}")))
                .collect();
            let summary = format!("labels {}", changes.join(" "));
            if add.is_empty() && gone.is_empty() {
                return Ok((Vec::new(), summary));
            }
            Ok((vec![Action::Label { add, remove: gone }], summary))
        })
    }
}

/// Labels to add, as written: in lower case, each once, sorted, each checked against the
/// tracker's `labels.allowed`.
fn labels_to_add(config: &TrackerConfig, labels: &[String]) -> Result<Vec<String>, TrackerError> {
    let mut out: Vec<String> = labels.iter().map(|l| l.trim().to_lowercase()).collect();
    out.sort();
    out.dedup();
    for l in &out {
        config.check_label(l)?;
    }
    Ok(out)
}

/// Whether `actor` acting on `ticket` moves it from POSTED to OPEN (R15): someone other than
/// its reporter; in strict mode, a developer or the assignee.
/// A value typed for custom field `name`: `@me` in a `user` field is the actor, as wherever a
/// person is typed (`crate::model::person::ME`).
fn user_value<'v>(
    config: &TrackerConfig,
    name: &str,
    value: &'v str,
    actor: &Person,
) -> std::borrow::Cow<'v, str> {
    let user = config
        .fields
        .get(name)
        .is_some_and(|d| d.kind == crate::model::config::FieldType::User);
    if user && crate::model::person::is_me(value) {
        std::borrow::Cow::Owned(actor.email.clone())
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

pub(super) fn opens(config: &TrackerConfig, ticket: &Ticket, actor: &Person) -> bool {
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
pub(super) fn auto_open() -> Action {
    Action::State {
        from: State::Posted,
        to: State::Open,
        message: String::new(),
        automatic: true,
    }
}
