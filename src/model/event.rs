//! Events: the immutable facts a ticket is made of, and their TOML form (R2).
//!
//! Each event is one file `tickets/<shard>/<ticket-id>/<event-id>.toml` on the branch. The
//! ticket id and event id come from the path; everything else is in the file. `docs/format.md`
//! is the contract for this module: keep the two in step.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::error::{ParseError, ValidationError};
use crate::model::id::{EventId, TicketId};
use crate::model::person::Person;
use crate::model::state::State;

/// The version of the event file format written by this program.
pub const FORMAT_VERSION: u32 = 1;

/// The largest Lamport clock a file can hold (TOML integers are signed 64-bit).
pub const MAX_LAMPORT: u64 = i64::MAX as u64;

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
    /// Someone starts watching the ticket.
    Watch {
        /// Who.
        person: Person,
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
            } => {
                validate_title(title)?;
                validate_block(description, "description")?;
                assignee
                    .iter()
                    .chain(watchers)
                    .try_for_each(Person::validate)
            }
            Self::State { message, .. } => validate_block(message, "message"),
            Self::Comment { body } | Self::CommentEdit { body, .. } => {
                validate_block(body, "comment")
            }
            Self::CommentDelete { .. } => Ok(()),
            Self::Assign { assignee } => assignee.iter().try_for_each(Person::validate),
            Self::Watch { person } | Self::Unwatch { person } => person.validate(),
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
        }
    }
}

/// A title: not empty, one line, no control characters.
pub fn validate_title(title: &str) -> Result<(), ValidationError> {
    if title.trim().is_empty() {
        return Err(ValidationError::EmptyTitle);
    }
    if title.chars().any(char::is_control) {
        return Err(ValidationError::NotOneLine { field: "title" });
    }
    Ok(())
}

/// A multi-line text: control characters other than newline and tab are refused.
pub fn validate_block(text: &str, field: &'static str) -> Result<(), ValidationError> {
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
    at: DateTime<Utc>,
    author: Person,
}

impl Event {
    /// The TOML text of the event's file.
    pub fn to_toml(&self) -> String {
        let file = EventFile {
            version: FORMAT_VERSION,
            action: self.action.clone(),
            lamport: self.lamport,
            parents: self.parents.clone(),
            at: self.at,
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
            if number == 0 || number > MAX_LAMPORT {
                return Err(ParseError::Invalid(format!(
                    "`number` must be 1 to {MAX_LAMPORT}"
                )));
            }
        }
        if file.lamport == 0 {
            return Err(ParseError::Invalid("`lamport` must be at least 1".into()));
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
            person().prop_map(|person| Action::Watch { person }),
            person().prop_map(|person| Action::Unwatch { person }),
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
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample(action: Action) -> Event {
        Event {
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

    proptest! {
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
