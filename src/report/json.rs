//! JSON view structs (R61). The schema is part of `docs/format.md`; programs rely on these
//! names, so change them only with a new `schema_version`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::config::key_of;
use crate::model::ticket::{Comment, Link, RaiseRequest, Transition};
use crate::model::{Event, Person, Ticket, TicketSummary, TrackerConfig};
use crate::store::ReadFailed;

/// Version of the JSON documents printed by read commands.
pub const SCHEMA_VERSION: u32 = 1;

/// A person.
#[derive(Serialize)]
pub struct PersonView {
    /// Display name.
    pub name: String,
    /// Email address.
    pub email: String,
}

impl From<&Person> for PersonView {
    fn from(p: &Person) -> Self {
        Self {
            name: p.name.clone(),
            email: p.email.clone(),
        }
    }
}

/// A ticket as `list` shows it; also the top of `show`.
#[derive(Serialize)]
pub struct TicketView {
    /// `TRK-12`.
    pub key: String,
    /// The number in the key.
    pub number: u64,
    /// Immutable id (32 hex digits).
    pub id: String,
    /// Summary.
    pub title: String,
    /// State, upper case, seed spelling.
    pub state: String,
    /// Whether the state is finished (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED).
    pub finished: bool,
    /// Who filed it.
    pub reporter: PersonView,
    /// Current assignee or null.
    pub assignee: Option<PersonView>,
    /// Watchers, sorted by email.
    pub watchers: Vec<PersonView>,
    /// Position among the ranked tickets in progress (1 is the most urgent), or null when
    /// the ticket is not ranked (or finished).
    pub priority: Option<u64>,
    /// The rank key that gives that position (`docs/format.md`, "Priorities"), or null.
    pub rank: Option<String>,
    /// Creation time.
    pub created: DateTime<Utc>,
    /// Time of the latest change.
    pub updated: DateTime<Utc>,
    /// Fields that concurrent edits left contested (R14), sorted; empty when none.
    pub contested: Vec<String>,
    /// Not yet on the remote: the number may still change at the next `sync` (R4).
    pub provisional: bool,
    /// Custom fields with a value, by name (private ones only for developers, resolvers and
    /// managers).
    pub fields: std::collections::BTreeMap<String, String>,
    /// The fingerprint the ticket was filed with (`new --if-absent`), or null.
    pub fingerprint: Option<String>,
    /// Its labels, sorted.
    pub labels: Vec<String>,
}

impl TicketView {
    /// The view of a summary, for a viewer who may (`sees_private`) or may not see private
    /// fields.
    pub fn new(
        config: &TrackerConfig,
        t: &TicketSummary,
        provisional: bool,
        sees_private: bool,
    ) -> Self {
        Self {
            key: key_of(config, t.number).to_string(),
            number: t.number,
            id: t.id.to_string(),
            title: t.title.clone(),
            state: t.state.name().into(),
            finished: t.state.is_finished(),
            reporter: (&t.reporter).into(),
            assignee: t.assignee.as_ref().map(Into::into),
            watchers: t.watchers.iter().map(Into::into).collect(),
            priority: t.priority,
            rank: t.rank.as_ref().map(|r| r.as_str().to_owned()),
            created: t.created,
            updated: t.updated,
            contested: t.contested.clone(),
            provisional,
            fields: visible_fields(config, &t.fields, sees_private),
            fingerprint: t.fingerprint.clone(),
            labels: t.labels.clone(),
        }
    }
}

/// The fields a viewer may see: private ones only when `sees_private` (R26).
pub fn visible_fields(
    config: &TrackerConfig,
    fields: &std::collections::BTreeMap<String, String>,
    sees_private: bool,
) -> std::collections::BTreeMap<String, String> {
    fields
        .iter()
        .filter(|(name, _)| sees_private || !config.is_private(name))
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect()
}

/// `list --format json`.
#[derive(Serialize)]
pub struct ListView<'a> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The tickets, in the order asked for.
    pub tickets: TicketViews<'a>,
}

/// The views of tickets, each made as it is written from a ticket read as it is needed (a
/// listing of 100 000 tickets is never held in memory).
pub struct TicketViews<'a> {
    /// The configuration (keys, private fields).
    pub config: &'a TrackerConfig,
    /// The tickets, taken once, as they are written; a failed read stops the writing with
    /// an error, so that the output is never a whole document short of tickets.
    pub tickets: std::cell::RefCell<&'a mut dyn Iterator<Item = Result<TicketSummary, ReadFailed>>>,
    /// The provisional ones.
    pub provisional: &'a std::collections::HashSet<crate::model::TicketId>,
    /// Whether the viewer sees private fields.
    pub sees_private: bool,
}

