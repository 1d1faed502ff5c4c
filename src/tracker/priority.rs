//! Priorities and raise requests (R25): moving a ticket in the ranking, asking for a ticket to
//! be ranked higher, and deciding such requests.
//!
//! A move is one `priority` event on the moved ticket: a rank key between the keys of its new
//! neighbours, which are read from the index (a few entries of the ranking, whatever its size).
//! In strict mode only the members of the roles of `priority_roles` (default: the managers)
//! may move priorities and decide requests ([`crate::model::rank::may_rank`]); anyone who may
//! see a ticket may ask for it to be raised.

use crate::model::error::ValidationError;
use crate::model::event::Move;
use crate::model::rank::{key_between, may_rank, Rank, Ranked};
use crate::model::ticket::{RaiseRequest, Ticket};
use crate::model::{Action, EventId, TicketId, TicketSummary, TrackerConfig, Viewer};
use crate::store::{Filter, Order, Side, Snapshot};
use crate::tracker::{Actor, Outcome, Purpose, Tracker, TrackerError};

/// Where a move puts a ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// First.
    Top,
    /// Last.
    Bottom,
    /// One place up.
    Up,
    /// One place down.
    Down,
    /// Just before the ticket named.
    Before(String),
    /// Just after the ticket named.
    After(String),
}

impl Target {
    /// The `move` a `priority` event records for this target.
    fn how(&self) -> Move {
        match self {
            Self::Top => Move::Top,
            Self::Bottom => Move::Bottom,
            Self::Up => Move::Up,
            Self::Down => Move::Down,
            Self::Before(_) => Move::Before,
            Self::After(_) => Move::After,
        }
    }

    /// Reads `new --priority`'s value: `top`, `bottom` or `before:KEY`.
    pub fn parse_new(value: &str) -> Result<Self, ValidationError> {
        let v = value.trim();
        if v.eq_ignore_ascii_case("top") {
            return Ok(Self::Top);
        }
        if v.eq_ignore_ascii_case("bottom") {
            return Ok(Self::Bottom);
        }
        if let Some(key) = v
            .split_once(':')
            .filter(|(w, k)| w.eq_ignore_ascii_case("before") && !k.trim().is_empty())
            .map(|(_, k)| k.trim())
        {
            return Ok(Self::Before(key.to_owned()));
        }
        Err(ValidationError::InvalidName {
            what: "priority",
            name: value.to_owned(),
            expected: "top, bottom or before:KEY",
        })
    }
}

/// What a move did.
#[derive(Clone, Debug)]
pub struct Moved {
    /// The write (no tip: nothing was written).
    pub outcome: Outcome,
    /// Where the ticket stands afterwards (`None`: not ranked).
    pub place: Option<Place>,
    /// Why nothing was written, when it was not.
    pub unchanged: Option<String>,
}

/// Where a ranked ticket stands: the keys of its neighbours in the ranking (`None` at an
/// end). Naming them costs two index lookups, where a position would count the tickets from
/// the nearer end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The ticket just above (more urgent).
    pub above: Option<String>,
    /// The ticket just below.
    pub below: Option<String>,
}

/// A place in the ranking and how it was asked for.
struct Placement {
    rank: Rank,
    how: Move,
    anchor: Option<TicketId>,
}

/// The priority operations of a tracker.
pub struct Priorities<'t> {
    pub(super) tracker: &'t Tracker,
}

fn refused(msg: String) -> TrackerError {
    ValidationError::Refused(msg).into()
}

/// Refuses someone who may not rank in strict mode.
pub(super) fn check_may_rank(config: &TrackerConfig, actor: &Actor) -> Result<(), TrackerError> {
    may_rank(config, &actor.person.email).map_err(refused)
}

