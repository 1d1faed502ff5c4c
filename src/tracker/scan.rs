//! Commit keywords (R62): what the messages of a range of the project's history say about
//! tickets, applied once per commit and ticket.
//!
//! `Fixes TRK-12` (and the other forms of [`crate::model::keywords`]) moves the ticket to
//! RESOLVED with the commit as the message; `Refs TRK-12` adds a comment naming the commit.
//! Each event written carries the commit's id (`commit`, docs/format.md), and a keyword whose
//! (commit, ticket, kind of event) is already on the ticket is skipped: scanning a range again,
//! or from a hook and from CI, changes nothing more. Only the tickets named are read — never
//! the branch's history.
//!
//! All the changes of one scan are one commit on the branch, through the one write path
//! (`Tracker::write`). A keyword that cannot be applied (an unknown key, a move the rules
//! refuse) is reported on its own and the others are applied.

use std::collections::{HashMap, HashSet};

use crate::model::config::key_of;
use crate::model::keywords::{mentions, Keyword};
use crate::model::ticket::Ticket;
use crate::model::workflow::check_move;
use crate::model::{Action, CommitId, Event, Key, State, TicketId, Viewer};
use crate::store::{FileWrite, ProjectCommit, Snapshot, StoreError, Tip};
use crate::tracker::tickets::{auto_open, chain, opens};
use crate::tracker::write::{ConfigCheck, Planned};
use crate::tracker::{Actor, Purpose, Tracker, TrackerError};

/// The longest commit subject copied into a message or comment, in characters.
const MAX_SUBJECT_CHARS: usize = 200;

/// The scanning of commit messages.
pub struct Scan<'t> {
    pub(super) tracker: &'t Tracker,
}

/// What a keyword led to (or, in a dry run, would lead to).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The ticket moves from this state to RESOLVED.
    Resolved {
        /// The state it was in.
        from: State,
    },
    /// A comment names the commit on the ticket.
    Commented,
    /// The ticket already holds this commit's event of this kind: nothing to do.
    Recorded,
    /// `Fixes` on a ticket already in this finished state: nothing to do.
    Finished(State),
    /// The rules refuse it (why).
    Refused(String),
    /// The key names no ticket the person scanning may change (why).
    Unknown(String),
}

/// One keyword of one commit, and what came of it.
#[derive(Clone, Debug)]
pub struct Step {
    /// The commit.
    pub commit: ProjectCommit,
    /// The keyword.
    pub keyword: Keyword,
    /// The key as the message wrote it.
    pub written: String,
    /// The ticket's key and id, when the key names one.
    pub ticket: Option<(Key, TicketId)>,
    /// What came of it.
    pub verdict: Verdict,
}

/// What a scan did.
#[derive(Clone, Debug)]
pub struct Scanned {
    /// Every keyword met, commit by commit (oldest first), in the order written.
    pub steps: Vec<Step>,
    /// The events written (or, in a dry run, that would be).
    pub events: Vec<Event>,
    /// The commit made on the branch; `None` when nothing was written.
    pub tip: Option<Tip>,
}

/// A ticket the scan changes: as it will be after the actions planned so far.
struct Work {
    ticket: Ticket,
    key: Key,
    actions: Vec<(Action, Option<CommitId>)>,
    /// The (commit, keyword) pairs the ticket holds or this scan plans.
    recorded: HashSet<(CommitId, Keyword)>,
}

/// The keyword whose change `action` is, for a recorded commit: a state change is a `Fixes`,
/// a comment a `Refs`.
fn keyword_of(action: &Action) -> Option<Keyword> {
    match action {
        Action::State { .. } => Some(Keyword::Fixes),
        Action::Comment { .. } => Some(Keyword::Refs),
        _ => None,
    }
}

impl Work {
    fn new(ticket: Ticket, key: Key) -> Self {
        let recorded = ticket
            .events
            .iter()
            .filter_map(|e| Some((e.commit.clone()?, keyword_of(&e.action)?)))
            .collect();
        Self {
            ticket,
            key,
            actions: Vec::new(),
            recorded,
        }
    }

