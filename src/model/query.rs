//! The search query language (R29): the AST every search is made of, its parser, its
//! canonical text, and the word folding that the executor and `tests/reader/query.py` share.
//! `docs/search.md` is the contract.
//!
//! ```text
//! state:open assignee:me created:>2026-01-01 "save crash" -flaky sort:-updated
//! ```
//!
//! Pure: no I/O, no clock. The parser knows nothing of a tracker, so what depends on one is
//! left to whoever executes the query, as docs/search.md says: which custom fields exist and
//! who may search private ones, the tracker's key prefix, who `me` is, the states shown when
//! the query names none, and the order when it names none.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

use crate::model::config::valid_field_name;
use crate::model::id::validate_prefix;
use crate::model::limits::MAX_NUMBER;
use crate::model::person::{validate_email, Person};
use crate::model::state::State;

mod fold;
mod tables;

pub use fold::{fold, is_word_char};

/// The longest query text accepted, in bytes of UTF-8.
pub const MAX_QUERY_BYTES: usize = 16 * 1024;

/// The largest `limit:`.
pub const MAX_LIMIT: usize = 999_999_999;

/// The qualifiers, in the order of docs/search.md.
pub const QUALIFIERS: [&str; 15] = [
    "state",
    "assignee",
    "reporter",
    "watcher",
    "key",
    "created",
    "updated",
    "field",
    "fingerprint",
    "label",
    "is",
    "no",
    "sort",
    "limit",
    "priority",
];

/// A parsed query. Every field narrows the result (AND); within one `Vec` of alternatives
/// (states, people, keys) any one matching is enough (OR); dates, fields and words must all
/// match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// `state:` terms (and `is:open`, `is:closed`), any of which matches. Empty: the query
    /// names no state, and the caller decides (`list` shows tickets in progress); see
    /// [`Query::states_given`].
    pub states: Vec<StateTerm>,
    /// `assignee:` terms (and `no:assignee`), any of which matches.
    pub assignees: Vec<PersonTerm>,
    /// `reporter:` terms, any of which matches.
    pub reporters: Vec<PersonTerm>,
    /// `watcher:` terms: tickets watched by any of them.
    pub watchers: Vec<PersonTerm>,
    /// `key:` terms, any of which matches.
    pub keys: Vec<KeyTerm>,
    /// `created:` terms, all of which must match.
    pub created: Vec<DateTerm>,
    /// `updated:` terms, all of which must match.
    pub updated: Vec<DateTerm>,
    /// `field:` terms, all of which must match.
    pub fields: Vec<FieldTerm>,
    /// `fingerprint:` terms, any of which matches (exactly, ignoring ASCII case).
    pub fingerprints: Vec<String>,
    /// `label:` terms, all of which must match (compared in lower case).
    pub labels: Vec<String>,
    /// `is:contested`: only tickets with a contested field, or on a dependency cycle.
    pub contested: bool,
    /// `is:blocked`: only tickets that depend on a ticket in progress (R24).
    pub blocked: bool,
    /// `is:blocking`: only tickets in progress that a ticket in progress depends on.
    pub blocking: bool,
    /// Words and phrases, all of which must match (or, excluded, must not).
    pub words: Vec<WordTerm>,
    /// `sort:`; `None`: the caller's order (`list`: newest first, `sort:-created`).
    pub sort: Option<Sort>,
    /// `limit:`: at most this many tickets.
    pub limit: Option<usize>,
}

/// A value of `state:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StateTerm {
    /// One state.
    Is(State),
    /// `open`: the states in progress (POSTED, OPEN, RESOLVING, WAITING, TESTING, PUBLISHED).
    Open,
    /// `closed`: the finished states (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED).
    Closed,
    /// `all`: every state.
    All,
}

/// A value of `assignee:`, `reporter:` or `watcher:`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PersonTerm {
    /// `me`: the person running the command (the caller resolves it).
    Me,
    /// `none` (`assignee:` only, also written `no:assignee`): unassigned.
    Nobody,
    /// A person, by email as typed (compared ignoring ASCII case).
    Email(String),
}

/// A key as typed, e.g. `TRK-12`, `trk-12` or `12`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct KeyRef {
    /// The text as typed.
    pub text: String,
    /// What precedes the number's digits (`TRK-`), empty for a bare number. The tracker's
    /// prefix is only known when the query runs: see [`KeyRef::number_in`].
    pub prefix: String,
    /// The number its trailing digits spell, 1 to [`MAX_NUMBER`].
    pub number: u64,
}

/// A value of `key:`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum KeyTerm {
    /// One ticket.
    One(KeyRef),
    /// `A..B`: the tickets numbered from A through B, both included.
    Range(KeyRef, KeyRef),
}

/// A day or a time of `created:` and `updated:`. Each stands for an interval of time: a day
/// for its 24 hours (UTC), a time for its second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePoint {
    /// `YYYY-MM-DD`: that UTC day.
    Day(NaiveDate),
    /// An RFC 3339 time to the second, converted to UTC.
    Time(DateTime<Utc>),
}

/// A value of `created:` or `updated:`. Ticket times are whole seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateTerm {
    /// `DATE`: within it.
    On(DatePoint),
    /// `>DATE`: after it (at or after its end).
    After(DatePoint),
    /// `>=DATE`: at or after its start.
    AtOrAfter(DatePoint),
    /// `<DATE`: before its start.
    Before(DatePoint),
    /// `<=DATE`: before its end.
    AtOrBefore(DatePoint),
    /// `A..B`: from the start of A to the end of B (both included).
    Range(DatePoint, DatePoint),
}

/// A `field:NAME=VALUE` term.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldTerm {
    /// The custom field's name (a valid field name; whether it exists is the caller's check).
    pub name: String,
    /// The value looked for; `None` (`field:NAME=`) for tickets without a value.
    pub value: Option<String>,
}

/// A word or phrase to look for in the title, description, solution and comments.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WordTerm {
    /// The folded tokens ([`fold()`]), never empty: one for a word, several for a phrase (they
    /// must be adjacent, in this order, within one text).
    pub tokens: Vec<String>,
    /// `word*`: the last token matches any token it begins.
    pub prefix: bool,
    /// `-word`: tickets where it does *not* occur.
    pub exclude: bool,
}

/// A `sort:` term.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    /// What to sort by.
    pub key: SortKey,
    /// `sort:-KEY`.
    pub descending: bool,
}

/// What `sort:` sorts by.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The key's number.
    Key,
    /// Creation time.
    Created,
    /// Time of the latest change.
    Updated,
    /// State, in the lifecycle order of [`State::ALL`].
    State,
    /// Assignee email, ignoring ASCII case; unassigned last.
    Assignee,
    /// Priority rank (lower is more urgent); tickets without one last.
    Priority,
    /// A custom field (never one of the names above).
    Field(String),
}

/// A query that does not parse: where, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("at column {column}: {kind}")]
pub struct QueryError {
    /// Byte offset of the error in the query text.
    pub position: usize,
    /// The same place counted in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub kind: QueryErrorKind,
}

/// What is wrong with a query, or with the value of a `list` flag.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryErrorKind {
    /// Over [`MAX_QUERY_BYTES`].
    #[error("the query is {bytes} bytes long, over the limit of {limit} bytes")]
    TooLong {
        /// Its length.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A `"` without its closing `"`.
    #[error("unterminated quote: expected a closing \"")]
    UnterminatedQuote,
    /// A backslash inside quotes followed by something else than `"` or `\`.
    #[error("unknown escape \"\\{0}\": inside quotes only \\\" and \\\\ are escapes")]
    UnknownEscape(char),
    /// Text glued after a quoted word or phrase.
    #[error("expected a space after the closing quote")]
    TextAfterQuote,
    /// A quote inside a bare word.
    #[error("a quote may only start a word or phrase")]
    QuoteInWord,
    /// `NAME:` with an unknown NAME.
    #[error(
        "unknown qualifier \"{0}\" (known: state, assignee, reporter, watcher, key, created, \
         updated, field, is, no, sort, limit)"
    )]
    UnknownQualifier(String),
    /// `-NAME:VALUE`.
    #[error("a qualifier cannot be excluded: \"-{0}:\"")]
    ExcludedQualifier(String),
    /// `priority:`.
    #[error("priority: is reserved: filtering by priority is not supported yet")]
    Reserved,
    /// `NAME:` with nothing after the colon.
    #[error("expected {expected} after \"{qualifier}:\"")]
    MissingValue {
        /// The qualifier.
        qualifier: &'static str,
        /// What it takes.
        expected: &'static str,
    },
    /// A value the qualifier does not take.
    #[error("invalid {qualifier}: value {value:?}: expected {expected}")]
    BadValue {
        /// The qualifier.
        qualifier: &'static str,
        /// The value as given (quotes removed).
        value: String,
        /// What it takes.
        expected: &'static str,
    },
    /// A range whose end comes before its start.
    #[error("the range {0:?} is empty: its end comes before its start")]
    EmptyRange(String),
    /// `sort:` or `limit:` given twice.
    #[error("{0}: is given twice; give it at most once")]
    Twice(&'static str),
    /// A word with nothing to search for.
    #[error("no letters or digits to search for in {0}")]
    NoWords(String),
}

