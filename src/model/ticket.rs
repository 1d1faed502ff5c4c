//! A ticket is the fold of its events (R3).
//!
//! The fold sorts the events by `(lamport, id)` — a total order every clone computes the same
//! way from the same files — and applies them one by one. Wall-clock times are carried for
//! display and never decide anything.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::causal::Graph;
use crate::model::event::{Action, Event};
use crate::model::id::{EventId, TicketId};
use crate::model::notify::NotifyEvent;
use crate::model::person::{Names, Naming, Person};
use crate::model::rank::Rank;
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
    /// The watches with a mask of their own (R22), by lower-cased email: the kinds of change
    /// they send mail about. The other watchers follow their preferences (R33).
    pub watch_masks: BTreeMap<String, Vec<NotifyEvent>>,
    /// The ticket's position among the ranked tickets in progress (1 is the most urgent),
    /// when it has one. The fold cannot know it (it depends on the other tickets' ranks):
    /// readers fill it in.
    pub priority: Option<u64>,
    /// The rank key (R25, `docs/format.md`, "Priorities"), while the ticket is in progress
    /// and ranked.
    pub rank: Option<Rank>,
    /// The rank was given by accepting an urgent raise request (and not moved since).
    pub urgent: bool,
    /// The ticket was ranked when it last entered a finished state: reopened, it is ranked
    /// again, at the bottom.
    pub left_ranking: bool,
    /// Raise requests, in fold order, with their outcome.
    pub raises: Vec<RaiseRequest>,
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
    /// What a CI job named the failure this ticket is about (`new --if-absent`), from the
    /// `create` event.
    pub fingerprint: Option<String>,
    /// The tickets it depends on (R24), by id, sorted: `depend` and `undepend` events merged
    /// as a set where an add wins over a remove that did not see it ([`crate::model::sets`]).
    pub depends_on: Vec<TicketId>,
    /// Its labels, sorted: `label` events merged as a set, like `depends_on`.
    pub labels: Vec<String>,
    /// The files attached to it and to its comments (R23), in fold order; those of deleted
    /// comments too.
    pub attachments: Vec<AttachedFile>,
    /// Where the ticket came from (R34, R35): the last `origin` event in fold order.
    pub origin: Option<Link>,
    /// Where it was sent (R34, R35): every `transfer` event, in fold order.
    pub transfers: Vec<Link>,
}

/// A file attached to a ticket, with the event that attached it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedFile {
    /// The `attach` event.
    pub event: EventId,
    /// The comment it goes with, if any.
    pub comment: Option<EventId>,
    /// Who attached it.
    pub author: Person,
    /// When.
    pub at: DateTime<Utc>,
    /// The file: name, path on the branch, size, SHA-256.
    pub file: crate::model::event::Attachment,
}

/// A link to a ticket of another tracker, from an `origin` or a `transfer` event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The event that records it.
    pub event: EventId,
    /// The other tracker (`BRANCH`, or `REMOTE:BRANCH` for a transfer).
    pub tracker: String,
    /// For an origin in another repository: that repository's name.
    pub repository: Option<String>,
    /// The other ticket's id.
    pub ticket: TicketId,
    /// Its key.
    pub key: String,
    /// A dispatch down (the whole history moved), rather than a copy sent up.
    pub dispatch: bool,
    /// Who made the link.
    pub author: Person,
    /// When.
    pub at: DateTime<Utc>,
}

impl Link {
    fn of(e: &Event) -> Option<Self> {
        let (tracker, ticket, key, dispatch) = e.action.link()?;
        let repository = match &e.action {
            Action::Origin { repository, .. } => repository.clone(),
            _ => None,
        };
        Some(Self {
            event: e.id.clone(),
            tracker: tracker.to_owned(),
            repository,
            ticket: ticket.clone(),
            key: key.to_owned(),
            dispatch,
            author: e.author.clone(),
            at: e.at,
        })
    }
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
    /// Position among the ranked tickets in progress, when ranked (filled in by the reader,
    /// never stored).
    pub priority: Option<u64>,
    /// The rank key, while in progress and ranked.
    pub rank: Option<Rank>,
    /// The rank came from an accepted urgent raise request.
    pub urgent: bool,
    /// How many raise requests wait for a decision.
    pub pending_raises: usize,
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
    /// The fingerprint the ticket was filed with (`new --if-absent`).
    pub fingerprint: Option<String>,
    /// The tickets it depends on, by id, sorted.
    pub depends_on: Vec<TicketId>,
    /// Its labels, sorted.
    pub labels: Vec<String>,
}

impl Ticket {
    /// For each person the ticket's events name, the event that names them best
    /// ([`Naming`]): the latest they wrote, else the latest that names them. Sorted by email.
    pub fn namings(&self) -> Vec<Naming> {
        let mut best: BTreeMap<String, Naming> = BTreeMap::new();
        let mut offer = |p: &Person, authored: bool, e: &Event| {
            if p.name.is_empty() {
                return;
            }
            let candidate = Naming {
                email: p.email.to_ascii_lowercase(),
                authored,
                at: e.at,
                event: e.id.as_str().to_owned(),
                name: p.name.clone(),
            };
            match best.get_mut(&candidate.email) {
                Some(b) if b.rank() >= candidate.rank() => {}
                Some(b) => *b = candidate,
                None => {
                    best.insert(candidate.email.clone(), candidate);
                }
            }
        };
        for e in &self.events {
            offer(&e.author, true, e);
            for p in e.named() {
                offer(p, false, e);
            }
        }
        best.into_values().collect()
    }

