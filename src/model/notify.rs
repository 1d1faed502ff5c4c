//! What a person may hear about (R33): the kinds of change a notification is about, and a
//! person's preferences over them — the tracker's defaults (`notify_defaults` in
//! `tracker.toml`) with the person's own choices on top (`prefs` events in their directory,
//! `docs/format.md`, "People").

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::config::{Role, TrackerConfig};
use crate::model::error::ValidationError;
use crate::model::event::{Action, Event};
use crate::model::person::Person;
use crate::model::state::State;
use crate::model::ticket::Ticket;

/// A kind of change someone can be told about: a move to a state (every state but POSTED, in
/// the seed's spelling), a comment, or an assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotifyEvent {
    /// A move to OPEN (the seed's "avis à l'ouverture").
    Open,
    /// A move to RESOLVING ("prise en charge").
    Resolving,
    /// A move to WAITING ("mise en sommeil").
    Waiting,
    /// A move to TESTING.
    Testing,
    /// A move to PUBLISHED.
    Published,
    /// A move to RESOLVED ("conclusion").
    Resolved,
    /// A move to ABANDONNED ("abandon").
    Abandonned,
    /// A move to VALIDATED.
    Validated,
    /// A move to TRANSFERED.
    Transfered,
    /// A comment added, edited or deleted ("commentaires déposés").
    Comment,
    /// The assignee changed.
    Assign,
}

/// What an unknown name is told to use.
const EXPECTED: &str = "open, resolving, waiting, testing, published, resolved, abandonned, \
                        validated, transfered, comment or assign";

impl NotifyEvent {
    /// Every kind, in the order `prefs` shows them.
    pub const ALL: [Self; 11] = [
        Self::Open,
        Self::Resolving,
        Self::Waiting,
        Self::Testing,
        Self::Published,
        Self::Resolved,
        Self::Abandonned,
        Self::Validated,
        Self::Transfered,
        Self::Comment,
        Self::Assign,
    ];

    /// The name used on the command line, in files and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Resolving => "resolving",
            Self::Waiting => "waiting",
            Self::Testing => "testing",
            Self::Published => "published",
            Self::Resolved => "resolved",
            Self::Abandonned => "abandonned",
            Self::Validated => "validated",
            Self::Transfered => "transfered",
            Self::Comment => "comment",
            Self::Assign => "assign",
        }
    }

    /// The kind of a move to `state`; `None` for POSTED, which no move reaches.
    pub fn of_state(state: State) -> Option<Self> {
        Some(match state {
            State::Posted => return None,
            State::Open => Self::Open,
            State::Resolving => Self::Resolving,
            State::Waiting => Self::Waiting,
            State::Testing => Self::Testing,
            State::Published => Self::Published,
            State::Resolved => Self::Resolved,
            State::Abandonned => Self::Abandonned,
            State::Validated => Self::Validated,
            State::Transfered => Self::Transfered,
        })
    }

    /// Reads a comma-separated list (spaces around names ignored, case-insensitive, repeats
    /// kept once, order of first mention). `all` stands for every kind.
    pub fn parse_list(text: &str) -> Result<Vec<Self>, ValidationError> {
        let mut out: Vec<Self> = Vec::new();
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let add: Vec<Self> = if word.eq_ignore_ascii_case("all") {
                Self::ALL.to_vec()
            } else {
                vec![word.parse()?]
            };
            for e in add {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        Ok(out)
    }
}

impl fmt::Display for NotifyEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for NotifyEvent {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|e| e.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ValidationError::InvalidName {
                what: "notification event",
                name: s.to_owned(),
                expected: EXPECTED,
            })
    }
}

/// One kind's setting for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pref {
    /// Whether mail about it is wanted.
    pub on: bool,
    /// Whether the person chose it (else it is the tracker's default).
    pub chosen: bool,
}

