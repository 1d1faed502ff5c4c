//! A ticket is the fold of its events (R3).
//!
//! The fold sorts the events by `(lamport, id)` — a total order every clone computes the same
//! way from the same files — and applies them one by one. Wall-clock times are carried for
//! display and never decide anything.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::event::{Action, Event};
use crate::model::id::{EventId, TicketId};
use crate::model::person::Person;
use crate::model::state::State;

/// The current state of a ticket, derived from its events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    /// Immutable random id.
    pub id: TicketId,
    /// Number in the key, from the `create` event.
    pub number: u64,
    /// Summary.
    pub title: String,
    /// Description.
    pub description: String,
    /// Solution text (empty until someone writes one).
    pub solution: String,
    /// Current state.
    pub state: State,
    /// Who created it.
    pub reporter: Person,
    /// Current assignee.
    pub assignee: Option<Person>,
    /// Watchers, sorted by email, each once.
    pub watchers: Vec<Person>,
    /// Priority rank, when one is set (lower is more urgent).
    pub priority: Option<u64>,
    /// Time of the `create` event.
    pub created: DateTime<Utc>,
    /// Time of the latest event.
    pub updated: DateTime<Utc>,
    /// Comments in fold order, deleted ones included (flagged).
    pub comments: Vec<Comment>,
    /// State changes in fold order.
    pub transitions: Vec<Transition>,
    /// Every event, in fold order: the ticket's history.
    pub events: Vec<Event>,
    /// Events no other event of the ticket names as a parent.
    pub heads: Vec<EventId>,
    /// The highest Lamport clock among the events.
    pub lamport: u64,
    /// Single-valued fields that concurrent events set to different values and no later
    /// event settled (R14), e.g. `["state"]`. The fold order still picks one value.
    pub contested: Vec<String>,
    /// Custom fields with a value (R26).
    pub fields: std::collections::BTreeMap<String, String>,
}

/// What `list` needs of a ticket: everything but its texts and history. Kept in the local
/// index so a listing never reads event files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    /// Immutable random id.
    pub id: TicketId,
    /// Number in the key.
    pub number: u64,
    /// Summary.
    pub title: String,
    /// Current state.
    pub state: State,
    /// Who created it.
    pub reporter: Person,
    /// Current assignee.
    pub assignee: Option<Person>,
    /// Watchers, sorted by email.
    pub watchers: Vec<Person>,
    /// Priority rank, when set.
    pub priority: Option<u64>,
    /// Time of the `create` event.
    #[serde(with = "chrono::serde::ts_seconds")]
    pub created: DateTime<Utc>,
    /// Time of the latest event.
    #[serde(with = "chrono::serde::ts_seconds")]
    pub updated: DateTime<Utc>,
    /// Contested fields (see [`Ticket::contested`]).
    pub contested: Vec<String>,
    /// Custom fields with a value.
    pub fields: std::collections::BTreeMap<String, String>,
}

impl From<&Ticket> for TicketSummary {
    fn from(t: &Ticket) -> Self {
        Self {
            id: t.id.clone(),
            number: t.number,
            title: t.title.clone(),
            state: t.state,
            reporter: t.reporter.clone(),
            assignee: t.assignee.clone(),
            watchers: t.watchers.clone(),
            priority: t.priority,
            created: t.created,
            updated: t.updated,
            contested: t.contested.clone(),
            fields: t.fields.clone(),
        }
    }
}

/// A comment as it stands now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// The `comment` event's id.
    pub id: EventId,
    /// Who wrote it.
    pub author: Person,
    /// When it was written.
    pub at: DateTime<Utc>,
    /// Current text.
    pub body: String,
    /// When it was last edited.
    pub edited: Option<DateTime<Utc>>,
    /// Whether it was deleted.
    pub deleted: bool,
}

/// One recorded state change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// The `state` event's id.
    pub id: EventId,
    /// The state its writer saw.
    pub from: State,
    /// The new state.
    pub to: State,
    /// Who.
    pub author: Person,
    /// When.
    pub at: DateTime<Utc>,
    /// The note given with it.
    pub message: String,
}

/// Why a set of events does not make a ticket.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FoldError {
    /// No `create` event.
    #[error("the ticket has no create event")]
    NoCreate,
    /// More than one `create` event.
    #[error("the ticket has {0} create events")]
    SeveralCreates(usize),
}

