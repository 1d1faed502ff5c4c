//! Events: the immutable facts a ticket is made of, and their TOML form (R2).
//!
//! Each event is one file `tickets/<shard>/<ticket-id>/<event-id>.toml` on the branch. The
//! ticket id and event id come from the path; everything else is in the file. `docs/format.md`
//! is the contract for this module: keep the two in step.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::error::{ParseError, ValidationError};
use crate::model::id::{CommitId, EventId, TicketId};
use crate::model::limits::{
    self, MAX_ATTACHMENTS_PER_EVENT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_NAME_CHARS,
    MAX_FINGERPRINT_CHARS, MAX_LABELS_PER_EVENT, MAX_LABEL_CHARS, MAX_NUMBER, MAX_TEXT_BYTES,
    MAX_TITLE_CHARS,
};
use crate::model::notify::NotifyEvent;
use crate::model::person::Person;
use crate::model::rank::Rank;
use crate::model::state::State;

/// The version of the event file format written by this program.
pub const FORMAT_VERSION: u32 = 1;

/// The largest Lamport clock a file can hold (TOML integers are signed 64-bit).
pub const MAX_LAMPORT: u64 = i64::MAX as u64;

/// The one form of an event's `at`: UTC, to the second (`2026-11-23T10:00:00Z`).
pub const AT_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// One fact about one ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The event's id (its file name without `.toml`).
    pub id: EventId,
    /// The ticket it belongs to (its directory).
    pub ticket: TicketId,
    /// Per-ticket Lamport clock: one more than the highest clock of the ticket's events the
    /// writer had seen. The fold orders events by `(lamport, id)`.
    pub lamport: u64,
    /// The ticket's head events the writer had seen (the causal parents).
    pub parents: Vec<EventId>,
    /// Wall-clock time of the event, for display and reports; never used for ordering.
    pub at: DateTime<Utc>,
    /// Who did it.
    pub author: Person,
    /// What was done.
    pub action: Action,
    /// The commit of the project's history this event came from (`scan`: a commit message's
    /// `Fixes TRK-12` or `Refs TRK-12`), as its full id; `None` for everything else.
    #[serde(default)]
    pub commit: Option<CommitId>,
}

/// A file attached to a ticket (R23): where its blob is, and what it must be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Its name: what `attachment get` takes, and the blob's file name
    /// ([`validate_attachment_name`]).
    pub name: String,
    /// The blob's path on the branch: `tickets/<aa>/<ticket-id>/<event-id>/<name>`.
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// The SHA-256 of its bytes, 64 lowercase hex digits.
    pub sha256: String,
}

/// The SHA-256 of `bytes` as an attachment records it: 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    use std::fmt::Write;
    let digest = sha2::Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Where the blob of attachment `name` of event `event` of `ticket` is on the branch.
pub fn attachment_path(ticket: &TicketId, event: &EventId, name: &str) -> String {
    format!("tickets/{}/{ticket}/{event}/{name}", &ticket.as_str()[..2])
}

/// An attachment's name: 1 to [`MAX_ATTACHMENT_NAME_CHARS`] characters, no `/`, `\`,
/// control characters, leading dot, or whitespace at either end. [`sanitize_attachment_name`]
/// makes one of any file name.
pub fn validate_attachment_name(name: &str) -> Result<(), ValidationError> {
    let chars = name.chars().count();
    let ok = (1..=MAX_ATTACHMENT_NAME_CHARS).contains(&chars)
        && !name.starts_with('.')
        && name.trim() == name
        && !name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control());
    if ok {
        Ok(())
    } else {
        Err(ValidationError::InvalidName {
            what: "attachment name",
            name: name.to_owned(),
            expected: "1 to 100 characters without slashes, backslashes or control characters, \
                       not starting with a dot",
        })
    }
}

/// The name an attached file is stored under, from the name it was given: its last path
/// component (after the last `/` or `\\`), without control characters, surrounding whitespace
/// or leading dots, cut to [`MAX_ATTACHMENT_NAME_CHARS`] characters (its extension kept);
/// `attachment` when nothing is left. `../../etc/passwd` gives `passwd`.
pub fn sanitize_attachment_name(given: &str) -> String {
    let last = given.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim().trim_start_matches('.').trim_start();
    if clean.is_empty() {
        return "attachment".to_owned();
    }
    let chars: Vec<char> = clean.chars().collect();
    if chars.len() <= MAX_ATTACHMENT_NAME_CHARS {
        return clean.to_owned();
    }
    let ext: String = match clean.rfind('.') {
        Some(dot) if clean.len() - dot <= 16 => clean[dot..].to_owned(),
        _ => String::new(),
    };
    let keep = MAX_ATTACHMENT_NAME_CHARS - ext.chars().count();
    let head: String = chars[..keep].iter().collect();
    format!("{}{ext}", head.trim_end())
}

/// `name`, or `name-2`, `name-3`, … (before its extension) when `taken` has it.
pub fn unique_attachment_name(name: &str, taken: &dyn Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_owned();
    }
    let (stem, ext) = match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    };
    (2..)
        .map(|n| {
            let suffix = format!("-{n}{ext}");
            let room = MAX_ATTACHMENT_NAME_CHARS.saturating_sub(suffix.chars().count());
            let stem: String = stem.chars().take(room).collect();
            format!("{stem}{suffix}")
        })
        .find(|candidate| !taken(candidate))
        .expect("some suffix is free")
}