impl Serialize for TicketViews<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut tickets = self.tickets.borrow_mut();
        s.collect_seq((&mut **tickets).map(|t| OwnedView {
            views: self,
            ticket: t,
        }))
    }
}

/// One ticket of a [`TicketViews`], viewed as it is written.
struct OwnedView<'v, 'a> {
    views: &'v TicketViews<'a>,
    ticket: Result<TicketSummary, ReadFailed>,
}

impl Serialize for OwnedView<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.views;
        let ticket = self.ticket.as_ref().map_err(serde::ser::Error::custom)?;
        TicketView::new(
            v.config,
            ticket,
            v.provisional.contains(&ticket.id),
            v.sees_private,
        )
        .serialize(s)
    }
}

/// A comment.
#[derive(Serialize)]
pub struct CommentView {
    /// The comment's id (its event id).
    pub id: String,
    /// Who wrote it.
    pub author: PersonView,
    /// When.
    pub created: DateTime<Utc>,
    /// When it was last edited, or null.
    pub edited: Option<DateTime<Utc>>,
    /// Whether it was deleted (the text is then empty here; `log` keeps it).
    pub deleted: bool,
    /// The current text.
    pub body: String,
}

impl From<&Comment> for CommentView {
    fn from(c: &Comment) -> Self {
        Self {
            id: c.id.to_string(),
            author: (&c.author).into(),
            created: c.at,
            edited: c.edited,
            deleted: c.deleted,
            body: if c.deleted {
                String::new()
            } else {
                c.body.clone()
            },
        }
    }
}

/// A state change.
#[derive(Serialize)]
pub struct TransitionView {
    /// The event id.
    pub id: String,
    /// State before.
    pub from: String,
    /// State after.
    pub to: String,
    /// Who.
    pub author: PersonView,
    /// When.
    pub at: DateTime<Utc>,
    /// The note given with it.
    pub message: String,
}

impl From<&Transition> for TransitionView {
    fn from(t: &Transition) -> Self {
        Self {
            id: t.id.to_string(),
            from: t.from.name().into(),
            to: t.to.name().into(),
            author: (&t.author).into(),
            at: t.at,
            message: t.message.clone(),
        }
    }
}

/// A raise request (R25) and its outcome.
#[derive(Serialize)]
pub struct RaiseView {
    /// The request's id (its `raise` event's id).
    pub id: String,
    /// Who asked.
    pub author: PersonView,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub reason: String,
    /// Urgent or not.
    pub urgent: bool,
    /// `pending`, `accepted` or `refused`.
    pub status: &'static str,
    /// Who decided, or null.
    pub decided_by: Option<PersonView>,
    /// When, or null.
    pub decided_at: Option<DateTime<Utc>>,
    /// Why it was refused (empty otherwise).
    pub message: String,
}

impl From<&RaiseRequest> for RaiseView {
    fn from(r: &RaiseRequest) -> Self {
        Self {
            id: r.id.to_string(),
            author: (&r.author).into(),
            at: r.at,
            reason: r.reason.clone(),
            urgent: r.urgent,
            status: match &r.decision {
                None => "pending",
                Some(d) if d.accepted => "accepted",
                Some(_) => "refused",
            },
            decided_by: r.decision.as_ref().map(|d| (&d.by).into()),
            decided_at: r.decision.as_ref().map(|d| d.at),
            message: r
                .decision
                .as_ref()
                .map(|d| d.message.clone())
                .unwrap_or_default(),
        }
    }
}

/// A ticket another one depends on, or that depends on it (`show --format json`).
#[derive(Serialize)]
pub struct LinkView {
    /// Its key; null when no ticket on the branch has the id.
    pub key: Option<String>,
    /// Its id.
    pub id: String,
    /// Its title; null when it is not on the branch or not shown to the viewer.
    pub title: Option<String>,
    /// Its state, likewise.
    pub state: Option<String>,
    /// Whether its state is finished, likewise.
    pub finished: Option<bool>,
}

