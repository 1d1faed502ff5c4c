//! Writing an import (R36): the checked tickets go onto the branch in batches, each batch one
//! compare-and-swap of the branch; what is already there is skipped, so importing the same
//! input twice adds nothing and an interrupted import finishes when run again.
//!
//! Every file keeps its author: a batch is a chain of commits, one per author of the events
//! it adds, each made by that author and committed by the person importing (as `git am`
//! does), so `verify` finds no forged author. The chain moves the branch once.
//!
//! Numbers: a new ticket keeps the number it asks for when no ticket of the branch has it and
//! no earlier-created ticket of the input asks for it too; the others get the next free
//! numbers after the highest number of the input and of the branch's other tickets, in
//! creation order (then id) — the order `sync` gives colliding tickets (`docs/format.md`).

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::access::{keeps_a_manager, may_configure};
use crate::model::config::{ConfigError, FieldDef, FieldType, Mode, CONFIG_PATH};
use crate::model::error::ValidationError;
use crate::model::limits::MAX_NUMBER;
use crate::model::{Action, Person, TicketId, TrackerConfig};
use crate::store::{layout, ChainCommit, FileWrite, Snapshot, StoreError};
use crate::tracker::export::{BadInput, ConfigSource, Exchange, Import, ImportTicket};
use crate::tracker::write::{until_done, Attempt, Contention, MAX_ATTEMPTS};
use crate::tracker::{Actor, TrackerError};

/// How many files (events and other files) a batch holds at most, unless one ticket alone
/// has more: a batch is one move of the branch, and what an interrupted import keeps.
pub const BATCH_FILES: usize = 20_000;

/// Why an import stopped.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The input is wrong at a place: nothing was written.
    #[error(transparent)]
    Bad(#[from] BadInput),
    /// The tracker refused, or could not finish.
    #[error(transparent)]
    Tracker(#[from] TrackerError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        Self::Tracker(e.into())
    }
}

/// What an import did.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    /// The branch did not exist: the import created the tracker.
    pub created_tracker: bool,
    /// The import added custom fields (or choices) to the configuration.
    pub config_changed: bool,
    /// Tickets in the input.
    pub tickets: usize,
    /// Tickets the branch did not have.
    pub new_tickets: usize,
    /// Events written.
    pub events: usize,
    /// Other files written.
    pub files: usize,
    /// People's files written.
    pub person_events: usize,
    /// Files (events, others, people's) already there, skipped.
    pub skipped: usize,
    /// New tickets whose number was taken: (the number asked for, the number given).
    pub renumbered: Vec<(u64, u64)>,
    /// Commits made.
    pub commits: usize,
    /// Batches written (moves of the branch).
    pub batches: usize,
}

/// The listener of an import's progress: `(files done, files)` (events, other files and
/// people's files, those already there included).
pub type Progress<'p> = &'p mut dyn FnMut(usize, usize);