/// A person's effective preferences: the tracker's `defaults` (the kinds on unless a person
/// says otherwise), with the person's own `choices` on top.
pub fn effective(
    defaults: &[NotifyEvent],
    choices: &BTreeMap<NotifyEvent, bool>,
) -> BTreeMap<NotifyEvent, Pref> {
    NotifyEvent::ALL
        .into_iter()
        .map(|e| {
            let pref = match choices.get(&e) {
                Some(on) => Pref {
                    on: *on,
                    chosen: true,
                },
                None => Pref {
                    on: defaults.contains(&e),
                    chosen: false,
                },
            };
            (e, pref)
        })
        .collect()
}

/// Why someone gets a mail about an event (what the mail says about stopping them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A manager, told about every new ticket.
    Manager,
    /// The new assignee, told about being assigned whatever their preferences say.
    Assignee,
    /// A watcher whose watch names the kind of the change.
    Watcher(NotifyEvent),
    /// Someone who may decide raise requests (a member of a role of `priority_roles`), told
    /// about a new one.
    Ranker,
    /// The author of a raise request, told of the decision.
    Requester,
}

/// One person a mail about an event goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    /// The address (as written in the configuration or the event; compared ignoring ASCII
    /// case).
    pub email: String,
    /// The display name, when one is known.
    pub name: Option<String>,
    /// Why.
    pub reason: Reason,
}

/// The kind of change an action is, for the watchers' masks: a move is its target state's
/// kind, a comment (added, edited, deleted) and an edit of the texts or of a field are
/// `comment`, an assignment is `assign`. Creating a ticket and watching have none.
pub fn kind_of(action: &Action) -> Option<NotifyEvent> {
    match action {
        Action::State { to, .. } => NotifyEvent::of_state(*to),
        Action::Comment { .. }
        | Action::CommentEdit { .. }
        | Action::CommentDelete { .. }
        | Action::Edit { .. }
        | Action::Field { .. } => Some(NotifyEvent::Comment),
        Action::Assign { .. } => Some(NotifyEvent::Assign),
        // A transfer's mail is its move to TRANSFERED; where a ticket came from is part of
        // its creation.
        Action::Create { .. }
        | Action::Watch { .. }
        | Action::Unwatch { .. }
        | Action::Priority { .. }
        | Action::Raise { .. }
        | Action::RaiseRefuse { .. }
        | Action::Depend { .. }
        | Action::Undepend { .. }
        | Action::Label { .. }
        | Action::Attach { .. }
        | Action::Origin { .. }
        | Action::Transfer { .. } => None,
    }
}

