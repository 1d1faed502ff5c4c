//! GitHub issues into tickets (R36): the JSON that
//! `gh issue list --state all --json number,title,body,author,assignees,labels,state,createdAt,closedAt,comments`
//! prints, read into the same checked [`Import`] as an export document.
//!
//! The mapping (`docs/export.md`, "From GitHub"): an issue becomes a ticket with the issue's
//! number (when free), title, body, author, assignees, labels (`label` events) and number
//! (the number field `github`); it is OPEN from its creation, RESOLVED at
//! `closedAt` when closed; comments keep their authors and times. A GitHub user is
//! `login <login@users.noreply.github.com>`. Ids are derived from the issue's number and
//! creation time, and each comment's id (or place), so that importing again finds them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::model::config::FieldType;
use crate::model::event::writable_at;
use crate::model::limits::MAX_NUMBER;
use crate::model::ticket::Ticket;
use crate::model::{Action, Event, EventId, Person, State, TicketId};
use crate::store::derived_id;
use crate::tracker::export::{
    array, field, object, optional, BadInput, ConfigSource, Import, ImportTicket,
};
use crate::tracker::import::field_def;

/// The custom field holding the GitHub issue number.
pub const NUMBER_FIELD: &str = "github";

/// The domain of the addresses given to GitHub users.
pub const NOREPLY: &str = "users.noreply.github.com";

#[derive(Deserialize)]
struct Login {
    #[serde(default)]
    login: String,
}

#[derive(Deserialize)]
struct Label {
    name: String,
}

/// Reads the output of `gh issue list --json …` (an array of issues), checked whole; `me` is
/// the person importing, who is recorded as closing the closed issues (the listing does not
/// say who closed them).
pub fn parse(bytes: &[u8], me: &Person) -> Result<Import, BadInput> {
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
    let Value::Array(issues) = &value else {
        return Err(BadInput::at(
            "",
            "expected an array of issues, as `gh issue list --json …` prints",
        ));
    };
    let mut labels_seen = BTreeSet::new();
    let mut tickets = Vec::with_capacity(issues.len());
    for (i, issue) in issues.iter().enumerate() {
        let t = ticket(issue, &format!("/{i}"), me, &mut labels_seen)?;
        tickets.push(t);
    }
    let mut fields = BTreeMap::new();
    fields.insert(
        NUMBER_FIELD.to_owned(),
        field_def(FieldType::Number, Vec::new(), false),
    );
    Ok(Import {
        config: ConfigSource::Fields(fields, labels_seen.into_iter().collect()),
        people: Vec::new(),
        tickets,
        new_texts: true,
    })
}

/// One event to be, before ids and clocks are given.
struct Step {
    at: DateTime<Utc>,
    author: Person,
    action: Action,
    /// What names it among the issue's events (its id is derived from it).
    tag: String,
    origin: String,
}

