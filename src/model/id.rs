//! Identifiers: ticket ids, event ids and human keys (R4, R74).
//!
//! Ticket and event ids are 128 random bits written as 32 lowercase hex digits. They are never
//! derived from content, and because they are validated to be exactly that, a path built from
//! them can never contain `..`, a slash or anything else surprising (R74).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::error::ValidationError;

/// Length of an id in hex digits.
pub const ID_LEN: usize = 32;
/// Shortest id prefix accepted in place of a key.
pub const MIN_PREFIX: usize = 6;

fn is_hex_id(s: &str) -> bool {
    s.len() == ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn hex(bytes: [u8; 16]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(ID_LEN);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

macro_rules! hex_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Builds an id from 16 random bytes.
            pub fn from_random(bytes: [u8; 16]) -> Self {
                Self(hex(bytes))
            }
            /// Parses 32 lowercase hex digits.
            pub fn parse(s: &str) -> Option<Self> {
                is_hex_id(s).then(|| Self(s.to_owned()))
            }
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                if is_hex_id(&s) {
                    Ok(Self(s))
                } else {
                    Err(format!("invalid id {s:?}: expected 32 lowercase hex digits"))
                }
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

hex_id!(
    /// The immutable random id of a ticket.
    TicketId
);
hex_id!(
    /// The immutable random id of an event (its file name on the branch).
    EventId
);

/// The id of a commit of the project's history (not of the tracker branch), as `scan`
/// records it on an event: a full SHA-1 (40) or SHA-256 (64) id in lowercase hex.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CommitId(String);

impl CommitId {
    /// Parses 40 or 64 lowercase hex digits.
    pub fn parse(s: &str) -> Option<Self> {
        let hex = s
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        (hex && (s.len() == 40 || s.len() == 64)).then(|| Self(s.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CommitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CommitId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
            .ok_or_else(|| format!("invalid commit {s:?}: expected 40 or 64 lowercase hex digits"))
    }
}

impl From<CommitId> for String {
    fn from(id: CommitId) -> String {
        id.0
    }
}

/// Checks a key prefix: 1–16 characters, a letter first, then letters, digits, `-` or `_`.
pub fn validate_prefix(prefix: &str) -> Result<(), ValidationError> {
    let ok = (1..=16).contains(&prefix.len())
        && prefix.starts_with(|c: char| c.is_ascii_alphabetic())
        && prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::InvalidPrefix(prefix.to_owned()))
    }
}

/// A human key: the tracker's prefix and the ticket's number, e.g. `TRK-12`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// The tracker's prefix, e.g. `TRK-`.
    pub prefix: String,
    /// The ticket's number.
    pub number: u64,
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.prefix, self.number)
    }
}

/// What a user typed to name a ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TicketRef {
    /// A number, from a key such as `TRK-12` (prefix matched case-insensitively) or a bare
    /// number (`12`).
    Number(u64),
    /// A prefix of a ticket id, at least [`MIN_PREFIX`] hex digits.
    IdPrefix(String),
}

impl TicketRef {
    /// Parses a key (with the tracker's `prefix`), a bare number (`12` is the key `TRK-12`
    /// of a tracker whose prefix is `TRK-`), or an id prefix. A bare number of six digits or
    /// more may also be an id prefix: the caller tries it as one when no ticket has that
    /// number.
    pub fn parse(input: &str, prefix: &str) -> Result<Self, ValidationError> {
        let s = input.trim();
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(n) = s.parse::<u64>().ok().filter(|n| *n > 0) {
                return Ok(Self::Number(n));
            }
        }
        if s.len() >= prefix.len()
            && s.is_char_boundary(prefix.len())
            && s[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            let rest = &s[prefix.len()..];
            if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(n) = rest.parse::<u64>() {
                    if n > 0 {
                        return Ok(Self::Number(n));
                    }
                }
            }
        }
        Self::id_prefix(s)
            .map(Self::IdPrefix)
            .ok_or_else(|| ValidationError::InvalidKey(input.to_owned()))
    }

    /// `input` as an id prefix: 6 to 32 hex digits, lower-cased.
    pub fn id_prefix(input: &str) -> Option<String> {
        let lower = input.trim().to_ascii_lowercase();
        let ok = (MIN_PREFIX..=ID_LEN).contains(&lower.len())
            && lower.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then_some(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_32_lowercase_hex_digits() {
        let id = TicketId::from_random([0xab; 16]);
        assert_eq!(id.as_str(), "abababababababababababababababab");
        assert!(TicketId::parse(id.as_str()).is_some());
        assert!(TicketId::parse("ABABABABABABABABABABABABABABABAB").is_none());
        assert!(TicketId::parse("../../../../../../../../../../..").is_none());
        assert!(EventId::parse("abc").is_none());
    }

    #[test]
    fn keys_and_prefixes_parse() {
        assert_eq!(
            TicketRef::parse("TRK-12", "TRK-"),
            Ok(TicketRef::Number(12))
        );
        assert_eq!(TicketRef::parse("trk-3", "TRK-"), Ok(TicketRef::Number(3)));
        // A bare number is the key with the tracker's prefix.
        assert_eq!(TicketRef::parse(" 12 ", "TRK-"), Ok(TicketRef::Number(12)));
        assert_eq!(TicketRef::parse("007", "BUG-"), Ok(TicketRef::Number(7)));
        assert_eq!(
            TicketRef::parse("123456", "TRK-"),
            Ok(TicketRef::Number(123_456))
        );
        assert!(TicketRef::parse("0", "TRK-").is_err());
        assert!(TicketRef::parse("-3", "TRK-").is_err());
        assert_eq!(
            TicketRef::parse("Abcdef12", "TRK-"),
            Ok(TicketRef::IdPrefix("abcdef12".into()))
        );
        assert!(TicketRef::parse("TRK-0", "TRK-").is_err());
        assert!(TicketRef::parse("abcde", "TRK-").is_err());
        assert!(TicketRef::parse("BUG-3", "TRK-").is_err());
        assert!(TicketRef::parse("", "TRK-").is_err());
        assert!(TicketRef::parse("é", "TRK-").is_err());
    }

    #[test]
    fn prefixes_are_validated() {
        assert!(validate_prefix("TRK-").is_ok());
        assert!(validate_prefix("TRK2_").is_ok());
        assert!(validate_prefix("").is_err());
        assert!(validate_prefix("1X").is_err());
        assert!(validate_prefix("a/b").is_err());
    }

    proptest::proptest! {
        #[test]
        fn key_and_person_parsers_never_panic(s in "\\PC{0,40}", prefix in "[A-Za-z][A-Za-z0-9_-]{0,5}") {
            let _ = TicketRef::parse(&s, &prefix);
            let _ = crate::model::person::parse_person(&s);
        }

        #[test]
        fn a_validated_id_is_a_safe_path_component(s in "\\PC{0,40}") {
            if let Some(id) = TicketId::parse(&s) {
                proptest::prop_assert!(!id.as_str().contains(".."));
                proptest::prop_assert!(!id.as_str().contains('/'));
                proptest::prop_assert_eq!(id.as_str().len(), ID_LEN);
            }
        }
    }
}