impl QueryError {
    fn at(text: &str, position: usize, kind: QueryErrorKind) -> Self {
        let column = text
            .get(..position)
            .map_or(position, |before| before.chars().count())
            + 1;
        Self {
            position,
            column,
            kind,
        }
    }

    /// What to do about it, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        match &self.kind {
            QueryErrorKind::UnknownQualifier(name) => {
                let quote = "to search for the text itself, put it in quotes";
                Some(match suggest(name) {
                    Some(known) => format!("did you mean \"{known}:\"? ({quote})"),
                    None => quote.to_owned(),
                })
            }
            QueryErrorKind::ExcludedQualifier(_) => {
                Some("only words can be excluded: -word or -\"a phrase\"".to_owned())
            }
            QueryErrorKind::Reserved => {
                Some("sort:priority lists the ranked tickets in order (R25)".to_owned())
            }
            QueryErrorKind::NoWords(_) | QueryErrorKind::QuoteInWord => Some(
                "words are runs of letters and digits; see docs/search.md, \"Words\"".to_owned(),
            ),
            _ => None,
        }
    }
}

/// The known qualifier a mistyped one most likely meant.
fn suggest(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    let alias = match lower.as_str() {
        "author" | "creator" | "by" => Some("reporter"),
        "status" => Some("state"),
        "assigned" | "owner" => Some("assignee"),
        "watched" | "cc" | "mentions" => Some("watcher"),
        "id" | "number" => Some("key"),
        "order" => Some("sort"),
        _ => None,
    };
    alias.or_else(|| {
        QUALIFIERS
            .iter()
            .copied()
            .filter(|q| *q != "priority")
            .find(|q| edit_distance(q, &lower) <= 2 || q.starts_with(lower.as_str()))
    })
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

// ---------------------------------------------------------------------------------------
// Lexing: terms are separated by whitespace; a term is bare text and quoted strings.

enum Segment<'a> {
    /// Unquoted text, at its byte offset.
    Bare(usize, &'a str),
    /// A quoted string, unescaped, at the offset of its opening quote.
    Quoted(usize, String),
}

struct Term<'a> {
    start: usize,
    end: usize,
    segments: Vec<Segment<'a>>,
}

fn lex(text: &str) -> Result<Vec<Term<'_>>, QueryError> {
    let mut terms = Vec::new();
    let mut chars = text.char_indices().peekable();
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(start, _)) = chars.peek() else {
            return Ok(terms);
        };
        let mut segments = Vec::new();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            if c == '"' {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next() {
                        None => {
                            return Err(QueryError::at(text, i, QueryErrorKind::UnterminatedQuote))
                        }
                        Some((_, '"')) => break,
                        Some((j, '\\')) => match chars.next() {
                            Some((_, e @ ('"' | '\\'))) => s.push(e),
                            Some((_, e)) => {
                                return Err(QueryError::at(
                                    text,
                                    j,
                                    QueryErrorKind::UnknownEscape(e),
                                ))
                            }
                            None => {
                                return Err(QueryError::at(
                                    text,
                                    i,
                                    QueryErrorKind::UnterminatedQuote,
                                ))
                            }
                        },
                        Some((_, other)) => s.push(other),
                    }
                }
                segments.push(Segment::Quoted(i, s));
            } else {
                while chars
                    .next_if(|(_, c)| !c.is_whitespace() && *c != '"')
                    .is_some()
                {}
                let end = chars.peek().map_or(text.len(), |(j, _)| *j);
                segments.push(Segment::Bare(i, &text[i..end]));
            }
        }
        let end = chars.peek().map_or(text.len(), |(j, _)| *j);
        terms.push(Term {
            start,
            end,
            segments,
        });
    }
}

/// `NAME` and the rest, when `bare` starts with `NAME:` (NAME: ASCII letters).
fn qualifier_name(bare: &str) -> Option<(&str, &str)> {
    let (name, rest) = bare.split_once(':')?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic())).then_some((name, rest))
}

// ---------------------------------------------------------------------------------------
// Parsing.

impl Query {
    /// Parses a query (docs/search.md). The empty query is valid: it names nothing.
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        if text.len() > MAX_QUERY_BYTES {
            return Err(QueryError::at(
                text,
                0,
                QueryErrorKind::TooLong {
                    bytes: text.len(),
                    limit: MAX_QUERY_BYTES,
                },
            ));
        }
        let mut query = Self::default();
        for term in lex(text)? {
            query.add_term(text, &term)?;
        }
        Ok(query)
    }

    fn add_term(&mut self, text: &str, term: &Term<'_>) -> Result<(), QueryError> {
        use QueryErrorKind::NoWords;
        let err = |position, kind| QueryError::at(text, position, kind);
        let raw = &text[term.start..term.end];
        let quoted_word = |s: &str, exclude: bool, rest: &[Segment<'_>]| {
            let prefix = match rest {
                [] => false,
                [Segment::Bare(_, "*")] => true,
                [Segment::Bare(i, _) | Segment::Quoted(i, _), ..] => {
                    return Err(err(*i, QueryErrorKind::TextAfterQuote))
                }
            };
            word(s, exclude, prefix).ok_or_else(|| err(term.start, NoWords(raw.to_owned())))
        };
        let word = match term.segments.as_slice() {
            [Segment::Quoted(_, s), rest @ ..] => quoted_word(s, false, rest)?,
            [Segment::Bare(_, "-"), Segment::Quoted(_, s), rest @ ..] => {
                quoted_word(s, true, rest)?
            }
            [Segment::Bare(i, bare), rest @ ..] => {
                if let Some((name, head)) = qualifier_name(bare) {
                    let mut value = head.to_owned();
                    for segment in rest {
                        match segment {
                            Segment::Bare(_, s) => value.push_str(s),
                            Segment::Quoted(_, s) => value.push_str(s),
                        }
                    }
                    let at = i + name.len() + 1;
                    return self
                        .add_qualifier(name, &value, at)
                        .map_err(|(pos, kind)| err(pos.unwrap_or(term.start), kind));
                }
                let (exclude, body) = match bare.strip_prefix('-') {
                    Some(body) => (true, body),
                    None => (false, *bare),
                };
                if let Some((name, _)) = exclude.then(|| qualifier_name(body)).flatten() {
                    let kind = if QUALIFIERS.contains(&name.to_ascii_lowercase().as_str()) {
                        QueryErrorKind::ExcludedQualifier(name.to_owned())
                    } else {
                        QueryErrorKind::UnknownQualifier(name.to_owned())
                    };
                    return Err(err(term.start, kind));
                }
                if let Some(Segment::Bare(q, _) | Segment::Quoted(q, _)) = rest.first() {
                    return Err(err(*q, QueryErrorKind::QuoteInWord));
                }
                let (prefix, body) = match body.strip_suffix('*') {
                    Some(body) => (true, body),
                    None => (false, body),
                };
                word(body, exclude, prefix)
                    .ok_or_else(|| err(term.start, NoWords(raw.to_owned())))?
            }
            [] => return Ok(()),
        };
        self.words.push(word);
        Ok(())
    }

    /// Adds `name:value`; an error carries the offset to report (`None`: the term's start).
    fn add_qualifier(
        &mut self,
        name: &str,
        value: &str,
        at: usize,
    ) -> Result<(), (Option<usize>, QueryErrorKind)> {
        let lower = name.to_ascii_lowercase();
        let Some(qualifier) = QUALIFIERS.iter().copied().find(|q| *q == lower) else {
            return Err((None, QueryErrorKind::UnknownQualifier(name.to_owned())));
        };
        if qualifier == "priority" {
            return Err((None, QueryErrorKind::Reserved));
        }
        if (qualifier == "sort" && self.sort.is_some())
            || (qualifier == "limit" && self.limit.is_some())
        {
            return Err((None, QueryErrorKind::Twice(qualifier)));
        }
        if value.is_empty() {
            return Err((
                Some(at),
                QueryErrorKind::MissingValue {
                    qualifier,
                    expected: expected(qualifier),
                },
            ));
        }
        let bad = |kind| (Some(at), kind);
        match qualifier {
            "state" => self.states.push(parse_state(value).map_err(bad)?),
            "assignee" => self
                .assignees
                .push(parse_person(qualifier, value).map_err(bad)?),
            "reporter" => self
                .reporters
                .push(parse_person(qualifier, value).map_err(bad)?),
            "watcher" => self
                .watchers
                .push(parse_person(qualifier, value).map_err(bad)?),
            "key" => self.keys.push(parse_key_term(value).map_err(bad)?),
            "created" => self
                .created
                .push(parse_date_term(qualifier, value).map_err(bad)?),
            "updated" => self
                .updated
                .push(parse_date_term(qualifier, value).map_err(bad)?),
            "field" => self.fields.push(parse_field_term(value).map_err(bad)?),
            "fingerprint" => self.fingerprints.push(value.to_owned()),
            "label" => {
                crate::model::event::validate_label(value)
                    .map_err(|_| bad(bad_value("label", value)))?;
                self.labels.push(value.to_owned());
            }
            "is" => match value.to_ascii_lowercase().as_str() {
                "open" => self.states.push(StateTerm::Open),
                "closed" => self.states.push(StateTerm::Closed),
                "contested" => self.contested = true,
                "blocked" => self.blocked = true,
                "blocking" => self.blocking = true,
                _ => return Err(bad(bad_value("is", value))),
            },
            "no" => match value.to_ascii_lowercase().as_str() {
                "assignee" => self.assignees.push(PersonTerm::Nobody),
                _ => return Err(bad(bad_value("no", value))),
            },
            "sort" => self.sort = Some(parse_sort(value).map_err(bad)?),
            _ => self.limit = Some(parse_limit(value).map_err(bad)?),
        }
        Ok(())
    }

    /// The `state:` terms, or `None` when the query names no state (the caller's default
    /// applies: `list` shows [`StateTerm::Open`]).
    pub fn states_given(&self) -> Option<&[StateTerm]> {
        (!self.states.is_empty()).then_some(self.states.as_slice())
    }

    /// Whether a ticket in `state` passes the query's `state:` terms, or `default` when it
    /// names none.
    pub fn state_matches(&self, state: State, default: StateTerm) -> bool {
        self.states_given()
            .unwrap_or(std::slice::from_ref(&default))
            .iter()
            .any(|t| t.matches(state))
    }
}

