//! What a transfer up (R34) and a dispatch down (R35) write in the receiving tracker: pure
//! functions of the original ticket, the receiving tracker's configuration, fresh ids and the
//! time. The operations (`tracker::transfer`) read and write; this decides the events.

use chrono::{DateTime, Utc};

use crate::model::config::{Role, TrackerConfig};
use crate::model::event::{attachment_path, Action, Attachment, Event};
use crate::model::id::{EventId, TicketId};
use crate::model::person::Person;
use crate::model::state::State;
use crate::model::ticket::{AttachedFile, Ticket};

/// Where the original ticket is, as the receiving tracker's `origin` event names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The original tracker's branch.
    pub tracker: String,
    /// The original repository's name, when the receiving tracker is in another one.
    pub repository: Option<String>,
    /// The original's key.
    pub key: String,
}

/// The events of the new ticket, and what the person sending it should hear.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    /// The events to write, in order (the create first).
    pub events: Vec<Event>,
    /// One warning per custom field the receiving tracker lacks (or whose value it refuses):
    /// its value is kept in the copy's description instead.
    pub warnings: Vec<String>,
}

/// Who acts, when, and the fresh ids the events need.
pub struct Writer<'a> {
    /// The person sending the ticket.
    pub actor: &'a Person,
    /// Now.
    pub at: DateTime<Utc>,
    /// A fresh random event id on each call.
    pub new_id: &'a mut dyn FnMut() -> EventId,
}

impl Writer<'_> {
    fn event(
        &mut self,
        ticket: &TicketId,
        lamport: u64,
        parents: Vec<EventId>,
        action: Action,
    ) -> Event {
        Event {
            id: (self.new_id)(),
            ticket: ticket.clone(),
            lamport,
            parents,
            at: self.at,
            author: self.actor.clone(),
            action,
            commit: None,
        }
    }
}

/// The copy that a transfer up writes in the parent (R34): a new ticket `copy` numbered
/// `number`, created by the original's reporter at the original's time with its title and
/// description, assigned to `assignee` (the parent's default assignee) with `watchers` (the
/// other default assignees); then its `origin` (the link down), the custom fields the parent
/// has (mapped by name, each value checked against the parent's definition), the original's
/// comments that are not deleted, each with its author, time, current text and id (so that
/// files named after a comment follow it), the `attach` events of the files attached to the
/// ticket and to those comments (their ids kept, their paths under the copy's directory), and
/// a comment with `why` when given. A field the
/// parent lacks, or whose value it refuses, is named in a warning and kept at the end of the
/// description. The copy starts POSTED, as every new ticket.
#[allow(clippy::too_many_arguments)]
pub fn copy_up(
    original: &Ticket,
    source: &Source,
    target: &TrackerConfig,
    copy: &TicketId,
    number: u64,
    assignee: Option<Person>,
    watchers: Vec<Person>,
    why: &str,
    w: &mut Writer<'_>,
) -> Arrival {
    let mut warnings = Vec::new();
    let mut mapped = Vec::new();
    let mut kept = Vec::new();
    for (name, value) in &original.fields {
        match target.check_field(name, value) {
            Ok(v) if !v.is_empty() => mapped.push((name.clone(), v)),
            Ok(_) => {}
            Err(e) => {
                let why = if target.fields.contains_key(name) {
                    format!("refuses its value ({e})")
                } else {
                    "has no such field".to_owned()
                };
                warnings.push(format!(
                    "field {name}: the parent tracker {why}; its value is kept in the \
                     description of the copy"
                ));
                kept.push(format!("- {name}: {value}"));
            }
        }
    }
    for (name, def) in &target.fields {
        if def.mandatory && !mapped.iter().any(|(n, _)| n == name) {
            warnings.push(format!(
                "field {name} is mandatory in the parent tracker, and the copy has no value for \
                 it"
            ));
        }
    }
    let mut description = original.description.clone();
    if !kept.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&format!(
            "Fields of {} that this tracker does not have:\n{}",
            source.key,
            kept.join("\n")
        ));
    }
    let create = Event {
        id: (w.new_id)(),
        ticket: copy.clone(),
        lamport: 1,
        parents: Vec::new(),
        at: original.created,
        author: original.reporter.clone(),
        action: Action::Create {
            number,
            title: original.title.clone(),
            description,
            assignee,
            watchers,
            fingerprint: None,
        },
        commit: None,
    };
    let mut events = vec![create];
    let push = |w: &mut Writer<'_>, events: &mut Vec<Event>, action: Action| {
        let last = events.last().expect("the create event is there");
        let e = w.event(copy, last.lamport + 1, vec![last.id.clone()], action);
        events.push(e);
    };
    push(
        w,
        &mut events,
        Action::Origin {
            tracker: source.tracker.clone(),
            repository: source.repository.clone(),
            ticket: original.id.clone(),
            key: source.key.clone(),
            dispatch: false,
        },
    );
    for (name, value) in mapped {
        push(w, &mut events, Action::Field { name, value });
    }
    for c in original.comments.iter().filter(|c| !c.deleted) {
        let last = events.last().expect("the create event is there");
        events.push(Event {
            id: c.id.clone(),
            ticket: copy.clone(),
            lamport: last.lamport + 1,
            parents: vec![last.id.clone()],
            at: c.at,
            author: c.author.clone(),
            action: Action::Comment {
                body: c.body.clone(),
            },
            commit: None,
        });
    }
    // The files attached to the ticket and to the comments copied, each `attach` event with
    // its id (so the files keep their directory) and its paths under the copy's directory.
    let deleted: std::collections::HashSet<&EventId> = original
        .comments
        .iter()
        .filter(|c| c.deleted)
        .map(|c| &c.id)
        .collect();
    // By event, in fold order: the fold lists an event's files next to each other.
    let mut attached: Vec<(&EventId, Vec<&AttachedFile>)> = Vec::new();
    for a in &original.attachments {
        if a.comment.as_ref().is_some_and(|c| deleted.contains(c)) {
            continue;
        }
        match attached.last_mut() {
            Some((e, files)) if *e == &a.event => files.push(a),
            _ => attached.push((&a.event, vec![a])),
        }
    }
    for (event, files) in attached {
        let last = events.last().expect("the create event is there");
        let first = files[0];
        events.push(Event {
            id: event.clone(),
            ticket: copy.clone(),
            lamport: last.lamport + 1,
            parents: vec![last.id.clone()],
            at: first.at,
            author: first.author.clone(),
            action: Action::Attach {
                comment: first.comment.clone(),
                files: files
                    .iter()
                    .map(|a| Attachment {
                        path: attachment_path(copy, event, &a.file.name),
                        ..a.file.clone()
                    })
                    .collect(),
            },
            commit: None,
        });
    }
    if !why.trim().is_empty() {
        push(
            w,
            &mut events,
            Action::Comment {
                body: why.to_owned(),
            },
        );
    }
    Arrival { events, warnings }
}