/// Who gets a mail about `event`, which `ticket` (folded with it) holds (R40): the managers
/// about a new ticket; the members of the roles that decide raise requests (`priority_roles`,
/// highest role first) about a new request, and its author about the decision; a new assignee
/// about being assigned (also at creation); each watcher
/// whose watch names the change's kind (its own mask, else `prefs` of the watcher over the
/// tracker's defaults). Never the event's author; nobody when the tracker's switch is off.
/// Each address once, in the order: managers, assignee, watchers (by email).
pub fn recipients(
    config: &TrackerConfig,
    ticket: &Ticket,
    event: &Event,
    prefs: &mut dyn FnMut(&Person) -> BTreeMap<NotifyEvent, bool>,
) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    if !config.notifications {
        return out;
    }
    let mut add = |email: &str, name: Option<&str>, reason: Reason| {
        if event.author.email.eq_ignore_ascii_case(email)
            || out.iter().any(|r| r.email.eq_ignore_ascii_case(email))
        {
            return;
        }
        out.push(Recipient {
            email: email.to_owned(),
            name: name.map(str::to_owned),
            reason,
        });
    };
    let assignee = match &event.action {
        Action::Create { assignee, .. } => {
            for m in config.members(Role::Manager) {
                add(m, None, Reason::Manager);
            }
            assignee.as_ref()
        }
        Action::Assign { assignee } => assignee.as_ref(),
        // R40: a raise request goes to the people who may decide it; its decision to its
        // author.
        Action::Raise { .. } => {
            for role in config.priority_roles().into_iter().rev() {
                for m in config.members(role) {
                    add(m, None, Reason::Ranker);
                }
            }
            None
        }
        Action::Priority {
            request: Some(request),
            ..
        }
        | Action::RaiseRefuse { request, .. } => {
            if let Some(r) = ticket.raises.iter().find(|r| &r.id == request) {
                add(&r.author.email, Some(&r.author.name), Reason::Requester);
            }
            None
        }
        _ => None,
    };
    if let Some(a) = assignee {
        add(&a.email, Some(&a.name), Reason::Assignee);
    }
    let Some(kind) = kind_of(&event.action) else {
        return out;
    };
    for w in &ticket.watchers {
        let wants = match ticket.watch_masks.get(&w.email.to_ascii_lowercase()) {
            Some(mask) => mask.contains(&kind),
            None => effective(&config.notify_defaults, &prefs(w))[&kind].on,
        };
        if wants {
            add(&w.email, Some(&w.name), Reason::Watcher(kind));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_lists_read_leniently_but_refuse_unknown_names() {
        for e in NotifyEvent::ALL {
            assert_eq!(e.name().parse::<NotifyEvent>().unwrap(), e);
            assert_eq!(e.to_string(), e.name());
        }
        assert_eq!(
            NotifyEvent::parse_list(" Resolved, comment,,resolved ").unwrap(),
            [NotifyEvent::Resolved, NotifyEvent::Comment]
        );
        assert_eq!(NotifyEvent::parse_list("all").unwrap(), NotifyEvent::ALL);
        assert_eq!(NotifyEvent::parse_list("").unwrap(), []);
        let err = NotifyEvent::parse_list("comment,closed").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("invalid notification event \"closed\": use {EXPECTED}")
        );
        // Every state but POSTED has its kind, and the kinds are the states' names.
        for s in State::ALL {
            match NotifyEvent::of_state(s) {
                None => assert_eq!(s, State::Posted),
                Some(e) => assert_eq!(e.name(), s.name().to_ascii_lowercase()),
            }
        }
    }

    #[test]
    fn a_choice_wins_over_the_default_either_way() {
        let choices = BTreeMap::from([(NotifyEvent::Waiting, true), (NotifyEvent::Comment, false)]);
        let prefs = effective(&[NotifyEvent::Open, NotifyEvent::Comment], &choices);
        let on: Vec<NotifyEvent> = prefs
            .iter()
            .filter(|(_, p)| p.on)
            .map(|(e, _)| *e)
            .collect();
        assert_eq!(on, [NotifyEvent::Open, NotifyEvent::Waiting]);
        assert!(prefs[&NotifyEvent::Comment].chosen && !prefs[&NotifyEvent::Open].chosen);
        assert_eq!(prefs.len(), NotifyEvent::ALL.len());
    }
}

#[cfg(test)]
mod recipient_tests {
    use chrono::DateTime;

    use super::*;
    use crate::model::id::{EventId, TicketId};

    fn person(name: &str) -> Person {
        Person::new(name, &format!("{}@example.com", name.to_lowercase())).unwrap()
    }

    fn event(n: u8, author: &str, action: Action) -> Event {
        Event {
            commit: None,
            id: EventId::from_random([n; 16]),
            ticket: TicketId::from_random([0xaa; 16]),
            lamport: u64::from(n) + 1,
            parents: Vec::new(),
            at: DateTime::from_timestamp(1_700_000_000 + i64::from(n) * 60, 0).unwrap(),
            author: person(author),
            action,
        }
    }

    fn create(assignee: Option<&str>) -> Event {
        event(
            0,
            "Ann",
            Action::Create {
                number: 1,
                title: "Crash".into(),
                description: String::new(),
                assignee: assignee.map(person),
                watchers: vec![person("Bob"), person("Cy"), person("Di")],
                fingerprint: None,
            },
        )
    }

    /// Ann reported it; Bob, Cy and Di watch; Cy's watch has its own mask (resolved only);
    /// Di turned comments off and assignments off.
    fn setting() -> (TrackerConfig, Vec<Event>) {
        let mut config = TrackerConfig::default();
        config
            .set("roles.manager", "mgr@example.com,ann@example.com")
            .unwrap();
        let mask = event(
            1,
            "Cy",
            Action::Watch {
                person: person("Cy"),
                events: Some(vec![NotifyEvent::Resolved]),
            },
        );
        (config, vec![create(None), mask])
    }

