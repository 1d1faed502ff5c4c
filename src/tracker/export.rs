//! Export and import (R36): one JSON document with the configuration, every person's files,
//! every ticket with every event and every other file of its directory, in the format of
//! `docs/export.md`; and reading such a document back, checked whole before anything is
//! written.
//!
//! Events go through generically: an event is written as its id, clock, parents, time, author
//! and the model's own serde form of its action (`{"kind": …, fields}`), so a new kind of event
//! needs no change here. Files of a ticket's directory that are not events (attachments) are
//! carried as base64, keyed by their path under the ticket's directory.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::access::Scope;
use crate::model::config::CONFIG_PATH;
use crate::model::event::{parse_at, read_at, write_at};
use crate::model::limits::{MAX_EVENT_FILE_BYTES, MAX_NUMBER};
use crate::model::people::{PersonAction, PersonEvent};
use crate::model::ticket::Ticket;
use crate::model::{Action, CommitId, Event, EventId, Person, TicketId, TrackerConfig};
use crate::store::{layout, person_id, Diagnostic, ExtraFile, MAX_EXTRA_FILE_BYTES};
use crate::tracker::{Tracker, TrackerError};

/// The `format` of an export document.
pub const FORMAT: &str = "git-tracker-export";

/// The version of the export document this program writes and reads.
pub const VERSION: u32 = 1;

/// The export document (`docs/export.md`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Document {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The text of `tracker.toml`, exactly as on the branch.
    pub tracker_toml: String,
    /// Every person's files, by person id.
    pub people: Vec<PersonEntry>,
    /// Every ticket, by number then id.
    pub tickets: Vec<TicketEntry>,
}

/// One person's directory.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PersonEntry {
    /// The person id (the directory's name).
    pub id: String,
    /// The person's events, by Lamport clock then id.
    pub events: Vec<PersonEventEntry>,
}

/// One event of a person.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PersonEventEntry {
    /// Its id (the file's name without `.toml`).
    pub id: EventId,
    /// Its clock.
    pub lamport: u64,
    /// Its time.
    #[serde(serialize_with = "write_at", deserialize_with = "read_at")]
    pub at: DateTime<Utc>,
    /// The person.
    pub author: Person,
    /// What it does, in the model's form (`kind` and its fields).
    pub action: PersonAction,
}

/// One ticket.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TicketEntry {
    /// Its id.
    pub id: TicketId,
    /// Its number (the one its key shows).
    pub number: u64,
    /// Its events in fold order.
    pub events: Vec<EventEntry>,
    /// The other files of its directory, by path.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileEntry>,
}

/// One event of a ticket.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EventEntry {
    /// Its id.
    pub id: EventId,
    /// Its Lamport clock.
    pub lamport: u64,
    /// The head events its writer had seen.
    pub parents: Vec<EventId>,
    /// Its time.
    #[serde(serialize_with = "write_at", deserialize_with = "read_at")]
    pub at: DateTime<Utc>,
    /// Who did it.
    pub author: Person,
    /// What it does, in the model's form (`kind` and its fields).
    pub action: Action,
    /// The project commit it came from (`scan`), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<CommitId>,
}

/// A file of a ticket's directory that is not an event.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its path under the ticket's directory.
    pub path: String,
    /// Its content, in standard base64 with padding.
    pub base64: String,
}

/// What an export leaves out, and how much it holds.
#[derive(Clone, Debug, Default)]
pub struct Exported {
    /// Tickets written.
    pub tickets: usize,
    /// Their events.
    pub events: usize,
    /// Their other files.
    pub files: usize,
    /// Files of people's directories.
    pub person_events: usize,
    /// Problems with files of the branch (those files are not in the document).
    pub diagnostics: Vec<Diagnostic>,
}

/// A ticket ready to be imported: checked, events in fold order.
#[derive(Clone, Debug)]
pub struct ImportTicket {
    /// Its id.
    pub id: TicketId,
    /// The number it asks for.
    pub number: u64,
    /// When it was created (the collision order).
    pub created: DateTime<Utc>,
    /// Its events, in fold order.
    pub events: Vec<Event>,
    /// Its other files.
    pub files: Vec<ExtraFile>,
    /// Where it is in the input, for messages (a JSON pointer).
    pub origin: String,
    /// Where each event is in the input (as `events`).
    pub event_origins: Vec<String>,
}