    /// Gives every person of the ticket — reporter, assignee, watchers, the authors of its
    /// comments, transitions and events, the people its events name — their one name.
    pub fn rename(&mut self, names: &Names) {
        if names.is_empty() {
            return;
        }
        names.fix(&mut self.reporter);
        if let Some(a) = &mut self.assignee {
            names.fix(a);
        }
        for w in &mut self.watchers {
            names.fix(w);
        }
        for c in &mut self.comments {
            names.fix(&mut c.author);
        }
        for t in &mut self.transitions {
            names.fix(&mut t.author);
        }
        for e in &mut self.events {
            e.rename(names);
        }
    }

    /// The emails of every person of the ticket (see [`Ticket::rename`]), lower-cased: the
    /// authors of its events and the people they name.
    pub fn emails(&self) -> std::collections::BTreeSet<String> {
        self.events
            .iter()
            .flat_map(|e| std::iter::once(&e.author).chain(e.named()))
            .map(|p| p.email.to_ascii_lowercase())
            .collect()
    }
}

impl TicketSummary {
    /// Gives the reporter, the assignee and the watchers their one name.
    pub fn rename(&mut self, names: &Names) {
        names.fix(&mut self.reporter);
        if let Some(a) = &mut self.assignee {
            names.fix(a);
        }
        for w in &mut self.watchers {
            names.fix(w);
        }
    }

    /// The emails of the reporter, the assignee and the watchers, lower-cased.
    pub fn emails(&self) -> impl Iterator<Item = String> + '_ {
        std::iter::once(&self.reporter)
            .chain(&self.assignee)
            .chain(&self.watchers)
            .map(|p| p.email.to_ascii_lowercase())
    }
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
            rank: t.rank.clone(),
            urgent: t.urgent,
            pending_raises: t.raises.iter().filter(|r| r.decision.is_none()).count(),
            created: t.created,
            updated: t.updated,
            contested: t.contested.clone(),
            fields: t.fields.clone(),
            fingerprint: t.fingerprint.clone(),
            depends_on: t.depends_on.clone(),
            labels: t.labels.clone(),
        }
    }
}

/// One row of the list table: what it shows of a ticket. The local index keeps these
/// columns beside the summary, so that a plain `list` reads them from one covering index
/// in key order, without reading or decoding summaries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRow {
    /// Immutable random id.
    pub id: TicketId,
    /// Number in the key.
    pub number: u64,
    /// Summary.
    pub title: String,
    /// Current state.
    pub state: State,
    /// Time of the `create` event.
    pub created: DateTime<Utc>,
    /// The reporter as shown: their name, or their email when they gave no name.
    pub reporter: String,
    /// The assignee as shown, likewise.
    pub assignee: Option<String>,
    /// How many watch it.
    pub watchers: usize,
    /// Priority rank, when set.
    pub priority: Option<u64>,
    /// The values of the custom fields listed as columns, in their order.
    pub columns: Vec<Option<String>>,
    /// The labels, joined with `,` (empty: none).
    pub labels: String,
}

impl Default for ListRow {
    /// A blank row, to be filled (the store reuses one row's strings for the next).
    fn default() -> Self {
        Self {
            id: TicketId::from_random([0; 16]),
            number: 0,
            title: String::new(),
            state: State::Posted,
            created: DateTime::UNIX_EPOCH,
            reporter: String::new(),
            assignee: None,
            watchers: 0,
            priority: None,
            columns: Vec::new(),
            labels: String::new(),
        }
    }
}

impl ListRow {
    /// The row of `s`, with the values of the custom fields `columns`.
    pub fn of(s: &TicketSummary, columns: &[String]) -> Self {
        Self {
            id: s.id.clone(),
            number: s.number,
            title: s.title.clone(),
            state: s.state,
            created: s.created,
            reporter: s.reporter.shown().to_owned(),
            assignee: s.assignee.as_ref().map(|p| p.shown().to_owned()),
            watchers: s.watchers.len(),
            priority: s.priority,
            columns: columns.iter().map(|c| s.fields.get(c).cloned()).collect(),
            labels: s.labels.join(","),
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

/// A request to raise a ticket's priority (R25), as it stands now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaiseRequest {
    /// The `raise` event's id: the request's id.
    pub id: EventId,
    /// Who asked.
    pub author: Person,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub reason: String,
    /// Whether it is urgent.
    pub urgent: bool,
    /// The decision, once made (the last one in fold order).
    pub decision: Option<Decision>,
}

/// What was decided about a raise request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Accepted (the ticket moved up) or refused.
    pub accepted: bool,
    /// Who decided.
    pub by: Person,
    /// When.
    pub at: DateTime<Utc>,
    /// Why it was refused (empty when accepted).
    pub message: String,
    /// The event that decided.
    pub event: EventId,
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

/// A single-valued field (R14), in the order of their names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Assignee,
    Description,
    Priority,
    Solution,
    State,
    Title,
}

impl Field {
    const ALL: [Self; 6] = [
        Self::Assignee,
        Self::Description,
        Self::Priority,
        Self::Solution,
        Self::State,
        Self::Title,
    ];