impl Exchange<'_> {
    /// Writes `import` onto the branch (see the module's documentation), reporting progress
    /// after each batch.
    pub fn import(
        &self,
        import: &Import,
        actor: &Actor,
        mut progress: Option<Progress<'_>>,
    ) -> Result<ImportReport, ImportError> {
        actor.person.validate().map_err(TrackerError::from)?;
        let store = self.tracker.store();
        let batches = batches(import, batch_files());
        let mut report = ImportReport {
            tickets: import.tickets.len(),
            ..ImportReport::default()
        };
        // Checked once before anything is written, against the configuration the import
        // will be under.
        if import.new_texts {
            let tip = store.tip()?;
            let snap = match tip {
                Some(_) => Some(self.tracker.snapshot()?),
                None => None,
            };
            let (config, _) = self.configuration(import, snap.as_deref(), actor)?;
            check_new_texts(import, &config)?;
        }
        let total: usize = import.people.iter().map(|(_, e)| e.len()).sum::<usize>()
            + import
                .tickets
                .iter()
                .map(|t| t.events.len() + t.files.len())
                .sum::<usize>();
        let mut done = 0;
        for (b, range) in batches.iter().enumerate() {
            let first = b == 0;
            let written = until_done(MAX_ATTEMPTS, |_| {
                let tip = store.tip()?;
                let snap = match tip {
                    Some(_) => Some(self.tracker.snapshot()?),
                    None => None,
                };
                let plan = self.plan(
                    import,
                    snap.as_deref(),
                    actor,
                    range.clone(),
                    first,
                    batches.len(),
                    b,
                )?;
                if plan.chain.is_empty() {
                    return Ok(Attempt::Done(plan.counts));
                }
                let mut tell = |n: usize| {
                    if let Some(p) = progress.as_mut() {
                        p((done + n).min(total), total);
                    }
                };
                match store.commit_chain(
                    tip,
                    &plan.chain,
                    &actor.person,
                    actor.at(),
                    Some(&mut tell),
                ) {
                    Ok(_) => Ok(Attempt::Done(plan.counts)),
                    Err(StoreError::AlreadyInitialized { .. }) => {
                        Ok(Attempt::Retry(Contention::Moved))
                    }
                    Err(e) => Ok(Attempt::Retry(Contention::of(e)?)),
                }
            })?;
            report.add(written);
            done += import.tickets[range.clone()]
                .iter()
                .map(|t| t.events.len() + t.files.len())
                .sum::<usize>();
            if first {
                done += import.people.iter().map(|(_, e)| e.len()).sum::<usize>();
            }
            crate::pause::point("import-batch");
        }
        if let Some(p) = progress.as_mut() {
            p(total, total);
        }
        Ok(report)
    }

    /// What one batch writes, judged at `snap` (`None`: no branch yet).
    #[allow(clippy::too_many_arguments)]
    fn plan(
        &self,
        import: &Import,
        snap: Option<&Snapshot>,
        actor: &Actor,
        range: std::ops::Range<usize>,
        first: bool,
        batches: usize,
        b: usize,
    ) -> Result<Plan, TrackerError> {
        let store = self.tracker.store();
        let (config, config_file) = self.configuration(import, snap, actor)?;
        let mut counts = ImportReport::default();
        let mut chain = Vec::new();
        if let Some(text) = config_file {
            let message = match snap {
                None => {
                    counts.created_tracker = true;
                    format!("import: create tracker {:?}\n", config.name)
                }
                Some(_) => {
                    counts.config_changed = true;
                    "import: config: add the fields the imported tickets use\n".to_owned()
                }
            };
            chain.push(ChainCommit {
                files: vec![FileWrite {
                    path: CONFIG_PATH.into(),
                    content: text.into_bytes(),
                }],
                message,
                author: actor.person.clone(),
            });
        }
        let existing: HashMap<TicketId, u64> = match snap {
            Some(s) => store
                .all_tickets(s)?
                .into_iter()
                .map(|t| (t.id, t.number))
                .collect(),
            None => HashMap::new(),
        };
        let numbers = assign_numbers(&import.tickets, &existing)?;
        let tickets = &import.tickets[range];
        let ids: Vec<TicketId> = tickets.iter().map(|t| t.id.clone()).collect();
        let there = match snap {
            Some(s) => store.ticket_files(s.tip, &ids)?,
            None => HashMap::new(),
        };
        let mut groups = Groups::default();
        if first {
            for (pid, events) in &import.people {
                let names = match snap {
                    Some(s) => store
                        .files_in(s.tip, &format!("{}/{pid}", layout::PEOPLE_DIR))?
                        .unwrap_or_default(),
                    None => Default::default(),
                };
                for e in events {
                    if names.contains(&format!("{}.toml", e.id)) {
                        counts.skipped += 1;
                        continue;
                    }
                    counts.person_events += 1;
                    groups.add(
                        &e.author,
                        None,
                        FileWrite {
                            path: layout::person_event_path(pid, &e.id),
                            content: e.to_toml().into_bytes(),
                        },
                    );
                }
            }
        }
        let empty = Default::default();
        for t in tickets {
            let names = there.get(&t.id).unwrap_or(&empty);
            let number = numbers.get(&t.id).copied();
            if let Some(n) = number {
                counts.new_tickets += 1;
                if n != t.number {
                    counts.renumbered.push((t.number, n));
                }
            }
            for e in &t.events {
                if names.contains(&format!("{}.toml", e.id)) {
                    counts.skipped += 1;
                    continue;
                }
                let mut e = e.clone();
                match &mut e.action {
                    Action::Create { number: stored, .. } => {
                        if let Some(n) = number {
                            *stored = n;
                        }
                    }
                    // New values take the field's normal form here (the order of a
                    // multi-choice field's choices in this tracker).
                    Action::Field { name, value } if import.new_texts => {
                        *value = config.check_field(name, value)?;
                    }
                    _ => {}
                }
                counts.events += 1;
                groups.add(&e.author, Some(&t.id), FileWrite::event(&e));
            }
            let dir = layout::ticket_dir(&t.id);
            for f in &t.files {
                // Never over a file or a directory that is there.
                let prefix = format!("{}/", f.path);
                let clash = names.contains(&f.path)
                    || names
                        .range(prefix.clone()..)
                        .next()
                        .is_some_and(|n| n.starts_with(&prefix))
                    || ancestors(&f.path).any(|a| names.contains(a));
                if clash {
                    counts.skipped += 1;
                    continue;
                }
                counts.files += 1;
                groups.add(
                    file_author(t, &f.path),
                    Some(&t.id),
                    FileWrite {
                        path: format!("{dir}/{}", f.path),
                        content: f.bytes.clone(),
                    },
                );
            }
        }
        let suffix = if batches > 1 {
            format!(" (batch {} of {batches})", b + 1)
        } else {
            String::new()
        };
        for g in groups.list {
            let events = g.files.len();
            let message = format!(
                "import: {events} file{} of {} ticket{} by {}{suffix}\n",
                plural(events),
                g.tickets.len(),
                plural(g.tickets.len()),
                g.author.name
            );
            chain.push(ChainCommit {
                files: g.files,
                message,
                author: g.author,
            });
        }
        counts.commits = chain.len();
        counts.batches = usize::from(!chain.is_empty());
        Ok(Plan { chain, counts })
    }

    /// The configuration in force after the import, and the `tracker.toml` to write (if
    /// any). An import into an existing tracker is refused where its author may not change
    /// the configuration (strict mode: managers only), since it writes history on behalf of
    /// others; its configuration stays as it is, but for fields the tickets need.
    fn configuration(
        &self,
        import: &Import,
        snap: Option<&Snapshot>,
        actor: &Actor,
    ) -> Result<(TrackerConfig, Option<String>), TrackerError> {
        let Some(snap) = snap else {
            return Ok(match &import.config {
                ConfigSource::Verbatim(text) => (
                    TrackerConfig::from_toml(text.as_bytes()).map_err(|e| {
                        ConfigError::Rule(format!("the imported {CONFIG_PATH} is not valid: {e}"))
                    })?,
                    Some(text.clone()),
                ),
                ConfigSource::Fields(fields, _) => {
                    let mut c = TrackerConfig::for_mode(Mode::Defects);
                    c.name = self.tracker.store().repo_name();
                    c.set("roles.manager", &actor.person.email)?;
                    c.fields.extend(fields.clone());
                    c.validate()?;
                    let text = c.to_toml();
                    (c, Some(text))
                }
            });
        };
        if let Some(d) = snap.config_problem() {
            return Err(StoreError::BadConfig {
                path: d.path.clone(),
                message: d.message.clone(),
            }
            .into());
        }
        may_configure(Some(&snap.config), &actor.person.email)?;
        let ConfigSource::Fields(fields, labels) = &import.config else {
            return Ok((snap.config.clone(), None));
        };
        let mut c = snap.config.clone();
        if !c.labels.allowed.is_empty() {
            for label in labels {
                if !c.labels.allowed.contains(label) {
                    c.labels.allowed.push(label.clone());
                }
            }
        }
        for (name, def) in fields {
            match c.fields.get_mut(name) {
                None => {
                    c.fields.insert(name.clone(), def.clone());
                }
                Some(have) if have.kind == def.kind => {
                    for choice in &def.choices {
                        if !have.choices.contains(choice) {
                            have.choices.push(choice.clone());
                        }
                    }
                }
                Some(have) => {
                    return Err(ConfigError::Rule(format!(
                        "the field {name} is a {} field here; the import needs a {} field",
                        have.kind.name(),
                        def.kind.name()
                    ))
                    .into())
                }
            }
        }
        if c == snap.config {
            return Ok((c, None));
        }
        c.validate()?;
        keeps_a_manager(&c)?;
        let text = c.to_toml();
        Ok((c, Some(text)))
    }
}

