//! People: reporters, assignees, watchers and authors, identified by email.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};

use serde::{Deserialize, Serialize};

use crate::model::error::ValidationError;

/// A person as git knows them. Two people are the same person when their emails are equal
/// (case-insensitively); the name is for display.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Person {
    /// Display name.
    pub name: String,
    /// Email address, the identity.
    pub email: String,
}

impl Person {
    /// Builds a validated person.
    pub fn new(name: &str, email: &str) -> Result<Self, ValidationError> {
        let p = Self {
            name: name.trim().to_owned(),
            email: email.trim().to_owned(),
        };
        p.validate()?;
        Ok(p)
    }

    /// Checks the email address and that the name is one line.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_email(&self.email)?;
        if self.name.chars().any(char::is_control) {
            return Err(ValidationError::NotOneLine { field: "name" });
        }
        Ok(())
    }

    /// Whether two records name the same person.
    pub fn same(&self, other: &Self) -> bool {
        self.email.eq_ignore_ascii_case(&other.email)
    }

    /// Whether this person has the given email.
    pub fn has_email(&self, email: &str) -> bool {
        self.email.eq_ignore_ascii_case(email)
    }

    /// How tables show them: their name, or their email when they gave no name.
    pub fn shown(&self) -> &str {
        if self.name.is_empty() {
            &self.email
        } else {
            &self.name
        }
    }
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.is_empty() {
            write!(f, "<{}>", self.email)
        } else {
            write!(f, "{} <{}>", self.name, self.email)
        }
    }
}

/// Checks an email address: `local@domain`, one `@`, no spaces, control characters, angle
/// brackets, quotes or commas, a domain of non-empty dot-separated labels.
pub fn validate_email(email: &str) -> Result<(), ValidationError> {
    let bad = || ValidationError::InvalidEmail(email.to_owned());
    if email.len() > 254 {
        return Err(bad());
    }
    let (local, domain) = email.split_once('@').ok_or_else(bad)?;
    let forbidden = |c: char| c.is_whitespace() || c.is_control() || "<>\"',;:()[]\\@".contains(c);
    if local.is_empty() || domain.is_empty() || local.chars().any(forbidden) {
        return Err(bad());
    }
    if domain.chars().any(forbidden) || domain.split('.').any(str::is_empty) {
        return Err(bad());
    }
    Ok(())
}

/// One name per person (`docs/format.md`, "Names"): people commit under varying names for one
/// email, and every output shows the one name the branch settles on for that email. Keyed by
/// the lower-cased email.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names(BTreeMap<String, String>);

impl Names {
    /// Records `name` as the name of `email`.
    pub fn insert(&mut self, email: &str, name: String) {
        self.0.insert(email.to_ascii_lowercase(), name);
    }

    /// The name of `email`, if the branch names it.
    pub fn get(&self, email: &str) -> Option<&str> {
        self.0.get(&email.to_ascii_lowercase()).map(String::as_str)
    }

    /// Gives `p` the name of its email, when the branch names it.
    pub fn fix(&self, p: &mut Person) {
        if let Some(name) = self.get(&p.email) {
            if p.name != name {
                name.clone_into(&mut p.name);
            }
        }
    }

    /// `p` with the name of its email.
    pub fn person(&self, p: &Person) -> Person {
        let mut p = p.clone();
        self.fix(&mut p);
        p
    }

    /// How many emails are named.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no email is named.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An event naming a person, a candidate for their one name ([`Names`]): the name of the
/// latest event they wrote wins, else the name of the latest event that names them (as the
/// assignee or a watcher), by time, then event id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Naming {
    /// The lower-cased email.
    pub email: String,
    /// Whether the person wrote the event (else the event names them).
    pub authored: bool,
    /// The event's time.
    pub at: DateTime<Utc>,
    /// The event's id.
    pub event: String,
    /// The name it gives (never empty).
    pub name: String,
}

impl Naming {
    /// The order that decides: the greater wins.
    pub fn rank(&self) -> (bool, DateTime<Utc>, &str) {
        (self.authored, self.at, &self.event)
    }
}

/// What stands for the person running the command wherever a person is expected (`assign`,
/// `watch`, `new --assignee`, `list --assignee`, the query language's `assignee:@me`, …).
pub const ME: &str = "@me";

/// Whether `input` is [`ME`] (ignoring ASCII case and surrounding whitespace).
pub fn is_me(input: &str) -> bool {
    input.trim().eq_ignore_ascii_case(ME)
}

/// A person as a user typed them: `@me`, `Name <email>` or an email. Every command that takes a
/// person reads it through [`PersonArg::parse`], so that they all accept the same forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersonArg {
    /// `@me`: the person running the command.
    Me,
    /// Someone named by email (with the name they were given, or the email's local part).
    Someone(Person),
}