/// The single-valued fields an action sets.
fn fields_set(action: &Action) -> Vec<&'static str> {
    match action {
        Action::Create { .. } => vec!["state", "assignee", "title", "description", "solution"],
        Action::State { .. } => vec!["state"],
        Action::Assign { .. } => vec!["assignee"],
        Action::Edit {
            title,
            description,
            solution,
        } => {
            let mut v = Vec::new();
            if title.is_some() {
                v.push("title");
            }
            if description.is_some() {
                v.push("description");
            }
            if solution.is_some() {
                v.push("solution");
            }
            v
        }
        _ => Vec::new(),
    }
}

/// R14: a field is contested when, among the events that set it, more than one is not an
/// ancestor (through `parents`) of another one that sets it: concurrent writers, none of whom
/// saw the other's change. A later event that saw all of them settles it. `events` is in fold
/// order; the result is sorted.
fn contested_fields(events: &[Event]) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let index: HashMap<&EventId, usize> =
        events.iter().enumerate().map(|(i, e)| (&e.id, i)).collect();
    // Ancestor sets, computed in an order where parents come first (a parent has a smaller
    // clock than its child when files are written by the tool; hand-made cycles are cut).
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| events[i].lamport);
    let mut ancestors: Vec<HashSet<usize>> = vec![HashSet::new(); events.len()];
    for &i in &order {
        let mut set = HashSet::new();
        for p in &events[i].parents {
            if let Some(&j) = index.get(p) {
                if j != i && !ancestors[j].contains(&i) {
                    set.insert(j);
                    set.extend(ancestors[j].iter().copied());
                }
            }
        }
        ancestors[i] = set;
    }
    let mut contested = Vec::new();
    for field in ["state", "assignee", "title", "description", "solution"] {
        let setters: Vec<usize> = (0..events.len())
            .filter(|&i| fields_set(&events[i].action).contains(&field))
            .collect();
        let maximal = setters
            .iter()
            .filter(|&&i| !setters.iter().any(|&j| j != i && ancestors[j].contains(&i)))
            .count();
        if maximal > 1 {
            contested.push(field.to_owned());
        }
    }
    contested.sort();
    contested
}

/// The fold order: Lamport clock, then event id.
pub fn fold_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    (a.lamport, &a.id).cmp(&(b.lamport, &b.id))
}

fn add_watcher(watchers: &mut Vec<Person>, p: &Person) {
    if !watchers.iter().any(|w| w.same(p)) {
        watchers.push(p.clone());
    }
}

impl Ticket {
    /// Folds a ticket's events, given in any order.
    pub fn fold(mut events: Vec<Event>) -> Result<Self, FoldError> {
        let creates = events
            .iter()
            .filter(|e| matches!(e.action, Action::Create { .. }))
            .count();
        match creates {
            0 => return Err(FoldError::NoCreate),
            1 => {}
            n => return Err(FoldError::SeveralCreates(n)),
        }
        events.sort_by(fold_order);
        // The create event leads whatever its clock says: nothing can be applied before it.
        let pos = events
            .iter()
            .position(|e| matches!(e.action, Action::Create { .. }))
            .expect("exactly one create event was counted above");
        let create = events.remove(pos);
        events.insert(0, create);

        let first = &events[0];
        let Action::Create {
            number,
            title,
            description,
            assignee,
            watchers,
        } = &first.action
        else {
            unreachable!("the create event was moved to the front")
        };
        let mut t = Self {
            id: first.ticket.clone(),
            number: *number,
            title: title.clone(),
            description: description.clone(),
            solution: String::new(),
            state: State::Posted,
            reporter: first.author.clone(),
            assignee: assignee.clone(),
            watchers: Vec::new(),
            priority: None,
            created: first.at,
            updated: first.at,
            comments: Vec::new(),
            transitions: Vec::new(),
            events: Vec::new(),
            heads: Vec::new(),
            lamport: 0,
            contested: Vec::new(),
            fields: std::collections::BTreeMap::new(),
        };
        add_watcher(&mut t.watchers, &first.author);
        for p in assignee.iter().chain(watchers) {
            add_watcher(&mut t.watchers, p);
        }
        for e in &events[1..] {
            t.apply(e);
        }
        t.lamport = events.iter().map(|e| e.lamport).max().unwrap_or(0);
        t.updated = events.iter().map(|e| e.at).max().unwrap_or(t.created);
        let referenced: std::collections::HashSet<&EventId> =
            events.iter().flat_map(|e| &e.parents).collect();
        t.heads = events
            .iter()
            .map(|e| &e.id)
            .filter(|id| !referenced.contains(id))
            .cloned()
            .collect();
        t.heads.sort();
        t.watchers.sort_by_key(|p| p.email.to_ascii_lowercase());
        t.contested = contested_fields(&events);
        t.events = events;
        Ok(t)
    }