/// Where the configuration of a new tracker comes from, and what an import needs of it.
#[derive(Clone, Debug)]
pub enum ConfigSource {
    /// A `tracker.toml`, written as it is into a repository without a tracker; ignored by an
    /// import into an existing one.
    Verbatim(String),
    /// Custom fields and labels the tickets use (a GitHub import): a new tracker gets the
    /// defaults with the fields; an existing one gets any field it lacks, and any label its
    /// `labels.allowed` lacks when it restricts labels (a configuration change).
    Fields(
        BTreeMap<String, crate::model::config::FieldDef>,
        Vec<String>,
    ),
}

/// A checked import: nothing in it can make a write fail for being malformed.
#[derive(Clone, Debug)]
pub struct Import {
    /// The configuration.
    pub config: ConfigSource,
    /// People's files, by person id.
    pub people: Vec<(String, Vec<PersonEvent>)>,
    /// The tickets, in the input's order.
    pub tickets: Vec<ImportTicket>,
    /// Whether texts are checked against the tracker's `max_text_bytes` (new texts, as from
    /// GitHub) rather than only the format's hard cap (history exported from a tracker).
    pub new_texts: bool,
}

/// A place in the input that is wrong: exit 2, nothing written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", if pointer.is_empty() { "the document" } else { pointer.as_str() })]
pub struct BadInput {
    /// A JSON pointer to the place (empty: the whole document).
    pub pointer: String,
    /// What is wrong there.
    pub message: String,
}

impl BadInput {
    /// A problem at `pointer`.
    pub fn at(pointer: impl Into<String>, message: impl std::fmt::Display) -> Self {
        Self {
            pointer: pointer.into(),
            message: message.to_string(),
        }
    }
}

/// Export and import.
pub struct Exchange<'t> {
    pub(super) tracker: &'t Tracker,
}

impl Exchange<'_> {
    /// The whole branch as one document. Refused to a person who may not see every ticket
    /// and every field (the mode's view rule, R31): an export is the whole tracker or nothing.
    pub fn export(&self) -> Result<(Document, Exported), TrackerError> {
        let store = self.tracker.store();
        let snap = self.tracker.snapshot()?;
        let viewer = self.tracker.viewer();
        let private = snap.config.fields.values().any(|f| f.private);
        if viewer.scope(&snap.config) != Scope::All
            || (private && !viewer.sees_private(&snap.config))
        {
            return Err(TrackerError::Hidden {
                input: "the whole tracker".into(),
                mode: snap.config.mode.to_string(),
            });
        }
        let mut report = Exported::default();
        let tracker_toml = store.read_text(snap.tip, CONFIG_PATH)?.unwrap_or_default();
        report.diagnostics.extend(snap.config_problem().cloned());
        let (people, problems) = store.all_person_events(snap.tip)?;
        report.diagnostics.extend(problems);
        let people: Vec<PersonEntry> = people
            .into_iter()
            .map(|(id, events)| {
                report.person_events += events.len();
                PersonEntry {
                    id,
                    events: events
                        .into_iter()
                        .map(|e| PersonEventEntry {
                            id: e.id,
                            lamport: e.lamport,
                            at: e.at,
                            author: e.author,
                            action: e.action,
                        })
                        .collect(),
                }
            })
            .collect();
        // Numbers as keys show them (a number two tickets share is settled, docs/format.md).
        let numbers: BTreeMap<TicketId, u64> = store
            .all_tickets(&snap)?
            .into_iter()
            .map(|t| (t.id, t.number))
            .collect();
        let (tickets, problems) = store.export_tickets(snap.tip)?;
        report.diagnostics.extend(problems);
        let mut entries: Vec<TicketEntry> = tickets
            .into_iter()
            .map(|(t, files)| {
                report.events += t.events.len();
                report.files += files.len();
                let mut files: Vec<FileEntry> = files
                    .into_iter()
                    .map(|f| FileEntry {
                        path: f.path,
                        base64: base64::engine::general_purpose::STANDARD.encode(f.bytes),
                    })
                    .collect();
                files.sort_by(|a, b| a.path.cmp(&b.path));
                TicketEntry {
                    number: numbers.get(&t.id).copied().unwrap_or(t.number),
                    id: t.id,
                    events: t
                        .events
                        .into_iter()
                        .map(|e| EventEntry {
                            id: e.id,
                            lamport: e.lamport,
                            parents: e.parents,
                            at: e.at,
                            author: e.author,
                            action: e.action,
                            commit: e.commit,
                        })
                        .collect(),
                    files,
                }
            })
            .collect();
        entries.sort_by(|a, b| (a.number, &a.id).cmp(&(b.number, &b.id)));
        report.tickets = entries.len();
        Ok((
            Document {
                format: FORMAT.into(),
                version: VERSION,
                tracker_toml,
                people,
                tickets: entries,
            },
            report,
        ))
    }
}