impl LinkView {
    /// The view of one node of a dependency tree (its own links are left out).
    pub fn new(config: &TrackerConfig, n: &crate::model::links::LinkNode) -> Self {
        Self {
            key: n.number.map(|k| key_of(config, k).to_string()),
            id: n.id.to_string(),
            title: n.ticket.as_ref().map(|t| t.title.clone()),
            state: n.ticket.as_ref().map(|t| t.state.name().to_owned()),
            finished: n.ticket.as_ref().map(|t| t.state.is_finished()),
        }
    }
}

/// A file attached to a ticket (`show`, `attachment list`).
#[derive(Serialize)]
pub struct AttachmentView {
    /// The `attach` event's id (what `attachment get KEY ID/NAME` takes a prefix of).
    pub event: String,
    /// Its name.
    pub name: String,
    /// Its blob's path on the branch.
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, 64 lowercase hex digits.
    pub sha256: String,
    /// The comment it goes with, or null (the ticket itself).
    pub comment: Option<String>,
    /// That comment was deleted (the file stays).
    pub deleted: bool,
    /// Who attached it.
    pub author: PersonView,
    /// When.
    pub at: DateTime<Utc>,
}

impl AttachmentView {
    /// The view of one attachment of `t`.
    pub fn new(t: &Ticket, a: &crate::model::ticket::AttachedFile) -> Self {
        Self {
            event: a.event.to_string(),
            name: a.file.name.clone(),
            path: a.file.path.clone(),
            size: a.file.size,
            sha256: a.file.sha256.clone(),
            comment: a.comment.as_ref().map(ToString::to_string),
            deleted: a
                .comment
                .as_ref()
                .is_some_and(|c| t.comments.iter().any(|x| &x.id == c && x.deleted)),
            author: (&a.author).into(),
            at: a.at,
        }
    }
}

/// `show --format json`.
#[derive(Serialize)]
pub struct ShowView {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The list fields.
    #[serde(flatten)]
    pub ticket: TicketView,
    /// Description.
    pub description: String,
    /// Solution text.
    pub solution: String,
    /// Comments, oldest first.
    pub comments: Vec<CommentView>,
    /// State changes, oldest first.
    pub transitions: Vec<TransitionView>,
    /// Raise requests, oldest first (in fold order), with their outcome.
    pub raise_requests: Vec<RaiseView>,
    /// The tickets it depends on, by key number.
    pub depends_on: Vec<LinkView>,
    /// The tickets that depend on it (that it blocks), by key number.
    pub blocks: Vec<LinkView>,
    /// When it is on a dependency cycle (made in two clones), the keys of the tickets of that
    /// cycle (its strongly connected component), by number; else empty.
    pub cycle: Vec<String>,
    /// The files attached to it and to its comments, oldest first (those of deleted comments
    /// too).
    pub attachments: Vec<AttachmentView>,
    /// The watches with a mask of their own (R22), by lower-cased email: the kinds of change
    /// they send mail about. Absent when every watch follows its watcher's preferences.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub watch_masks: std::collections::BTreeMap<String, Vec<&'static str>>,
    /// Where the ticket came from (its `origin` event), or null.
    pub origin: Option<TrackerLinkView>,
    /// Where it was sent (its `transfer` events), oldest first.
    pub transfers: Vec<TrackerLinkView>,
}

/// A link to a ticket of another tracker (R34, R35).
#[derive(Serialize)]
pub struct TrackerLinkView {
    /// The other tracker: `BRANCH`, or `REMOTE:BRANCH` for a transfer to another repository.
    pub tracker: String,
    /// For an origin in another repository: its name; else null.
    pub repository: Option<String>,
    /// The other ticket's id.
    pub ticket: String,
    /// Its key.
    pub key: String,
    /// A dispatch down (the whole history moved) rather than a copy sent up.
    pub dispatch: bool,
    /// Who made the link.
    pub author: PersonView,
    /// When.
    pub at: DateTime<Utc>,
}

impl From<&Link> for TrackerLinkView {
    fn from(l: &Link) -> Self {
        Self {
            tracker: l.tracker.clone(),
            repository: l.repository.clone(),
            ticket: l.ticket.to_string(),
            key: l.key.clone(),
            dispatch: l.dispatch,
            author: (&l.author).into(),
            at: l.at,
        }
    }
}