fn ticket(
    issue: &Value,
    at: &str,
    me: &Person,
    labels_seen: &mut BTreeSet<String>,
) -> Result<ImportTicket, BadInput> {
    let obj = object(issue, at)?;
    let number: u64 = field(obj, at, "number")?;
    if number == 0 || number > MAX_NUMBER {
        return Err(BadInput::at(
            format!("{at}/number"),
            format!("{number} is not a ticket number (1 to {MAX_NUMBER})"),
        ));
    }
    let raw_title: String = field(obj, at, "title")?;
    let title = one_line(&raw_title);
    crate::model::event::validate_title(&title)
        .map_err(|e| BadInput::at(format!("{at}/title"), e))?;
    let body: Option<String> = optional::<Option<String>>(obj, at, "body")?.flatten();
    let author = person(
        optional::<Option<Login>>(obj, at, "author")?.flatten(),
        &format!("{at}/author"),
    )?;
    let created_text: String = field(obj, at, "createdAt")?;
    let created = time(&created_text, &format!("{at}/createdAt"))?;
    let state: String = field(obj, at, "state")?;
    let closed = match state.to_ascii_uppercase().as_str() {
        "OPEN" => false,
        "CLOSED" => true,
        _ => {
            return Err(BadInput::at(
                format!("{at}/state"),
                format!("unknown state {state:?}: expected OPEN or CLOSED"),
            ))
        }
    };
    let closed_at = match optional::<Option<String>>(obj, at, "closedAt")?.flatten() {
        Some(text) if closed => Some(time(&text, &format!("{at}/closedAt"))?),
        None if closed => {
            return Err(BadInput::at(
                format!("{at}/closedAt"),
                "a closed issue needs the time it was closed",
            ))
        }
        _ => None,
    };
    let mut assignees = Vec::new();
    for (k, a) in array(obj, at, "assignees", true)?.iter().enumerate() {
        let aat = format!("{at}/assignees/{k}");
        let login: Login = Login::deserialize(a).map_err(|e| BadInput::at(&aat, e))?;
        let p = person(Some(login), &aat)?;
        if !assignees.iter().any(|q: &Person| q.same(&p)) {
            assignees.push(p);
        }
    }
    let mut labels = BTreeSet::new();
    for (k, l) in array(obj, at, "labels", true)?.iter().enumerate() {
        let label: Label =
            Label::deserialize(l).map_err(|e| BadInput::at(format!("{at}/labels/{k}"), e))?;
        let name = label_name(&label.name);
        if !name.is_empty() {
            labels.insert(name);
        }
    }
    labels_seen.extend(labels.iter().cloned());

    let id = TicketId::from_random(derived_id(&format!(
        "github issue\n{number}\n{}",
        created.format(crate::model::event::AT_FORMAT)
    )));
    let mut assignees = assignees.into_iter();
    let create = Step {
        at: created,
        author: author.clone(),
        action: Action::Create {
            number,
            title,
            description: body.as_deref().map(block).unwrap_or_default(),
            assignee: assignees.next(),
            watchers: assignees.collect(),
            fingerprint: None,
        },
        tag: "create".into(),
        origin: at.to_owned(),
    };
    let mut steps = vec![
        Step {
            at: created,
            author: author.clone(),
            action: Action::Field {
                name: NUMBER_FIELD.into(),
                value: number.to_string(),
            },
            tag: NUMBER_FIELD.into(),
            origin: format!("{at}/number"),
        },
        Step {
            at: created,
            author: author.clone(),
            action: Action::State {
                from: State::Posted,
                to: State::Open,
                message: String::new(),
                automatic: false,
            },
            tag: "open".into(),
            origin: format!("{at}/state"),
        },
    ];
    // An event holds at most MAX_LABELS_PER_EVENT labels; more go in further events.
    let labels: Vec<String> = labels.into_iter().collect();
    for add in labels.chunks(crate::model::limits::MAX_LABELS_PER_EVENT) {
        steps.push(Step {
            at: created,
            author: author.clone(),
            tag: format!("labels\n{}", add.join(",")),
            action: Action::Label {
                add: add.to_vec(),
                remove: Vec::new(),
            },
            origin: format!("{at}/labels"),
        });
    }
    for (k, c) in array(obj, at, "comments", true)?.iter().enumerate() {
        let cat = format!("{at}/comments/{k}");
        let cobj = object(c, &cat)?;
        let cauthor = person(
            optional::<Option<Login>>(cobj, &cat, "author")?.flatten(),
            &format!("{cat}/author"),
        )?;
        let text: String = field(cobj, &cat, "createdAt")?;
        let when = time(&text, &format!("{cat}/createdAt"))?;
        let body: Option<String> = optional::<Option<String>>(cobj, &cat, "body")?.flatten();
        let cid: Option<String> = optional::<Option<String>>(cobj, &cat, "id")?.flatten();
        steps.push(Step {
            at: when,
            author: cauthor,
            action: Action::Comment {
                body: body.as_deref().map(block).unwrap_or_default(),
            },
            tag: match cid {
                Some(cid) => format!("comment\n{cid}"),
                None => format!("comment #{k}"),
            },
            origin: cat,
        });
    }
    if let Some(when) = closed_at {
        steps.push(Step {
            at: when,
            author: me.clone(),
            action: Action::State {
                from: State::Open,
                to: State::Resolved,
                message: String::new(),
                automatic: false,
            },
            tag: format!("closed\n{}", when.format(crate::model::event::AT_FORMAT)),
            origin: format!("{at}/closedAt"),
        });
    }
    // In time order (stable: the order above breaks ties), after the creation.
    steps.sort_by_key(|s| s.at);
    let mut events = Vec::with_capacity(steps.len() + 1);
    let mut origins = std::collections::HashMap::new();
    let mut parent: Option<EventId> = None;
    for (n, s) in std::iter::once(create).chain(steps).enumerate() {
        let eid = EventId::from_random(derived_id(&format!("{id}\n{}", s.tag)));
        if origins.insert(eid.clone(), s.origin.clone()).is_some() {
            return Err(BadInput::at(s.origin, "the same event twice in one issue"));
        }
        let e = Event {
            id: eid.clone(),
            ticket: id.clone(),
            lamport: n as u64 + 1,
            parents: parent.iter().cloned().collect(),
            at: s.at,
            author: s.author,
            action: s.action,
            commit: None,
        };
        e.action
            .validate()
            .map_err(|err| BadInput::at(s.origin.clone(), err))?;
        parent = Some(eid);
        events.push(e);
    }
    let folded = Ticket::fold(events).map_err(|e| BadInput::at(at, e))?;
    let event_origins = folded
        .events
        .iter()
        .map(|e| origins.get(&e.id).cloned().unwrap_or_default())
        .collect();
    Ok(ImportTicket {
        id,
        number,
        created: folded.created,
        events: folded.events,
        files: Vec::new(),
        origin: at.to_owned(),
        event_origins,
    })
}