fn word(text: &str, exclude: bool, prefix: bool) -> Option<WordTerm> {
    let tokens = fold(text);
    (!tokens.is_empty()).then_some(WordTerm {
        tokens,
        prefix,
        exclude,
    })
}

/// What each qualifier takes, for error messages.
fn expected(qualifier: &str) -> &'static str {
    match qualifier {
        "state" => "a state name (such as RESOLVING), or in lower case open, closed or all",
        "assignee" => "an email, me or none",
        "reporter" | "watcher" => "an email or me",
        "key" => "a key such as TRK-12, a number, or a range such as TRK-3..TRK-9 or 3..9",
        "created" | "updated" => {
            "a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM:SSZ (an offset such as +02:00 in \
             place of Z), alone, after >, >=, <, <=, or as a range A..B"
        }
        "field" => "NAME=VALUE, or NAME= for tickets without a value",
        "fingerprint" => "the fingerprint a ticket was filed with (new --if-absent)",
        "label" => "a label: no spaces or commas, not starting with + or -",
        "is" => "blocked, blocking, contested, open or closed",
        "no" => "assignee",
        "sort" => {
            "key, created, updated, state, assignee, priority or a custom field's name, with \
             a leading - for descending order"
        }
        _ => "a number from 0 to 999999999",
    }
}

fn bad_value(qualifier: &'static str, value: &str) -> QueryErrorKind {
    QueryErrorKind::BadValue {
        qualifier,
        value: value.to_owned(),
        expected: expected(qualifier),
    }
}

/// Parses a value of `state:`: `open`, `closed` or `all` written in lower case are groups;
/// anything else is a state name, in any case (`OPEN`, `Open`, `resolving`, `abandoned`).
pub fn parse_state(value: &str) -> Result<StateTerm, QueryErrorKind> {
    match value {
        "open" => Ok(StateTerm::Open),
        "closed" => Ok(StateTerm::Closed),
        "all" => Ok(StateTerm::All),
        _ => parse_state_name(value)
            .map(StateTerm::Is)
            .ok_or_else(|| bad_value("state", value)),
    }
}

/// A state name in any case, or an alias (`ABANDONED`, `TRANSFERRED`); what `--state` takes.
fn parse_state_name(value: &str) -> Option<State> {
    value
        .parse::<State>()
        .ok()
        .filter(|_| value.trim() == value)
}

/// Parses a value of `assignee:` (`qualifier` = `"assignee"`, which alone takes `none`),
/// `reporter:` or `watcher:`.
pub fn parse_person(qualifier: &'static str, value: &str) -> Result<PersonTerm, QueryErrorKind> {
    match value.to_ascii_lowercase().as_str() {
        // `@me` as everywhere else a person is typed (`assign @me`, `--assignee @me`).
        "me" | crate::model::person::ME => Ok(PersonTerm::Me),
        "none" if qualifier == "assignee" => Ok(PersonTerm::Nobody),
        _ if validate_email(value).is_ok() => Ok(PersonTerm::Email(value.to_owned())),
        _ => Err(bad_value(qualifier, value)),
    }
}

fn parse_key_ref(text: &str) -> Option<KeyRef> {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, number) = text.split_at(text.len() - digits);
    if digits == 0 || (!prefix.is_empty() && validate_prefix(prefix).is_err()) {
        return None;
    }
    let number = number.parse::<u64>().ok()?;
    (1..=MAX_NUMBER).contains(&number).then(|| KeyRef {
        text: text.to_owned(),
        prefix: prefix.to_owned(),
        number,
    })
}

fn parse_key_term(value: &str) -> Result<KeyTerm, QueryErrorKind> {
    let bad = || bad_value("key", value);
    let Some((a, b)) = value.split_once("..") else {
        return parse_key_ref(value).map(KeyTerm::One).ok_or_else(bad);
    };
    let (a, b) = (
        parse_key_ref(a).ok_or_else(bad)?,
        parse_key_ref(b).ok_or_else(bad)?,
    );
    if !a.prefix.is_empty() && !b.prefix.is_empty() && !a.prefix.eq_ignore_ascii_case(&b.prefix) {
        return Err(bad());
    }
    if a.number > b.number {
        return Err(QueryErrorKind::EmptyRange(value.to_owned()));
    }
    Ok(KeyTerm::Range(a, b))
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if !s.is_ascii() || b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&s[0..4])?).ok()?;
    let day = NaiveDate::from_ymd_opt(year, digits(&s[5..7])?, digits(&s[8..10])?)?;
    (year >= 1).then_some(day)
}

/// `YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM` (`T` and `Z` in either case), as UTC, years
/// 0001 to 9999 once converted.
fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    // ASCII only, so that every byte offset below is a character boundary.
    if !s.is_ascii()
        || b.len() < 20
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let day = parse_day(&s[..10])?;
    let time = NaiveTime::from_hms_opt(
        digits(&s[11..13])?,
        digits(&s[14..16])?,
        digits(&s[17..19])?,
    )?;
    let offset_minutes = match &s[19..] {
        "Z" | "z" => 0,
        zone if zone.len() == 6 && zone.as_bytes()[3] == b':' => {
            let (hours, minutes) = (digits(&zone[1..3])?, digits(&zone[4..6])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = i64::from(hours * 60 + minutes);
            match zone.as_bytes()[0] {
                b'+' => total,
                b'-' => -total,
                _ => return None,
            }
        }
        _ => return None,
    };
    let utc =
        NaiveDateTime::new(day, time).checked_sub_signed(TimeDelta::minutes(offset_minutes))?;
    use chrono::Datelike;
    (1..=9999).contains(&utc.year()).then(|| utc.and_utc())
}

fn parse_point(s: &str) -> Option<DatePoint> {
    if s.len() == 10 {
        parse_day(s).map(DatePoint::Day)
    } else {
        parse_time(s).map(DatePoint::Time)
    }
}

fn parse_date_term(qualifier: &'static str, value: &str) -> Result<DateTerm, QueryErrorKind> {
    let point = |s: &str| parse_point(s).ok_or_else(|| bad_value(qualifier, value));
    if let Some(rest) = value.strip_prefix(">=") {
        return point(rest).map(DateTerm::AtOrAfter);
    }
    if let Some(rest) = value.strip_prefix("<=") {
        return point(rest).map(DateTerm::AtOrBefore);
    }
    if let Some(rest) = value.strip_prefix('>') {
        return point(rest).map(DateTerm::After);
    }
    if let Some(rest) = value.strip_prefix('<') {
        return point(rest).map(DateTerm::Before);
    }
    match value.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (point(a)?, point(b)?);
            if b.end() <= a.start() {
                return Err(QueryErrorKind::EmptyRange(value.to_owned()));
            }
            Ok(DateTerm::Range(a, b))
        }
        None => point(value).map(DateTerm::On),
    }
}

fn parse_field_term(value: &str) -> Result<FieldTerm, QueryErrorKind> {
    match value.split_once('=') {
        Some((name, v)) if valid_field_name(name) => Ok(FieldTerm {
            name: name.to_owned(),
            value: (!v.is_empty()).then(|| v.to_owned()),
        }),
        _ => Err(bad_value("field", value)),
    }
}