impl ShowView {
    /// The view of a whole ticket, with its dependencies.
    pub fn new(
        config: &TrackerConfig,
        t: &Ticket,
        deps: &crate::model::links::Dependencies,
        provisional: bool,
        sees_private: bool,
    ) -> Self {
        let links = |nodes: &[crate::model::links::LinkNode]| {
            nodes.iter().map(|n| LinkView::new(config, n)).collect()
        };
        Self {
            depends_on: links(&deps.depends_on),
            blocks: links(&deps.blocks),
            attachments: t
                .attachments
                .iter()
                .map(|a| AttachmentView::new(t, a))
                .collect(),
            cycle: deps
                .cycle_members
                .iter()
                .map(|m| key_of(config, m.number).to_string())
                .collect(),
            schema_version: SCHEMA_VERSION,
            ticket: TicketView::new(config, &TicketSummary::from(t), provisional, sees_private),
            description: t.description.clone(),
            solution: t.solution.clone(),
            comments: t.comments.iter().map(Into::into).collect(),
            transitions: t.transitions.iter().map(Into::into).collect(),
            raise_requests: t.raises.iter().map(Into::into).collect(),
            watch_masks: t
                .watch_masks
                .iter()
                .map(|(email, kinds)| (email.clone(), kinds.iter().map(|k| k.name()).collect()))
                .collect(),
            origin: t.origin.as_ref().map(Into::into),
            transfers: t.transfers.iter().map(Into::into).collect(),
        }
    }
}

/// One event of `log --format json`: the event file's fields plus its id.
#[derive(Serialize)]
pub struct EventView {
    /// The event id.
    pub id: String,
    /// Lamport clock.
    pub lamport: u64,
    /// Causal parents.
    pub parents: Vec<String>,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub author: PersonView,
    /// The project commit the event came from (`scan`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// The `kind` and the kind's fields, as in the event file.
    #[serde(flatten)]
    pub action: serde_json::Value,
}

impl EventView {
    /// The view of an event; a private field's value (R26) is replaced by `"redacted": true`
    /// unless `sees_private`.
    pub fn new(config: &TrackerConfig, e: &Event, sees_private: bool) -> Self {
        let mut action = serde_json::to_value(&e.action).unwrap_or_default();
        if let (crate::model::Action::Field { name, .. }, false) = (&e.action, sees_private) {
            if config.is_private(name) {
                if let Some(map) = action.as_object_mut() {
                    map.remove("value");
                    map.insert("redacted".into(), serde_json::Value::Bool(true));
                }
            }
        }
        Self {
            id: e.id.to_string(),
            lamport: e.lamport,
            parents: e.parents.iter().map(ToString::to_string).collect(),
            at: e.at,
            author: (&e.author).into(),
            commit: e.commit.as_ref().map(ToString::to_string),
            action,
        }
    }
}

/// `log --format json`.
#[derive(Serialize)]
pub struct LogView {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The ticket's key.
    pub key: String,
    /// The ticket's id.
    pub id: String,
    /// Every event in fold order.
    pub events: Vec<EventView>,
}

impl LogView {
    /// The history of a ticket, private field values left out unless `sees_private`.
    pub fn new(config: &TrackerConfig, t: &Ticket, sees_private: bool) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            key: key_of(config, t.number).to_string(),
            id: t.id.to_string(),
            events: t
                .events
                .iter()
                .map(|e| EventView::new(config, e, sees_private))
                .collect(),
        }
    }
}

/// Writes a view as one pretty JSON document and a newline.
pub fn write<T: Serialize>(out: &mut dyn std::io::Write, view: &T) -> std::io::Result<()> {
    // An I/O error keeps its kind, so that a reader closing the pipe early stays quiet.
    serde_json::to_writer_pretty(&mut *out, view).map_err(|e| match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    })?;
    writeln!(out)
}

/// One renumbered ticket in `sync --format json`.
#[derive(Serialize)]
pub struct RenumberedView {
    /// The ticket's id.
    pub id: String,
    /// The key before.
    pub from: String,
    /// The key now.
    pub to: String,
}

/// `sync --format json`.
#[derive(Serialize)]
pub struct SyncView {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The remote used.
    pub remote: String,
    /// The local tip afterwards (a commit id).
    pub tip: String,
    /// The local branch was created from the remote's.
    pub took_remote: bool,
    /// Changes came from the remote.
    pub received: bool,
    /// The remote was updated.
    pub pushed: bool,
    /// Tickets whose provisional number changed.
    pub renumbered: Vec<RenumberedView>,
    /// What arrived that concerns you: new tickets, and changes to tickets you watch or are
    /// assigned (empty when nothing was received, or when the sync took the remote's branch).
    pub arrived: Vec<ArrivalView>,
}