/// What an event does. Serialized as the `kind` field plus the variant's fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Action {
    /// The ticket is created. Always the first event of a ticket.
    Create {
        /// The ticket's number in its key (`TRK-<number>`), chosen by the writer as one more
        /// than the highest number it saw.
        number: u64,
        /// The summary.
        title: String,
        /// The description.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        description: String,
        /// The initial assignee.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee: Option<Person>,
        /// Watchers named at creation, besides the reporter and the assignee.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        watchers: Vec<Person>,
        /// What a CI job names the failure this ticket is about (`new --if-absent`), so that
        /// a re-run finds it instead of filing another.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fingerprint: Option<String>,
    },
    /// The state changes.
    State {
        /// The state the writer saw.
        from: State,
        /// The new state.
        to: State,
        /// A note about the change.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        message: String,
        /// Made by the tool itself (the move to OPEN when someone first acts on a ticket, R15),
        /// not asked for by its author.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        automatic: bool,
    },
    /// A comment is added.
    Comment {
        /// The comment's text.
        body: String,
    },
    /// A comment's text is replaced.
    CommentEdit {
        /// The id of the `comment` event.
        comment: EventId,
        /// The new text.
        body: String,
    },
    /// A comment is deleted (its text stays in the history).
    CommentDelete {
        /// The id of the `comment` event.
        comment: EventId,
    },
    /// The assignee changes; no `assignee` means unassigned.
    Assign {
        /// The new assignee.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee: Option<Person>,
    },
    /// Someone starts watching the ticket, or changes what their watch tells them (R22).
    Watch {
        /// Who.
        person: Person,
        /// The kinds of change this watch sends mail about, whatever the person's
        /// preferences say; absent: the watch follows the person's preferences (R33).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        events: Option<Vec<NotifyEvent>>,
    },
    /// Someone stops watching the ticket.
    Unwatch {
        /// Who.
        person: Person,
    },
    /// A custom field (R26) takes a value; an empty value clears it.
    Field {
        /// The field's name, as in the configuration's `[fields.NAME]`.
        name: String,
        /// The value, as text (multi-choice: comma-separated; checkbox: true/false).
        #[serde(default)]
        value: String,
    },
    /// Title, description or solution change; absent fields are unchanged.
    Edit {
        /// New title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// New description.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// New solution text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        solution: Option<String>,
    },
    /// The ticket's priority rank changes (R25): one key, on this ticket only.
    Priority {
        /// The new rank key (`docs/format.md`, "Priorities").
        rank: Rank,
        /// What the writer asked for; the fold reads only `rank`.
        #[serde(rename = "move")]
        how: Move,
        /// The ticket the move placed it next to, when it named one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        anchor: Option<TicketId>,
        /// The `raise` event (of this ticket) this move accepts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        request: Option<EventId>,
    },
    /// Someone asks for the ticket's priority to be raised (R25).
    Raise {
        /// Why.
        reason: String,
        /// An urgent request: accepted, it moves the ticket to the top.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        urgent: bool,
    },
    /// A raise request is refused.
    RaiseRefuse {
        /// The `raise` event.
        request: EventId,
        /// Why.
        message: String,
    },
    /// The ticket depends on another one (R24): the other blocks it until it is finished.
    Depend {
        /// The id of the ticket it depends on.
        on: TicketId,
    },
    /// The ticket no longer depends on another one.
    Undepend {
        /// The id of the ticket it depended on.
        on: TicketId,
    },
    /// Labels are added to the ticket and others taken away (a set, like dependencies).
    Label {
        /// The labels added.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        add: Vec<String>,
        /// The labels taken away.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        remove: Vec<String>,
    },
    /// Files are attached to the ticket (R23), or to one of its comments; each file's blob is
    /// on the branch beside this event (`tickets/<aa>/<ticket-id>/<event-id>/<name>`).
    Attach {
        /// The `comment` event the files go with; absent: the ticket itself.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<EventId>,
        /// The files.
        files: Vec<Attachment>,
    },
    /// The link down of a ticket that came from another tracker (R34, R35): a copy
    /// transferred up from a child tracker, or a ticket dispatched down from a parent.
    Origin {
        /// The tracker it came from: its branch (`BRANCH`).
        tracker: String,
        /// When that tracker is in another repository, that repository's name (for people;
        /// nothing is looked up by it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        repository: Option<String>,
        /// The original ticket's id there.
        ticket: TicketId,
        /// Its key there when it came (for people).
        key: String,
        /// It was dispatched down, with its whole history, rather than copied up.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        dispatch: bool,
    },
    /// The link up (or across) of a ticket sent to another tracker (R34, R35): written after
    /// its move to TRANSFERED.
    Transfer {
        /// The tracker it went to, as the configuration names it (`BRANCH` or
        /// `REMOTE:BRANCH`).
        tracker: String,
        /// The ticket's id there.
        ticket: TicketId,
        /// Its key there (for people).
        key: String,
        /// It was dispatched down to a sub-tracker rather than transferred up.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        dispatch: bool,
    },
}

/// What a `priority` event's writer asked for (its `move`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Move {
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// One place up (before the ticket above).
    Up,
    /// One place down (after the ticket below).
    Down,
    /// Just before another ticket.
    Before,
    /// Just after another ticket.
    After,
    /// Placed by accepting a raise request.
    Raise,
    /// Ranked at the bottom as it was reopened.
    Reopen,
}

impl Move {
    /// The name in files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Top => "top",
            Self::Bottom => "bottom",
            Self::Up => "up",
            Self::Down => "down",
            Self::Before => "before",
            Self::After => "after",
            Self::Raise => "raise",
            Self::Reopen => "reopen",
        }
    }
}