    /// Plans `action`, from `commit` when it records one.
    fn push(&mut self, action: Action, commit: Option<&CommitId>) {
        if let (Some(c), Some(k)) = (commit, keyword_of(&action)) {
            self.recorded.insert((c.clone(), k));
        }
        self.actions.push((action, commit.cloned()));
    }
}

/// The tickets a scan changes, in the order they were first named.
#[derive(Default)]
struct Tickets {
    list: Vec<Work>,
    places: HashMap<TicketId, usize>,
}

/// The subject as a message or comment quotes it: one line, cleaned of control characters,
/// cut at [`MAX_SUBJECT_CHARS`].
fn quoted(subject: &str) -> String {
    let clean = crate::text::clean_input(subject).replace('\n', " ");
    let clean = clean.trim();
    let mut chars = clean.chars();
    let mut out: String = chars.by_ref().take(MAX_SUBJECT_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

impl Scan<'_> {
    /// Applies the keywords of `commits` (oldest first) as one commit on the branch; with
    /// `dry_run`, only says what it would do.
    pub fn apply(
        &self,
        actor: &Actor,
        commits: &[ProjectCommit],
        dry_run: bool,
    ) -> Result<Scanned, TrackerError> {
        if dry_run {
            actor.person.validate()?;
            let snap = self.tracker.snapshot()?;
            if let Some(d) = snap.config_problem() {
                return Err(StoreError::BadConfig {
                    path: d.path.clone(),
                    message: d.message.clone(),
                }
                .into());
            }
            let planned = self.plan(&snap, actor, commits)?;
            return Ok(planned.value);
        }
        let (scanned, tip) = self.tracker.write(actor, ConfigCheck::Required, |snap| {
            self.plan(snap, actor, commits)
        })?;
        Ok(Scanned { tip, ..scanned })
    }

    fn plan(
        &self,
        snap: &Snapshot,
        actor: &Actor,
        commits: &[ProjectCommit],
    ) -> Result<Planned<Scanned>, TrackerError> {
        let config = &snap.config;
        let who = Viewer::new(Some(actor.person.clone()));
        let roles = config.roles_of(&actor.person.email);
        let mut work = Tickets::default();
        // What each number resolved to: a ticket being worked on, or why not.
        let mut found: HashMap<u64, Result<usize, String>> = HashMap::new();
        let mut steps = Vec::new();
        for commit in commits {
            for m in mentions(&commit.message, &config.prefix) {
                let step = |ticket, verdict| Step {
                    commit: commit.clone(),
                    keyword: m.keyword,
                    written: m.written.clone(),
                    ticket,
                    verdict,
                };
                let Some(number) = m.number else {
                    let why = format!("unknown ticket {:?}", m.written);
                    steps.push(step(None, Verdict::Unknown(why)));
                    continue;
                };
                let slot = match found.get(&number) {
                    Some(slot) => slot.clone(),
                    None => {
                        let slot = self.open(snap, &who, number, &mut work)?;
                        found.insert(number, slot.clone());
                        slot
                    }
                };
                let w = match slot {
                    Ok(i) => &mut work.list[i],
                    Err(why) => {
                        steps.push(step(None, Verdict::Unknown(why)));
                        continue;
                    }
                };
                let ticket = Some((w.key.clone(), w.ticket.id.clone()));
                let subject = quoted(&commit.subject);
                let verdict = if w.recorded.contains(&(commit.id.clone(), m.keyword)) {
                    Verdict::Recorded
                } else {
                    match m.keyword {
                        Keyword::Fixes => {
                            let from = w.ticket.state;
                            if from.is_finished() {
                                Verdict::Finished(from)
                            } else if let Err(e) =
                                check_move(config, &roles, from, State::Resolved, false)
                            {
                                Verdict::Refused(e.to_string())
                            } else {
                                let message =
                                    format!("Resolved by commit {}: {subject}", commit.short);
                                w.push(
                                    Action::State {
                                        from,
                                        to: State::Resolved,
                                        message,
                                        automatic: false,
                                    },
                                    Some(&commit.id),
                                );
                                w.ticket.state = State::Resolved;
                                Verdict::Resolved { from }
                            }
                        }
                        Keyword::Refs if !config.comments => {
                            Verdict::Refused("comments are disabled in this tracker".into())
                        }
                        Keyword::Refs => {
                            // R15: as for any comment, someone other than the reporter opens a
                            // POSTED ticket.
                            if opens(config, &w.ticket, &actor.person) {
                                w.push(auto_open(), None);
                                w.ticket.state = State::Open;
                            }
                            let body = format!("Referenced by commit {}: {subject}", commit.short);
                            w.push(Action::Comment { body }, Some(&commit.id));
                            Verdict::Commented
                        }
                    }
                };
                steps.push(step(ticket, verdict));
            }
        }
        let mut events = Vec::new();
        let mut files = Vec::new();
        let mut summary = Vec::new();
        let mut trailers = String::new();
        for w in work.list.iter_mut().filter(|w| !w.actions.is_empty()) {
            let actions = std::mem::take(&mut w.actions);
            let mut what: Vec<String> = Vec::new();
            for (a, _) in &actions {
                match a {
                    Action::State {
                        to,
                        automatic: false,
                        ..
                    } => what.push(format!("-> {to}")),
                    Action::Comment { .. } => what.push("comment".into()),
                    _ => {}
                }
            }
            summary.push(format!("{} {}", w.key, what.join(", ")));
            trailers.push_str(&format!("Ticket: {}\n", w.ticket.id));
            for e in chain(&w.ticket, actor, actions.into_iter())? {
                config.check_event(&e)?;
                files.push(FileWrite::event(&e));
                events.push(e);
            }
        }
        let message = format!(
            "scan: {}\n\nCommit keywords of {} commit(s).\n\n{trailers}",
            summary.join("; "),
            commits.len()
        );
        Ok(Planned {
            value: Scanned {
                steps,
                events,
                tip: None,
            },
            files,
            message,
        })
    }

    /// Finds ticket `number` for `who` to change and adds it to `work`: its place there, or
    /// why it cannot be changed.
    fn open(
        &self,
        snap: &Snapshot,
        who: &Viewer,
        number: u64,
        work: &mut Tickets,
    ) -> Result<Result<usize, String>, TrackerError> {
        let key = key_of(&snap.config, number);
        let input = key.to_string();
        let read = self
            .tracker
            .find(snap, &input, who, Purpose::Write)
            .and_then(|s| self.tracker.read(snap, &s, &input));
        match read {
            Ok(ticket) => {
                // Two numbers may name one ticket (a key renumbered by sync).
                if let Some(i) = work.places.get(&ticket.id) {
                    return Ok(Ok(*i));
                }
                work.places.insert(ticket.id.clone(), work.list.len());
                work.list.push(Work::new(ticket, key));
                Ok(Ok(work.list.len() - 1))
            }
            Err(
                e @ (TrackerError::UnknownTicket(_)
                | TrackerError::AmbiguousTicket { .. }
                | TrackerError::Hidden { .. }
                | TrackerError::Unreadable(_)
                | TrackerError::Renumbered { .. }
                | TrackerError::RenumberedAway { .. }),
            ) => Ok(Err(e.to_string())),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_quoted_clean_and_bounded() {
        assert_eq!(quoted("Fix \u{1b}[31mcrash\u{1b}[0m\r"), "Fix crash");
        let long = "x".repeat(MAX_SUBJECT_CHARS + 5);
        let q = quoted(&long);
        assert_eq!(q.chars().count(), MAX_SUBJECT_CHARS + 1);
        assert!(q.ends_with('…'));
    }
}