/// What a dispatch down adds to the whole history it moves to a sub-tracker (R35), besides the
/// original's create event renumbered `number` (given back first): the `origin` event; then,
/// when the assignee is not a developer of the sub-tracker (or there is none), an assignment
/// to `default_assignee` (the sub-tracker's first default assignee; unassigned when it has
/// none) and a move back to POSTED. Fields the sub-tracker lacks are named in warnings (their
/// values stay in the history).
pub fn dispatch_down(
    original: &Ticket,
    source: &Source,
    target: &TrackerConfig,
    number: u64,
    default_assignee: Option<Person>,
    w: &mut Writer<'_>,
) -> Arrival {
    let mut warnings: Vec<String> = original
        .fields
        .keys()
        .filter(|name| !target.fields.contains_key(*name))
        .map(|name| {
            format!(
                "field {name}: the sub-tracker has no such field; its value stays in the history"
            )
        })
        .collect();
    let mut events = Vec::new();
    if let Some(create) = original
        .events
        .iter()
        .find(|e| matches!(e.action, Action::Create { .. }))
    {
        let mut c = create.clone();
        if let Action::Create { number: n, .. } = &mut c.action {
            *n = number;
        }
        events.push(c);
    }
    let mut lamport = original.lamport;
    let mut parents = original.heads.clone();
    let mut push = |w: &mut Writer<'_>, events: &mut Vec<Event>, action: Action| {
        lamport += 1;
        let e = w.event(&original.id, lamport, std::mem::take(&mut parents), action);
        parents = vec![e.id.clone()];
        events.push(e);
    };
    push(
        w,
        &mut events,
        Action::Origin {
            tracker: source.tracker.clone(),
            repository: source.repository.clone(),
            ticket: original.id.clone(),
            key: source.key.clone(),
            dispatch: true,
        },
    );
    let developer = original
        .assignee
        .as_ref()
        .is_some_and(|a| target.roles_of(&a.email).contains(&Role::Developer));
    if !developer {
        let same = match (&original.assignee, &default_assignee) {
            (Some(a), Some(b)) => a.same(b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            if let Some(a) = &original.assignee {
                warnings.push(format!(
                    "{} is not a developer of the sub-tracker: the ticket goes to {} and back to \
                     POSTED",
                    a.email,
                    default_assignee
                        .as_ref()
                        .map_or("nobody (it has no default assignee)", |p| p.email.as_str())
                ));
            }
            push(
                w,
                &mut events,
                Action::Assign {
                    assignee: default_assignee,
                },
            );
        }
        if original.state != State::Posted {
            push(
                w,
                &mut events,
                Action::State {
                    from: original.state,
                    to: State::Posted,
                    message: format!("dispatched from {}", source.key),
                    automatic: false,
                },
            );
        }
    }
    Arrival { events, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person::new(name, &format!("{}@example.com", name.to_lowercase())).unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    /// A ticket by Ann with a field `severity`, a field `team`, two comments (one deleted),
    /// assigned to Bob, OPEN.
    fn original() -> Ticket {
        let id = TicketId::from_random([7; 16]);
        let ann = person("Ann");
        let mut n = 0u8;
        let mut ev = |lamport: u64, author: &Person, when: &str, action: Action| {
            n += 1;
            Event {
                id: EventId::from_random([n; 16]),
                ticket: id.clone(),
                lamport,
                parents: Vec::new(),
                at: at(when),
                author: author.clone(),
                action,
                commit: None,
            }
        };
        let events = vec![
            ev(
                1,
                &ann,
                "2026-01-01T10:00:00Z",
                Action::Create {
                    number: 3,
                    title: "Broken".into(),
                    description: "It fails.".into(),
                    assignee: Some(person("Bob")),
                    watchers: Vec::new(),
                    fingerprint: None,
                },
            ),
            ev(
                2,
                &ann,
                "2026-01-01T10:01:00Z",
                Action::Field {
                    name: "severity".into(),
                    value: "high".into(),
                },
            ),
            ev(
                3,
                &ann,
                "2026-01-01T10:02:00Z",
                Action::Field {
                    name: "team".into(),
                    value: "core".into(),
                },
            ),
            ev(
                4,
                &person("Cy"),
                "2026-01-02T09:00:00Z",
                Action::Comment {
                    body: "Seen too".into(),
                },
            ),
            ev(
                5,
                &ann,
                "2026-01-02T09:30:00Z",
                Action::Comment {
                    body: "oops".into(),
                },
            ),
            ev(
                6,
                &ann,
                "2026-01-02T09:31:00Z",
                Action::CommentDelete {
                    comment: EventId::from_random([5; 16]),
                },
            ),
            ev(
                7,
                &person("Bob"),
                "2026-01-03T09:00:00Z",
                Action::State {
                    from: State::Posted,
                    to: State::Open,
                    message: String::new(),
                    automatic: false,
                },
            ),
        ];
        Ticket::fold(events).unwrap()
    }

    fn source() -> Source {
        Source {
            tracker: "dev".into(),
            repository: None,
            key: "DEV-3".into(),
        }
    }

    #[test]
    fn a_copy_carries_title_description_comments_and_the_fields_the_parent_has() {
        let mut target = TrackerConfig::default();
        target.set("fields.severity.type", "choice").unwrap();
        target.set("fields.severity.choices", "low,high").unwrap();
        let boss = person("Boss");
        let mut k = 100u8;
        let mut new_id = || {
            k += 1;
            EventId::from_random([k; 16])
        };
        let mut w = Writer {
            actor: &boss,
            at: at("2026-02-01T00:00:00Z"),
            new_id: &mut new_id,
        };
        let copy = TicketId::from_random([9; 16]);
        let original = original();
        let arrival = copy_up(
            &original,
            &source(),
            &target,
            &copy,
            12,
            Some(person("Lead")),
            Vec::new(),
            "needs the platform team",
            &mut w,
        );
        assert_eq!(
            arrival.warnings,
            [
                "field team: the parent tracker has no such field; its value is kept in the \
              description of the copy"
            ]
        );
        let t = Ticket::fold(arrival.events.clone()).unwrap();
        assert_eq!(t.number, 12);
        assert_eq!(t.state, State::Posted);
        assert_eq!(t.reporter, person("Ann"));
        assert_eq!(t.created, original.created);
        assert_eq!(t.assignee, Some(person("Lead")));
        assert_eq!(
            t.description,
            "It fails.\n\nFields of DEV-3 that this tracker does not have:\n- team: core"
        );
        assert_eq!(t.fields.get("severity").map(String::as_str), Some("high"));
        assert_eq!(t.fields.len(), 1);
        let comments: Vec<(&str, &str)> = t
            .comments
            .iter()
            .map(|c| (c.author.name.as_str(), c.body.as_str()))
            .collect();
        assert_eq!(
            comments,
            [("Cy", "Seen too"), ("Boss", "needs the platform team")]
        );
        // The copied comment keeps its id and time.
        assert_eq!(t.comments[0].id, original.comments[0].id);
        assert_eq!(t.comments[0].at, original.comments[0].at);
        let origin = t.origin.unwrap();
        assert_eq!(
            (
                origin.tracker.as_str(),
                origin.key.as_str(),
                origin.dispatch
            ),
            ("dev", "DEV-3", false)
        );
        assert_eq!(origin.ticket, original.id);
        // Every event a writer would check passes the parent's rules.
        for e in &arrival.events {
            target.check_event(e).unwrap();
        }
    }

    #[test]
    fn a_value_the_parent_refuses_is_kept_in_the_description() {
        let mut target = TrackerConfig::default();
        target.set("fields.severity.type", "choice").unwrap();
        target
            .set("fields.severity.choices", "minor,major")
            .unwrap();
        target.set("fields.team.type", "text").unwrap();
        let boss = person("Boss");
        let mut k = 100u8;
        let mut new_id = || {
            k += 1;
            EventId::from_random([k; 16])
        };
        let mut w = Writer {
            actor: &boss,
            at: at("2026-02-01T00:00:00Z"),
            new_id: &mut new_id,
        };
        let arrival = copy_up(
            &original(),
            &source(),
            &target,
            &TicketId::from_random([9; 16]),
            1,
            None,
            Vec::new(),
            "",
            &mut w,
        );
        assert_eq!(arrival.warnings.len(), 1, "{:?}", arrival.warnings);
        assert!(arrival.warnings[0].starts_with("field severity: the parent tracker refuses"));
        let t = Ticket::fold(arrival.events).unwrap();
        assert!(
            t.description.ends_with("- severity: high"),
            "{}",
            t.description
        );
        assert_eq!(t.fields.get("team").map(String::as_str), Some("core"));
    }

    #[test]
    fn a_dispatch_keeps_the_history_and_applies_the_assignee_rule() {
        let boss = person("Boss");
        let mut k = 100u8;
        let mut new_id = || {
            k += 1;
            EventId::from_random([k; 16])
        };
        let original = original();
        // Bob is a developer there: the ticket keeps him and its state.
        let mut team = TrackerConfig::default();
        team.set("roles.developer", "bob@example.com").unwrap();
        let mut w = Writer {
            actor: &boss,
            at: at("2026-02-01T00:00:00Z"),
            new_id: &mut new_id,
        };
        let a = dispatch_down(&original, &source(), &team, 4, Some(person("Lead")), &mut w);
        let mut all: Vec<Event> = original
            .events
            .iter()
            .filter(|e| !matches!(e.action, Action::Create { .. }))
            .cloned()
            .collect();
        all.extend(a.events.clone());
        let t = Ticket::fold(all).unwrap();
        assert_eq!(t.number, 4);
        assert_eq!(t.state, State::Open);
        assert_eq!(t.assignee, Some(person("Bob")));
        assert_eq!(t.comments.len(), 2);
        assert_eq!(t.id, original.id);
        assert!(t.origin.as_ref().unwrap().dispatch);
        // Two fields the team lacks.
        assert_eq!(a.warnings.len(), 2, "{:?}", a.warnings);

        // Not a developer there: the default assignee, back to POSTED.
        let other = TrackerConfig::default();
        let mut w = Writer {
            actor: &boss,
            at: at("2026-02-01T00:00:00Z"),
            new_id: &mut new_id,
        };
        let b = dispatch_down(
            &original,
            &source(),
            &other,
            4,
            Some(person("Lead")),
            &mut w,
        );
        let mut all: Vec<Event> = original
            .events
            .iter()
            .filter(|e| !matches!(e.action, Action::Create { .. }))
            .cloned()
            .collect();
        all.extend(b.events);
        let t = Ticket::fold(all).unwrap();
        assert_eq!(t.state, State::Posted);
        assert_eq!(t.assignee, Some(person("Lead")));
        assert!(t.contested.is_empty(), "{:?}", t.contested);
        assert!(b
            .warnings
            .iter()
            .any(|w| w.contains("bob@example.com is not a developer")));
    }
}