/// The definition of a custom field an import needs.
pub fn field_def(kind: FieldType, choices: Vec<String>, listable: bool) -> FieldDef {
    FieldDef {
        kind,
        choices,
        mandatory: false,
        private: false,
        listable,
    }
}

/// New texts (a GitHub import) obey the tracker's rules as any write does: every state
/// enabled, custom fields valid, texts within `max_text_bytes`.
fn check_new_texts(import: &Import, config: &TrackerConfig) -> Result<(), ImportError> {
    for t in &import.tickets {
        for (e, at) in t.events.iter().zip(&t.event_origins) {
            config
                .check_event(e)
                .map_err(|err| BadInput::at(at.clone(), err))?;
            match &e.action {
                Action::State { to, .. } if !config.states.contains(to) => {
                    return Err(BadInput::at(
                        at.clone(),
                        format!("the state {to} is not enabled in this tracker"),
                    )
                    .into());
                }
                Action::Field { name, value } => {
                    config
                        .check_field(name, value)
                        .map_err(|err| BadInput::at(at.clone(), err))?;
                }
                _ => {}
            }
        }
    }
    Ok(())
}

struct Plan {
    chain: Vec<ChainCommit>,
    counts: ImportReport,
}

impl ImportReport {
    fn add(&mut self, o: Self) {
        self.created_tracker |= o.created_tracker;
        self.config_changed |= o.config_changed;
        self.new_tickets += o.new_tickets;
        self.events += o.events;
        self.files += o.files;
        self.person_events += o.person_events;
        self.skipped += o.skipped;
        self.renumbered.extend(o.renumbered);
        self.commits += o.commits;
        self.batches += o.batches;
    }
}