    fn name(self) -> &'static str {
        match self {
            Self::Assignee => "assignee",
            Self::Description => "description",
            Self::Priority => "priority",
            Self::Solution => "solution",
            Self::State => "state",
            Self::Title => "title",
        }
    }

    /// The bit of the field in a set of fields.
    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The value `action` gives the field, if it sets it. A `create` sets all six (the
    /// state to POSTED, the solution to nothing, the priority to unranked).
    fn set_by(self, action: &Action) -> Option<Value<'_>> {
        match (self, action) {
            (Self::Priority, Action::Create { .. }) => Some(Value::Rank(None)),
            (Self::Priority, Action::Priority { rank, .. }) => Some(Value::Rank(Some(rank))),
            (Self::State, Action::Create { .. }) => Some(Value::State(State::Posted)),
            (Self::State, Action::State { to, .. }) => Some(Value::State(*to)),
            (Self::Assignee, Action::Create { assignee, .. } | Action::Assign { assignee }) => {
                Some(Value::Assignee(assignee.as_ref()))
            }
            (Self::Title, Action::Create { title, .. })
            | (
                Self::Title,
                Action::Edit {
                    title: Some(title), ..
                },
            ) => Some(Value::Text(title)),
            (Self::Description, Action::Create { description, .. })
            | (
                Self::Description,
                Action::Edit {
                    description: Some(description),
                    ..
                },
            ) => Some(Value::Text(description)),
            (Self::Solution, Action::Create { .. }) => Some(Value::Text("")),
            (
                Self::Solution,
                Action::Edit {
                    solution: Some(solution),
                    ..
                },
            ) => Some(Value::Text(solution)),
            _ => None,
        }
    }
}

/// The value an event gives a single-valued field.
#[derive(Clone, Copy, Debug)]
enum Value<'a> {
    State(State),
    Assignee(Option<&'a Person>),
    Text(&'a str),
    Rank(Option<&'a Rank>),
}

impl Value<'_> {
    /// Whether two setters agree: the same state, text, or person (email ignoring ASCII
    /// case), or both unassigned.
    fn same(self, other: Self) -> bool {
        match (self, other) {
            (Self::State(a), Self::State(b)) => a == b,
            (Self::Assignee(a), Self::Assignee(b)) => match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => a.same(b),
                _ => false,
            },
            (Self::Text(a), Self::Text(b)) => a == b,
            (Self::Rank(a), Self::Rank(b)) => a == b,
            _ => false,
        }
    }
}

/// R14 (docs/format.md, "The fold", step 6): a setter of a field is superseded when another
/// event that descends from it (through `parents`) sets the field too; the field is contested
/// when the setters that are not superseded — changes made concurrently, none of whose writers
/// saw the others' — give it different values. A later event that saw all of them settles it.
/// `events` is in fold order; the result is sorted.
///
/// Time and memory are linear in the events and their `parents` entries (see
/// [`crate::model::causal`]).
fn contested_fields(events: &[Event]) -> Vec<String> {
    let marks: Vec<u8> = events
        .iter()
        .map(|e| {
            Field::ALL
                .iter()
                .filter(|f| f.set_by(&e.action).is_some())
                .fold(0, |m, f| m | f.bit())
        })
        .collect();
    let superseded = Graph::new(events).marks_of_other_descendants(&marks);
    let mut contested = Vec::new();
    for field in Field::ALL {
        let bit = field.bit();
        let mut latest = events
            .iter()
            .zip(marks.iter().zip(&superseded))
            .filter(|(_, (m, s))| *m & bit != 0 && *s & bit == 0)
            .filter_map(|(e, _)| field.set_by(&e.action));
        if let Some(first) = latest.next() {
            if latest.any(|v| !v.same(first)) {
                contested.push(field.name().to_owned());
            }
        }
    }
    contested
}

/// The fold order: Lamport clock, then event id.
pub fn fold_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    (a.lamport, &a.id).cmp(&(b.lamport, &b.id))
}

/// What the fold keeps besides the ticket, so that no event costs more than a map look-up:
/// the watchers keyed by lower-cased email (their final order), and each comment's place.
#[derive(Default)]
struct Folding {
    watchers: BTreeMap<String, Person>,
    masks: BTreeMap<String, Vec<NotifyEvent>>,
    comments: HashMap<EventId, usize>,
    raises: HashMap<EventId, usize>,
}

impl Folding {
    /// Adds a watcher, unless the same person (email ignoring ASCII case) already watches.
    fn watch(&mut self, p: &Person) {
        self.watchers
            .entry(p.email.to_ascii_lowercase())
            .or_insert_with(|| p.clone());
    }