impl Action {
    /// The `kind` string of the file.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Create { .. } => "create",
            Self::State { .. } => "state",
            Self::Comment { .. } => "comment",
            Self::CommentEdit { .. } => "comment-edit",
            Self::CommentDelete { .. } => "comment-delete",
            Self::Assign { .. } => "assign",
            Self::Watch { .. } => "watch",
            Self::Unwatch { .. } => "unwatch",
            Self::Edit { .. } => "edit",
            Self::Field { .. } => "field",
            Self::Priority { .. } => "priority",
            Self::Raise { .. } => "raise",
            Self::RaiseRefuse { .. } => "raise-refuse",
            Self::Depend { .. } => "depend",
            Self::Undepend { .. } => "undepend",
            Self::Label { .. } => "label",
            Self::Attach { .. } => "attach",
            Self::Origin { .. } => "origin",
            Self::Transfer { .. } => "transfer",
        }
    }

    /// The texts the action carries whose size a tracker limits (`max_text_bytes`), each
    /// with its name. Titles have their own, fixed limit ([`validate_title`]).
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        match self {
            Self::Create { description, .. } => vec![("description", description)],
            Self::State { message, .. } => vec![("state message", message)],
            Self::Comment { body } | Self::CommentEdit { body, .. } => vec![("comment", body)],
            Self::Field { value, .. } => vec![("field value", value)],
            Self::Raise { reason, .. } => vec![("reason", reason)],
            Self::RaiseRefuse { message, .. } => vec![("message", message)],
            Self::Edit {
                description,
                solution,
                ..
            } => [("description", description), ("solution", solution)]
                .into_iter()
                .filter_map(|(name, text)| text.as_deref().map(|t| (name, t)))
                .collect(),
            Self::CommentDelete { .. }
            | Self::Assign { .. }
            | Self::Watch { .. }
            | Self::Unwatch { .. }
            | Self::Priority { .. }
            | Self::Depend { .. }
            | Self::Undepend { .. }
            | Self::Label { .. }
            | Self::Attach { .. }
            | Self::Origin { .. }
            | Self::Transfer { .. } => Vec::new(),
        }
    }

    /// Checks the texts and people the action carries.
    pub fn validate(&self) -> Result<(), ValidationError> {
        match self {
            Self::Create {
                number: _,
                title,
                description,
                assignee,
                watchers,
                fingerprint,
            } => {
                validate_title(title)?;
                validate_block(description, "description")?;
                fingerprint
                    .as_deref()
                    .map_or(Ok(()), validate_fingerprint)?;
                assignee
                    .iter()
                    .chain(watchers)
                    .try_for_each(Person::validate)
            }
            Self::State { message, .. } => validate_block(message, "message"),
            Self::Comment { body } | Self::CommentEdit { body, .. } => {
                validate_block(body, "comment")
            }
            Self::CommentDelete { .. }
            | Self::Priority { .. }
            | Self::Depend { .. }
            | Self::Undepend { .. } => Ok(()),
            Self::Raise { reason, .. } => validate_block(reason, "reason"),
            Self::RaiseRefuse { message, .. } => validate_block(message, "message"),
            Self::Label { add, remove } => {
                if add.is_empty() && remove.is_empty() {
                    return Err(ValidationError::Empty {
                        field: "label change",
                    });
                }
                if add.len() + remove.len() > MAX_LABELS_PER_EVENT {
                    return Err(ValidationError::TooManyItems {
                        what: "labels in one change",
                        count: add.len() + remove.len(),
                        limit: MAX_LABELS_PER_EVENT,
                    });
                }
                for l in add.iter().chain(remove) {
                    validate_label(l)?;
                }
                if let Some(both) = add.iter().find(|l| remove.contains(l)) {
                    return Err(ValidationError::AddedAndRemoved(both.clone()));
                }
                Ok(())
            }
            Self::Attach { files, .. } => {
                if files.is_empty() {
                    return Err(ValidationError::Empty {
                        field: "attachment list",
                    });
                }
                if files.len() > MAX_ATTACHMENTS_PER_EVENT {
                    return Err(ValidationError::TooManyItems {
                        what: "attachments in one event",
                        count: files.len(),
                        limit: MAX_ATTACHMENTS_PER_EVENT,
                    });
                }
                for (i, f) in files.iter().enumerate() {
                    validate_attachment_name(&f.name)?;
                    if files[..i].iter().any(|g| g.name == f.name) {
                        return Err(ValidationError::InvalidName {
                            what: "attachment name",
                            name: f.name.clone(),
                            expected: "a name given to one file of the event only",
                        });
                    }
                    let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
                    if f.sha256.len() != 64 || !f.sha256.chars().all(hex) {
                        return Err(ValidationError::InvalidName {
                            what: "sha256",
                            name: f.sha256.clone(),
                            expected: "64 lowercase hexadecimal digits",
                        });
                    }
                    if f.size > MAX_ATTACHMENT_BYTES {
                        return Err(ValidationError::FileTooLarge {
                            what: "attachment",
                            bytes: f.size,
                            limit: MAX_ATTACHMENT_BYTES,
                        });
                    }
                }
                Ok(())
            }
            Self::Assign { assignee } => assignee.iter().try_for_each(Person::validate),
            Self::Watch { person, .. } | Self::Unwatch { person } => person.validate(),
            Self::Field { name, value } => {
                if !crate::model::config::valid_field_name(name) {
                    return Err(ValidationError::NotOneLine {
                        field: "field name",
                    });
                }
                validate_block(value, "field value")
            }
            Self::Edit {
                title,
                description,
                solution,
            } => {
                title.as_deref().map_or(Ok(()), validate_title)?;
                validate_block(description.as_deref().unwrap_or_default(), "description")?;
                validate_block(solution.as_deref().unwrap_or_default(), "solution")
            }
            Self::Origin {
                tracker,
                repository,
                key,
                ..
            } => {
                if !crate::model::config::valid_branch(tracker) {
                    return Err(ValidationError::NotOneLine {
                        field: "origin tracker",
                    });
                }
                validate_link_text(key, "origin key", MAX_LINK_KEY_CHARS)?;
                repository
                    .as_deref()
                    .map_or(Ok(()), |r| validate_link_text(r, "origin repository", 256))
            }
            Self::Transfer { tracker, key, .. } => {
                if crate::model::config::TrackerLink::parse(tracker).is_err() {
                    return Err(ValidationError::NotOneLine {
                        field: "transfer tracker",
                    });
                }
                validate_link_text(key, "transfer key", MAX_LINK_KEY_CHARS)
            }
        }
    }

    /// The other ticket a link event names: `(tracker, ticket id, key, dispatch)`.
    pub fn link(&self) -> Option<(&str, &TicketId, &str, bool)> {
        match self {
            Self::Origin {
                tracker,
                ticket,
                key,
                dispatch,
                ..
            }
            | Self::Transfer {
                tracker,
                ticket,
                key,
                dispatch,
            } => Some((tracker, ticket, key, *dispatch)),
            _ => None,
        }
    }
}