    fn prefs(p: &Person) -> BTreeMap<NotifyEvent, bool> {
        if p.email == "di@example.com" {
            BTreeMap::from([(NotifyEvent::Comment, false), (NotifyEvent::Assign, false)])
        } else {
            BTreeMap::new()
        }
    }

    /// The addresses, each with its reason.
    fn who(config: &TrackerConfig, mut events: Vec<Event>, last: Event) -> Vec<(String, Reason)> {
        events.push(last.clone());
        let ticket = Ticket::fold(events).unwrap();
        recipients(config, &ticket, &last, &mut prefs)
            .into_iter()
            .map(|r| (r.email, r.reason))
            .collect()
    }

    fn w(name: &str, kind: NotifyEvent) -> (String, Reason) {
        (format!("{name}@example.com"), Reason::Watcher(kind))
    }

    #[test]
    fn each_kind_of_event_reaches_whom_r40_names_and_never_its_author() {
        let (config, events) = setting();
        // A new ticket: the managers (not Ann, who filed it) and its assignee.
        let ticket = Ticket::fold(vec![create(Some("Eve"))]).unwrap();
        let got: Vec<(String, Reason)> =
            recipients(&config, &ticket, &create(Some("Eve")), &mut prefs)
                .into_iter()
                .map(|r| (r.email, r.reason))
                .collect();
        assert_eq!(
            got,
            [
                ("mgr@example.com".to_owned(), Reason::Manager),
                ("eve@example.com".to_owned(), Reason::Assignee)
            ]
        );
        // A comment by Bob: the watchers who want comments — Ann (default); not Cy (mask),
        // not Di (preferences), not Bob (author).
        let comment = event(2, "Bob", Action::Comment { body: "x".into() });
        assert_eq!(
            who(&config, events.clone(), comment),
            [w("ann", NotifyEvent::Comment)]
        );
        // Editing or deleting a comment, and editing the texts, are comments too.
        let c = EventId::from_random([2; 16]);
        for action in [
            Action::CommentEdit {
                comment: c.clone(),
                body: "y".into(),
            },
            Action::CommentDelete { comment: c },
            Action::Edit {
                title: Some("Crash!".into()),
                description: None,
                solution: None,
            },
        ] {
            assert_eq!(
                who(&config, events.clone(), event(3, "Bob", action)),
                [w("ann", NotifyEvent::Comment)]
            );
        }
        // A move to RESOLVED by Ann: everyone else, Cy through the mask, Di by default.
        let resolved = event(
            2,
            "Ann",
            Action::State {
                from: State::Posted,
                to: State::Resolved,
                message: String::new(),
                automatic: false,
            },
        );
        assert_eq!(
            who(&config, events.clone(), resolved.clone()),
            [
                w("bob", NotifyEvent::Resolved),
                w("cy", NotifyEvent::Resolved),
                w("di", NotifyEvent::Resolved)
            ]
        );
        // An assignment to Di by Bob: Di as the new assignee, whatever her preferences; the
        // watchers who want assignments (Ann); Cy's mask says no.
        let assign = event(
            2,
            "Bob",
            Action::Assign {
                assignee: Some(person("Di")),
            },
        );
        assert_eq!(
            who(&config, events.clone(), assign),
            [
                ("di@example.com".to_owned(), Reason::Assignee),
                w("ann", NotifyEvent::Assign)
            ]
        );
        // Watching tells nobody.
        let watch = event(
            2,
            "Bob",
            Action::Watch {
                person: person("Eve"),
                events: None,
            },
        );
        assert_eq!(who(&config, events.clone(), watch), []);
        // The tracker's defaults count for those who never chose; the switch silences all.
        let mut narrow = config.clone();
        narrow.set("notify_defaults", "comment").unwrap();
        assert_eq!(
            who(&narrow, events.clone(), resolved.clone()),
            [w("cy", NotifyEvent::Resolved)]
        );
        let mut off = config;
        off.set("notifications", "false").unwrap();
        assert_eq!(who(&off, events, resolved), []);
    }
}