    /// An explicit watch: the person watches, with the mask given or following their
    /// preferences.
    fn watch_with(&mut self, p: &Person, mask: Option<&Vec<NotifyEvent>>) {
        self.watch(p);
        let email = p.email.to_ascii_lowercase();
        match mask {
            Some(m) => {
                let mut m = m.clone();
                m.sort();
                m.dedup();
                self.masks.insert(email, m);
            }
            None => {
                self.masks.remove(&email);
            }
        }
    }

    fn unwatch(&mut self, p: &Person) {
        let email = p.email.to_ascii_lowercase();
        self.watchers.remove(&email);
        self.masks.remove(&email);
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
            fingerprint,
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
            watch_masks: BTreeMap::new(),
            priority: None,
            rank: None,
            urgent: false,
            left_ranking: false,
            raises: Vec::new(),
            created: first.at,
            updated: first.at,
            comments: Vec::new(),
            transitions: Vec::new(),
            events: Vec::new(),
            heads: Vec::new(),
            lamport: 0,
            contested: Vec::new(),
            fields: BTreeMap::new(),
            fingerprint: fingerprint.clone(),
            depends_on: Vec::new(),
            labels: Vec::new(),
            attachments: Vec::new(),
            origin: None,
            transfers: Vec::new(),
        };
        let mut folding = Folding::default();
        folding.watch(&first.author);
        for p in assignee.iter().chain(watchers) {
            folding.watch(p);
        }
        for e in &events[1..] {
            t.apply(&mut folding, e);
        }
        t.watchers = folding.watchers.into_values().collect();
        t.watch_masks = folding.masks;
        // Finished tickets are not ranked (R13, R25).
        if t.state.is_finished() {
            t.rank = None;
            t.urgent = false;
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
        t.contested = contested_fields(&events);
        t.depends_on = crate::model::sets::add_wins(&events, |a| match a {
            Action::Depend { on } => vec![(on.clone(), true)],
            Action::Undepend { on } => vec![(on.clone(), false)],
            _ => Vec::new(),
        })
        .into_iter()
        .collect();
        t.labels = crate::model::sets::add_wins(&events, |a| match a {
            Action::Label { add, remove } => add
                .iter()
                .map(|l| (l.clone(), true))
                .chain(remove.iter().map(|l| (l.clone(), false)))
                .collect(),
            _ => Vec::new(),
        })
        .into_iter()
        .collect();
        t.events = events;
        Ok(t)
    }