    fn apply(&mut self, e: &Event) {
        match &e.action {
            Action::Create { .. } => {}
            Action::State {
                from, to, message, ..
            } => {
                self.state = *to;
                self.transitions.push(Transition {
                    id: e.id.clone(),
                    from: *from,
                    to: *to,
                    author: e.author.clone(),
                    at: e.at,
                    message: message.clone(),
                });
            }
            Action::Comment { body } => {
                self.comments.push(Comment {
                    id: e.id.clone(),
                    author: e.author.clone(),
                    at: e.at,
                    body: body.clone(),
                    edited: None,
                    deleted: false,
                });
                add_watcher(&mut self.watchers, &e.author);
            }
            Action::CommentEdit { comment, body } => {
                if let Some(c) = self.comments.iter_mut().find(|c| &c.id == comment) {
                    c.body = body.clone();
                    c.edited = Some(e.at);
                }
            }
            Action::CommentDelete { comment } => {
                if let Some(c) = self.comments.iter_mut().find(|c| &c.id == comment) {
                    c.deleted = true;
                }
            }
            Action::Assign { assignee } => {
                self.assignee = assignee.clone();
                if let Some(p) = assignee {
                    add_watcher(&mut self.watchers, p);
                }
            }
            Action::Watch { person } => add_watcher(&mut self.watchers, person),
            Action::Field { name, value } => {
                if value.is_empty() {
                    self.fields.remove(name);
                } else {
                    self.fields.insert(name.clone(), value.clone());
                }
            }
            Action::Unwatch { person } => self.watchers.retain(|w| !w.same(person)),
            Action::Edit {
                title,
                description,
                solution,
            } => {
                if let Some(v) = title {
                    self.title = v.clone();
                }
                if let Some(v) = description {
                    self.description = v.clone();
                }
                if let Some(v) = solution {
                    self.solution = v.clone();
                }
            }
        }
    }

    /// The comment with this id (or id prefix), if any.
    pub fn comment(&self, id_or_prefix: &str) -> Vec<&Comment> {
        let p = id_or_prefix.to_ascii_lowercase();
        self.comments
            .iter()
            .filter(|c| c.id.as_str().starts_with(&p))
            .collect()
    }