/// The longest key a link event carries, in characters.
pub const MAX_LINK_KEY_CHARS: usize = 64;

/// A text of a link event: one line, not empty, no control characters, at most `limit`
/// characters.
fn validate_link_text(
    text: &str,
    field: &'static str,
    limit: usize,
) -> Result<(), ValidationError> {
    if text.trim().is_empty() {
        return Err(ValidationError::Empty { field });
    }
    if text.chars().any(char::is_control) {
        return Err(ValidationError::NotOneLine { field });
    }
    let chars = text.chars().count();
    if chars > limit {
        return Err(ValidationError::TooManyChars {
            field,
            chars,
            limit,
        });
    }
    Ok(())
}

/// A title: not empty, one line, no control characters, at most
/// [`MAX_TITLE_CHARS`] characters.
pub fn validate_title(title: &str) -> Result<(), ValidationError> {
    if title.trim().is_empty() {
        return Err(ValidationError::EmptyTitle);
    }
    if title.chars().any(char::is_control) {
        return Err(ValidationError::NotOneLine { field: "title" });
    }
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(ValidationError::TitleTooLong {
            chars,
            limit: MAX_TITLE_CHARS,
        });
    }
    Ok(())
}

/// A label: 1 to [`MAX_LABEL_CHARS`] characters, no whitespace, control characters or
/// commas, not starting with `+` or `-` (what `git tracker label` reads as add and remove).
/// Writers store labels in lower case; readers take them as written.
pub fn validate_label(label: &str) -> Result<(), ValidationError> {
    let chars = label.chars().count();
    let ok = (1..=MAX_LABEL_CHARS).contains(&chars)
        && !label.starts_with(['+', '-'])
        && !label
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::InvalidName {
            what: "label",
            name: label.to_owned(),
            expected: "1 to 50 characters without spaces, control characters or commas, not \
                       starting with + or -",
        })
    }
}

/// A fingerprint (`new --if-absent`): not empty, one line without control characters, at
/// most [`MAX_FINGERPRINT_CHARS`] characters.
pub fn validate_fingerprint(fingerprint: &str) -> Result<(), ValidationError> {
    if fingerprint.trim().is_empty() {
        return Err(ValidationError::Empty {
            field: "fingerprint",
        });
    }
    if fingerprint.chars().any(char::is_control) {
        return Err(ValidationError::NotOneLine {
            field: "fingerprint",
        });
    }
    let chars = fingerprint.chars().count();
    if chars > MAX_FINGERPRINT_CHARS {
        return Err(ValidationError::TooManyChars {
            field: "fingerprint",
            chars,
            limit: MAX_FINGERPRINT_CHARS,
        });
    }
    Ok(())
}

/// A multi-line text: control characters other than newline and tab are refused, and so is a
/// text over the format's hard cap ([`MAX_TEXT_BYTES`]; a tracker's own limit is lower, see
/// [`crate::model::TrackerConfig::check_text`]).
pub fn validate_block(text: &str, field: &'static str) -> Result<(), ValidationError> {
    limits::check_bytes(field, text, MAX_TEXT_BYTES, "the format's hard cap")?;
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(ValidationError::ControlCharacters { field });
    }
    Ok(())
}

/// The on-disk shape of an event file.
#[derive(Serialize, Deserialize)]
struct EventFile {
    version: u32,
    #[serde(flatten)]
    action: Action,
    lamport: u64,
    #[serde(default)]
    parents: Vec<EventId>,
    #[serde(serialize_with = "write_at", deserialize_with = "read_at")]
    at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    commit: Option<CommitId>,
    author: Person,
}