impl PersonArg {
    /// Parses `@me`, `Name <email>` or `email`.
    pub fn parse(input: &str) -> Result<Self, ValidationError> {
        if is_me(input) {
            return Ok(Self::Me);
        }
        parse_person(input).map(Self::Someone)
    }

    /// The person meant, `me` being the person running the command (none without a git
    /// identity: then `@me` is refused).
    pub fn resolve(self, me: Option<&Person>) -> Result<Person, ValidationError> {
        match self {
            Self::Someone(p) => Ok(p),
            Self::Me => me
                .cloned()
                .ok_or_else(|| ValidationError::NoIdentity(ME.to_owned())),
        }
    }
}

/// An email where only an email is expected (a filter, a role, a `user` field): `input`
/// itself, checked, or `me`'s email for `@me`.
pub fn email_or_me(input: &str, me: Option<&str>) -> Result<String, ValidationError> {
    if is_me(input) {
        return me
            .map(str::to_owned)
            .ok_or_else(|| ValidationError::NoIdentity(ME.to_owned()));
    }
    let email = input.trim();
    validate_email(email)?;
    Ok(email.to_owned())
}

/// Parses `Name <email>` or a bare `email` (the name is then the part before `@`).
pub fn parse_person(input: &str) -> Result<Person, ValidationError> {
    let s = input.trim();
    if let Some(open) = s.rfind('<') {
        if let Some(inner) = s[open + 1..].strip_suffix('>') {
            return Person::new(s[..open].trim(), inner);
        }
    }
    validate_email(s)?;
    let name = s.split('@').next().unwrap_or_default();
    Person::new(name, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked() {
        for good in ["a@b.c", "first.last+tag@example.co.uk", "x@localhost"] {
            assert!(validate_email(good).is_ok(), "{good}");
        }
        for bad in [
            "", "a", "@b", "a@", "a b@c", "a@b..c", "a@@b", "a@b\n", "<a@b>", "a@b.", "a,b@c",
        ] {
            assert!(validate_email(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn people_parse_with_or_without_a_name() {
        let p = parse_person("Bob Smith <bob@example.com>").unwrap();
        assert_eq!(
            (p.name.as_str(), p.email.as_str()),
            ("Bob Smith", "bob@example.com")
        );
        let p = parse_person("carol@example.com").unwrap();
        assert_eq!(
            (p.name.as_str(), p.email.as_str()),
            ("carol", "carol@example.com")
        );
        assert!(parse_person("Bob <not an email>").is_err());
        assert!(Person::new("two\nlines", "a@b.c").is_err());
    }

    #[test]
    fn at_me_is_the_person_running_the_command_wherever_a_person_is_expected() {
        let me = Person::new("Ann", "ann@example.com").unwrap();
        for typed in ["@me", " @ME ", "@Me"] {
            assert_eq!(PersonArg::parse(typed), Ok(PersonArg::Me));
            assert_eq!(
                PersonArg::parse(typed).unwrap().resolve(Some(&me)),
                Ok(me.clone())
            );
            assert_eq!(
                email_or_me(typed, Some("ann@example.com")).as_deref(),
                Ok("ann@example.com")
            );
        }
        assert_eq!(
            PersonArg::Me.resolve(None),
            Err(ValidationError::NoIdentity("@me".into()))
        );
        assert!(email_or_me("@me", None).is_err());
        let bob = PersonArg::parse("Bob <bob@example.com>").unwrap();
        assert_eq!(
            bob.resolve(Some(&me)).unwrap().email,
            "bob@example.com".to_owned()
        );
        assert_eq!(
            email_or_me(" bob@example.com ", None).as_deref(),
            Ok("bob@example.com")
        );
        for bad in ["me", "@you", "@me@x", "bob"] {
            assert!(email_or_me(bad, Some("ann@example.com")).is_err(), "{bad}");
        }
        assert!(PersonArg::parse("@mee").is_err());
    }

    #[test]
    fn names_are_by_email_whatever_the_case() {
        let mut names = Names::default();
        names.insert("Ann@Example.com", "Ann Author".into());
        let mut p = Person::new("ann", "ann@EXAMPLE.com").unwrap();
        names.fix(&mut p);
        assert_eq!(p.name, "Ann Author");
        assert_eq!(p.email, "ann@EXAMPLE.com");
        let bob = Person::new("Bob", "bob@example.com").unwrap();
        assert_eq!(names.person(&bob), bob);
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn identity_is_the_email_case_insensitively() {
        let a = Person::new("A", "Alice@Example.com").unwrap();
        let b = Person::new("Alice B.", "alice@example.com").unwrap();
        assert!(a.same(&b));
    }
}