/// The files of a batch by author, in the order their authors first appear.
#[derive(Default)]
struct Groups {
    list: Vec<Group>,
    by_email: HashMap<String, usize>,
}

struct Group {
    author: Person,
    files: Vec<FileWrite>,
    tickets: HashSet<TicketId>,
}

impl Groups {
    fn add(&mut self, author: &Person, ticket: Option<&TicketId>, file: FileWrite) {
        let key = author.email.to_ascii_lowercase();
        let i = *self.by_email.entry(key).or_insert_with(|| {
            self.list.push(Group {
                author: author.clone(),
                files: Vec::new(),
                tickets: HashSet::new(),
            });
            self.list.len() - 1
        });
        let g = &mut self.list[i];
        g.files.push(file);
        g.tickets.extend(ticket.cloned());
    }
}

/// Who a file of a ticket's directory belongs to: the author of the event its first name
/// starts with (`<event-id>…`, as attachments are named after their event), else the
/// ticket's reporter.
fn file_author<'t>(t: &'t ImportTicket, path: &str) -> &'t Person {
    let first = path.split('/').next().unwrap_or_default();
    let id = first.get(..crate::model::id::ID_LEN).unwrap_or_default();
    t.events
        .iter()
        .find(|e| e.id.as_str() == id)
        .or_else(|| t.events.first())
        .map(|e| &e.author)
        .expect("a checked ticket has its create event")
}

/// `a/b/c` → `a`, `a/b`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// [`BATCH_FILES`], or `GIT_TRACKER_IMPORT_BATCH` in a debug build (tests).
fn batch_files() -> usize {
    crate::pause::debug_override("GIT_TRACKER_IMPORT_BATCH")
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(BATCH_FILES)
}

