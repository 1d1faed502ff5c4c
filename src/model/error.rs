//! Typed errors of the model layer.

use crate::model::state::State;

/// An input that breaks a rule of the model (R70). Each variant names the bad input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ValidationError {
    /// A title that is empty or only whitespace.
    #[error("the title is empty")]
    EmptyTitle,
    /// A text that must not be empty.
    #[error("the {field} is empty")]
    Empty {
        /// Which text.
        field: &'static str,
    },
    /// A single-line text field contains a line break or another control character.
    #[error("the {field} must be one line without control characters")]
    NotOneLine {
        /// Which field.
        field: &'static str,
    },
    /// A text that contains control characters other than newline and tab.
    #[error("the {field} contains control characters")]
    ControlCharacters {
        /// Which field.
        field: &'static str,
    },
    /// A malformed email address.
    #[error("invalid email address {0:?}")]
    InvalidEmail(String),
    /// A state name that is not one of the ten.
    #[error("unknown state {0:?}")]
    UnknownState(String),
    /// A name (of a saved query, …) that cannot be used.
    #[error("invalid {what} {name:?}: use {expected}")]
    InvalidName {
        /// What is named.
        what: &'static str,
        /// The name given.
        name: String,
        /// What a name may be.
        expected: &'static str,
    },
    /// A change the actor's role does not allow.
    #[error("{0}")]
    Refused(String),
    /// A notification kind both turned on and off in one change.
    #[error("{0:?} cannot be both turned on and turned off")]
    OnAndOff(String),
    /// A query that does not parse (when it is saved).
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// A key prefix that cannot be used.
    #[error(
        "invalid key prefix {0:?}: use 1 to 16 letters, digits, '-' or '_', starting with a letter"
    )]
    InvalidPrefix(String),
    /// A ticket key or id that does not parse.
    #[error("invalid ticket key {0:?}")]
    InvalidKey(String),
    /// The ticket's Lamport clock cannot grow any more (only a hand-made file can cause it).
    #[error("the ticket's Lamport clock is at its maximum; no event can be added")]
    ClockExhausted,
    /// A title longer than [`crate::model::limits::MAX_TITLE_CHARS`].
    #[error("the title is {chars} characters, over the limit of {limit} characters")]
    TitleTooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// A one-line text longer than its limit in characters.
    #[error("the {field} is {chars} characters, over the limit of {limit} characters")]
    TooManyChars {
        /// Which text.
        field: &'static str,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// A text longer than a limit in bytes.
    #[error("the {field} is {bytes} bytes, over the limit of {limit} bytes ({setting})")]
    TextTooLong {
        /// Which text.
        field: &'static str,
        /// Its length in bytes (UTF-8).
        bytes: u64,
        /// The limit.
        limit: u64,
        /// Where the limit comes from, e.g. `max_text_bytes in tracker.toml`.
        setting: &'static str,
    },
    /// A file over the tracker's attachment limit.
    #[error(
        "the attachment {name:?} is {bytes} bytes, over the limit of {limit} bytes \
         (attachments.max_size in tracker.toml)"
    )]
    AttachmentTooLarge {
        /// The file as given.
        name: String,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A label both added and removed in one change.
    #[error("label {0:?} is both added and removed")]
    AddedAndRemoved(String),
    /// Too many items in one change.
    #[error("{count} {what}, over the limit of {limit}")]
    TooManyItems {
        /// What is counted.
        what: &'static str,
        /// How many there are.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A file that would be larger than its limit.
    #[error("the {what} would be {bytes} bytes, over the limit of {limit} bytes")]
    FileTooLarge {
        /// Which file.
        what: &'static str,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A time that the format cannot hold (`at` is written `YYYY-MM-DDTHH:MM:SSZ`).
    #[error("the time {0} cannot be recorded: event times run from year 0001 to 9999")]
    TimeOutOfRange(String),
    /// No ticket number is left below the maximum (only a hand-made file can cause it).
    #[error("no ticket number is left: the next one would exceed the maximum, {max}")]
    NumbersExhausted {
        /// The maximum ticket number.
        max: u64,
    },
    /// A feature the tracker's configuration turns off.
    #[error("{what} are disabled in this tracker (git tracker config set {what} true)")]
    Disabled {
        /// What.
        what: &'static str,
    },
    /// A transition that the lifecycle refuses.
    #[error("{reason}")]
    Transition {
        /// Why.
        reason: String,
        /// The states that may be set from the current one.
        allowed: Vec<State>,
    },
    /// `@me` where there is no git identity to say who that is.
    #[error("{0} means you, but there is no git identity (user.email) to say who that is")]
    NoIdentity(String),
}

/// A file on the branch that cannot be read as what its path says it is (R71).
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// Not valid UTF-8.
    #[error("not valid UTF-8")]
    NotUtf8,
    /// Not valid TOML, or TOML that does not match the format.
    #[error("{0}")]
    Toml(String),
    /// A file format version this program does not know.
    #[error("unsupported format version {0} (this program reads version 1)")]
    Version(u32),
    /// Valid TOML whose content breaks a rule of the format.
    #[error("{0}")]
    Invalid(String),
}

impl From<toml::de::Error> for ParseError {
    fn from(e: toml::de::Error) -> Self {
        let mut msg = e.message().to_owned();
        if let Some(span) = e.span() {
            msg = format!("{msg} (at byte {})", span.start);
        }
        Self::Toml(msg)
    }
}
