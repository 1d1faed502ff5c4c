//! `verify` (R63): re-reads the whole branch and its history and reports every problem, each
//! with the path of the file concerned.
//!
//! The history is read commit by commit along the layout only ([`crate::store::CommitRecord`]),
//! so its cost is the branch's size, never the depth or shape of what a hostile push put
//! beside the tickets.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::access::may_configure;
use crate::model::config::{key_of, Role, TrackerLink, CONFIG_PATH};
use crate::model::workflow::allowed_moves;
use crate::model::{Action, Event, EventId, State, Ticket, TicketId};
use crate::store::{layout, person_id, Tip};
use crate::tracker::{Tracker, TrackerError};

/// One problem found by `verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file on the branch.
    pub path: String,
    /// What kind of problem: `malformed`, `deleted`, `rewritten`, `forged-author`,
    /// `forbidden-config`, `forbidden-transition`, `from-mismatch`, `dangling`,
    /// `duplicate-key`, `dangling-link`.
    pub kind: &'static str,
    /// What is wrong.
    pub message: String,
}

/// A ticket with contested fields (R14): information, not a problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contested {
    /// Its key.
    pub key: String,
    /// Its directory on the branch.
    pub path: String,
    /// The contested fields.
    pub fields: Vec<String>,
}

/// What `verify` found.
#[derive(Clone, Debug, Default)]
pub struct Findings {
    /// Problems, sorted by path then kind.
    pub problems: Vec<Problem>,
    /// Tickets with contested fields, by key.
    pub contested: Vec<Contested>,
}

fn problem(path: impl Into<String>, kind: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        path: path.into(),
        kind,
        message: message.into(),
    }
}

/// The audit of a tracker's branch.
pub struct Audit<'t> {
    pub(super) tracker: &'t Tracker,
}

impl Audit<'_> {
    /// Checks the history ending at `rev` (default: the branch's tip).
    pub fn verify(&self, rev: Option<&str>) -> Result<Findings, TrackerError> {
        let store = self.tracker.store();
        let tip: Tip = match rev {
            Some(r) => store.resolve_commit(r)?,
            None => store.require_tip()?,
        };
        let snap = store.snapshot_at(tip)?;
        let mut problems = Vec::new();
        // Problems with the files at the tip, each file named (a foreign directory by the files
        // it holds).
        for d in &snap.diagnostics {
            let foreign = d.message.starts_with("unexpected file")
                || d.message.starts_with("not a ticket directory")
                || d.message.starts_with("not an event file");
            let paths = if foreign {
                store.files_under(tip, &d.path)?
            } else {
                vec![d.path.clone()]
            };
            problems.extend(
                paths
                    .into_iter()
                    .map(|p| problem(p, "malformed", d.message.clone())),
            );
        }

        // People's directories are read only by the commands about their person: check them
        // all here.
        problems.extend(
            store
                .people_problems(tip)?
                .into_iter()
                .map(|d| problem(d.path, "malformed", d.message)),
        );

        // History: what each commit wrote or removed, by whom, under which configuration.
        store.history(tip, |c| {
            let short = &c.id[..12];
            if c.config_changed && !c.root {
                if let Err(refusal) = may_configure(c.config_before.as_deref(), &c.author_email)
                {
                    problems.push(problem(
                        CONFIG_PATH,
                        "forbidden-config",
                        format!("commit {short} changed the configuration: {refusal}"),
                    ));
                }
            }
            for path in &c.deleted {
                problems.push(problem(
                    path,
                    "deleted",
                    format!("event files are never deleted, but commit {short} removed this one"),
                ));
            }
            // The event files of the commit, each read once.
            let events: Vec<Option<Event>> = c
                .written
                .iter()
                .map(|w| {
                    let (ticket, id) = layout::parse_event_path(&w.path)?;
                    Event::from_toml(ticket, id, w.content.as_ref().ok()?).ok()
                })
                .collect();
            // A ticket that arrives whole from another tracker (its `create` and its `origin`
            // in one commit: a transfer's copy, a dispatched ticket) keeps its events' authors
            // and the states they set under the rules of where they were made, as a
            // cherry-pick keeps its author (docs/transfer.md).
            let created: HashSet<&crate::model::TicketId> = events
                .iter()
                .flatten()
                .filter(|e| matches!(e.action, Action::Create { .. }))
                .map(|e| &e.ticket)
                .collect();
            let copies: HashSet<&crate::model::TicketId> = events
                .iter()
                .flatten()
                .filter(|e| matches!(e.action, Action::Origin { .. }) && created.contains(&e.ticket))
                .map(|e| &e.ticket)
                .collect();
            for (w, event) in c.written.iter().zip(&events) {
                if w.rewritten {
                    problems.push(problem(
                        &w.path,
                        "rewritten",
                        format!("event files are immutable, but commit {short} changed this one"),
                    ));
                }
                if let Some((person, _)) = layout::parse_person_event_path(&w.path) {
                    if person_id(&c.author_email) != person {
                        problems.push(problem(
                            &w.path,
                            "forged-author",
                            format!(
                                "only its person writes a person's directory, but commit {short} \
                                 was made by {}",
                                c.author_email
                            ),
                        ));
                    }
                    continue;
                }
                let Some(event) = event else {
                    continue;
                };
                if copies.contains(&event.ticket) {
                    continue;
                }
                if !event.author.has_email(&c.author_email) {
                    problems.push(problem(
                        &w.path,
                        "forged-author",
                        format!(
                            "the event's author is {} but commit {short} was made by {}",
                            event.author.email, c.author_email
                        ),
                    ));
                }
                let Action::State {
                    from,
                    to,
                    automatic: false,
                    ..
                } = &event.action
                else {
                    continue;
                };
                let Some(config) = c.config_before.as_deref() else {
                    continue;
                };
                // R10 keeps TRANSFERED for trackers with a parent or sub-trackers, a rule of
                // the tool's own writes since transfers exist: a move to it made where the
                // state was listed, before or by hand, is judged by the other rules only.
                let lenient;
                let config = if *to == State::Transfered && !config.has_transfer_target() {
                    let mut c = config.clone();
                    c.parent = Some(String::new());
                    lenient = c;
                    &lenient
                } else {
                    config
                };
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
        })?;

        // Each ticket: causal consistency and references.
        let all = store.all_tickets(&snap)?;
        let mut stored = Vec::with_capacity(all.len());
        let mut contested = Vec::new();
        let mut links: Vec<(String, Option<String>, String, TicketId, String)> = Vec::new();
        for summary in &all {
            if !summary.contested.is_empty() {
                contested.push(Contested {
                    key: key_of(&snap.config, summary.number).to_string(),
                    path: layout::ticket_dir(&summary.id),
                    fields: summary.contested.clone(),
                });
            }
            let (Some(ticket), _) = store.ticket(snap.tip, &summary.id)? else {
                continue;
            };
            problems.extend(check_ticket(&ticket));
            links.extend(ticket_links(&ticket));
            stored.push(crate::model::TicketSummary::from(&ticket));
        }
        problems.extend(self.check_links(&links)?);

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
        problems.dedup();
        Ok(Findings {
            problems,
            contested,
        })
    }
}