/// A GitHub user as a person: `login <login@users.noreply.github.com>`, the address made of
/// the login's letters, digits, `.`, `_` and `-` (others become `-`: `app/dependabot`, a
/// bot, is `app-dependabot@…`). No author (a deleted account) is GitHub's `ghost`.
fn person(login: Option<Login>, at: &str) -> Result<Person, BadInput> {
    let login = login
        .map(|l| l.login)
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| "ghost".into());
    let local: String = login
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let local = local.trim_matches('.');
    Person::new(&one_line(&login), &format!("{local}@{NOREPLY}"))
        .map_err(|e| BadInput::at(format!("{at}/login"), e))
}

/// A time as GitHub writes it (RFC 3339), to the second.
fn time(text: &str, at: &str) -> Result<DateTime<Utc>, BadInput> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .and_then(|t| DateTime::from_timestamp(t.timestamp(), 0))
        .filter(|t| writable_at(*t))
        .ok_or_else(|| BadInput::at(at, format!("{text:?} is not an RFC 3339 time")))
}

/// A multi-line text: CRLF and CR become LF; other control characters but tab go.
fn block(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// A one-line text: control characters become spaces; trimmed.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// A GitHub label as a label here (`docs/format.md`, `label`): lower case, each run of
/// whitespace a `-`, a comma a `;`, without leading `+` or `-`, cut to 50 characters; empty
/// when nothing is left (the label is then dropped).
fn label_name(name: &str) -> String {
    let words: Vec<String> = one_line(name)
        .split_whitespace()
        .map(|w| w.to_lowercase().replace(',', ";"))
        .collect();
    words
        .join("-")
        .trim_start_matches(['+', '-'])
        .chars()
        .take(crate::model::limits::MAX_LABEL_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me() -> Person {
        Person::new("Ann", "ann@example.com").unwrap()
    }

    #[test]
    fn users_labels_and_texts_are_mapped() {
        let p = person(
            Some(Login {
                login: "app/dependabot".into(),
            }),
            "",
        )
        .unwrap();
        assert_eq!(p.email, "app-dependabot@users.noreply.github.com");
        assert_eq!(person(None, "").unwrap().name, "ghost");
        assert_eq!(block("a\r\nb\rc\u{7}d\te"), "a\nb\ncd\te");
        assert_eq!(label_name(" a,b "), "a;b");
        assert_eq!(label_name("Good First\tIssue"), "good-first-issue");
        assert_eq!(label_name("-+ x"), "x");
        assert_eq!(label_name(" - "), "");
        assert_eq!(label_name(&"é".repeat(60)).chars().count(), 50);
        for l in ["a;b", "good-first-issue", "x"] {
            crate::model::event::validate_label(l).unwrap();
        }
    }

    #[test]
    fn issues_become_tickets_with_stable_ids_and_places_for_problems() {
        let json = r#"[{"number": 7, "title": "T", "body": null,
            "author": {"login": "octo", "name": "Octo Cat", "id": "X", "is_bot": false},
            "assignees": [{"login": "bob"}], "labels": [{"name": "bug"}],
            "state": "CLOSED", "createdAt": "2024-01-15T11:00:00Z",
            "closedAt": "2024-01-16T11:00:00Z",
            "comments": [{"id": "IC_1", "author": {"login": "bob"}, "body": "hi",
                          "createdAt": "2024-01-15T12:00:00Z"}]}]"#;
        let a = parse(json.as_bytes(), &me()).unwrap();
        let b = parse(json.as_bytes(), &me()).unwrap();
        assert_eq!(a.tickets[0].id, b.tickets[0].id);
        let kinds: Vec<&str> = a.tickets[0]
            .events
            .iter()
            .map(|e| e.action.kind())
            .collect();
        assert_eq!(
            kinds,
            ["create", "field", "state", "label", "comment", "state"]
        );
        assert_eq!(a.tickets[0].events[5].author, me());
        let place = |j: &str| parse(j.as_bytes(), &me()).unwrap_err().pointer;
        assert_eq!(place(&json.replace("CLOSED", "MERGED")), "/0/state");
        assert_eq!(place(&json.replace("\"T\"", "\"\"")), "/0/title");
        assert_eq!(
            place(&json.replace("2024-01-15T12:00:00Z", "yesterday")),
            "/0/comments/0/createdAt"
        );
        assert_eq!(place("{}"), "");
    }
}