/// The document as JSON text: pretty-printed, every list in a fixed order, so that the same
/// branch always gives the same bytes.
pub fn to_json(doc: &Document) -> String {
    let mut text = serde_json::to_string_pretty(doc).expect("the document is representable");
    text.push('\n');
    text
}

/// Reads and checks an export document whole: its JSON, format and version, the
/// configuration, and every person, ticket, event and file — each as the branch's readers
/// would read the file it becomes. The first problem is returned with its place.
pub fn parse(bytes: &[u8]) -> Result<Import, BadInput> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        BadInput::at(
            "",
            format!(
                "not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    let top = object(&value, "")?;
    match top.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(BadInput::at(
                "/format",
                format!("{other:?} is not {FORMAT:?}: this is not a git-tracker export"),
            ))
        }
        None => {
            return Err(BadInput::at(
                "/format",
                format!("missing: expected {FORMAT:?}"),
            ))
        }
    }
    let version: u64 = field(top, "", "version")?;
    if version != u64::from(VERSION) {
        return Err(BadInput::at(
            "/version",
            format!("unsupported version {version}: this git-tracker reads version {VERSION}"),
        ));
    }
    let tracker_toml: String = field(top, "", "tracker_toml")?;
    TrackerConfig::from_toml(tracker_toml.as_bytes())
        .map_err(|e| BadInput::at("/tracker_toml", format!("not a valid {CONFIG_PATH}: {e}")))?;

    let mut people = Vec::new();
    let mut seen_people = HashSet::new();
    for (i, p) in array(top, "", "people", true)?.iter().enumerate() {
        let at = format!("/people/{i}");
        let obj = object(p, &at)?;
        let id: String = field(obj, &at, "id")?;
        if !layout::is_person_id(&id) {
            return Err(BadInput::at(
                format!("{at}/id"),
                format!("{id:?} is not a person id (40 lowercase hex digits)"),
            ));
        }
        if !seen_people.insert(id.clone()) {
            return Err(BadInput::at(
                format!("{at}/id"),
                "a second entry for this person",
            ));
        }
        let mut events = Vec::new();
        let mut ids = HashSet::new();
        for (j, e) in array(obj, &at, "events", false)?.iter().enumerate() {
            let eat = format!("{at}/events/{j}");
            let entry = person_event(e, &eat)?;
            if !ids.insert(entry.id.clone()) {
                return Err(BadInput::at(
                    format!("{eat}/id"),
                    "a second event with this id",
                ));
            }
            let event = PersonEvent {
                id: entry.id,
                lamport: entry.lamport,
                at: entry.at,
                author: entry.author,
                action: entry.action,
            };
            // Read back as the branch's readers will read its file.
            let owner = |p: &Person| person_id(&p.email) == id;
            match PersonEvent::from_toml(event.id.clone(), event.to_toml().as_bytes(), owner) {
                Ok(back) if back == event => events.push(event),
                Ok(_) => return Err(BadInput::at(eat, "cannot be written as it is")),
                Err(e) => return Err(BadInput::at(eat, e)),
            }
        }
        people.push((id, events));
    }

    let mut tickets = Vec::new();
    let mut seen = HashSet::new();
    for (i, t) in array(top, "", "tickets", false)?.iter().enumerate() {
        let at = format!("/tickets/{i}");
        let obj = object(t, &at)?;
        let id: TicketId = field(obj, &at, "id")?;
        if !seen.insert(id.clone()) {
            return Err(BadInput::at(
                format!("{at}/id"),
                "a second ticket with this id",
            ));
        }
        let number: u64 = field(obj, &at, "number")?;
        if number == 0 || number > MAX_NUMBER {
            return Err(BadInput::at(
                format!("{at}/number"),
                format!("{number} is not a ticket number (1 to {MAX_NUMBER})"),
            ));
        }
        let mut events = Vec::new();
        let mut places = BTreeMap::new();
        for (j, e) in array(obj, &at, "events", false)?.iter().enumerate() {
            let eat = format!("{at}/events/{j}");
            let event = ticket_event(e, &eat, &id)?;
            if places.insert(event.id.clone(), eat.clone()).is_some() {
                return Err(BadInput::at(
                    format!("{eat}/id"),
                    "a second event with this id",
                ));
            }
            events.push(event);
        }
        let ticket =
            Ticket::fold(events.clone()).map_err(|e| BadInput::at(format!("{at}/events"), e))?;
        let files = files(obj, &at)?;
        let event_origins = ticket
            .events
            .iter()
            .map(|e| places.get(&e.id).cloned().unwrap_or_default())
            .collect();
        tickets.push(ImportTicket {
            id,
            number,
            created: ticket.created,
            events: ticket.events,
            files,
            origin: at,
            event_origins,
        });
    }
    Ok(Import {
        config: ConfigSource::Verbatim(tracker_toml),
        people,
        tickets,
        new_texts: false,
    })
}

