//! `verify` (R63): re-reads the whole branch and its history and reports every problem, each
//! with the path of the file concerned.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::config::Role;
use crate::model::ticket::fold_order;
use crate::model::workflow::allowed_moves;
use crate::model::{Action, Event, EventId, State, Ticket};
use crate::store::{layout, Tip};
use crate::tracker::{Tracker, TrackerError};

/// One problem found by `verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file on the branch.
    pub path: String,
    /// What kind of problem: `malformed`, `rewritten`, `forged-author`,
    /// `forbidden-transition`, `from-mismatch`, `dangling`, `duplicate-key`.
    pub kind: &'static str,
    /// What is wrong.
    pub message: String,
}

fn problem(path: impl Into<String>, kind: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        path: path.into(),
        kind,
        message: message.into(),
    }
}

impl Tracker {
    /// Checks the history ending at `tip` (the branch tip, or any commit); an empty list
    /// means it is clean.
    pub fn verify(&self, tip: Tip) -> Result<Vec<Problem>, TrackerError> {
        let store = self.store();
        let snap = store.snapshot_at(tip)?;
        let mut problems: Vec<Problem> = snap
            .diagnostics
            .iter()
            .map(|d| problem(d.path.clone(), "malformed", d.message.clone()))
            .collect();

        // History: who wrote each event file, and under which configuration.
        for w in store.written_files(snap.tip)? {
            let Some((ticket, id)) = layout::parse_event_path(&w.path) else {
                continue;
            };
            if w.changed {
                problems.push(problem(
                    &w.path,
                    "rewritten",
                    format!(
                        "event files are immutable, but commit {} changed this one",
                        &w.commit[..12]
                    ),
                ));
            }
            let Ok(event) = Event::from_toml(ticket, id, &w.content) else {
                continue;
            };
            if !event.author.has_email(&w.author_email) {
                problems.push(problem(
                    &w.path,
                    "forged-author",
                    format!(
                        "the event's author is {} but commit {} was made by {}",
                        event.author.email,
                        &w.commit[..12],
                        w.author_email
                    ),
                ));
            }
            if let (
                Action::State {
                    from,
                    to,
                    automatic: false,
                    ..
                },
                Some(config),
            ) = (&event.action, &w.config)
            {
                let roles = config.roles_of(&event.author.email);
                let allowed = allowed_moves(config, &roles, *from, true);
                if from != to && !allowed.contains(to) {
                    let names: Vec<&str> = roles.iter().map(|r: &Role| r.name()).collect();
                    problems.push(problem(
                        &w.path,
                        "forbidden-transition",
                        format!(
                            "{} ({}) set {from} -> {to}, which the configuration in force did not allow{}",
                            event.author.email,
                            names.join(", "),
                            if config.strict { " (strict mode)" } else { "" }
                        ),
                    ));
                }
            }
        }

        // Each ticket: causal consistency and references.
        let mut stored = Vec::with_capacity(snap.tickets.len());
        for summary in &snap.tickets {
            let (Some(ticket), _) = store.ticket(snap.tip, &summary.id)? else {
                continue;
            };
            problems.extend(check_ticket(&ticket));
            stored.push(crate::model::TicketSummary::from(&ticket));
        }

        // Numbers (as the `create` events carry them): two tickets may share one only when a
        // merge explains it.
        let summaries: Vec<_> = stored.iter().collect();
        for shared in store.shared_numbers(snap.tip, &summaries)? {
            if !shared.through_merge {
                problems.push(problem(
                    layout::ticket_dir(&shared.other),
                    "duplicate-key",
                    format!(
                        "ticket {} claims number {}, already taken by ticket {}",
                        shared.other, shared.number, shared.kept
                    ),
                ));
            }
        }
        problems.sort_by(|a, b| (&a.path, a.kind).cmp(&(&b.path, b.kind)));
        Ok(problems)
    }
}

/// The problems of one folded ticket: a state change whose `from` is not the state its author
/// had seen, and references to events that do not exist.
fn check_ticket(t: &Ticket) -> Vec<Problem> {
    let mut out = Vec::new();
    let ids: HashSet<&EventId> = t.events.iter().map(|e| &e.id).collect();
    let by_id: HashMap<&EventId, &Event> = t.events.iter().map(|e| (&e.id, e)).collect();
    let path = |e: &Event| layout::event_path(&e.ticket, &e.id);
    for e in &t.events {
        for p in &e.parents {
            if !ids.contains(p) {
                out.push(problem(
                    path(e),
                    "dangling",
                    format!("parent {p} is not an event of this ticket"),
                ));
            }
        }
        if let Action::CommentEdit { comment, .. } | Action::CommentDelete { comment } = &e.action {
            let is_comment = by_id
                .get(comment)
                .is_some_and(|c| matches!(c.action, Action::Comment { .. }));
            if !is_comment {
                out.push(problem(
                    path(e),
                    "dangling",
                    format!("comment {comment} does not exist"),
                ));
            }
        }
        if let Action::State { from, .. } = &e.action {
            let seen = state_seen_by(e, &by_id);
            if seen != *from {
                out.push(problem(
                    path(e),
                    "from-mismatch",
                    format!(
                        "the change starts from {from}, but its author had seen the ticket {seen}"
                    ),
                ));
            }
        }
    }
    out
}

/// The state a writer saw: the fold, restricted to the event's causal past.
fn state_seen_by(e: &Event, by_id: &HashMap<&EventId, &Event>) -> State {
    let mut past: Vec<&Event> = Vec::new();
    let mut todo: Vec<&EventId> = e.parents.iter().collect();
    let mut seen: HashSet<&EventId> = HashSet::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(p) = by_id.get(id) {
            past.push(p);
            todo.extend(p.parents.iter());
        }
    }
    past.sort_by(|a, b| fold_order(a, b));
    let mut state = State::Posted;
    for p in past {
        if let Action::State { to, .. } = &p.action {
            state = *to;
        }
    }
    state
}