/// The built-in sort keys and their names.
const SORT_KEYS: [(&str, SortKey); 6] = [
    ("key", SortKey::Key),
    ("created", SortKey::Created),
    ("updated", SortKey::Updated),
    ("state", SortKey::State),
    ("assignee", SortKey::Assignee),
    ("priority", SortKey::Priority),
];

/// Parses a value of `sort:`: a key, `-` first for descending order.
pub fn parse_sort(value: &str) -> Result<Sort, QueryErrorKind> {
    let (descending, name) = match value.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, value),
    };
    let lower = name.to_ascii_lowercase();
    let key = match SORT_KEYS.iter().find(|(n, _)| *n == lower) {
        Some((_, key)) => key.clone(),
        None if valid_field_name(name) => SortKey::Field(name.to_owned()),
        None => return Err(bad_value("sort", value)),
    };
    Ok(Sort { key, descending })
}

fn parse_limit(value: &str) -> Result<usize, QueryErrorKind> {
    value
        .parse::<usize>()
        .ok()
        .filter(|n| *n <= MAX_LIMIT && value.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| bad_value("limit", value))
}

// ---------------------------------------------------------------------------------------
// Meanings the executor shares.

impl StateTerm {
    /// Whether a ticket in `state` matches.
    pub fn matches(self, state: State) -> bool {
        match self {
            Self::Is(s) => s == state,
            Self::Open => !state.is_finished(),
            Self::Closed => state.is_finished(),
            Self::All => true,
        }
    }

    /// The states it stands for, in the order of [`State::ALL`].
    pub fn states(self) -> Vec<State> {
        State::ALL
            .into_iter()
            .filter(|s| self.matches(*s))
            .collect()
    }
}

impl PersonTerm {
    /// Whether `person` (the assignee, reporter or a watcher; `None`: unassigned) is the one
    /// meant, `me` being the person running the command.
    pub fn matches(&self, person: Option<&Person>, me: Option<&Person>) -> bool {
        match (self, person) {
            (Self::Nobody, p) => p.is_none(),
            (Self::Me, Some(p)) => me.is_some_and(|m| p.same(m)),
            (Self::Email(e), Some(p)) => p.has_email(e),
            (_, None) => false,
        }
    }
}

impl KeyRef {
    /// The ticket number this names in a tracker with `prefix`: a bare number names itself; a
    /// key names its number when it starts with `prefix` (ignoring ASCII case) followed by
    /// digits only. `None`: not a key of that tracker (the executor refuses it, exit 2).
    pub fn number_in(&self, prefix: &str) -> Option<u64> {
        if self.prefix.is_empty() {
            return Some(self.number);
        }
        let head = self.text.get(..prefix.len())?;
        let rest = &self.text[prefix.len()..];
        let ok = head.eq_ignore_ascii_case(prefix)
            && !rest.is_empty()
            && rest.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| rest.parse().ok())
            .flatten()
            .filter(|n| (1..=MAX_NUMBER).contains(n))
    }
}

impl KeyTerm {
    /// The numbers it names in a tracker with `prefix`, from..=to; `None` as for
    /// [`KeyRef::number_in`].
    pub fn numbers_in(&self, prefix: &str) -> Option<(u64, u64)> {
        match self {
            Self::One(k) => k.number_in(prefix).map(|n| (n, n)),
            Self::Range(a, b) => Some((a.number_in(prefix)?, b.number_in(prefix)?)),
        }
    }
}

impl DatePoint {
    /// The first second it stands for.
    pub fn start(self) -> DateTime<Utc> {
        match self {
            Self::Day(d) => d.and_time(NaiveTime::MIN).and_utc(),
            Self::Time(t) => t,
        }
    }

    /// The end of what it stands for (excluded): the next day, or the next second.
    pub fn end(self) -> DateTime<Utc> {
        match self {
            Self::Day(_) => self.start() + TimeDelta::days(1),
            Self::Time(t) => t + TimeDelta::seconds(1),
        }
    }
}

impl DateTerm {
    /// The times it accepts, as a half-open interval `[from, until)`; `None`: unbounded.
    pub fn bounds(self) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        match self {
            Self::On(p) => (Some(p.start()), Some(p.end())),
            Self::After(p) => (Some(p.end()), None),
            Self::AtOrAfter(p) => (Some(p.start()), None),
            Self::Before(p) => (None, Some(p.start())),
            Self::AtOrBefore(p) => (None, Some(p.end())),
            Self::Range(a, b) => (Some(a.start()), Some(b.end())),
        }
    }

    /// Whether `time` is accepted.
    pub fn contains(self, time: DateTime<Utc>) -> bool {
        let (from, until) = self.bounds();
        from.is_none_or(|f| time >= f) && until.is_none_or(|u| time < u)
    }
}

// ---------------------------------------------------------------------------------------
// The flags of `list`, as a query.

/// The filters of `git tracker list`'s flags, as plain data, so that flags and `--query`
/// make one [`Query`] ([`Query::from_filters`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilters {
    /// `--closed`.
    pub closed: bool,
    /// `--all`.
    pub all: bool,
    /// `--mine`: reported by me.
    pub mine: bool,
    /// `--work`: assigned to me.
    pub work: bool,
    /// `--state` values (each a state name).
    pub states: Vec<String>,
    /// `--contested`.
    pub contested: bool,
    /// `--blocked`.
    pub blocked: bool,
    /// `--blocking`.
    pub blocking: bool,
    /// `--assignee` (an email or `none`).
    pub assignee: Option<String>,
    /// `--reporter` (an email).
    pub reporter: Option<String>,
    /// `--sort`, with list's meanings: `created` and `updated` newest first, the others
    /// ascending.
    pub sort: Option<String>,
    /// `--limit`.
    pub limit: Option<usize>,
}

/// Flags that do not make a query.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// A flag's value is invalid.
    #[error("invalid value for {flag}: {kind}")]
    Value {
        /// The flag, e.g. `--state`.
        flag: &'static str,
        /// What is wrong with it.
        kind: QueryErrorKind,
    },
    /// Two flags that each name the same thing.
    #[error("{0} and {1} cannot be combined (one ticket has one {2}): give one of them")]
    Conflict(&'static str, &'static str, &'static str),
}

impl Query {
    /// The query `list`'s flags stand for. `--state` replaces `--closed`, `--all` and the
    /// default; `--mine` is `reporter:me`, `--work` is `assignee:me`; `--sort created` and
    /// `--sort updated` are newest first (`sort:-created`, `sort:-updated`).
    pub fn from_filters(f: &ListFilters) -> Result<Self, FilterError> {
        let value = |flag| move |kind| FilterError::Value { flag, kind };
        for (a, b, what, conflict) in [
            ("--closed", "--all", "state", f.closed && f.all),
            (
                "--mine",
                "--reporter",
                "reporter",
                f.mine && f.reporter.is_some(),
            ),
            (
                "--work",
                "--assignee",
                "assignee",
                f.work && f.assignee.is_some(),
            ),
        ] {
            if conflict {
                return Err(FilterError::Conflict(a, b, what));
            }
        }
        let mut q = Self {
            contested: f.contested,
            blocked: f.blocked,
            blocking: f.blocking,
            limit: f.limit,
            ..Self::default()
        };
        if let Some(n) = f.limit.filter(|n| *n > MAX_LIMIT) {
            return Err(value("--limit")(bad_value("limit", &n.to_string())));
        }
        for s in &f.states {
            let state = parse_state_name(s).ok_or_else(|| QueryErrorKind::BadValue {
                qualifier: "state",
                value: s.clone(),
                expected: "a state name, such as RESOLVING",
            });
            q.states
                .push(StateTerm::Is(state.map_err(value("--state"))?));
        }
        if q.states.is_empty() && f.all {
            q.states.push(StateTerm::All);
        } else if q.states.is_empty() && f.closed {
            q.states.push(StateTerm::Closed);
        }
        if f.mine {
            q.reporters.push(PersonTerm::Me);
        }
        if f.work {
            q.assignees.push(PersonTerm::Me);
        }
        if let Some(e) = &f.reporter {
            q.reporters
                .push(parse_email_flag("reporter", e).map_err(value("--reporter"))?);
        }
        if let Some(e) = &f.assignee {
            q.assignees
                .push(parse_email_flag("assignee", e).map_err(value("--assignee"))?);
        }
        if let Some(s) = &f.sort {
            if s.starts_with('-') {
                return Err(value("--sort")(bad_value("sort", s)));
            }
            let mut sort = parse_sort(s).map_err(value("--sort"))?;
            sort.descending = matches!(sort.key, SortKey::Created | SortKey::Updated);
            q.sort = Some(sort);
        }
        Ok(q)
    }
}

/// `--reporter` and `--assignee` take an email (`--assignee` also `none`) or `@me`, not a bare
/// `me` (which could be a typo for an email).
fn parse_email_flag(qualifier: &'static str, value: &str) -> Result<PersonTerm, QueryErrorKind> {
    match parse_person(qualifier, value)? {
        PersonTerm::Me if !crate::model::person::is_me(value) => Err(bad_value(qualifier, value)),
        p => Ok(p),
    }
}