/// One event of a ticket, checked as the reader checks its file.
fn ticket_event(value: &Value, at: &str, ticket: &TicketId) -> Result<Event, BadInput> {
    let obj = object(value, at)?;
    let event = Event {
        id: field(obj, at, "id")?,
        ticket: ticket.clone(),
        lamport: field(obj, at, "lamport")?,
        parents: optional(obj, at, "parents")?.unwrap_or_default(),
        at: time(obj, at)?,
        author: field(obj, at, "author")?,
        action: field(obj, at, "action")?,
        commit: optional(obj, at, "commit")?,
    };
    let text = event.to_toml();
    if text.len() as u64 > MAX_EVENT_FILE_BYTES {
        return Err(BadInput::at(
            at,
            crate::model::limits::too_large(text.len() as u64, MAX_EVENT_FILE_BYTES),
        ));
    }
    match Event::from_toml(ticket.clone(), event.id.clone(), text.as_bytes()) {
        Ok(back) if back == event => Ok(event),
        Ok(_) => Err(BadInput::at(at, "cannot be written as it is")),
        Err(e) => Err(BadInput::at(at, e)),
    }
}

fn person_event(value: &Value, at: &str) -> Result<PersonEventEntry, BadInput> {
    let obj = object(value, at)?;
    Ok(PersonEventEntry {
        id: field(obj, at, "id")?,
        lamport: field(obj, at, "lamport")?,
        at: time(obj, at)?,
        author: field(obj, at, "author")?,
        action: field(obj, at, "action")?,
    })
}

/// The `files` of a ticket: safe relative paths, base64, within the size bound, none an
/// event file (which must come as an event) nor a directory of another.
fn files(obj: &Map<String, Value>, at: &str) -> Result<Vec<ExtraFile>, BadInput> {
    let mut out: Vec<ExtraFile> = Vec::new();
    let mut paths = BTreeSet::new();
    for (k, f) in array(obj, at, "files", true)?.iter().enumerate() {
        let fat = format!("{at}/files/{k}");
        let fobj = object(f, &fat)?;
        let path: String = field(fobj, &fat, "path")?;
        let data: String = field(fobj, &fat, "base64")?;
        check_extra_path(&path).map_err(|m| BadInput::at(format!("{fat}/path"), m))?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data.as_bytes())
            .map_err(|e| BadInput::at(format!("{fat}/base64"), format!("not base64: {e}")))?;
        if bytes.len() as u64 > MAX_EXTRA_FILE_BYTES {
            return Err(BadInput::at(
                format!("{fat}/base64"),
                crate::model::limits::too_large(bytes.len() as u64, MAX_EXTRA_FILE_BYTES),
            ));
        }
        paths.insert(path.clone());
        out.push(ExtraFile { path, bytes });
    }
    if paths.len() != out.len() {
        return Err(BadInput::at(
            format!("{at}/files"),
            "two files have the same path",
        ));
    }
    // A file cannot also be a directory of another.
    for p in &paths {
        if let Some(q) = paths
            .range(format!("{p}/")..)
            .next()
            .filter(|q| q.starts_with(&format!("{p}/")))
        {
            return Err(BadInput::at(
                format!("{at}/files"),
                format!("{p:?} is a file and the directory of {q:?}"),
            ));
        }
    }
    Ok(out)
}