    /// Whether `p` watches the ticket.
    pub fn is_watched_by(&self, p: &Person) -> bool {
        self.watchers.iter().any(|w| w.same(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::event::testing;
    use proptest::prelude::*;

    fn person(name: &str) -> Person {
        Person::new(name, &format!("{}@example.com", name.to_lowercase())).unwrap()
    }

    fn event(n: u8, lamport: u64, author: &str, action: Action) -> Event {
        Event {
            id: EventId::from_random([n; 16]),
            ticket: TicketId::from_random([0xaa; 16]),
            lamport,
            parents: Vec::new(),
            at: DateTime::from_timestamp(1_700_000_000 + i64::from(n) * 60, 0).unwrap(),
            author: person(author),
            action,
        }
    }

    fn create() -> Event {
        event(
            0,
            1,
            "Ann",
            Action::Create {
                number: 7,
                title: "Crash".into(),
                description: "It crashes".into(),
                assignee: None,
                watchers: vec![],
            },
        )
    }

    #[test]
    fn a_lone_create_is_a_posted_ticket_watched_by_its_reporter() {
        let t = Ticket::fold(vec![create()]).unwrap();
        assert_eq!(t.number, 7);
        assert_eq!(t.state, State::Posted);
        assert_eq!(t.watchers, vec![person("Ann")]);
        assert_eq!(t.heads, vec![EventId::from_random([0; 16])]);
    }

    #[test]
    fn events_apply_in_lamport_then_id_order() {
        let events = vec![
            event(
                9,
                3,
                "Bob",
                Action::State {
                    from: State::Open,
                    to: State::Resolved,
                    message: String::new(),
                    automatic: false,
                },
            ),
            create(),
            event(
                5,
                2,
                "Bob",
                Action::State {
                    from: State::Posted,
                    to: State::Open,
                    message: String::new(),
                    automatic: false,
                },
            ),
            event(
                3,
                3,
                "Cy",
                Action::State {
                    from: State::Open,
                    to: State::Waiting,
                    message: String::new(),
                    automatic: false,
                },
            ),
            event(4, 4, "Cy", Action::Comment { body: "hi".into() }),
            event(
                6,
                5,
                "Cy",
                Action::CommentEdit {
                    comment: EventId::from_random([4; 16]),
                    body: "hello".into(),
                },
            ),
            event(
                7,
                5,
                "Bob",
                Action::Assign {
                    assignee: Some(person("Di")),
                },
            ),
            event(
                8,
                6,
                "Bob",
                Action::Unwatch {
                    person: person("Ann"),
                },
            ),
            event(
                10,
                6,
                "Bob",
                Action::Edit {
                    title: None,
                    description: None,
                    solution: Some("Fixed".into()),
                },
            ),
        ];
        let t = Ticket::fold(events).unwrap();
        // Lamport 3 has two events; id 03… sorts before 09…, so RESOLVED is applied last.
        assert_eq!(t.state, State::Resolved);
        assert_eq!(t.transitions.len(), 3);
        assert_eq!(t.comments[0].body, "hello");
        assert!(t.comments[0].edited.is_some());
        assert_eq!(t.assignee, Some(person("Di")));
        assert_eq!(t.watchers, vec![person("Cy"), person("Di")]);
        assert_eq!(t.solution, "Fixed");
        assert_eq!(
            t.updated,
            DateTime::from_timestamp(1_700_000_600, 0).unwrap()
        );
    }

    #[test]
    fn concurrent_changes_are_contested_until_a_later_event_settles_them() {
        let c = create();
        let root = vec![c.id.clone()];
        let state = |n: u8, to: State, parents: &[EventId]| {
            let mut e = event(
                n,
                2,
                "Bob",
                Action::State {
                    from: State::Posted,
                    to,
                    message: String::new(),
                    automatic: false,
                },
            );
            e.parents = parents.to_vec();
            e
        };
        // Two clones moved the ticket while apart: both saw only the create event.
        let a = state(1, State::Open, &root);
        let b = state(2, State::Resolving, &root);
        let mut comment = event(3, 2, "Cy", Action::Comment { body: "x".into() });
        comment.parents = root.clone();
        let t = Ticket::fold(vec![c.clone(), a.clone(), b.clone(), comment.clone()]).unwrap();
        assert_eq!(t.contested, ["state"]);
        assert_eq!(
            t.state,
            State::Resolving,
            "the larger id wins at equal clocks"
        );
        // One change after the other is not a contest.
        let mut later = state(4, State::Waiting, std::slice::from_ref(&a.id));
        later.lamport = 3;
        let t = Ticket::fold(vec![c.clone(), a.clone(), later]).unwrap();
        assert!(t.contested.is_empty());
        // An event that saw both settles it.
        let mut settle = state(5, State::Testing, &[a.id.clone(), b.id.clone()]);
        settle.lamport = 3;
        let t = Ticket::fold(vec![c, a, b, comment, settle]).unwrap();
        assert!(t.contested.is_empty());
        assert_eq!(t.state, State::Testing);
    }

    #[test]
    fn a_ticket_needs_exactly_one_create() {
        let c = event(4, 4, "Cy", Action::Comment { body: "hi".into() });
        assert_eq!(Ticket::fold(vec![c]), Err(FoldError::NoCreate));
        let mut second = create();
        second.id = EventId::from_random([1; 16]);
        assert_eq!(
            Ticket::fold(vec![create(), second]),
            Err(FoldError::SeveralCreates(2))
        );
    }

    proptest! {
        /// R3: the same files give the same ticket whatever order they are read in.
        #[test]
        fn the_fold_ignores_reading_order(
            actions in proptest::collection::vec((testing::action(), 2u64..6, testing::person()), 0..12),
            seed in any::<u64>(),
        ) {
            let mut events = vec![create()];
            for (i, (action, lamport, author)) in actions.into_iter().enumerate() {
                let mut e = event(u8::try_from(i + 1).unwrap(), lamport, "Ann", action);
                e.author = author;
                events.push(e);
            }
            let reference = Ticket::fold(events.clone()).unwrap();
            // A deterministic shuffle driven by the seed.
            let mut shuffled = events;
            let mut s = seed;
            for i in (1..shuffled.len()).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let j = usize::try_from(s >> 33).unwrap() % (i + 1);
                shuffled.swap(i, j);
            }
            prop_assert_eq!(Ticket::fold(shuffled).unwrap(), reference);
        }
    }
}
