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
use crate::model::event::Move;
use crate::model::rank::may_rank;
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
    /// `forbidden-config`, `forbidden-transition`, `forbidden-priority`, `from-mismatch`,
    /// `dangling`, `duplicate-key`, `missing-attachment`, `attachment-mismatch`, `over-limit`,
    /// `dangling-link`.
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

/// A dependency cycle that two clones made (R24): information, not a problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cycle {
    /// The keys of its tickets (a strongly connected component of the links), by number.
    pub keys: Vec<String>,
    /// The shortest cycle through the first of them, as keys, back to the first.
    pub path: Vec<String>,
}

/// What `verify` found.
#[derive(Clone, Debug, Default)]
pub struct Findings {
    /// Problems, sorted by path then kind.
    pub problems: Vec<Problem>,
    /// Tickets with contested fields, by key.
    pub contested: Vec<Contested>,
    /// Dependency cycles, by their first key's number.
    pub cycles: Vec<Cycle>,
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
                if let (Action::Attach { files, .. }, Some(config)) =
                    (&event.action, c.config_before.as_deref())
                {
                    let limit = config.attachments.max_size;
                    for f in files.iter().filter(|f| f.size > limit) {
                        problems.push(problem(
                            &f.path,
                            "over-limit",
                            format!(
                                "{} bytes, over the limit in force when commit {short} attached it ({limit} bytes, attachments.max_size)",
                                f.size
                            ),
                        ));
                    }
                }
                let Some(config) = c.config_before.as_deref() else {
                    continue;
                };
                // R25: in strict mode only the roles of `priority_roles` move priorities and
                // decide raise requests; the move that ranks a reopened ticket at the bottom
                // comes with its reopening, in the same commit.
                let ranks = match &event.action {
                    Action::Priority { how, .. } => {
                        *how != Move::Reopen || !reopens_in(&c.written, &event.ticket)
                    }
                    Action::RaiseRefuse { .. } => true,
                    _ => false,
                };
                if ranks {
                    if let Err(why) = may_rank(config, &event.author.email) {
                        problems.push(problem(
                            &w.path,
                            "forbidden-priority",
                            format!("{}: {why}", event.author.email),
                        ));
                    }
                    continue;
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
        let ids: HashSet<&crate::model::TicketId> = all.iter().map(|t| &t.id).collect();
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
            problems.extend(check_dependencies(&ticket, &ids));
            problems.extend(self.check_attachments(snap.tip, &ticket)?);
            links.extend(ticket_links(&ticket));
            stored.push(crate::model::TicketSummary::from(&ticket));
        }
        problems.extend(self.check_links(&links)?);
        let mut cycles = Vec::new();
        for members in store.cycles(&snap, None)? {
            let mut found = store.by_ids(&snap, &members)?;
            found.sort_by(|a, b| (a.number, &a.id).cmp(&(b.number, &b.id)));
            let Some(first) = found.first() else {
                continue;
            };
            cycles.push(Cycle {
                keys: found
                    .iter()
                    .map(|t| key_of(&snap.config, t.number).to_string())
                    .collect(),
                path: self.tracker.cycle_through(&snap, &first.id)?,
            });
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
        problems.dedup();
        Ok(Findings {
            problems,
            contested,
            cycles,
        })
    }
}

/// Whether the files a commit wrote hold a state change of `ticket` out of a finished state
/// (a reopening).
fn reopens_in(written: &[crate::store::Written], ticket: &crate::model::TicketId) -> bool {
    written.iter().any(|w| {
        let Some((t, id)) = layout::parse_event_path(&w.path).filter(|(t, _)| t == ticket) else {
            return false;
        };
        let Ok(content) = &w.content else {
            return false;
        };
        Event::from_toml(t, id, content).is_ok_and(|e| {
            matches!(e.action, Action::State { from, to, .. }
                if from.is_finished() && !to.is_finished())
        })
    })
}

impl Audit<'_> {
    /// The attachments of a ticket against their blobs (R23): a blob missing, larger than
    /// the format allows, or of another size or SHA-256 than its event records; and files in
    /// the ticket's attachment directories that no event records.
    fn check_attachments(&self, tip: Tip, t: &Ticket) -> Result<Vec<Problem>, TrackerError> {
        use crate::model::limits::MAX_ATTACHMENT_BYTES;
        use crate::store::BlobRead;
        let store = self.tracker.store();
        let mut out = Vec::new();
        for a in &t.attachments {
            let f = &a.file;
            match store.attachment(tip, &f.path, MAX_ATTACHMENT_BYTES)? {
                BlobRead::Missing => out.push(problem(
                    &f.path,
                    "missing-attachment",
                    format!("event {} attaches it, but the file is not there", a.event),
                )),
                BlobRead::TooLarge(size) => out.push(problem(
                    &f.path,
                    "over-limit",
                    format!(
                        "{size} bytes, over the format's limit of {MAX_ATTACHMENT_BYTES} bytes"
                    ),
                )),
                BlobRead::Bytes(bytes) => {
                    let sha = crate::model::event::sha256_hex(&bytes);
                    if bytes.len() as u64 != f.size || sha != f.sha256 {
                        out.push(problem(
                            &f.path,
                            "attachment-mismatch",
                            format!(
                                "the file has {} bytes and SHA-256 {sha}; event {} records {} \
                                 bytes and {}",
                                bytes.len(),
                                a.event,
                                f.size,
                                f.sha256
                            ),
                        ));
                    }
                }
            }
        }
        let known: HashSet<&str> = t.attachments.iter().map(|a| a.file.path.as_str()).collect();
        for path in store.attachment_files(tip, &t.id)? {
            if !known.contains(path.as_str()) {
                out.push(problem(
                    path,
                    "malformed",
                    "in an attachment directory, but no attach event records it",
                ));
            }
        }
        Ok(out)
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

/// Dependencies on tickets that are not on the branch (`dangling`): each `depend` event
/// whose ticket is missing, when the dependency holds.
fn check_dependencies(t: &Ticket, ids: &HashSet<&crate::model::TicketId>) -> Vec<Problem> {
    t.events
        .iter()
        .filter_map(|e| match &e.action {
            Action::Depend { on } if t.depends_on.contains(on) && !ids.contains(on) => {
                Some(problem(
                    layout::event_path(&e.ticket, &e.id),
                    "dangling",
                    format!("the ticket depends on ticket {on}, which is not on the branch"),
                ))
            }
            _ => None,
        })
        .collect()
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
        if let Action::Priority {
            request: Some(request),
            ..
        }
        | Action::RaiseRefuse { request, .. } = &e.action
        {
            let is_raise = by_id
                .get(request)
                .is_some_and(|r| matches!(r.action, Action::Raise { .. }));
            if !is_raise {
                out.push(problem(
                    path(e),
                    "dangling",
                    format!("raise request {request} does not exist"),
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