impl Priorities<'_> {
    /// The key that puts ticket `id` (currently at `me`, if ranked) between `lo` and `hi`; when
    /// the two share a key and `id` cannot go between them, the ticket goes above both
    /// (`toward = Above`) or below both.
    fn key_for(
        &self,
        snap: &Snapshot,
        lo: Option<Ranked>,
        hi: Option<Ranked>,
        id: &TicketId,
        toward: Side,
    ) -> Result<Rank, TrackerError> {
        if let Some(k) = key_between(lo.as_ref(), hi.as_ref(), id) {
            return k.map_err(|e| refused(e.to_string()));
        }
        let store = self.tracker.store();
        // `lo` and `hi` share a key: widen the gap to the nearest ticket with another key.
        let (lo, hi) = match (toward, lo, hi) {
            (Side::Above, _, Some(hi)) => {
                let floor = (hi.0.clone(), TicketId::from_random([0; 16]));
                let lo = store
                    .ranked_next_to(snap, Some(&floor), Side::Above, id, 1)?
                    .pop();
                (lo, Some(hi))
            }
            (_, Some(lo), _) => {
                let ceiling = (lo.0.clone(), TicketId::from_random([0xff; 16]));
                let hi = store
                    .ranked_next_to(snap, Some(&ceiling), Side::Below, id, 1)?
                    .pop();
                (Some(lo), hi)
            }
            (_, lo, hi) => (lo, hi),
        };
        match key_between(lo.as_ref(), hi.as_ref(), id) {
            Some(k) => k.map_err(|e| refused(e.to_string())),
            None => Err(refused("no rank key fits between the neighbours".into())),
        }
    }

    /// Plans the move of ticket `id` (ranked at `me`, if at all) to `target`; `Ok(Err(why))`
    /// when it is already there.
    fn plan(
        &self,
        snap: &Snapshot,
        who: &Viewer,
        id: &TicketId,
        me: Option<&Ranked>,
        key: &str,
        target: &Target,
    ) -> Result<Result<Placement, String>, TrackerError> {
        let store = self.tracker.store();
        let next =
            |at: Option<&Ranked>, side: Side, n: usize| store.ranked_next_to(snap, at, side, id, n);
        let unranked = || {
            refused(format!(
                "{key} is not ranked: rank it first with --top, --bottom, --before KEY or --after KEY"
            ))
        };
        let anchor = |input: &str| -> Result<(Ranked, String), TrackerError> {
            let other = self.tracker.find(snap, input, who, Purpose::Write)?;
            let name = crate::tracker::key_of(&snap.config, other.number).to_string();
            if &other.id == id {
                return Err(refused(format!("{key} cannot be placed next to itself")));
            }
            match other.rank {
                Some(r) => Ok(((r, other.id), name)),
                None if other.state.is_finished() => Err(refused(format!(
                    "{name} is {}: finished tickets are not ranked",
                    other.state
                ))),
                None => Err(refused(format!(
                    "{name} is not ranked, so nothing can be placed next to it"
                ))),
            }
        };
        let place = |rank: Rank, how: Move, anchor: Option<TicketId>| {
            Ok(Ok(Placement { rank, how, anchor }))
        };
        match target {
            Target::Top => {
                let first = next(None, Side::Below, 1)?.pop();
                if me.is_some_and(|m| first.as_ref().is_none_or(|f| m < f)) {
                    return Ok(Err(format!("{key} is already first")));
                }
                place(
                    self.key_for(snap, None, first, id, Side::Above)?,
                    Move::Top,
                    None,
                )
            }
            Target::Bottom => {
                let last = next(None, Side::Above, 1)?.pop();
                if me.is_some_and(|m| last.as_ref().is_none_or(|l| m > l)) {
                    return Ok(Err(format!("{key} is already last")));
                }
                place(
                    self.key_for(snap, last, None, id, Side::Below)?,
                    Move::Bottom,
                    None,
                )
            }
            Target::Up => {
                let me = me.ok_or_else(unranked)?;
                let mut above = next(Some(me), Side::Above, 2)?.into_iter();
                let Some(prev) = above.next() else {
                    return Ok(Err(format!("{key} is already first")));
                };
                let other = prev.1.clone();
                let rank = self.key_for(snap, above.next(), Some(prev), id, Side::Above)?;
                place(rank, Move::Up, Some(other))
            }
            Target::Down => {
                let me = me.ok_or_else(unranked)?;
                let mut below = next(Some(me), Side::Below, 2)?.into_iter();
                let Some(after) = below.next() else {
                    return Ok(Err(format!("{key} is already last")));
                };
                let other = after.1.clone();
                let rank = self.key_for(snap, Some(after), below.next(), id, Side::Below)?;
                place(rank, Move::Down, Some(other))
            }
            Target::Before(input) => {
                let (x, name) = anchor(input)?;
                let lo = next(Some(&x), Side::Above, 1)?.pop();
                if me.is_some_and(|m| m < &x && lo.as_ref().is_none_or(|l| l < m)) {
                    return Ok(Err(format!("{key} is already just before {name}")));
                }
                let other = x.1.clone();
                let rank = self.key_for(snap, lo, Some(x), id, Side::Above)?;
                place(rank, Move::Before, Some(other))
            }
            Target::After(input) => {
                let (x, name) = anchor(input)?;
                let hi = next(Some(&x), Side::Below, 1)?.pop();
                if me.is_some_and(|m| m > &x && hi.as_ref().is_none_or(|h| m < h)) {
                    return Ok(Err(format!("{key} is already just after {name}")));
                }
                let other = x.1.clone();
                let rank = self.key_for(snap, Some(x), hi, id, Side::Below)?;
                place(rank, Move::After, Some(other))
            }
        }
    }

    /// The `priority` action that ranks a new ticket `id` (not yet on the branch) at `target`
    /// (`new --priority`): top, bottom or before another ticket.
    pub(super) fn for_new(
        &self,
        snap: &Snapshot,
        actor: &Actor,
        id: &TicketId,
        target: &Target,
    ) -> Result<Action, TrackerError> {
        check_may_rank(&snap.config, actor)?;
        let who = Viewer::new(Some(actor.person.clone()));
        let p = self
            .plan(snap, &who, id, None, "the new ticket", target)?
            .map_err(refused)?;
        Ok(Action::Priority {
            rank: p.rank,
            how: p.how,
            anchor: p.anchor,
            request: None,
        })
    }

    /// The `priority` action that ranks a reopened ticket at the bottom.
    pub(super) fn for_reopen(&self, snap: &Snapshot, t: &Ticket) -> Result<Action, TrackerError> {
        let last = self
            .tracker
            .store()
            .ranked_next_to(snap, None, Side::Above, &t.id, 1)?
            .pop();
        Ok(Action::Priority {
            rank: self.key_for(snap, last, None, &t.id, Side::Below)?,
            how: Move::Reopen,
            anchor: None,
            request: None,
        })
    }

    fn place_after(&self, outcome: &Outcome) -> Result<Option<Place>, TrackerError> {
        let rank = outcome.events.iter().rev().find_map(|e| match &e.action {
            Action::Priority { rank, .. } => Some(rank.clone()),
            _ => None,
        });
        match rank {
            Some(rank) => self.place_of(&rank, &outcome.id).map(Some),
            None => Ok(None),
        }
    }

    /// The neighbours of ticket `id` ranked at `rank`, at the current tip.
    fn place_of(&self, rank: &Rank, id: &TicketId) -> Result<Place, TrackerError> {
        let snap = self.tracker.snapshot()?;
        let store = self.tracker.store();
        let me = (rank.clone(), id.clone());
        let above = store.ranked_next_to(&snap, Some(&me), Side::Above, id, 1)?;
        let below = store.ranked_next_to(&snap, Some(&me), Side::Below, id, 1)?;
        let ids: Vec<TicketId> = above.iter().chain(&below).map(|(_, t)| t.clone()).collect();
        let found = store.by_ids(&snap, &ids)?;
        let number = |side: &[(Rank, TicketId)]| {
            side.first()
                .and_then(|(_, t)| found.iter().find(|s| &s.id == t))
                .map(|s| crate::tracker::key_of(&snap.config, s.number).to_string())
        };
        Ok(Place {
            above: number(&above),
            below: number(&below),
        })
    }

    /// Moves the ticket named `input` to `target`.
    pub fn move_to(
        &self,
        actor: &Actor,
        input: &str,
        target: &Target,
    ) -> Result<Moved, TrackerError> {
        let who = Viewer::new(Some(actor.person.clone()));
        let mut unchanged = None;
        let outcome = self.tracker.tickets().act(actor, input, |snap, t| {
            check_may_rank(&snap.config, actor)?;
            let key = crate::tracker::key_of(&snap.config, t.number).to_string();
            if t.state.is_finished() {
                return Err(refused(format!(
                    "{key} is {}: finished tickets are not ranked (reopen it first)",
                    t.state
                )));
            }
            let me = t.rank.clone().map(|r| (r, t.id.clone()));
            match self.plan(snap, &who, &t.id, me.as_ref(), &key, target)? {
                // Already there, but two clones disagree on where "there" is: the move
                // confirms the place the fold gave it and settles the contest (R14).
                Err(_) if t.contested.iter().any(|f| f == "priority") && t.rank.is_some() => {
                    unchanged = None;
                    let how = target.how();
                    Ok((
                        vec![Action::Priority {
                            rank: t.rank.clone().expect("checked just above"),
                            how,
                            anchor: None,
                            request: None,
                        }],
                        format!("priority {} (settles a contest)", how.name()),
                    ))
                }
                Err(why) => {
                    unchanged = Some(why);
                    Ok((Vec::new(), String::new()))
                }
                Ok(p) => {
                    unchanged = None;
                    let summary = format!("priority {}", p.how.name());
                    Ok((
                        vec![Action::Priority {
                            rank: p.rank,
                            how: p.how,
                            anchor: p.anchor,
                            request: None,
                        }],
                        summary,
                    ))
                }
            }
        })?;
        let place = match &outcome.tip {
            Some(_) => self.place_after(&outcome)?,
            None => self.current_place(&outcome.id)?,
        };
        Ok(Moved {
            outcome,
            place,
            unchanged,
        })
    }

    fn current_place(&self, id: &TicketId) -> Result<Option<Place>, TrackerError> {
        let snap = self.tracker.snapshot()?;
        let found = self.tracker.store().by_id_prefix(&snap, id.as_str())?;
        match found.first().and_then(|s| s.rank.as_ref()) {
            Some(rank) => self.place_of(rank, id).map(Some),
            None => Ok(None),
        }
    }

    /// Asks for the ticket named `input` to be ranked higher (anyone who may see it may).
    pub fn raise(
        &self,
        actor: &Actor,
        input: &str,
        reason: &str,
        urgent: bool,
    ) -> Result<Outcome, TrackerError> {
        if reason.trim().is_empty() {
            return Err(ValidationError::Empty { field: "reason" }.into());
        }
        self.tracker.tickets().act(actor, input, |snap, t| {
            if t.state.is_finished() {
                let key = crate::tracker::key_of(&snap.config, t.number);
                return Err(refused(format!(
                    "{key} is {}: finished tickets are not ranked",
                    t.state
                )));
            }
            Ok((
                vec![Action::Raise {
                    reason: reason.to_owned(),
                    urgent,
                }],
                format!("raise request{}", if urgent { " (urgent)" } else { "" }),
            ))
        })
    }

    /// The pending request whose id starts with `prefix` (at least 4 hex digits), with its
    /// ticket's id.
    fn request(&self, snap: &Snapshot, prefix: &str) -> Result<(TicketId, EventId), TrackerError> {
        let p = prefix.trim().to_ascii_lowercase();
        let unknown = || TrackerError::UnknownRequest(prefix.trim().to_owned());
        if p.len() < 4 || !p.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(unknown());
        }
        let found = self.tracker.store().raise_requests(snap, &p)?;
        match found.as_slice() {
            [] => Err(unknown()),
            [(t, e, true)] => Ok((t.clone(), e.clone())),
            [(_, e, false)] => Err(refused(format!(
                "raise request {} was already decided (see 'git tracker show')",
                &e.as_str()[..8]
            ))),
            _ => Err(TrackerError::AmbiguousRequest(prefix.trim().to_owned())),
        }
    }

    /// Accepts a pending raise request: the ticket moves to the top (urgent), or just before
    /// the first ranked ticket that did not get its place from an urgent request — never down.
    pub fn accept(&self, actor: &Actor, prefix: &str) -> Result<Moved, TrackerError> {
        let snap = self.tracker.snapshot()?;
        let (ticket, _) = self.request(&snap, prefix)?;
        let outcome = self
            .tracker
            .tickets()
            .act(actor, ticket.as_str(), |snap, t| {
                check_may_rank(&snap.config, actor)?;
                let (_, request) = self.request(snap, prefix)?;
                let r = pending_of(t, &request)?;
                let key = crate::tracker::key_of(&snap.config, t.number);
                if t.state.is_finished() {
                    return Err(refused(format!(
                        "{key} is {}: finished tickets are not ranked; refuse the request instead",
                        t.state
                    )));
                }
                let me = t.rank.clone().map(|k| (k, t.id.clone()));
                let store = self.tracker.store();
                let (rank, anchor) = if r.urgent {
                    let first = store
                        .ranked_next_to(snap, None, Side::Below, &t.id, 1)?
                        .pop();
                    match (&me, &first) {
                        (Some(m), Some(f)) if m < f => (m.0.clone(), None),
                        (Some(m), None) => (m.0.clone(), None),
                        _ => (self.key_for(snap, None, first, &t.id, Side::Above)?, None),
                    }
                } else {
                    match store.first_not_urgent(snap, &t.id)? {
                        Some(f) => match &me {
                            // Already above it: accepting never moves a ticket down.
                            Some(m) if m < &f => (m.0.clone(), None),
                            _ => {
                                let lo = store
                                    .ranked_next_to(snap, Some(&f), Side::Above, &t.id, 1)?
                                    .pop();
                                let other = f.1.clone();
                                (
                                    self.key_for(snap, lo, Some(f), &t.id, Side::Above)?,
                                    Some(other),
                                )
                            }
                        },
                        // Every other ranked ticket is urgent: below them.
                        None => match &me {
                            Some(m) => (m.0.clone(), None),
                            None => {
                                let last = store
                                    .ranked_next_to(snap, None, Side::Above, &t.id, 1)?
                                    .pop();
                                (self.key_for(snap, last, None, &t.id, Side::Below)?, None)
                            }
                        },
                    }
                };
                Ok((
                    vec![Action::Priority {
                        rank,
                        how: Move::Raise,
                        anchor,
                        request: Some(request),
                    }],
                    "accept raise request".into(),
                ))
            })?;
        let place = self.place_after(&outcome)?;
        Ok(Moved {
            outcome,
            place,
            unchanged: None,
        })
    }

    /// Refuses a pending raise request, saying why.
    pub fn refuse(
        &self,
        actor: &Actor,
        prefix: &str,
        message: &str,
    ) -> Result<Outcome, TrackerError> {
        if message.trim().is_empty() {
            return Err(ValidationError::Empty { field: "message" }.into());
        }
        let snap = self.tracker.snapshot()?;
        let (ticket, _) = self.request(&snap, prefix)?;
        self.tracker
            .tickets()
            .act(actor, ticket.as_str(), |snap, t| {
                check_may_rank(&snap.config, actor)?;
                let (_, request) = self.request(snap, prefix)?;
                pending_of(t, &request)?;
                Ok((
                    vec![Action::RaiseRefuse {
                        request,
                        message: message.to_owned(),
                    }],
                    "refuse raise request".into(),
                ))
            })
    }

    /// The pending raise requests on the tickets the viewer may see, with their ticket, in
    /// the order of the tickets' keys, then of the requests.
    pub fn pending(
        &self,
        snap: &Snapshot,
    ) -> Result<Vec<(TicketSummary, RaiseRequest)>, TrackerError> {
        let filter = Filter {
            pending_raises: true,
            visible: self.tracker.visibility(&snap.config),
            order: Some(Order::Key),
            ..Filter::default()
        };
        let mut out = Vec::new();
        for s in self.tracker.store().find(snap, &filter)? {
            let (ticket, _) = self.tracker.store().ticket(snap.tip, &s.id)?;
            let Some(ticket) = ticket else { continue };
            for r in ticket.raises.into_iter().filter(|r| r.decision.is_none()) {
                out.push((s.clone(), r));
            }
        }
        Ok(out)
    }
}

/// The request `id` of ticket `t`, which must wait for a decision.
fn pending_of<'a>(t: &'a Ticket, id: &EventId) -> Result<&'a RaiseRequest, TrackerError> {
    match t.raises.iter().find(|r| &r.id == id) {
        Some(r) if r.decision.is_none() => Ok(r),
        Some(_) => Err(refused(format!(
            "raise request {} was already decided (see 'git tracker show')",
            &id.as_str()[..8]
        ))),
        None => Err(TrackerError::UnknownRequest(id.to_string())),
    }
}