// ---------------------------------------------------------------------------------------
// Canonical text.

/// `s`, quoted when it would not read back as one bare value.
fn quoted_if_needed(s: &str) -> String {
    if !s.is_empty()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '\\')
    {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

impl fmt::Display for StateTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Is(s) => f.write_str(s.name()),
            Self::Open => f.write_str("open"),
            Self::Closed => f.write_str("closed"),
            Self::All => f.write_str("all"),
        }
    }
}

impl fmt::Display for PersonTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Me => f.write_str("me"),
            Self::Nobody => f.write_str("none"),
            Self::Email(e) => f.write_str(e),
        }
    }
}

impl fmt::Display for KeyTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::One(k) => f.write_str(&k.text),
            Self::Range(a, b) => write!(f, "{}..{}", a.text, b.text),
        }
    }
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Self::Time(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

impl fmt::Display for DateTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::On(p) => write!(f, "{p}"),
            Self::After(p) => write!(f, ">{p}"),
            Self::AtOrAfter(p) => write!(f, ">={p}"),
            Self::Before(p) => write!(f, "<{p}"),
            Self::AtOrBefore(p) => write!(f, "<={p}"),
            Self::Range(a, b) => write!(f, "{a}..{b}"),
        }
    }
}

impl fmt::Display for FieldTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.value.as_deref().map(quoted_if_needed);
        write!(f, "field:{}={}", self.name, value.unwrap_or_default())
    }
}

impl fmt::Display for WordTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self.tokens.as_slice() {
            [one] => one.clone(),
            many => quoted_if_needed(&many.join(" ")),
        };
        let (minus, star) = (
            if self.exclude { "-" } else { "" },
            if self.prefix { "*" } else { "" },
        );
        write!(f, "{minus}{text}{star}")
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match &self.key {
            SortKey::Field(name) => name.as_str(),
            key => SORT_KEYS
                .iter()
                .find(|(_, k)| k == key)
                .map_or("key", |(n, _)| n),
        };
        write!(f, "sort:{}{name}", if self.descending { "-" } else { "" })
    }
}