/// The links of a ticket to tickets of other trackers that can be checked here: each as
/// `(event path, remote, branch, ticket id, key)`. An origin in another repository cannot be.
fn ticket_links(t: &Ticket) -> Vec<(String, Option<String>, String, TicketId, String)> {
    let mut out = Vec::new();
    if let Some(o) = t.origin.as_ref().filter(|o| o.repository.is_none()) {
        out.push((
            layout::event_path(&t.id, &o.event),
            None,
            o.tracker.clone(),
            o.ticket.clone(),
            o.key.clone(),
        ));
    }
    for l in &t.transfers {
        let Ok(link) = TrackerLink::parse(&l.tracker) else {
            continue;
        };
        out.push((
            layout::event_path(&t.id, &l.event),
            link.remote,
            link.branch,
            l.ticket.clone(),
            l.key.clone(),
        ));
    }
    out
}

impl Audit<'_> {
    /// Each link to a ticket of another tracker whose tracker or ticket is not there: a
    /// `dangling-link`. A tracker of this repository is looked for as a branch, else as a
    /// remote's remote-tracking branch; a tracker of another repository (`REMOTE:BRANCH`) as
    /// of the last fetch, and not at all when it was never fetched.
    fn check_links(
        &self,
        links: &[(String, Option<String>, String, TicketId, String)],
    ) -> Result<Vec<Problem>, TrackerError> {
        let store = self.tracker.store();
        let mut by_tracker: std::collections::BTreeMap<(Option<&str>, &str), Vec<usize>> =
            std::collections::BTreeMap::new();
        for (i, (_, remote, branch, _, _)) in links.iter().enumerate() {
            by_tracker
                .entry((remote.as_deref(), branch.as_str()))
                .or_default()
                .push(i);
        }
        let mut out = Vec::new();
        for ((remote, branch), which) in by_tracker {
            let tip = match remote {
                Some(r) => {
                    let Some(t) = store.branch_tip(Some(r), branch) else {
                        continue;
                    };
                    t
                }
                None => {
                    let Some(t) = store.any_branch_tip(branch) else {
                        for i in which {
                            out.push(problem(
                                &links[i].0,
                                "dangling-link",
                                format!(
                                    "links to {} in tracker {branch}, which this repository does \
                                     not have",
                                    links[i].4
                                ),
                            ));
                        }
                        continue;
                    };
                    t
                }
            };
            let ids: Vec<TicketId> = which.iter().map(|i| links[*i].3.clone()).collect();
            let present = store.present(tip, &ids)?;
            let name = remote.map_or_else(|| branch.to_owned(), |r| format!("{r}:{branch}"));
            for i in which {
                if !present.contains(&links[i].3) {
                    out.push(problem(
                        &links[i].0,
                        "dangling-link",
                        format!(
                            "links to {} (ticket {}) in tracker {name}, which has no such ticket",
                            links[i].4, links[i].3
                        ),
                    ));
                }
            }
        }
        Ok(out)
    }
}

/// The problems of one folded ticket: a state change whose `from` is not the state its author
/// had seen, and references to events that do not exist.
fn check_ticket(t: &Ticket) -> Vec<Problem> {
    let mut out = Vec::new();
    let ids: HashSet<&EventId> = t.events.iter().map(|e| &e.id).collect();
    let by_id: HashMap<&EventId, &Event> = t.events.iter().map(|e| (&e.id, e)).collect();
    let path = |e: &Event| layout::event_path(&e.ticket, &e.id);
    // The state each event's author had seen (the fold of its causal past), in one pass.
    let seen_states = crate::model::causal::states_seen(t);
    for (e, seen) in t.events.iter().zip(seen_states) {
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
