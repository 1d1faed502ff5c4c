//! JSON view structs (R61). The schema is part of `docs/format.md`; programs rely on these
//! names, so change them only with a new `schema_version`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::config::key_of;
use crate::model::ticket::{Comment, Link, Transition};
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
    /// Priority rank or null.
    pub priority: Option<u64>,
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
            created: t.created,
            updated: t.updated,
            contested: t.contested.clone(),
            provisional,
            fields: visible_fields(config, &t.fields, sees_private),
            fingerprint: t.fingerprint.clone(),
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
    /// The watches with a mask of their own (R22), by lower-cased email: the kinds of change
    /// they send mail about. Absent when every watch follows its watcher's preferences.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub watch_masks: std::collections::BTreeMap<String, Vec<&'static str>>,
    /// Where the ticket came from (its `origin` event), or null.
    pub origin: Option<LinkView>,
    /// Where it was sent (its `transfer` events), oldest first.
    pub transfers: Vec<LinkView>,
}

/// A link to a ticket of another tracker (R34, R35).
#[derive(Serialize)]
pub struct LinkView {
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

impl From<&Link> for LinkView {
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
    /// The view of a whole ticket.
    pub fn new(config: &TrackerConfig, t: &Ticket, provisional: bool, sees_private: bool) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            ticket: TicketView::new(config, &TicketSummary::from(t), provisional, sees_private),
            description: t.description.clone(),
            solution: t.solution.clone(),
            comments: t.comments.iter().map(Into::into).collect(),
            transitions: t.transitions.iter().map(Into::into).collect(),
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
            created: at,
            updated: at,
            contested: Vec::new(),
            fields: Default::default(),
            fingerprint: None,
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