impl fmt::Display for Query {
    /// The canonical text: qualifiers in the order of docs/search.md (state, assignee,
    /// reporter, watcher, key, created, updated, field, fingerprint, label, is:contested, is:blocked,
    /// is:blocking), then words, then sort
    /// and limit; `is:open` reads `state:open`, `no:assignee` reads `assignee:none`, words
    /// read folded. Parsing it gives the same query.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.states.iter().map(|s| format!("state:{s}")));
        parts.extend(self.assignees.iter().map(|p| format!("assignee:{p}")));
        parts.extend(self.reporters.iter().map(|p| format!("reporter:{p}")));
        parts.extend(self.watchers.iter().map(|p| format!("watcher:{p}")));
        parts.extend(self.keys.iter().map(|k| format!("key:{k}")));
        parts.extend(self.created.iter().map(|d| format!("created:{d}")));
        parts.extend(self.updated.iter().map(|d| format!("updated:{d}")));
        parts.extend(self.fields.iter().map(ToString::to_string));
        parts.extend(
            self.fingerprints
                .iter()
                .map(|f| format!("fingerprint:{}", quoted_if_needed(f))),
        );
        parts.extend(
            self.labels
                .iter()
                .map(|l| format!("label:{}", quoted_if_needed(l))),
        );
        if self.contested {
            parts.push("is:contested".to_owned());
        }
        if self.blocked {
            parts.push("is:blocked".to_owned());
        }
        if self.blocking {
            parts.push("is:blocking".to_owned());
        }
        parts.extend(self.words.iter().map(ToString::to_string));
        parts.extend(self.sort.iter().map(ToString::to_string));
        parts.extend(self.limit.iter().map(|n| format!("limit:{n}")));
        f.write_str(&parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(text: &str) -> Query {
        Query::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    /// The error's column and message.
    fn e(text: &str) -> (usize, String) {
        let err = Query::parse(text).expect_err(text);
        assert_eq!(
            err.column,
            text[..err.position].chars().count() + 1,
            "{text:?}"
        );
        (err.column, err.kind.to_string())
    }

    fn day(s: &str) -> DatePoint {
        DatePoint::Day(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    fn time(s: &str) -> DatePoint {
        DatePoint::Time(DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc))
    }

    fn w(tokens: &[&str], prefix: bool, exclude: bool) -> WordTerm {
        WordTerm {
            tokens: tokens.iter().map(|t| (*t).to_owned()).collect(),
            prefix,
            exclude,
        }
    }

    fn key(text: &str, prefix: &str, number: u64) -> KeyRef {
        KeyRef {
            text: text.into(),
            prefix: prefix.into(),
            number,
        }
    }

    #[test]
    fn the_example_of_the_issue() {
        let query =
            q("state:open assignee:me created:>2026-01-01 \"save crash\" -flaky sort:updated");
        assert_eq!(
            query,
            Query {
                states: vec![StateTerm::Open],
                assignees: vec![PersonTerm::Me],
                created: vec![DateTerm::After(day("2026-01-01"))],
                words: vec![
                    w(&["save", "crash"], false, false),
                    w(&["flaky"], false, true)
                ],
                sort: Some(Sort {
                    key: SortKey::Updated,
                    descending: false
                }),
                ..Query::default()
            }
        );
        assert_eq!(
            query.to_string(),
            "state:open assignee:me created:>2026-01-01 \"save crash\" -flaky sort:updated"
        );
    }

    #[test]
    fn an_empty_query_names_nothing() {
        for text in ["", "   ", "\t\n \u{3000}"] {
            assert_eq!(q(text), Query::default());
        }
        assert_eq!(Query::default().to_string(), "");
        assert_eq!(Query::default().states_given(), None);
        assert!(Query::default().state_matches(State::Open, StateTerm::Open));
        assert!(!Query::default().state_matches(State::Resolved, StateTerm::Open));
    }

    #[test]
    fn states() {
        assert_eq!(
            q("state:RESOLVING state:waiting State:Abandoned state:transferred").states,
            [
                StateTerm::Is(State::Resolving),
                StateTerm::Is(State::Waiting),
                StateTerm::Is(State::Abandonned),
                StateTerm::Is(State::Transfered)
            ]
        );
        assert_eq!(
            q("state:open state:closed state:all is:open IS:Closed").states,
            [
                StateTerm::Open,
                StateTerm::Closed,
                StateTerm::All,
                StateTerm::Open,
                StateTerm::Closed
            ]
        );
        // In lower case `open` is the group in progress; any other spelling is the state.
        let query = q("state:OPEN state:Open state:open");
        assert_eq!(
            query.states,
            [
                StateTerm::Is(State::Open),
                StateTerm::Is(State::Open),
                StateTerm::Open
            ]
        );
        assert_eq!(query.to_string(), "state:OPEN state:OPEN state:open");
        assert!(!query.states[0].matches(State::Posted));
        assert!(query.states[2].matches(State::Posted));
        // CLOSED and ALL are no state names.
        assert_eq!(e("state:CLOSED").0, 7);
        assert_eq!(e("state:All").0, 7);
        // Several state: terms: any of them.
        let query = q("state:waiting state:testing");
        assert_eq!(
            query.states_given(),
            Some(&[StateTerm::Is(State::Waiting), StateTerm::Is(State::Testing)][..])
        );
        assert!(query.state_matches(State::Testing, StateTerm::All));
        assert!(!query.state_matches(State::Open, StateTerm::All));
        assert_eq!(
            StateTerm::Open.states(),
            [
                State::Posted,
                State::Open,
                State::Resolving,
                State::Waiting,
                State::Testing,
                State::Published
            ]
        );
        assert_eq!(
            StateTerm::Closed.states(),
            [
                State::Validated,
                State::Resolved,
                State::Abandonned,
                State::Transfered
            ]
        );
        assert_eq!(StateTerm::All.states(), State::ALL);
        assert_eq!(
            e("x state:opn"),
            (
                9,
                "invalid state: value \"opn\": expected a state name (such as RESOLVING), \
                 or in lower case open, closed or all"
                    .into()
            )
        );
        assert_eq!(
            e("state:"),
            (
                7,
                "expected a state name (such as RESOLVING), or in lower case open, closed or \
                 all after \"state:\""
                    .into()
            )
        );
        assert_eq!(
            e("is:new"),
            (
                4,
                "invalid is: value \"new\": expected blocked, blocking, contested, open or closed"
                    .into()
            )
        );
    }

    #[test]
    fn people() {
        let query = q(
            "assignee:me assignee:Bob@Example.com no:assignee reporter:ME \
                       watcher:cy@example.com assignee:NONE",
        );
        // `@me` is `me`, as wherever a person is typed.
        assert_eq!(
            q("assignee:@me reporter:@ME watcher:@me").to_string(),
            "assignee:me reporter:me watcher:me"
        );
        assert!(Query::parse("assignee:@you").is_err());
        assert_eq!(
            query.assignees,
            [
                PersonTerm::Me,
                PersonTerm::Email("Bob@Example.com".into()),
                PersonTerm::Nobody,
                PersonTerm::Nobody
            ]
        );
        assert_eq!(query.reporters, [PersonTerm::Me]);
        assert_eq!(query.watchers, [PersonTerm::Email("cy@example.com".into())]);
        assert_eq!(
            query.to_string(),
            "assignee:me assignee:Bob@Example.com assignee:none assignee:none reporter:me \
             watcher:cy@example.com"
        );
        assert_eq!(
            e("reporter:none"),
            (
                10,
                "invalid reporter: value \"none\": expected an email or me".into()
            )
        );
        assert_eq!(
            e("watcher:bob"),
            (
                9,
                "invalid watcher: value \"bob\": expected an email or me".into()
            )
        );
        assert_eq!(
            e("no:reporter"),
            (
                4,
                "invalid no: value \"reporter\": expected assignee".into()
            )
        );
        // Matching: emails ignore ASCII case; none is unassigned; me needs an identity.
        let bob = Person::new("Bob", "bob@example.com").unwrap();
        let ann = Person::new("Ann", "ann@example.com").unwrap();
        let by_email = PersonTerm::Email("BOB@example.com".into());
        assert!(by_email.matches(Some(&bob), None));
        assert!(!by_email.matches(Some(&ann), None));
        assert!(!by_email.matches(None, None));
        assert!(PersonTerm::Nobody.matches(None, Some(&bob)));
        assert!(!PersonTerm::Nobody.matches(Some(&bob), Some(&bob)));
        assert!(PersonTerm::Me.matches(Some(&bob), Some(&bob)));
        assert!(!PersonTerm::Me.matches(Some(&ann), Some(&bob)));
        assert!(!PersonTerm::Me.matches(Some(&bob), None));
    }

    #[test]
    fn keys() {
        let query = q("key:TRK-12 key:7 key:trk-3..TRK-9 key:3..9 key:BUG_2-007 key:TRK-5..5");
        assert_eq!(
            query.keys,
            [
                KeyTerm::One(key("TRK-12", "TRK-", 12)),
                KeyTerm::One(key("7", "", 7)),
                KeyTerm::Range(key("trk-3", "trk-", 3), key("TRK-9", "TRK-", 9)),
                KeyTerm::Range(key("3", "", 3), key("9", "", 9)),
                KeyTerm::One(key("BUG_2-007", "BUG_2-", 7)),
                KeyTerm::Range(key("TRK-5", "TRK-", 5), key("5", "", 5)),
            ]
        );
        assert_eq!(
            query.to_string(),
            "key:TRK-12 key:7 key:trk-3..TRK-9 key:3..9 key:BUG_2-007 key:TRK-5..5"
        );
        // The tracker's prefix decides what a key names.
        assert_eq!(query.keys[0].numbers_in("trk-"), Some((12, 12)));
        assert_eq!(query.keys[0].numbers_in("BUG-"), None);
        assert_eq!(query.keys[1].numbers_in("BUG-"), Some((7, 7)));
        assert_eq!(query.keys[2].numbers_in("TRK-"), Some((3, 9)));
        // A prefix ending in a digit: the greedy split is only a guess.
        let k = key("TRK212", "TRK", 212);
        assert_eq!(k.number_in("TRK2"), Some(12));
        assert_eq!(k.number_in("TRK"), Some(212));
        assert_eq!(k.number_in("TRK21"), Some(2));
        assert_eq!(k.number_in("TRK212"), None);
        for bad in [
            "key:TRK",
            "key:TRK-0",
            "key:TRK-1000000000",
            "key:1X-3",
            "key:TRK-3..",
            "key:..3",
            "key:TRK-3..BUG-9",
            "key:TR K-3",
            "key:99999999999999999999999",
        ] {
            let (column, message) = e(bad);
            assert_eq!(column, 5, "{bad}");
            assert!(
                message.starts_with("invalid key: value"),
                "{bad}: {message}"
            );
        }
        assert_eq!(
            e("key:TRK-9..TRK-3"),
            (
                5,
                "the range \"TRK-9..TRK-3\" is empty: its end comes before its start".into()
            )
        );
    }

    #[test]
    fn dates() {
        let query = q(
            "created:2026-01-05 created:>2026-01-01 created:>=2026-01-01T10:00:00Z \
             updated:<2026-02-01 updated:<=2026-02-01t12:30:00+02:00 \
             updated:2026-01-01..2026-01-31 created:2026-01-01T00:00:00-00:30..2026-01-02",
        );
        let (c, u) = (&query.created, &query.updated);
        assert_eq!(c[0], DateTerm::On(day("2026-01-05")));
        assert_eq!(c[1], DateTerm::After(day("2026-01-01")));
        assert_eq!(c[2], DateTerm::AtOrAfter(time("2026-01-01T10:00:00Z")));
        assert_eq!(u[0], DateTerm::Before(day("2026-02-01")));
        assert_eq!(u[1], DateTerm::AtOrBefore(time("2026-02-01T10:30:00Z")));
        assert_eq!(u[2], DateTerm::Range(day("2026-01-01"), day("2026-01-31")));
        assert_eq!(
            c[3],
            DateTerm::Range(time("2026-01-01T00:30:00Z"), day("2026-01-02"))
        );
        assert_eq!(
            query.to_string(),
            "created:2026-01-05 created:>2026-01-01 created:>=2026-01-01T10:00:00Z \
             created:2026-01-01T00:30:00Z..2026-01-02 updated:<2026-02-01 \
             updated:<=2026-02-01T10:30:00Z updated:2026-01-01..2026-01-31"
        );
        // What each accepts: a day is its 24 hours, a time its second; ranges include both ends.
        let t = |s: &str| time(s).start();
        let on = DateTerm::On(day("2026-01-05"));
        assert!(on.contains(t("2026-01-05T00:00:00Z")));
        assert!(on.contains(t("2026-01-05T23:59:59Z")));
        assert!(!on.contains(t("2026-01-06T00:00:00Z")));
        assert!(!on.contains(t("2026-01-04T23:59:59Z")));
        let after = DateTerm::After(day("2026-01-01"));
        assert!(!after.contains(t("2026-01-01T23:59:59Z")));
        assert!(after.contains(t("2026-01-02T00:00:00Z")));
        let from = DateTerm::AtOrAfter(day("2026-01-01"));
        assert!(from.contains(t("2026-01-01T00:00:00Z")));
        assert!(!from.contains(t("2025-12-31T23:59:59Z")));
        let before = DateTerm::Before(day("2026-02-01"));
        assert!(before.contains(t("2026-01-31T23:59:59Z")));
        assert!(!before.contains(t("2026-02-01T00:00:00Z")));
        let until = DateTerm::AtOrBefore(day("2026-02-01"));
        assert!(until.contains(t("2026-02-01T23:59:59Z")));
        assert!(!until.contains(t("2026-02-02T00:00:00Z")));
        let january = DateTerm::Range(day("2026-01-01"), day("2026-01-31"));
        assert!(january.contains(t("2026-01-31T23:59:59Z")));
        assert!(!january.contains(t("2026-02-01T00:00:00Z")));
        let second = DateTerm::On(time("2026-01-01T10:00:00Z"));
        assert_eq!(
            second.bounds(),
            (
                Some(t("2026-01-01T10:00:00Z")),
                Some(t("2026-01-01T10:00:01Z"))
            )
        );
        let last = DateTerm::AtOrBefore(day("9999-12-31"));
        assert_eq!(
            last.bounds().1.map(|u| u.timestamp()),
            Some(253_402_300_800)
        );
        for bad in [
            "created:2026-02-30",
            "created:2026-1-05",
            "created:0000-01-01",
            "created:2026-01-01T10:00Z",
            "created:2026-01-01T10:00:00",
            "created:2026-01-01T10:00:00.5Z",
            "created:2026-01-01T24:00:00Z",
            "created:2026-01-01T23:59:60Z",
            "created:2026-01-01T10:00:00+24:00",
            "created:2026-01-01T10:00:00+0200",
            "created:\"2026-01-01 10:00:00Z\"",
            "created:0001-01-01T00:00:00+00:01",
            "created:=2026-01-01",
            "created:>>2026-01-01",
            "created:2026-01-01..",
            "created:yesterday",
            // Not ASCII where digits belong (these once sliced inside a character).
            "created:2026-01-01T10:00:0éZ",
            "created:2026-01-01T10:00:00é0:00",
            "created:2026-01-0é",
        ] {
            let (column, message) = e(bad);
            assert_eq!(column, 9, "{bad}");
            assert!(
                message.starts_with("invalid created: value"),
                "{bad}: {message}"
            );
        }
        assert_eq!(
            e("updated:2026-01-31..2026-01-01"),
            (
                9,
                "the range \"2026-01-31..2026-01-01\" is empty: its end comes before its start"
                    .into()
            )
        );
        // One second is not empty.
        assert!(Query::parse("updated:2026-01-01T10:00:00Z..2026-01-01T10:00:00Z").is_ok());
    }

    #[test]
    fn fields() {
        let query = q(
            r#"field:os="mac os" field:severity=high field:notes= field:x="" field:q="a \"b\" \\c" field:eq=a=b"#,
        );
        let f = |name: &str, value: Option<&str>| FieldTerm {
            name: name.into(),
            value: value.map(Into::into),
        };
        assert_eq!(
            query.fields,
            [
                f("os", Some("mac os")),
                f("severity", Some("high")),
                f("notes", None),
                f("x", None),
                f("q", Some(r#"a "b" \c"#)),
                f("eq", Some("a=b")),
            ]
        );
        assert_eq!(
            query.to_string(),
            r#"field:os="mac os" field:severity=high field:notes= field:x= field:q="a \"b\" \\c" field:eq=a=b"#
        );
        assert_eq!(
            e("field:OS=mac"),
            (
                7,
                "invalid field: value \"OS=mac\": expected NAME=VALUE, or NAME= for tickets \
                 without a value"
                    .into()
            )
        );
        assert_eq!(e("field:os").0, 7);
        assert_eq!(e("field:=x").0, 7);
    }

    #[test]
    fn flags_sort_and_limit() {
        let query = q("is:contested sort:-Updated limit:20");
        assert!(query.contested);
        assert_eq!(
            query.sort,
            Some(Sort {
                key: SortKey::Updated,
                descending: true
            })
        );
        assert_eq!(query.limit, Some(20));
        assert_eq!(query.to_string(), "is:contested sort:-updated limit:20");
        for (text, key) in [
            ("sort:key", SortKey::Key),
            ("sort:created", SortKey::Created),
            ("sort:STATE", SortKey::State),
            ("sort:assignee", SortKey::Assignee),
            ("sort:priority", SortKey::Priority),
            ("sort:severity", SortKey::Field("severity".into())),
        ] {
            assert_eq!(q(text).sort.map(|s| s.key), Some(key), "{text}");
        }
        assert_eq!(q("limit:0").limit, Some(0));
        assert_eq!(
            e("sort:key sort:created"),
            (10, "sort: is given twice; give it at most once".into())
        );
        assert_eq!(
            e("limit:1 limit:2"),
            (9, "limit: is given twice; give it at most once".into())
        );
        assert_eq!(e("sort:key sort:").0, 10);
        assert_eq!(e("sort:--key").0, 6);
        assert_eq!(e("sort:-").0, 6);
        assert_eq!(e("sort:Severity").0, 6);
        for bad in ["limit:-1", "limit:+1", "limit:1000000000", "limit:ten"] {
            assert_eq!(
                e(bad),
                (
                    7,
                    format!(
                        "invalid limit: value {:?}: expected a number from 0 to 999999999",
                        &bad[6..]
                    )
                )
            );
        }
        // Reserved until priorities exist (R25); the sort key is accepted.
        let err = Query::parse("x priority:1").unwrap_err();
        assert_eq!(
            (err.column, err.kind.to_string()),
            (
                3,
                "priority: is reserved: filtering by priority is not supported yet".into()
            )
        );
        assert!(err.hint().unwrap().contains("sort:priority"));
    }

    #[test]
    fn words_phrases_exclusions_and_prefixes() {
        let query = q(
            r#"Café "Save  CRASH" -flaky -"not now" crash* "save cra"* save-crash x:"#
                .trim_end_matches(" x:"),
        );
        assert_eq!(
            query.words,
            [
                w(&["cafe"], false, false),
                w(&["save", "crash"], false, false),
                w(&["flaky"], false, true),
                w(&["not", "now"], false, true),
                w(&["crash"], true, false),
                w(&["save", "cra"], true, false),
                w(&["save", "crash"], false, false),
            ]
        );
        assert_eq!(
            query.to_string(),
            r#"cafe "save crash" -flaky -"not now" crash* "save cra"* "save crash""#
        );
        // Only a trailing star makes a prefix; others separate.
        assert_eq!(q("cr*sh").words, [w(&["cr", "sh"], false, false)]);
        assert_eq!(q("crash**").words, [w(&["crash"], true, false)]);
        assert_eq!(q("-\"a\"*").words, [w(&["a"], true, true)]);
        // A colon not after letters is text; a quoted qualifier is a phrase.
        assert_eq!(q("12:30").words, [w(&["12", "30"], false, false)]);
        assert_eq!(q(":x").words, [w(&["x"], false, false)]);
        assert_eq!(
            q("\"state:open\"").words,
            [w(&["state", "open"], false, false)]
        );
        assert_eq!(q("--x").words, [w(&["x"], false, true)]);
    }

    #[test]
    fn syntax_errors_name_their_column() {
        let cases: &[(&str, usize, &str)] = &[
            ("a \"b c", 3, "unterminated quote: expected a closing \""),
            ("a \"b\\", 3, "unterminated quote: expected a closing \""),
            (
                "a \"b\\n\"",
                5,
                "unknown escape \"\\n\": inside quotes only \\\" and \\\\ are escapes",
            ),
            ("\"ab\"cd", 5, "expected a space after the closing quote"),
            (
                "\"ab\"\"cd\"",
                5,
                "expected a space after the closing quote",
            ),
            ("ab\"cd\"", 3, "a quote may only start a word or phrase"),
            (
                "state:open stat:open",
                12,
                "unknown qualifier \"stat\" (known: state, assignee, reporter, watcher, key, \
                 created, updated, field, is, no, sort, limit)",
            ),
            (
                "x -state:closed",
                3,
                "a qualifier cannot be excluded: \"-state:\"",
            ),
            ("!!!", 1, "no letters or digits to search for in !!!"),
            ("a \"\"", 3, "no letters or digits to search for in \"\""),
            ("a - b", 3, "no letters or digits to search for in -"),
            ("*", 1, "no letters or digits to search for in *"),
            // Columns count characters, positions bytes.
            ("café stat:x", 6, "unknown qualifier \"stat\""),
        ];
        for (text, column, message) in cases {
            let err = Query::parse(text).expect_err(text);
            assert_eq!(err.column, *column, "{text:?}: {err}");
            assert!(err.kind.to_string().starts_with(message), "{text:?}: {err}");
            assert_eq!(err.to_string(), format!("at column {column}: {}", err.kind));
        }
        let err = Query::parse("café stat:x").unwrap_err();
        assert_eq!((err.position, err.column), (6, 6));
        // Unicode letters before the colon are no qualifier name: this is text.
        assert_eq!(
            q("café ünknown:x").words[1],
            w(&["unknown", "x"], false, false)
        );
    }

    #[test]
    fn hints_suggest_the_qualifier_meant() {
        let hint = |text: &str| Query::parse(text).unwrap_err().hint().unwrap();
        assert!(hint("stat:open").starts_with("did you mean \"state:\"?"));
        assert!(hint("author:me").starts_with("did you mean \"reporter:\"?"));
        assert!(hint("assigne:me").starts_with("did you mean \"assignee:\"?"));
        assert_eq!(
            hint("http://example.com"),
            "to search for the text itself, put it in quotes"
        );
        assert!(hint("-state:open").contains("-word"));
        // An unknown name after a minus is an unknown qualifier.
        assert_eq!(
            Query::parse("-http://x").unwrap_err().kind,
            QueryErrorKind::UnknownQualifier("http".into())
        );
    }

    #[test]
    fn long_queries_are_refused() {
        let long = "a ".repeat(MAX_QUERY_BYTES / 2 + 1);
        let err = Query::parse(&long).unwrap_err();
        assert_eq!(
            err.kind,
            QueryErrorKind::TooLong {
                bytes: long.len(),
                limit: MAX_QUERY_BYTES
            }
        );
        assert!(Query::parse(&"a ".repeat(MAX_QUERY_BYTES / 2)).is_ok());
    }

    #[test]
    fn list_flags_make_the_same_query() {
        let flags = |f: ListFilters| Query::from_filters(&f);
        assert_eq!(flags(ListFilters::default()), Ok(Query::default()));
        assert_eq!(
            flags(ListFilters {
                closed: true,
                mine: true,
                assignee: Some("none".into()),
                contested: true,
                sort: Some("created".into()),
                limit: Some(5),
                ..ListFilters::default()
            })
            .unwrap()
            .to_string(),
            "state:closed assignee:none reporter:me is:contested sort:-created limit:5"
        );
        assert_eq!(
            flags(ListFilters {
                all: true,
                work: true,
                reporter: Some("bob@example.com".into()),
                sort: Some("updated".into()),
                ..ListFilters::default()
            })
            .unwrap(),
            q("state:all assignee:me reporter:bob@example.com sort:-updated")
        );
        // --state replaces --closed; other sorts ascend.
        assert_eq!(
            flags(ListFilters {
                closed: true,
                states: vec!["waiting".into(), "Testing".into()],
                sort: Some("severity".into()),
                ..ListFilters::default()
            })
            .unwrap(),
            q("state:waiting state:testing sort:severity")
        );
        for sort in ["key", "state", "assignee"] {
            let query = flags(ListFilters {
                sort: Some(sort.into()),
                ..ListFilters::default()
            })
            .unwrap();
            assert_eq!(query.to_string(), format!("sort:{sort}"));
        }
        let err = |f: ListFilters| flags(f).unwrap_err().to_string();
        assert_eq!(
            err(ListFilters {
                states: vec!["closd".into()],
                ..ListFilters::default()
            }),
            "invalid value for --state: invalid state: value \"closd\": expected a state name, \
             such as RESOLVING"
        );
        assert!(err(ListFilters {
            assignee: Some("me".into()),
            ..ListFilters::default()
        })
        .starts_with("invalid value for --assignee: invalid assignee: value \"me\""));
        assert!(err(ListFilters {
            reporter: Some("none".into()),
            ..ListFilters::default()
        })
        .starts_with("invalid value for --reporter"));
        assert!(err(ListFilters {
            sort: Some("-created".into()),
            ..ListFilters::default()
        })
        .starts_with("invalid value for --sort"));
        assert_eq!(
            err(ListFilters {
                work: true,
                assignee: Some("bob@example.com".into()),
                ..ListFilters::default()
            }),
            "--work and --assignee cannot be combined (one ticket has one assignee): give one \
             of them"
        );
        assert!(err(ListFilters {
            mine: true,
            reporter: Some("bob@example.com".into()),
            ..ListFilters::default()
        })
        .starts_with("--mine and --reporter"));
        assert!(err(ListFilters {
            closed: true,
            all: true,
            ..ListFilters::default()
        })
        .starts_with("--closed and --all"));
    }

    // ---- property tests ----

    fn state_term() -> impl Strategy<Value = StateTerm> {
        prop_oneof![
            proptest::sample::select(State::ALL.to_vec()).prop_map(StateTerm::Is),
            Just(StateTerm::Open),
            Just(StateTerm::Closed),
            Just(StateTerm::All),
        ]
    }

    fn person_term(nobody: bool) -> impl Strategy<Value = PersonTerm> {
        prop_oneof![
            Just(PersonTerm::Me),
            Just(if nobody {
                PersonTerm::Nobody
            } else {
                PersonTerm::Me
            }),
            "[a-zA-Z0-9.+_-]{1,8}@[a-z]{1,5}(\\.[a-z]{2,3})?".prop_map(PersonTerm::Email),
        ]
    }

    fn key_ref() -> impl Strategy<Value = KeyRef> {
        ("([A-Za-z][A-Za-z0-9_-]{0,4}-)?", 1..=MAX_NUMBER, "0{0,2}").prop_map(
            |(prefix, number, zeros)| KeyRef {
                text: format!("{prefix}{zeros}{number}"),
                prefix,
                number,
            },
        )
    }

    fn key_term() -> impl Strategy<Value = KeyTerm> {
        prop_oneof![
            key_ref().prop_map(KeyTerm::One),
            (key_ref(), key_ref()).prop_map(|(a, b)| {
                let (mut a, mut b) = if a.number <= b.number { (a, b) } else { (b, a) };
                if !a.prefix.is_empty() && !b.prefix.is_empty() {
                    b.text = format!("{}{}", a.prefix, b.number);
                    b.prefix = a.prefix.clone();
                }
                a.text = format!("{}{}", a.prefix, a.number);
                KeyTerm::Range(a, b)
            }),
        ]
    }

    fn date_point() -> impl Strategy<Value = DatePoint> {
        prop_oneof![
            (1i64..3_652_059).prop_map(|d| DatePoint::Day(
                NaiveDate::from_num_days_from_ce_opt(i32::try_from(d).unwrap()).unwrap()
            )),
            (-62_135_596_800i64..253_402_300_799)
                .prop_map(|s| DatePoint::Time(DateTime::from_timestamp(s, 0).unwrap())),
        ]
    }

    fn date_term() -> impl Strategy<Value = DateTerm> {
        prop_oneof![
            date_point().prop_map(DateTerm::On),
            date_point().prop_map(DateTerm::After),
            date_point().prop_map(DateTerm::AtOrAfter),
            date_point().prop_map(DateTerm::Before),
            date_point().prop_map(DateTerm::AtOrBefore),
            (date_point(), date_point()).prop_map(|(a, b)| if b.end() <= a.start() {
                DateTerm::Range(b, a)
            } else {
                DateTerm::Range(a, b)
            }),
        ]
    }

    fn field_term() -> impl Strategy<Value = FieldTerm> {
        (
            "[a-z][a-z0-9_-]{0,6}",
            proptest::option::of("\\PC{1,12}|[ \"\\\\=a]{1,6}"),
        )
            .prop_map(|(name, value)| FieldTerm { name, value })
    }

    fn word_term() -> impl Strategy<Value = WordTerm> {
        ("\\PC{1,20}", any::<bool>(), any::<bool>())
            .prop_filter_map("no letters", |(text, prefix, exclude)| {
                word(&text, exclude, prefix)
            })
    }

    fn sort() -> impl Strategy<Value = Sort> {
        (
            prop_oneof![
                proptest::sample::select(
                    SORT_KEYS.iter().map(|(_, k)| k.clone()).collect::<Vec<_>>()
                ),
                "[a-z][a-z0-9_-]{0,6}".prop_filter_map("a built-in name", |n| {
                    (!SORT_KEYS.iter().any(|(k, _)| *k == n)).then_some(SortKey::Field(n))
                }),
            ],
            any::<bool>(),
        )
            .prop_map(|(key, descending)| Sort { key, descending })
    }

    fn query() -> impl Strategy<Value = Query> {
        use proptest::collection::vec;
        (
            (
                vec(state_term(), 0..3),
                vec(person_term(true), 0..3),
                vec(person_term(false), 0..2),
                vec(person_term(false), 0..2),
                vec(key_term(), 0..3),
                vec(date_term(), 0..2),
                vec(date_term(), 0..2),
            ),
            (
                vec(field_term(), 0..3),
                vec("\\PC{1,12}|[ \"\\\\:a]{1,6}", 0..2),
                any::<bool>(),
                vec(word_term(), 0..4),
                proptest::option::of(sort()),
                proptest::option::of(0..=MAX_LIMIT),
            ),
            (
                any::<bool>(),
                any::<bool>(),
                vec("[a-z0-9:._é\"\\\\]{1,10}", 0..3),
            ),
        )
            .prop_map(
                |(
                    (states, assignees, reporters, watchers, keys, created, updated),
                    (fields, fingerprints, contested, words, sort, limit),
                    (blocked, blocking, labels),
                )| Query {
                    states,
                    assignees,
                    reporters,
                    watchers,
                    keys,
                    created,
                    updated,
                    fields,
                    fingerprints,
                    labels,
                    contested,
                    blocked,
                    blocking,
                    words,
                    sort,
                    limit,
                },
            )
    }

    /// Text made of the language's pieces, so that random queries often parse.
    fn query_like_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            proptest::sample::select(vec![
                "state:",
                "assignee:",
                "reporter:",
                "watcher:",
                "key:",
                "created:",
                "updated:",
                "field:",
                "label:",
                "is:",
                "no:",
                "sort:",
                "limit:",
                "priority:",
                "-",
                "\"",
                "\\",
                "*",
                "..",
                ">",
                ">=",
                "<",
                "<=",
                "=",
                "open",
                "closed",
                "me",
                "none",
                "TRK-",
                "12",
                "2026-01-05",
                "T10:00:00Z",
                "+02:00",
                "contested",
                "blocked",
                "blocking",
                "assignee",
                " ",
                "  ",
                "é",
                "a@b.c",
                "Café",
                "x",
            ])
            .prop_map(str::to_owned),
            "\\PC{1,3}",
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Parsing never panics, and what parses reads back from its canonical text.
        #[test]
        fn parsing_never_panics_and_round_trips(text in prop_oneof!["\\PC{0,60}", query_like_text(), ".{0,40}"]) {
            if let Ok(parsed) = Query::parse(&text) {
                let canonical = parsed.to_string();
                prop_assert_eq!(Query::parse(&canonical), Ok(parsed), "{:?} -> {:?}", text, canonical);
            } else if let Err(err) = Query::parse(&text) {
                prop_assert!(err.position <= text.len());
                prop_assert!(text.is_char_boundary(err.position));
            }
        }

        /// Every query the AST can hold prints as text that parses back to it.
        #[test]
        fn canonical_text_parses_back(query in query()) {
            let text = query.to_string();
            prop_assert_eq!(Query::parse(&text), Ok(query), "{}", text);
        }
    }
}