/// Reads an `at` string of exactly the form `YYYY-MM-DDTHH:MM:SSZ` (UTC, to the second, year
/// 0001 to 9999) that names a real time; anything else (an offset, a fraction, a lowercase
/// `z`, a space for `T`, February 30, second 60, ...) gives `None`.
pub fn parse_at(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() != 20 {
        return None;
    }
    let shape = b.iter().enumerate().all(|(i, &c)| match i {
        4 | 7 => c == b'-',
        10 => c == b'T',
        13 | 16 => c == b':',
        19 => c == b'Z',
        _ => c.is_ascii_digit(),
    });
    if !shape {
        return None;
    }
    let num = |from: usize, to: usize| s[from..to].parse::<u32>().ok();
    let year = i32::try_from(num(0, 4)?).ok().filter(|y| *y >= 1)?;
    NaiveDate::from_ymd_opt(year, num(5, 7)?, num(8, 10)?)?
        .and_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)
        .map(|t| t.and_utc())
}

/// Whether `t` can be written as an `at` that [`parse_at`] reads back (whole seconds are
/// written; the year must be 0001 to 9999).
pub fn writable_at(t: DateTime<Utc>) -> bool {
    (1..=9999).contains(&t.year())
}

pub(crate) fn write_at<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.format(AT_FORMAT).to_string())
}

pub(crate) fn read_at<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    struct At;
    impl<'de> serde::de::Visitor<'de> for At {
        type Value = DateTime<Utc>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("`at` as a string of the form YYYY-MM-DDTHH:MM:SSZ (UTC, to the second)")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            parse_at(s).ok_or_else(|| {
                E::custom(format!(
                    "`at` {s:?} is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ"
                ))
            })
        }
        // TOML's own date-times reach serde as a map.
        fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(serde::de::Error::custom(
                "`at` is a TOML date-time: it must be a string of the form YYYY-MM-DDTHH:MM:SSZ",
            ))
        }
    }
    d.deserialize_str(At)
}

impl Event {
    /// The people the event names besides its author: the assignee and watchers of a
    /// `create`, the assignee of an `assign`, the person of a `watch` or `unwatch`.
    pub fn named(&self) -> Vec<&Person> {
        match &self.action {
            Action::Create {
                assignee, watchers, ..
            } => assignee.iter().chain(watchers).collect(),
            Action::Assign { assignee: Some(p) }
            | Action::Watch { person: p, .. }
            | Action::Unwatch { person: p } => vec![p],
            _ => Vec::new(),
        }
    }

    /// Gives the author and the people the event names their one name
    /// (`docs/format.md`, "Names").
    pub fn rename(&mut self, names: &crate::model::person::Names) {
        names.fix(&mut self.author);
        match &mut self.action {
            Action::Create {
                assignee, watchers, ..
            } => {
                for p in assignee.iter_mut().chain(watchers.iter_mut()) {
                    names.fix(p);
                }
            }
            Action::Assign { assignee: Some(p) }
            | Action::Watch { person: p, .. }
            | Action::Unwatch { person: p } => names.fix(p),
            _ => {}
        }
    }

    /// The TOML text of the event's file.
    pub fn to_toml(&self) -> String {
        let file = EventFile {
            version: FORMAT_VERSION,
            action: self.action.clone(),
            lamport: self.lamport,
            parents: self.parents.clone(),
            at: self.at,
            commit: self.commit.clone(),
            author: self.author.clone(),
        };
        toml::to_string(&file).expect("an event is always representable in TOML")
    }