/// The tickets of each batch: whole tickets, in input order, until a batch holds `size`
/// files (people's files count in the first).
fn batches(import: &Import, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut files: usize = import.people.iter().map(|(_, e)| e.len()).sum();
    for (i, t) in import.tickets.iter().enumerate() {
        files += t.events.len() + t.files.len();
        if files >= size {
            out.push(start..i + 1);
            start = i + 1;
            files = 0;
        }
    }
    if start < import.tickets.len() || out.is_empty() {
        out.push(start..import.tickets.len());
    }
    out
}

/// The numbers of the input's tickets the branch lacks (see the module's documentation).
/// `existing`: the branch's tickets and their numbers.
pub fn assign_numbers(
    tickets: &[ImportTicket],
    existing: &HashMap<TicketId, u64>,
) -> Result<BTreeMap<TicketId, u64>, ValidationError> {
    let ours: HashSet<&TicketId> = tickets.iter().map(|t| &t.id).collect();
    let mut used: HashSet<u64> = existing.values().copied().collect();
    // Tickets of the input already imported (an earlier, interrupted run) hold numbers but do
    // not move the base, so that a second run gives what one run would have.
    let base = tickets
        .iter()
        .map(|t| t.number)
        .chain(
            existing
                .iter()
                .filter(|(id, _)| !ours.contains(id))
                .map(|(_, n)| *n),
        )
        .max()
        .unwrap_or(0);
    let mut new: Vec<&ImportTicket> = tickets
        .iter()
        .filter(|t| !existing.contains_key(&t.id))
        .collect();
    new.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    let mut out = BTreeMap::new();
    let mut colliding = Vec::new();
    for t in new {
        if used.insert(t.number) {
            out.insert(t.id.clone(), t.number);
        } else {
            colliding.push(t);
        }
    }
    let mut next = base;
    for t in colliding {
        next += 1;
        while used.contains(&next) {
            next += 1;
        }
        if next > MAX_NUMBER {
            return Err(ValidationError::NumbersExhausted { max: MAX_NUMBER });
        }
        used.insert(next);
        out.insert(t.id.clone(), next);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn ticket(n: u64, id: u8, minute: i64) -> ImportTicket {
        ImportTicket {
            id: TicketId::from_random([id; 16]),
            number: n,
            created: DateTime::from_timestamp(1_767_225_600 + minute * 60, 0).unwrap(),
            events: Vec::new(),
            files: Vec::new(),
            origin: String::new(),
            event_origins: Vec::new(),
        }
    }

    #[test]
    fn numbers_are_kept_when_free_and_collisions_follow_creation_order() {
        let tickets = [
            ticket(1, 1, 0),
            ticket(2, 2, 1),
            ticket(2, 3, 0),
            ticket(5, 4, 2),
        ];
        // An empty branch: the earlier-created ticket keeps 2, the other gets 6.
        let got = assign_numbers(&tickets, &HashMap::new()).unwrap();
        let n = |i: u8| got[&TicketId::from_random([i; 16])];
        assert_eq!((n(1), n(2), n(3), n(4)), (1, 6, 2, 5));
        // The branch has 1 and 9 (other tickets): 1 moves after 9; so does the later 2.
        let existing = HashMap::from([
            (TicketId::from_random([8; 16]), 1),
            (TicketId::from_random([9; 16]), 9),
        ]);
        let got = assign_numbers(&tickets, &existing).unwrap();
        let n = |i: u8| got[&TicketId::from_random([i; 16])];
        assert_eq!((n(1), n(2), n(3), n(4)), (10, 11, 2, 5));
        // Run again after the first two were written: the same numbers for the rest.
        let mut after = existing.clone();
        after.insert(TicketId::from_random([1; 16]), 10);
        after.insert(TicketId::from_random([2; 16]), 11);
        let again = assign_numbers(&tickets, &after).unwrap();
        assert_eq!(again.len(), 2);
        assert_eq!(again[&TicketId::from_random([3; 16])], 2);
        assert_eq!(again[&TicketId::from_random([4; 16])], 5);
        // Past the maximum: refused.
        let big = [ticket(MAX_NUMBER, 1, 0), ticket(MAX_NUMBER, 2, 1)];
        assert!(assign_numbers(&big, &HashMap::new()).is_err());
    }
}