    fn apply(&mut self, folding: &mut Folding, e: &Event) {
        match &e.action {
            Action::Create { .. }
            | Action::Depend { .. }
            | Action::Undepend { .. }
            | Action::Label { .. } => {}
            Action::Attach { comment, files } => {
                self.attachments.extend(files.iter().map(|f| AttachedFile {
                    event: e.id.clone(),
                    comment: comment.clone(),
                    author: e.author.clone(),
                    at: e.at,
                    file: f.clone(),
                }));
            }
            Action::State {
                from, to, message, ..
            } => {
                // Entering a finished state leaves the ranking; leaving one comes back
                // unranked (a reopening writes a `priority` event to rank it again).
                if to.is_finished() != self.state.is_finished() {
                    if to.is_finished() {
                        self.left_ranking = self.rank.is_some();
                    }
                    self.rank = None;
                    self.urgent = false;
                }
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
                folding
                    .comments
                    .entry(e.id.clone())
                    .or_insert(self.comments.len());
                self.comments.push(Comment {
                    id: e.id.clone(),
                    author: e.author.clone(),
                    at: e.at,
                    body: body.clone(),
                    edited: None,
                    deleted: false,
                });
                folding.watch(&e.author);
            }
            Action::CommentEdit { comment, body } => {
                if let Some(&i) = folding.comments.get(comment) {
                    self.comments[i].body = body.clone();
                    self.comments[i].edited = Some(e.at);
                }
            }
            Action::CommentDelete { comment } => {
                if let Some(&i) = folding.comments.get(comment) {
                    self.comments[i].deleted = true;
                }
            }
            Action::Assign { assignee } => {
                self.assignee = assignee.clone();
                if let Some(p) = assignee {
                    folding.watch(p);
                }
            }
            Action::Watch { person, events } => folding.watch_with(person, events.as_ref()),
            Action::Field { name, value } => {
                if value.is_empty() {
                    self.fields.remove(name);
                } else {
                    self.fields.insert(name.clone(), value.clone());
                }
            }
            Action::Unwatch { person } => folding.unwatch(person),
            Action::Priority { rank, request, .. } => {
                self.rank = Some(rank.clone());
                self.urgent = false;
                if let Some(r) = request.as_ref().and_then(|r| folding.raises.get(r)) {
                    let raise = &mut self.raises[*r];
                    self.urgent = raise.urgent;
                    raise.decision = Some(Decision {
                        accepted: true,
                        by: e.author.clone(),
                        at: e.at,
                        message: String::new(),
                        event: e.id.clone(),
                    });
                }
            }
            Action::Raise { reason, urgent } => {
                folding
                    .raises
                    .entry(e.id.clone())
                    .or_insert(self.raises.len());
                self.raises.push(RaiseRequest {
                    id: e.id.clone(),
                    author: e.author.clone(),
                    at: e.at,
                    reason: reason.clone(),
                    urgent: *urgent,
                    decision: None,
                });
            }
            Action::RaiseRefuse { request, message } => {
                if let Some(&r) = folding.raises.get(request) {
                    self.raises[r].decision = Some(Decision {
                        accepted: false,
                        by: e.author.clone(),
                        at: e.at,
                        message: message.clone(),
                        event: e.id.clone(),
                    });
                }
            }
            Action::Origin { .. } => self.origin = Link::of(e),
            Action::Transfer { .. } => self.transfers.extend(Link::of(e)),
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

    /// The raise requests whose id starts with `prefix`.
    pub fn raise_request(&self, prefix: &str) -> Vec<&RaiseRequest> {
        let p = prefix.to_ascii_lowercase();
        self.raises
            .iter()
            .filter(|r| r.id.as_str().starts_with(&p))
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
            commit: None,
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
                fingerprint: None,
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
    fn the_latest_event_a_person_wrote_names_them_then_the_latest_naming_them() {
        let as_ = |mut e: Event, name: &str, email: &str| {
            e.author = Person::new(name, email).unwrap();
            e
        };
        let bob_as = |name: &str| Person::new(name, "bob@example.com").unwrap();
        let t = Ticket::fold(vec![
            create(),
            // Ann, later, under another name and another case of her email.
            as_(
                event(3, 2, "Ann", Action::Comment { body: "x".into() }),
                "Ann A.",
                "ANN@example.com",
            ),
            // Ann names Bob twice; the latest mention would win if Bob wrote nothing...
            event(
                2,
                3,
                "Ann",
                Action::Assign {
                    assignee: Some(bob_as("Robert")),
                },
            ),
            event(
                4,
                4,
                "Ann",
                Action::Watch {
                    person: bob_as("Rob"),
                    events: None,
                },
            ),
            // ...but he wrote one event, under the name that wins.
            as_(
                event(1, 5, "Bob", Action::Comment { body: "y".into() }),
                "Bob",
                "bob@example.com",
            ),
            // A mention with an empty name never counts.
            event(
                5,
                6,
                "Ann",
                Action::Watch {
                    person: Person::new("", "zed@example.com").unwrap(),
                    events: None,
                },
            ),
        ])
        .unwrap();
        let got: Vec<(String, bool, String)> = t
            .namings()
            .into_iter()
            .map(|n| (n.email, n.authored, n.name))
            .collect();
        // Ann wrote events 0, 2, 3 ("Ann A."), 4 and 5, each a minute after the other by id:
        // event 5, as "Ann", is her latest. Bob wrote event 1 only.
        assert_eq!(
            got,
            [
                ("ann@example.com".into(), true, "Ann".into()),
                ("bob@example.com".into(), true, "Bob".into()),
            ]
        );
        let mut names = Names::default();
        for n in t.namings() {
            names.insert(&n.email, n.name);
        }
        names.insert("ann@example.com", "Ann A.".into());
        let mut renamed = t.clone();
        renamed.rename(&names);
        assert_eq!(renamed.reporter.name, "Ann A.");
        assert_eq!(renamed.assignee.as_ref().unwrap().name, "Bob");
        assert!(renamed.events.iter().all(|e| e.author.name != "Ann"));
        assert_eq!(renamed.comments[0].author.email, "ANN@example.com");
        assert!(t.emails().contains("zed@example.com"));
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

    fn state_to(n: u8, lamport: u64, to: State, parents: &[EventId]) -> Event {
        let mut e = event(
            n,
            lamport,
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
    }

    fn with_parents(mut e: Event, parents: &[EventId]) -> Event {
        e.parents = parents.to_vec();
        e
    }

    /// Issue 9: two clones that made the same change while apart do not contest the field.
    #[test]
    fn equal_concurrent_values_are_not_contested() {
        let c = create();
        let root = std::slice::from_ref(&c.id);
        let fold = |events: &[Event]| Ticket::fold(events.to_vec()).unwrap().contested;
        let open = |n| state_to(n, 2, State::Open, root);
        assert!(fold(&[c.clone(), open(1), open(2)]).is_empty());
        assert_eq!(
            fold(&[c.clone(), open(1), state_to(2, 2, State::Waiting, root)]),
            ["state"]
        );
        // The same person whatever the case of the email; unassigned on both sides.
        let assign = |n, assignee: Option<Person>| {
            with_parents(event(n, 2, "Cy", Action::Assign { assignee }), root)
        };
        let mut loud = person("Di");
        loud.email = "DI@Example.COM".into();
        assert!(fold(&[
            c.clone(),
            assign(1, Some(person("Di"))),
            assign(2, Some(loud))
        ])
        .is_empty());
        assert!(fold(&[c.clone(), assign(1, None), assign(2, None)]).is_empty());
        assert_eq!(
            fold(&[c.clone(), assign(1, None), assign(2, Some(person("Di")))]),
            ["assignee"]
        );
        // Texts compare as written.
        let edit = |n, title: &str, solution: Option<&str>| {
            let action = Action::Edit {
                title: Some(title.into()),
                description: None,
                solution: solution.map(Into::into),
            };
            with_parents(event(n, 2, "Cy", action), root)
        };
        assert!(fold(&[c.clone(), edit(1, "Same", None), edit(2, "Same", None)]).is_empty());
        assert_eq!(
            fold(&[
                c.clone(),
                edit(1, "Same", Some("x")),
                edit(2, "same", Some("x"))
            ]),
            ["title"]
        );
        // An empty solution is a value like any other (the create's own).
        assert_eq!(
            fold(&[c.clone(), edit(1, "A", Some("")), edit(2, "A", Some("y"))]),
            ["solution"]
        );
        // Three concurrent setters, two of them equal: still contested.
        assert_eq!(
            fold(&[
                c.clone(),
                open(1),
                open(2),
                state_to(3, 2, State::Waiting, root)
            ]),
            ["state"]
        );
    }

    /// Hand-made parents: unknown ids are skipped, a self-link settles nothing, and the events
    /// of a cycle are each other's ancestors (docs/format.md, "The fold", step 6).
    #[test]
    fn unknown_parents_self_links_and_cycles_in_contested_detection() {
        let c = create();
        let unknown = EventId::from_random([0xee; 16]);
        let (a_id, b_id) = (EventId::from_random([1; 16]), EventId::from_random([2; 16]));
        let a = state_to(1, 2, State::Open, &[c.id.clone(), unknown.clone()]);
        let b = state_to(2, 2, State::Waiting, &[c.id.clone(), b_id.clone()]);
        let t = Ticket::fold(vec![c.clone(), a.clone(), b.clone()]).unwrap();
        assert_eq!(t.contested, ["state"]);
        // b names a too, and a names b: a cycle. Each setter has another setter below it.
        let a = state_to(1, 2, State::Open, &[c.id.clone(), b_id]);
        let b = state_to(2, 2, State::Waiting, &[c.id.clone(), a_id, unknown]);
        let t = Ticket::fold(vec![c.clone(), a.clone(), b.clone()]).unwrap();
        assert!(t.contested.is_empty());
        // An event with no known parent is concurrent with the create.
        let lone = state_to(3, 5, State::Open, &[EventId::from_random([0xef; 16])]);
        let t = Ticket::fold(vec![c, lone]).unwrap();
        assert_eq!(t.contested, ["state"]);
    }

    /// R25: a `priority` event sets the rank; finishing clears it (and remembers it was
    /// ranked); reopening leaves it unranked until another `priority` event; two concurrent
    /// moves to different keys contest `priority`, an accepted urgent request makes the rank
    /// urgent, and a refusal is recorded.
    #[test]
    fn ranks_follow_priority_events_and_leave_with_finished_states() {
        use crate::model::event::Move;
        use crate::model::rank::Rank;
        let c = create();
        let root = std::slice::from_ref(&c.id);
        let prio = |n: u8, lamport: u64, key: &str, parents: &[EventId], request| {
            with_parents(
                event(
                    n,
                    lamport,
                    "Bob",
                    Action::Priority {
                        rank: Rank::parse(key).unwrap(),
                        how: Move::Top,
                        anchor: None,
                        request,
                    },
                ),
                parents,
            )
        };
        let p1 = prio(1, 2, "V", root, None);
        let t = Ticket::fold(vec![c.clone(), p1.clone()]).unwrap();
        assert_eq!(t.rank.as_ref().map(Rank::as_str), Some("V"));
        assert!(t.contested.is_empty());
        let done = state_to(2, 3, State::Resolved, std::slice::from_ref(&p1.id));
        let t = Ticket::fold(vec![c.clone(), p1.clone(), done.clone()]).unwrap();
        assert_eq!((t.rank.clone(), t.left_ranking), (None, true));
        let back = state_to(3, 4, State::Open, std::slice::from_ref(&done.id));
        let t = Ticket::fold(vec![c.clone(), p1.clone(), done.clone(), back]).unwrap();
        assert_eq!(t.rank, None);
        // Two moves made apart: the later in fold order wins, and it is contested.
        let p2 = prio(4, 2, "W", root, None);
        let t = Ticket::fold(vec![c.clone(), p1.clone(), p2.clone()]).unwrap();
        assert_eq!(t.rank.as_ref().map(Rank::as_str), Some("W"));
        assert_eq!(t.contested, ["priority"]);
        // Raise requests: an urgent one accepted, another refused.
        let raise = |n: u8, urgent| {
            with_parents(
                event(
                    n,
                    2,
                    "Cy",
                    Action::Raise {
                        reason: "please".into(),
                        urgent,
                    },
                ),
                root,
            )
        };
        let (r1, r2) = (raise(5, true), raise(6, false));
        let accept = prio(
            7,
            3,
            "U",
            &[r1.id.clone(), r2.id.clone()],
            Some(r1.id.clone()),
        );
        let refuse = with_parents(
            event(
                8,
                4,
                "Bob",
                Action::RaiseRefuse {
                    request: r2.id.clone(),
                    message: "no".into(),
                },
            ),
            std::slice::from_ref(&accept.id),
        );
        let t = Ticket::fold(vec![c, r1, r2, accept, refuse]).unwrap();
        assert!(t.urgent);
        assert_eq!(t.raises.len(), 2);
        let d0 = t.raises[0].decision.as_ref().unwrap();
        let d1 = t.raises[1].decision.as_ref().unwrap();
        assert!(d0.accepted && !d1.accepted);
        assert_eq!(d1.message, "no");
        assert_eq!(TicketSummary::from(&t).pending_raises, 0);
    }

    /// R22: a watch with `events` has its own mask (any case of the email); a plain watch puts
    /// it back on the person's preferences; unwatching drops it.
    #[test]
    fn a_watch_mask_is_set_reset_and_dropped_with_the_watch() {
        use crate::model::notify::NotifyEvent::{Comment, Resolved};
        let mut loud = person("Bob");
        loud.email = "BOB@example.com".into();
        let watch = |n: u8, lamport: u64, p: &Person, events: Option<Vec<NotifyEvent>>| {
            event(
                n,
                lamport,
                "Cy",
                Action::Watch {
                    person: p.clone(),
                    events,
                },
            )
        };
        let masked = watch(1, 2, &loud, Some(vec![Resolved, Comment, Resolved]));
        let t = Ticket::fold(vec![create(), masked.clone()]).unwrap();
        assert_eq!(
            t.watch_masks,
            BTreeMap::from([("bob@example.com".to_owned(), vec![Resolved, Comment])])
        );
        assert!(t.is_watched_by(&person("Bob")));
        let t = Ticket::fold(vec![
            create(),
            masked.clone(),
            watch(2, 3, &person("Bob"), None),
        ])
        .unwrap();
        assert!(t.watch_masks.is_empty() && t.is_watched_by(&person("Bob")));
        let gone = event(
            3,
            4,
            "Cy",
            Action::Unwatch {
                person: person("Bob"),
            },
        );
        let t = Ticket::fold(vec![create(), masked, gone]).unwrap();
        assert!(t.watch_masks.is_empty() && !t.is_watched_by(&person("Bob")));
    }

    #[test]
    fn watchers_are_kept_by_lower_cased_email() {
        let mut loud = person("Bob");
        loud.email = "BOB@example.com".into();
        let events = vec![
            create(),
            event(1, 2, "Bob", Action::Comment { body: "x".into() }),
            // Already watching, whatever the case: the first record stays.
            event(
                2,
                3,
                "Cy",
                Action::Watch {
                    person: loud.clone(),
                    events: None,
                },
            ),
            event(
                3,
                4,
                "Cy",
                Action::Unwatch {
                    person: loud.clone(),
                },
            ),
            event(
                4,
                5,
                "Cy",
                Action::Watch {
                    person: person("Zed"),
                    events: None,
                },
            ),
            event(
                5,
                6,
                "Cy",
                Action::Watch {
                    person: loud.clone(),
                    events: None,
                },
            ),
            event(
                6,
                7,
                "Cy",
                Action::Watch {
                    person: person("Al"),
                    events: None,
                },
            ),
            event(
                7,
                8,
                "Cy",
                Action::Unwatch {
                    person: person("Ann"),
                },
            ),
        ];
        let t = Ticket::fold(events).unwrap();
        assert_eq!(t.watchers, [person("Al"), loud, person("Zed")]);
        assert!(t.is_watched_by(&person("Bob")));
    }

    #[test]
    fn comment_edits_and_deletes_find_their_comment() {
        let c4 = EventId::from_random([4; 16]);
        let events = vec![
            create(),
            // An edit before its comment in the fold order changes nothing.
            event(
                1,
                2,
                "Cy",
                Action::CommentEdit {
                    comment: c4.clone(),
                    body: "too early".into(),
                },
            ),
            event(
                3,
                3,
                "Cy",
                Action::Comment {
                    body: "three".into(),
                },
            ),
            event(
                4,
                3,
                "Cy",
                Action::Comment {
                    body: "four".into(),
                },
            ),
            event(
                5,
                4,
                "Cy",
                Action::CommentEdit {
                    comment: c4.clone(),
                    body: "four, edited".into(),
                },
            ),
            event(6, 5, "Cy", Action::CommentDelete { comment: c4 }),
            event(
                7,
                5,
                "Cy",
                Action::CommentDelete {
                    comment: EventId::from_random([9; 16]),
                },
            ),
        ];
        let t = Ticket::fold(events).unwrap();
        let bodies: Vec<(&str, bool, bool)> = t
            .comments
            .iter()
            .map(|c| (c.body.as_str(), c.edited.is_some(), c.deleted))
            .collect();
        assert_eq!(
            bodies,
            [("three", false, false), ("four, edited", true, true)]
        );
    }

    /// The quadratic reading of docs/format.md step 6: every event's ancestors listed by a walk
    /// of its parents; a setter is superseded when it is an ancestor of another setter; the
    /// field is contested when the others' values differ.
    fn naive_contested(events: &[Event]) -> Vec<String> {
        use std::collections::HashSet;
        let mut index: HashMap<&EventId, usize> = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            index.entry(&e.id).or_insert(i);
        }
        let ancestors: Vec<HashSet<usize>> = events
            .iter()
            .map(|e| {
                let mut seen = HashSet::new();
                let mut todo: Vec<&EventId> = e.parents.iter().collect();
                while let Some(p) = todo.pop() {
                    if let Some(&j) = index.get(p) {
                        if seen.insert(j) {
                            todo.extend(&events[j].parents);
                        }
                    }
                }
                seen
            })
            .collect();
        // Each setter's value, written out as text.
        let value = |a: &Action, field: &str| -> Option<String> {
            match (field, a) {
                ("state", Action::Create { .. }) => Some("POSTED".into()),
                ("state", Action::State { to, .. }) => Some(to.name().into()),
                ("assignee", Action::Create { assignee, .. } | Action::Assign { assignee }) => {
                    Some(
                        assignee
                            .as_ref()
                            .map_or("-".into(), |p| p.email.to_lowercase()),
                    )
                }
                ("title", Action::Create { title, .. }) => Some(title.clone()),
                ("description", Action::Create { description, .. }) => Some(description.clone()),
                ("solution", Action::Create { .. }) => Some(String::new()),
                ("title", Action::Edit { title: v, .. })
                | ("description", Action::Edit { description: v, .. })
                | ("solution", Action::Edit { solution: v, .. }) => v.clone(),
                _ => None,
            }
        };
        let mut out = Vec::new();
        for field in ["assignee", "description", "solution", "state", "title"] {
            let setters: Vec<usize> = (0..events.len())
                .filter(|&i| value(&events[i].action, field).is_some())
                .collect();
            let values: HashSet<String> = setters
                .iter()
                .filter(|&&i| !setters.iter().any(|&j| j != i && ancestors[j].contains(&i)))
                .filter_map(|&i| value(&events[i].action, field))
                .collect();
            if values.len() > 1 {
                out.push(field.to_owned());
            }
        }
        out
    }

    /// Actions with few possible values, so that concurrent setters often agree.
    fn small_action() -> impl Strategy<Value = Action> {
        let people = || {
            proptest::option::of(proptest::sample::select(vec![
                ("Di", "di@example.com"),
                ("Di", "DI@Example.com"),
                ("Ed", "ed@example.com"),
            ]))
            .prop_map(|p| {
                p.map(|(name, email)| Person {
                    name: name.into(),
                    email: email.into(),
                })
            })
        };
        let text = |values: &[&'static str]| {
            proptest::option::of(proptest::sample::select(values.to_vec()))
        };
        prop_oneof![
            proptest::sample::select(vec![State::Open, State::Waiting, State::Posted]).prop_map(
                |to| Action::State {
                    from: State::Posted,
                    to,
                    message: String::new(),
                    automatic: false
                }
            ),
            people().prop_map(|assignee| Action::Assign { assignee }),
            (
                text(&["Crash", "a", "b"]),
                text(&["It crashes", "x"]),
                text(&["", "s"])
            )
                .prop_map(|(t, d, s)| Action::Edit {
                    title: t.map(Into::into),
                    description: d.map(Into::into),
                    solution: s.map(Into::into),
                }),
            Just(Action::Comment { body: "c".into() }),
        ]
    }

    /// A parent link: an event of the list, or an id that names none.
    #[derive(Clone, Debug)]
    enum Link {
        Event(u8),
        Unknown(u8),
    }

    proptest! {
        /// Issues 8 and 9: the linear detection agrees with the quadratic reading of the
        /// definition, on DAGs (links to earlier events only) and on graphs with cycles,
        /// self-links and unknown parents, with many equal values.
        #[test]
        fn contested_fields_agree_with_the_naive_definition(
            spec in proptest::collection::vec(
                (small_action(), 1u64..6, proptest::collection::vec(
                    prop_oneof![6 => any::<u8>().prop_map(Link::Event), 1 => (200u8..).prop_map(Link::Unknown)],
                    0..4)),
                0..20),
            dag in any::<bool>(),
            seed in any::<u64>(),
        ) {
            let n = spec.len() + 1;
            let mut events = vec![create()];
            for (k, (action, lamport, links)) in spec.into_iter().enumerate() {
                let i = k + 1;
                let mut e = event(u8::try_from(i).unwrap(), lamport, "Bob", action);
                e.parents = links.iter().map(|l| match l {
                    Link::Event(j) if dag => EventId::from_random([u8::try_from(usize::from(*j) % i).unwrap(); 16]),
                    Link::Event(j) => EventId::from_random([u8::try_from(usize::from(*j) % n).unwrap(); 16]),
                    Link::Unknown(b) => EventId::from_random([*b; 16]),
                }).collect();
                events.push(e);
            }
            let expected = naive_contested(&events);
            // Any reading order.
            let mut s = seed;
            for i in (1..events.len()).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let j = usize::try_from(s >> 33).unwrap() % (i + 1);
                events.swap(i, j);
            }
            prop_assert_eq!(Ticket::fold(events).unwrap().contested, expected);
        }

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