/// One event of [`SyncView::arrived`].
#[derive(Serialize)]
pub struct ArrivalView {
    /// The ticket's key.
    pub key: String,
    /// The ticket's id.
    pub ticket: String,
    /// The ticket's title.
    pub title: String,
    /// Whether the ticket is new (this is its `create` event).
    pub new_ticket: bool,
    /// The event's id.
    pub event: String,
    /// The event's kind, as in its file (`create`, `comment`, `state`, …).
    pub kind: String,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who did it, under their one name.
    pub who: PersonView,
    /// What it did, in words (as `log` says it).
    pub what: String,
}

/// `state KEY --format json`: the states the viewer may move the ticket to next.
#[derive(Serialize)]
pub struct NextStatesView {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The ticket's key.
    pub key: String,
    /// The ticket's id.
    pub id: String,
    /// Its state now.
    pub state: String,
    /// The states allowed next, in lifecycle order.
    pub allowed: Vec<NextStateView>,
}

/// One state of [`NextStatesView`].
#[derive(Serialize)]
pub struct NextStateView {
    /// The state.
    pub state: String,
    /// Whether it is a finished state.
    pub finished: bool,
    /// Whether the move needs `--reopen` (from a finished state back to one in progress).
    pub reopen: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{State, TicketId};

    fn ticket(n: u8) -> TicketSummary {
        let at = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
        let ann = Person {
            name: "Ann".into(),
            email: "ann@example.com".into(),
        };
        TicketSummary {
            id: TicketId::from_random([n; 16]),
            number: u64::from(n),
            title: format!("ticket {n}"),
            state: State::Posted,
            reporter: ann,
            assignee: None,
            watchers: Vec::new(),
            priority: None,
            rank: None,
            urgent: false,
            pending_raises: 0,
            created: at,
            updated: at,
            contested: Vec::new(),
            fields: Default::default(),
            fingerprint: None,
            depends_on: Vec::new(),
            labels: Vec::new(),
        }
    }

    fn written(items: Vec<Result<TicketSummary, ReadFailed>>) -> Result<String, String> {
        let config = TrackerConfig::default();
        let provisional = std::collections::HashSet::new();
        let mut items = items.into_iter();
        let view = ListView {
            schema_version: SCHEMA_VERSION,
            tickets: TicketViews {
                config: &config,
                tickets: std::cell::RefCell::new(&mut items),
                provisional: &provisional,
                sees_private: false,
            },
        };
        let mut out = Vec::new();
        write(&mut out, &view).map_err(|e| e.to_string())?;
        Ok(String::from_utf8(out).unwrap())
    }

    /// A listing written as it is read: every ticket in order, and a read that fails part way
    /// fails the writing instead of closing the document as if it were whole.
    #[test]
    fn a_failed_read_stops_the_listing_with_an_error() {
        let whole = written(vec![Ok(ticket(1)), Ok(ticket(2))]).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&whole).unwrap();
        let keys: Vec<&str> = doc["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap())
            .collect();
        assert_eq!(keys, ["TRK-1", "TRK-2"]);
        let err = written(vec![Ok(ticket(1)), Err(ReadFailed), Ok(ticket(2))]).unwrap_err();
        assert!(err.contains("could not be read"), "{err}");
    }
}

/// One tracker of `git tracker trackers`.
#[derive(Serialize)]
pub struct TrackerView {
    /// The remote whose remote-tracking branch it is; null: a branch of this repository.
    pub remote: Option<String>,
    /// The branch's short name.
    pub branch: String,
    /// The branch's tip.
    pub tip: String,
    /// The tracker's name (null when its tracker.toml cannot be read).
    pub name: Option<String>,
    /// Its key prefix (likewise).
    pub prefix: Option<String>,
    /// Tickets the viewer may see; null when unknown.
    pub tickets: Option<usize>,
    /// Of which in progress; null when unknown.
    pub in_progress: Option<usize>,
    /// Its parent, as its tracker.toml names it.
    pub parent: Option<String>,
    /// The tracker this command ran on.
    pub current: bool,
}

/// `git tracker trackers --format json`.
#[derive(Serialize)]
pub struct TrackersView {
    /// The JSON schema's version.
    pub schema_version: u32,
    /// Every tracker: this repository's by branch, then each remote's.
    pub trackers: Vec<TrackerView>,
}