/// Whether `path` may name a file under a ticket's directory: components that are not empty,
/// `.` or `..`, without control characters or backslashes, at most
/// [`crate::store::MAX_EXTRA_DEPTH`] of them, and not an event file's name.
pub fn check_extra_path(path: &str) -> Result<(), String> {
    let parts: Vec<&str> = path.split('/').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(format!("{path:?} is not a relative path of plain names"));
    }
    if path.chars().any(|c| c.is_control() || c == '\\') {
        return Err(format!("{path:?} holds a control character or a backslash"));
    }
    if parts.len() > crate::store::MAX_EXTRA_DEPTH {
        return Err(format!("{path:?} is too deep"));
    }
    if parts.len() == 1 && layout::event_file_id(path).is_some() {
        return Err(format!(
            "{path:?} is the name of an event file: events come in `events`"
        ));
    }
    Ok(())
}

pub(super) fn object<'v>(value: &'v Value, at: &str) -> Result<&'v Map<String, Value>, BadInput> {
    value
        .as_object()
        .ok_or_else(|| BadInput::at(at, format!("expected an object, found {}", kind(value))))
}

pub(super) fn array<'v>(
    obj: &'v Map<String, Value>,
    at: &str,
    key: &str,
    may_be_absent: bool,
) -> Result<&'v [Value], BadInput> {
    match obj.get(key) {
        None if may_be_absent => Ok(&[]),
        None => Err(BadInput::at(format!("{at}/{key}"), "missing")),
        Some(Value::Array(a)) => Ok(a),
        Some(v) => Err(BadInput::at(
            format!("{at}/{key}"),
            format!("expected an array, found {}", kind(v)),
        )),
    }
}

pub(super) fn field<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    at: &str,
    key: &str,
) -> Result<T, BadInput> {
    optional(obj, at, key)?.ok_or_else(|| BadInput::at(format!("{at}/{key}"), "missing"))
}

pub(super) fn optional<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    at: &str,
    key: &str,
) -> Result<Option<T>, BadInput> {
    match obj.get(key) {
        None => Ok(None),
        Some(v) => T::deserialize(v)
            .map(Some)
            .map_err(|e| BadInput::at(format!("{at}/{key}"), e)),
    }
}

fn time(obj: &Map<String, Value>, at: &str) -> Result<DateTime<Utc>, BadInput> {
    let text: String = field(obj, at, "at")?;
    parse_at(&text).ok_or_else(|| {
        BadInput::at(
            format!("{at}/at"),
            format!("{text:?} is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ"),
        )
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_paths_are_plain_relative_names() {
        assert!(check_extra_path("a.png").is_ok());
        assert!(check_extra_path("0123456789abcdef0123456789abcdef/shot.png").is_ok());
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../b",
            "a//b",
            "./a",
            "a\\b",
            "a\nb",
            "0123456789abcdef0123456789abcdef.toml",
            "1/2/3/4/5/6/7/8/9",
        ] {
            assert!(check_extra_path(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn problems_name_their_place() {
        let place = |text: &str| parse(text.as_bytes()).unwrap_err().pointer;
        assert_eq!(place("{"), "");
        assert_eq!(place("[]"), "");
        assert_eq!(place(r#"{"format": "x", "version": 1}"#), "/format");
        assert_eq!(
            place(r#"{"format": "git-tracker-export", "version": 2}"#),
            "/version"
        );
        let toml = TrackerConfig::default().to_toml();
        let doc = |tickets: &str| {
            serde_json::json!({
                "format": FORMAT, "version": 1, "tracker_toml": toml,
                "tickets": serde_json::from_str::<Value>(tickets).unwrap(),
            })
            .to_string()
        };
        let create = r#"{"id": "11111111111111111111111111111111", "lamport": 1, "parents": [],
            "at": "2026-01-01T00:00:00Z", "author": {"name": "A", "email": "a@b.c"},
            "action": {"kind": "create", "number": 1, "title": "t"}}"#;
        let ticket = |events: &str| {
            format!(
                r#"[{{"id": "22222222222222222222222222222222", "number": 1, "events": [{events}]}}]"#
            )
        };
        assert!(parse(doc(&ticket(create)).as_bytes()).is_ok());
        let state = r#"{"id": "33333333333333333333333333333333", "lamport": 2,
            "at": "2026-01-01T00:00:00Z", "author": {"name": "A", "email": "a@b.c"},
            "action": {"kind": "state", "from": "POSTED", "to": "NOPE"}}"#;
        assert_eq!(
            place(&doc(&ticket(&format!("{create}, {state}")))),
            "/tickets/0/events/1/action"
        );
        assert_eq!(place(&doc(&ticket(""))), "/tickets/0/events");
        let bad_at = create.replace("00:00:00Z", "00:00:00+00:00");
        assert_eq!(place(&doc(&ticket(&bad_at))), "/tickets/0/events/0/at");
    }
}