    /// Reads an event file; `ticket` and `id` come from its path.
    pub fn from_toml(ticket: TicketId, id: EventId, bytes: &[u8]) -> Result<Self, ParseError> {
        let text = std::str::from_utf8(bytes).map_err(|_| ParseError::NotUtf8)?;
        // One parse in the common case; the version is checked first only when it fails, so
        // that a file from a newer format says so rather than naming a missing field.
        let file: EventFile = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                let table: toml::Table = toml::from_str(text)?;
                return Err(
                    match table.get("version").and_then(toml::Value::as_integer) {
                        None => ParseError::Invalid("missing integer field `version`".into()),
                        Some(1) => e.into(),
                        Some(v) => ParseError::Version(u32::try_from(v).unwrap_or(u32::MAX)),
                    },
                );
            }
        };
        if file.version != FORMAT_VERSION {
            return Err(ParseError::Version(file.version));
        }
        if let Action::Create { number, .. } = file.action {
            if number == 0 || number > MAX_NUMBER {
                return Err(ParseError::Invalid(format!(
                    "`number` must be 1 to {MAX_NUMBER}"
                )));
            }
        }
        if file.lamport == 0 {
            return Err(ParseError::Invalid("`lamport` must be at least 1".into()));
        }
        if let Action::Attach { files, .. } = &file.action {
            for f in files {
                let want = attachment_path(&ticket, &id, &f.name);
                if f.path != want {
                    return Err(ParseError::Invalid(format!(
                        "attachment {:?}: `path` must be {want:?}",
                        f.name
                    )));
                }
            }
        }
        if let Action::Depend { on } | Action::Undepend { on } = &file.action {
            if *on == ticket {
                return Err(ParseError::Invalid(
                    "a ticket cannot depend on itself (`on` names its own id)".into(),
                ));
            }
        }
        file.author
            .validate()
            .map_err(|e| ParseError::Invalid(format!("author: {e}")))?;
        file.action
            .validate()
            .map_err(|e| ParseError::Invalid(e.to_string()))?;
        Ok(Self {
            id,
            ticket,
            lamport: file.lamport,
            parents: file.parents,
            at: file.at,
            author: file.author,
            action: file.action,
            commit: file.commit,
        })
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Proptest strategies for events.
    use super::*;
    use proptest::prelude::*;

    pub fn person() -> impl Strategy<Value = Person> {
        (0..4usize).prop_map(|i| {
            let names = ["Ann", "Bob", "Cy", "Di"];
            Person {
                name: names[i].into(),
                email: format!("{}@example.com", names[i].to_lowercase()),
            }
        })
    }

    pub fn state() -> impl Strategy<Value = State> {
        proptest::sample::select(State::ALL.to_vec())
    }

    pub fn text() -> impl Strategy<Value = String> {
        "[a-z \"'\\\\]{0,12}(\n[a-z]{0,5})?"
    }

    /// Any action but `Create`.
    pub fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            (state(), state(), text(), any::<bool>()).prop_map(|(from, to, message, automatic)| {
                Action::State {
                    from,
                    to,
                    message,
                    automatic,
                }
            }),
            text().prop_map(|body| Action::Comment { body }),
            proptest::option::of(person()).prop_map(|assignee| Action::Assign { assignee }),
            (
                person(),
                proptest::option::of(proptest::sample::subsequence(
                    crate::model::notify::NotifyEvent::ALL.to_vec(),
                    0..=3
                ))
            )
                .prop_map(|(person, events)| Action::Watch { person, events }),
            person().prop_map(|person| Action::Unwatch { person }),
            (
                proptest::collection::vec("[a-z0-9_.:/é]{1,8}", 0..3),
                proptest::collection::vec("[A-Z]{1,8}", 0..3)
            )
                .prop_filter("a label change changes something", |(a, r)| !a.is_empty()
                    || !r.is_empty())
                .prop_map(|(add, remove)| Action::Label { add, remove }),
            (
                proptest::option::of(Just(EventId::from_random([5; 16]))),
                proptest::collection::btree_set("[a-z][a-z0-9 ._-]{0,10}[a-z]", 1..3),
                0..=crate::model::limits::MAX_ATTACHMENT_BYTES,
            )
                .prop_map(|(comment, names, size)| Action::Attach {
                    comment,
                    files: names
                        .into_iter()
                        .map(|name| Attachment {
                            path: attachment_path(
                                &TicketId::from_random([2; 16]),
                                &EventId::from_random([1; 16]),
                                &name,
                            ),
                            name,
                            size,
                            sha256: "ab".repeat(32),
                        })
                        .collect(),
                }),
            (any::<bool>(), 0u8..4).prop_map(|(depend, n)| {
                let on = TicketId::from_random([0x40 + n; 16]);
                if depend {
                    Action::Depend { on }
                } else {
                    Action::Undepend { on }
                }
            }),
            (
                proptest::option::of("[a-z]{1,8}"),
                proptest::option::of(text()),
                proptest::option::of(text())
            )
                .prop_map(|(title, description, solution)| Action::Edit {
                    title,
                    description,
                    solution
                }),
            (
                "[0-9A-Za-z]{0,5}[1-9A-Za-z]",
                0..8usize,
                proptest::option::of(any::<[u8; 16]>()),
                proptest::option::of(any::<[u8; 16]>())
            )
                .prop_map(|(rank, how, anchor, request)| Action::Priority {
                    rank: Rank::parse(&rank).expect("the pattern makes a key"),
                    how: [
                        Move::Top,
                        Move::Bottom,
                        Move::Up,
                        Move::Down,
                        Move::Before,
                        Move::After,
                        Move::Raise,
                        Move::Reopen
                    ][how],
                    anchor: anchor.map(TicketId::from_random),
                    request: request.map(EventId::from_random),
                }),
            (text(), any::<bool>()).prop_map(|(reason, urgent)| Action::Raise { reason, urgent }),
            (any::<[u8; 16]>(), text()).prop_map(|(r, message)| Action::RaiseRefuse {
                request: EventId::from_random(r),
                message
            }),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample(action: Action) -> Event {
        Event {
            commit: None,
            id: EventId::from_random([1; 16]),
            ticket: TicketId::from_random([2; 16]),
            lamport: 3,
            parents: vec![EventId::from_random([3; 16])],
            at: "2026-01-02T03:04:05Z".parse().unwrap(),
            author: Person::new("Ann", "ann@example.com").unwrap(),
            action,
        }
    }

    #[test]
    fn state_event_text_is_stable() {
        let e = sample(Action::State {
            from: State::Open,
            to: State::Resolved,
            message: String::new(),
            automatic: false,
        });
        assert_eq!(
            e.to_toml(),
            "version = 1\nkind = \"state\"\nfrom = \"OPEN\"\nto = \"RESOLVED\"\nlamport = 3\n\
             parents = [\"03030303030303030303030303030303\"]\nat = \"2026-01-02T03:04:05Z\"\n\n\
             [author]\nname = \"Ann\"\nemail = \"ann@example.com\"\n"
        );
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let t = TicketId::from_random([2; 16]);
        let id = EventId::from_random([1; 16]);
        let parse = |s: &str| {
            Event::from_toml(t.clone(), id.clone(), s.as_bytes())
                .unwrap_err()
                .to_string()
        };
        assert!(
            parse("not toml = = 1").contains("expected"),
            "{}",
            parse("not toml = = 1")
        );
        assert_eq!(parse("kind = 'comment'"), "missing integer field `version`");
        assert!(parse("version = 2").contains("unsupported format version 2"));
        let base = "version = 1\nlamport = 2\nat = '2026-01-01T00:00:00Z'\nauthor = { name = 'A', email = 'a@b.c' }\n";
        assert!(parse(&format!("{base}kind = 'frobnicate'")).contains("frobnicate"));
        assert!(parse(&format!("{base}kind = 'state'\nfrom = 'OPEN'")).contains("`to`"));
        assert!(
            parse(&format!("{base}kind = 'state'\nfrom = 'OPEN'\nto = 'NOPE'")).contains("NOPE")
        );
        assert!(
            parse(&format!("{base}kind = 'create'\nnumber = 1\ntitle = ''"))
                .contains("title is empty")
        );
        let bad_author = base.replace("a@b.c", "nobody");
        assert!(
            parse(&format!("{bad_author}kind = 'comment'\nbody = 'x'")).contains("invalid email")
        );
        assert_eq!(
            Event::from_toml(t, id, b"\xff\xfe")
                .unwrap_err()
                .to_string(),
            "not valid UTF-8"
        );
    }

    /// Issue 12: `commit` (written by `scan`) is optional on any kind, round-trips, and must be
    /// a full commit id.
    #[test]
    fn commit_is_optional_and_a_full_id() {
        let mut e = sample(Action::Comment { body: "x".into() });
        assert!(!e.to_toml().contains("commit"));
        let sha1 = "0123456789abcdef0123456789abcdef01234567";
        e.commit = CommitId::parse(sha1);
        let text = e.to_toml();
        assert!(text.contains(&format!("commit = \"{sha1}\"\n")), "{text}");
        let back = Event::from_toml(e.ticket.clone(), e.id.clone(), text.as_bytes()).unwrap();
        assert_eq!(back, e);
        assert!(CommitId::parse(&"a".repeat(64)).is_some());
        for bad in [
            "0123456",
            "0123456789ABCDEF0123456789ABCDEF01234567",
            &"a".repeat(41),
        ] {
            assert!(CommitId::parse(bad).is_none(), "{bad}");
            let file = text.replace(sha1, bad);
            let err = Event::from_toml(e.ticket.clone(), e.id.clone(), file.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(err.contains("40 or 64 lowercase hex digits"), "{err}");
        }
    }

    /// Issue 8: `at` has one form, UTC to the second; anything else makes the file malformed
    /// (it used to be normalised silently).
    #[test]
    fn at_has_exactly_one_form() {
        let t = TicketId::from_random([2; 16]);
        let id = EventId::from_random([1; 16]);
        let file = |at: &str| {
            format!(
                "version = 1\nkind = 'comment'\nbody = 'x'\nlamport = 2\nat = {at}\n\
                 author = {{ name = 'A', email = 'a@b.c' }}\n"
            )
        };
        let read = |at: &str| Event::from_toml(t.clone(), id.clone(), file(at).as_bytes());
        let e = read("'2026-01-02T03:04:05Z'").unwrap();
        assert_eq!(e.at, DateTime::from_timestamp(1_767_323_045, 0).unwrap());
        assert!(read("\"0001-01-01T00:00:00Z\"").is_ok());
        assert!(read("'9999-12-31T23:59:59Z'").is_ok());
        assert!(read("'2024-02-29T00:00:00Z'").is_ok());
        for bad in [
            "'2026-01-02T03:04:05+00:00'",
            "'2026-01-02T05:04:05+02:00'",
            "'2026-01-02T03:04:05.5Z'",
            "'2026-01-02T03:04:05.000Z'",
            "'2026-01-02T03:04:05z'",
            "'2026-01-02t03:04:05Z'",
            "'2026-01-02 03:04:05Z'",
            "'2026-01-02T03:04:05'",
            "'2026-01-02T03:04Z'",
            "'2026-1-02T03:04:05Z'",
            "'+2026-01-02T03:04:05Z'",
            "'0000-01-01T00:00:00Z'",
            "'2026-02-30T00:00:00Z'",
            "'2025-02-29T00:00:00Z'",
            "'2026-01-02T24:00:00Z'",
            "'2026-01-02T23:59:60Z'",
            "'2026-01-02T03:04:05Z '",
            "'２026-01-02T03:04:05Z'",
            "2026-01-02T03:04:05Z",
            "2026-01-02T03:04:05+02:00",
            "2026-01-02",
            "1767323045",
        ] {
            let err = read(bad).expect_err(bad).to_string();
            assert!(
                err.contains("`at`") && err.contains("YYYY-MM-DDTHH:MM:SSZ"),
                "{bad}: {err}"
            );
        }
        // The writer writes that form, whole seconds, whatever the value holds.
        let mut e = sample(Action::Comment { body: "x".into() });
        e.at = DateTime::from_timestamp(1_767_323_045, 999_000_000).unwrap();
        assert!(e.to_toml().contains("at = \"2026-01-02T03:04:05Z\"\n"));
        assert!(writable_at(e.at));
        assert!(!writable_at("0000-12-31T00:00:00Z".parse().unwrap()));
        assert!(!writable_at("+10000-01-01T00:00:00Z".parse().unwrap()));
    }

    /// Issues 8 and 9: numbers up to MAX_NUMBER, titles up to 256 characters, texts up to the
    /// hard cap.
    #[test]
    fn numbers_titles_and_texts_are_bounded_on_read() {
        let t = TicketId::from_random([2; 16]);
        let id = EventId::from_random([1; 16]);
        let base = "version = 1\nlamport = 1\nat = '2026-01-01T00:00:00Z'\nauthor = { name = 'A', email = 'a@b.c' }\nkind = 'create'\n";
        let read = |rest: &str| {
            Event::from_toml(t.clone(), id.clone(), format!("{base}{rest}").as_bytes())
        };
        assert!(read("number = 999999999\ntitle = 'x'").is_ok());
        for n in ["1000000000", "9223372036854775807", "0"] {
            let err = read(&format!("number = {n}\ntitle = 'x'")).unwrap_err();
            assert!(err.to_string().contains("999999999"), "{err}");
        }
        let title = |n: usize| format!("number = 1\ntitle = '{}'", "é".repeat(n));
        assert!(read(&title(MAX_TITLE_CHARS)).is_ok());
        let err = read(&title(MAX_TITLE_CHARS + 1)).unwrap_err().to_string();
        assert!(
            err.contains("257 characters") && err.contains("256"),
            "{err}"
        );
        // Fingerprints: up to 200 characters, one line, not blank.
        let fp = |v: &str| read(&format!("number = 1\ntitle = 'x'\nfingerprint = \"{v}\""));
        assert_eq!(
            fp(&"é".repeat(MAX_FINGERPRINT_CHARS))
                .ok()
                .map(|e| e.action),
            Some(Action::Create {
                number: 1,
                title: "x".into(),
                description: String::new(),
                assignee: None,
                watchers: Vec::new(),
                fingerprint: Some("é".repeat(MAX_FINGERPRINT_CHARS)),
            })
        );
        for bad in [
            "é".repeat(MAX_FINGERPRINT_CHARS + 1),
            "a\\nb".into(),
            " ".into(),
        ] {
            assert!(fp(&bad).is_err(), "{bad:?}");
        }
        let edit = |n: usize| {
            format!(
                "version = 1\nlamport = 2\nat = '2026-01-01T00:00:00Z'\nauthor = {{ name = 'A', email = 'a@b.c' }}\nkind = 'edit'\ntitle = '{}'",
                "x".repeat(n)
            )
        };
        assert!(Event::from_toml(t.clone(), id.clone(), edit(256).as_bytes()).is_ok());
        assert!(Event::from_toml(t.clone(), id.clone(), edit(257).as_bytes()).is_err());
        let big = MAX_TEXT_BYTES as usize;
        let body = |n: usize| format!("number = 1\ntitle = 'x'\ndescription = '{}'", "x".repeat(n));
        assert!(
            read(&body(big)).is_ok(),
            "reads accept texts up to the hard cap"
        );
        let err = read(&body(big + 1)).unwrap_err().to_string();
        assert!(err.contains("16777217 bytes"), "{err}");
    }

    /// Names of attached files: the last component, no control characters, no leading dots;
    /// always a valid name.
    #[test]
    fn attachment_names_are_sanitized() {
        for (given, want) in [
            ("../../etc/passwd", "passwd"),
            ("..\\..\\windows\\system.ini", "system.ini"),
            ("/abs/path/shot.png", "shot.png"),
            ("a\u{7}b\nc.txt", "abc.txt"),
            ("..", "attachment"),
            ("dir/", "attachment"),
            ("", "attachment"),
            ("  .hidden ", "hidden"),
            ("...", "attachment"),
            ("ok name.log", "ok name.log"),
        ] {
            let got = sanitize_attachment_name(given);
            assert_eq!(got, want, "{given:?}");
            validate_attachment_name(&got).unwrap();
        }
        let long = format!("{}.tar.gz", "x".repeat(200));
        let cut = sanitize_attachment_name(&long);
        assert_eq!(cut.chars().count(), MAX_ATTACHMENT_NAME_CHARS);
        assert!(cut.ends_with("x.gz"), "{cut}");
        for bad in ["a/b", "a\\b", ".x", " x", "x\u{0}", ""] {
            assert!(validate_attachment_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let taken = |n: &str| ["a.png", "a-2.png", "b"].contains(&n);
        assert_eq!(unique_attachment_name("a.png", &taken), "a-3.png");
        assert_eq!(unique_attachment_name("b", &taken), "b-2");
        assert_eq!(unique_attachment_name("c", &taken), "c");
    }

    proptest! {
        /// Whatever a file is called, its stored name is a valid one.
        #[test]
        fn every_file_name_sanitizes_to_a_valid_name(given in "\\PC{0,300}|[./\\\\\u{0}-\u{1f} a-z]{0,20}") {
            prop_assert!(validate_attachment_name(&sanitize_attachment_name(&given)).is_ok());
        }

        /// R73: no input makes the parser panic: arbitrary bytes, and mutations of valid files.
        #[test]
        fn the_parser_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Event::from_toml(TicketId::from_random([2; 16]), EventId::from_random([1; 16]), &bytes);
            let _ = crate::model::TrackerConfig::from_toml(&bytes);
        }

        #[test]
        fn the_parser_never_panics_on_mutated_files(
            action in testing::action(),
            cut in 0usize..400,
            insert in "[\\PC\n=\\[\\]\"']{0,8}",
        ) {
            let text = sample(action).to_toml();
            let at = text.char_indices().map(|(i, _)| i).nth(cut % text.chars().count().max(1)).unwrap_or(0);
            let mutated = format!("{}{insert}{}", &text[..at], &text[at..]);
            let _ = Event::from_toml(TicketId::from_random([2; 16]), EventId::from_random([1; 16]), mutated.as_bytes());
        }

        #[test]
        fn every_event_survives_a_toml_round_trip(action in testing::action()) {
            let e = sample(action);
            let back = Event::from_toml(e.ticket.clone(), e.id.clone(), e.to_toml().as_bytes());
            prop_assert_eq!(back.unwrap(), e);
        }
    }
}
