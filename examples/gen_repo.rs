//! Builds a large scratch tracker repository for benchmarks, through the library's public API.
//!
//! ```text
//! cargo run --release --example gen_repo -- DIR N        generate (or reuse) N tickets in DIR
//!                                                        (GEN_EXTRA=1: ~5 events a ticket)
//! cargo run --release --example gen_repo -- stats DIR    object-store numbers of DIR
//! cargo run --release --example gen_repo -- pack DIR     Store::pack_now, then the numbers
//! cargo run --release --example gen_repo -- churn DIR K  K one-event commits through Tracker,
//!                                                        watching the loose objects
//! cargo run --release --example gen_repo -- phases DIR K K rounds of commit / snapshot /
//!                                                        snapshot / ticket, each timed
//! cargo run --release --example gen_repo -- rank DIR     ranks every ticket in progress, in
//!                                                        key order, as `--bottom` would
//! ```
//!
//! The history is made of bulk commits (100 tickets per commit, built as `model::Event`s and
//! written with `Store::commit`) followed by a few hundred ordinary `Tracker` calls (one event,
//! one commit each). Ids come from a seeded generator, so the content is the same every time.
//! `benches/store.rs` includes this file as a module (`#[path]`) to share the generator.

// Shared with benches/store.rs, which uses only part of it.
#![allow(dead_code)]

use std::error::Error;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use git_tracker::model::event::Move;
use git_tracker::model::rank::Rank;
use git_tracker::model::state::allowed_targets;
use git_tracker::model::{
    Action, Event, EventId, Person, State, TicketId, TicketSummary, TrackerConfig, Viewer,
};
use git_tracker::store::{init_repository, FileWrite, Store};
use git_tracker::tracker::{Actor, NewTicket, Tracker};

/// Errors of this program.
pub type Res<T> = Result<T, Box<dyn Error>>;

/// Tickets per bulk commit.
pub const BATCH: usize = 100;
/// The file at the work-tree root that marks a complete repository (and records how it was
/// made). A directory without it is regenerated.
pub const MARKER: &str = "bench-repo.txt";

/// A small deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    /// Seeded generator.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True `pct` times in a hundred.
    pub fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
    /// 16 random bytes, for an id.
    pub fn bytes16(&mut self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        b[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        b
    }
    /// One element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const NAMES: [&str; 8] = ["Ann", "Bob", "Cy", "Di", "Eve", "Fay", "Gus", "Hal"];
const WORDS: [&str; 24] = [
    "editor", "login", "export", "crash", "theme", "search", "cache", "report", "timeout",
    "upload", "sync", "font", "menu", "printer", "backup", "import", "token", "session", "quota",
    "locale", "plugin", "mail", "chart", "proxy",
];
/// Where bulk tickets go after POSTED, with weights in percent.
const BULK_STATES: [(State, usize); 7] = [
    (State::Open, 30),
    (State::Resolving, 20),
    (State::Waiting, 5),
    (State::Testing, 5),
    (State::Resolved, 25),
    (State::Validated, 5),
    (State::Abandonned, 10),
];

/// One of the eight people of the generated history.
pub fn person(i: usize) -> Person {
    let name = NAMES[i % NAMES.len()];
    Person::new(name, &format!("{}@example.com", name.to_lowercase()))
        .expect("the generator's people are valid")
}

fn words(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| *rng.pick(&WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(rng: &mut Rng, number: u64) -> String {
    format!("The {} {} fails ({number})", words(rng, 2), words(rng, 1))
}

fn text(rng: &mut Rng) -> String {
    format!(
        "Steps: open the {}, then the {}.\nExpected: it works. Got: the {} {}.\n",
        words(rng, 1),
        words(rng, 2),
        words(rng, 1),
        words(rng, 3)
    )
}

fn start() -> DateTime<Utc> {
    DateTime::from_timestamp(1_735_689_600, 0).expect("2025-01-01 is a valid time")
}

/// The events of one bulk ticket: create, then (each nine times in ten) a state change, a
/// comment and an assignment, chained by parents and Lamport clocks as `Tracker` would.
pub fn bulk_ticket(rng: &mut Rng, number: u64) -> Vec<Event> {
    let ticket = TicketId::from_random(rng.bytes16());
    let reporter = rng.below(NAMES.len());
    let mut at = start() + TimeDelta::minutes(number as i64 * 10);
    let mut events = vec![Event {
        commit: None,
        id: EventId::from_random(rng.bytes16()),
        ticket: ticket.clone(),
        lamport: 1,
        parents: Vec::new(),
        at,
        author: person(reporter),
        action: Action::Create {
            number,
            title: title(rng, number),
            description: text(rng),
            assignee: None,
            watchers: Vec::new(),
            fingerprint: None,
        },
    }];
    let mut actions = Vec::new();
    if rng.chance(90) {
        let roll = rng.below(100);
        let mut acc = 0;
        let to = BULK_STATES
            .iter()
            .find(|(_, w)| {
                acc += w;
                roll < acc
            })
            .map_or(State::Open, |(s, _)| *s);
        actions.push(Action::State {
            from: State::Posted,
            to,
            message: String::new(),
            automatic: false,
        });
    }
    if rng.chance(90) {
        actions.push(Action::Comment { body: text(rng) });
    }
    if rng.chance(90) {
        actions.push(Action::Assign {
            assignee: Some(person(rng.below(NAMES.len()))),
        });
    }
    // GEN_EXTRA=1 (bench/scale.sh): about 5 events a ticket instead of 3.7.
    if std::env::var_os("GEN_EXTRA").is_some() {
        for chance in [90, 40] {
            if rng.chance(chance) {
                actions.push(Action::Comment { body: text(rng) });
            }
        }
    }
    for action in actions {
        let last = events.last().expect("the create event is there");
        at += TimeDelta::hours(1);
        let e = Event {
            commit: None,
            id: EventId::from_random(rng.bytes16()),
            ticket: ticket.clone(),
            lamport: last.lamport + 1,
            parents: vec![last.id.clone()],
            at,
            author: person((reporter + 1) % NAMES.len()),
            action,
        };
        events.push(e);
    }
    events
}

/// What a generation did.
pub struct Generated {
    /// Tickets on the branch at the end.
    pub tickets: usize,
    /// Events written.
    pub events: usize,
    /// Commits on the branch (init, bulk, ordinary).
    pub commits: usize,
    /// Bulk commits.
    pub bulk_commits: usize,
    /// Ordinary `Tracker` calls that made a commit.
    pub tracker_commits: usize,
    /// Time of the bulk phase.
    pub bulk_time: Duration,
    /// Time of each ordinary call (the snapshot before it included, as the CLI does).
    pub call_times: Vec<Duration>,
    /// Total time.
    pub total_time: Duration,
}

impl Generated {
    /// A few lines for people.
    pub fn describe(&self) -> String {
        let mut t = self.call_times.clone();
        t.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let pct = |p: usize| t.get((t.len() * p / 100).min(t.len().saturating_sub(1)));
        let (p50, p95, max) = (pct(50), pct(95), t.last());
        let mut out = format!(
            "tickets = {}\nevents = {}\ncommits = {} (1 init, {} bulk, {} ordinary)\n\
             bulk_seconds = {:.1}\ntotal_seconds = {:.1}\n",
            self.tickets,
            self.events,
            self.commits,
            self.bulk_commits,
            self.tracker_commits,
            self.bulk_time.as_secs_f64(),
            self.total_time.as_secs_f64(),
        );
        if let (Some(p50), Some(p95), Some(max)) = (p50, p95, max) {
            out += &format!(
                "ordinary_call_ms = p50 {:.1}, p95 {:.1}, max {:.1} (snapshot + write)\n",
                ms(*p50),
                ms(*p95),
                ms(*max)
            );
        }
        out
    }
}

/// Generates an `n`-ticket repository in the empty or missing directory `dir`.
pub fn generate(dir: &Path, n: usize) -> Res<Generated> {
    let began = Instant::now();
    init_repository(dir, false)?;
    let tracker = Tracker::new(Store::open(Some(dir))?, Viewer::default());
    let admin = Actor {
        person: person(0),
        now: start(),
    };
    // A parent, so that TRANSFERED is enabled (R10) and the history is what it was before.
    let config = TrackerConfig {
        name: "Bench".into(),
        parent: Some("bench-parent".into()),
        ..TrackerConfig::default()
    };
    let (_, mut tip) = tracker.settings().init(&config, &admin)?;
    let mut rng = Rng::new(0x5eed_0000 + n as u64);

    // Bulk: `BATCH` tickets per commit, straight through Store::commit.
    let real_creates = (n / 100).clamp(1, 100).min(n);
    let real_updates = (n * 3 / 100).clamp(3, 300);
    let bulk = n - real_creates;
    let mut events = 0;
    let mut bulk_commits = 0;
    let mut number = 1;
    while number <= bulk {
        let last = (number + BATCH - 1).min(bulk);
        let mut files = Vec::new();
        for k in number..=last {
            let evs = bulk_ticket(&mut rng, k as u64);
            events += evs.len();
            files.extend(evs.iter().map(FileWrite::event));
        }
        let when = start() + TimeDelta::minutes(last as i64 * 10);
        let msg = format!("Bulk import: tickets {number} to {last}\n");
        tip = tracker
            .store()
            .commit(Some(tip), &files, &msg, &person(0), when)?;
        bulk_commits += 1;
        number = last + 1;
    }
    let bulk_time = began.elapsed();

    // Ordinary commands, one event each (a POSTED ticket touched by someone else than its
    // reporter gets an extra OPEN event in the same commit, as the CLI does).
    let mut now = start() + TimeDelta::minutes(n as i64 * 10 + 60);
    let mut actor = |who: usize| {
        now += TimeDelta::minutes(1);
        Actor {
            person: person(who),
            now,
        }
    };
    let mut call_times = Vec::new();
    let mut tracker_commits = 0;
    for _ in 0..real_creates {
        let t0 = Instant::now();
        let _snap = tracker.snapshot()?; // what `new` does before creating
        let who = rng.below(NAMES.len());
        let new = NewTicket {
            title: title(&mut rng, 0),
            description: text(&mut rng),
            assignee: rng.chance(50).then(|| person(who + 1)),
            watchers: Vec::new(),
            ..NewTicket::default()
        };
        let out = tracker.tickets().create(&actor(who), &new)?;
        call_times.push(t0.elapsed());
        events += out.events.len();
        tracker_commits += usize::from(out.tip.is_some());
    }
    for i in 0..real_updates {
        let t0 = Instant::now();
        let snap = tracker.snapshot()?;
        let t = pick(tracker.store(), &snap, &mut rng)?;
        let key = format!("{}{}", snap.config.prefix, t.number);
        let who = rng.below(NAMES.len());
        let out = match i % 3 {
            0 => {
                let targets = allowed_targets(t.state, &snap.config.enabled_states(), false);
                let to = *rng.pick(&targets);
                tracker
                    .tickets()
                    .transition(&actor(who), &key, to, "", false)?
            }
            1 => tracker
                .tickets()
                .comment(&actor(who), &key, &text(&mut rng), &[])?,
            _ => {
                let current = t.assignee.as_ref().map(|a| a.email.clone());
                let mut p = person(who);
                if current.as_deref() == Some(p.email.as_str()) {
                    p = person(who + 1);
                }
                tracker.tickets().assign(&actor(who), &key, Some(&p))?
            }
        };
        call_times.push(t0.elapsed());
        events += out.events.len();
        tracker_commits += usize::from(out.tip.is_some());
    }
    let snap = tracker.snapshot()?; // leave the index current
    let count = tracker.store().all_tickets(&snap)?.len();
    if count != n || !snap.diagnostics.is_empty() {
        return Err(format!(
            "generated {} tickets (wanted {n}) with {} diagnostics",
            count,
            snap.diagnostics.len()
        )
        .into());
    }
    Ok(Generated {
        tickets: count,
        events,
        commits: 1 + bulk_commits + tracker_commits,
        bulk_commits,
        tracker_commits,
        bulk_time,
        call_times,
        total_time: began.elapsed(),
    })
}

fn header(n: usize) -> String {
    format!("git-tracker benchmark repository, generator v1, {n} tickets\n")
}

/// Makes sure `dir` holds a complete `n`-ticket repository: reuses it when its marker says
/// so, else generates it in a sibling directory and renames that into place. Returns the
/// generation's report, or `None` when the repository was reused.
pub fn ensure(dir: &Path, n: usize) -> Res<Option<String>> {
    let marker = dir.join(MARKER);
    let complete = |m: &Path| fs::read_to_string(m).is_ok_and(|s| s.starts_with(&header(n)));
    if complete(&marker) {
        return Ok(None);
    }
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    let name = dir.file_name().ok_or("the directory has no name")?;
    let tmp = dir.with_file_name(format!(
        "{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    if tmp.exists() {
        fs::remove_dir_all(&tmp)?;
    }
    if let Some(parent) = tmp.parent() {
        fs::create_dir_all(parent)?;
    }
    let generated = generate(&tmp, n)?;
    let stats = ObjectStats::of(&tmp)?;
    let report = format!(
        "{}{}objects after set-up: {}\n",
        header(n),
        generated.describe(),
        stats.describe()
    );
    fs::write(tmp.join(MARKER), &report)?;
    if fs::rename(&tmp, dir).is_err() {
        // Another process finished first.
        fs::remove_dir_all(&tmp)?;
        if !complete(&marker) {
            return Err(format!("could not move {} into place", tmp.display()).into());
        }
    }
    Ok(Some(report))
}

/// Copies a directory tree (files and directories only).
pub fn copy_dir(from: &Path, to: &Path) -> Res<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// What `.git/objects` holds.
#[derive(Clone, Copy, Debug)]
pub struct ObjectStats {
    /// Loose object files.
    pub loose: u64,
    /// Their size in bytes.
    pub loose_bytes: u64,
    /// Pack files (`.pack`).
    pub packs: u64,
    /// Size of every file under `pack/` in bytes.
    pub pack_bytes: u64,
    /// Disk usage of `.git/objects` (allocated blocks, as `du` counts).
    pub disk_bytes: u64,
}

impl ObjectStats {
    /// Counts the objects of the repository whose work tree (or git directory) is `dir`.
    pub fn of(dir: &Path) -> Res<Self> {
        let git = dir.join(".git");
        let objects = if git.is_dir() { git } else { dir.to_owned() }.join("objects");
        let mut s = Self {
            loose: 0,
            loose_bytes: 0,
            packs: 0,
            pack_bytes: 0,
            disk_bytes: 0,
        };
        for sub in fs::read_dir(&objects)? {
            let sub = sub?;
            let name = sub.file_name().to_string_lossy().into_owned();
            if !sub.file_type()?.is_dir() {
                continue;
            }
            let loose = name.len() == 2 && name.bytes().all(|b| b.is_ascii_hexdigit());
            for f in fs::read_dir(sub.path())? {
                let meta = f?.metadata()?;
                s.disk_bytes += meta.blocks() * 512;
                if loose {
                    s.loose += 1;
                    s.loose_bytes += meta.len();
                } else if name == "pack" {
                    s.pack_bytes += meta.len();
                }
            }
            if name == "pack" {
                s.packs += fs::read_dir(sub.path())?
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "pack"))
                    .count() as u64;
            }
        }
        Ok(s)
    }

    /// One line for people.
    pub fn describe(&self) -> String {
        let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
        format!(
            "loose {} ({:.1} MiB), packs {} ({:.1} MiB), disk usage {:.1} MiB",
            self.loose,
            mib(self.loose_bytes),
            self.packs,
            mib(self.pack_bytes),
            mib(self.disk_bytes)
        )
    }
}

/// `count` ordinary one-event commits (a comment by the ticket's reporter, after a snapshot,
/// as `git tracker comment` does), printing the object store every `every` commits. Returns
/// the highest loose-object count seen.
pub fn churn(dir: &Path, count: usize, every: usize) -> Res<u64> {
    let tracker = Tracker::new(Store::open(Some(dir))?, Viewer::default());
    let mut rng = Rng::new(0xc4u64 << 32 | count as u64);
    let mut now = Utc::now();
    let mut max_loose = 0;
    let mut times = Vec::with_capacity(count);
    let mut snap_times = Vec::with_capacity(count);
    let s = ObjectStats::of(dir)?;
    println!("commit     0: {}", s.describe());
    for i in 1..=count {
        let t0 = Instant::now();
        let snap = tracker.snapshot()?;
        snap_times.push(t0.elapsed());
        let t = &pick(tracker.store(), &snap, &mut rng)?;
        let key = format!("{}{}", snap.config.prefix, t.number);
        now += TimeDelta::seconds(1);
        let actor = Actor {
            person: t.reporter.clone(),
            now,
        };
        let out = tracker
            .tickets()
            .comment(&actor, &key, &text(&mut rng), &[])?;
        times.push((t0.elapsed(), i));
        if out.events.len() != 1 {
            return Err(format!("commit {i} wrote {} events", out.events.len()).into());
        }
        let s = ObjectStats::of(dir)?;
        max_loose = max_loose.max(s.loose);
        if i % every == 0 || i == count {
            println!("commit {i:5}: {}", s.describe());
        }
    }
    times.sort();
    snap_times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "of which the first snapshot (incremental index update): p50 {:.1} ms",
        ms(snap_times[snap_times.len() / 2])
    );
    let (slow, at) = times.last().copied().unwrap_or_default();
    println!(
        "per commit (snapshot + comment): p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (commit {at})",
        ms(times[times.len() / 2].0),
        ms(times[times.len() * 95 / 100].0),
        ms(slow)
    );
    let slow: Vec<String> = times
        .iter()
        .rev()
        .take(6)
        .map(|(d, i)| format!("#{i} {:.0} ms", ms(*d)))
        .collect();
    println!("slowest commits: {}", slow.join(", "));
    println!("highest loose-object count: {max_loose}");
    Ok(max_loose)
}

/// A random ticket of the snapshot, found through the index (one row, not all of them).
fn pick(store: &Store, snap: &git_tracker::store::Snapshot, rng: &mut Rng) -> Res<TicketSummary> {
    let max = store.max_number(snap)? as usize;
    loop {
        let n = 1 + rng.below(max.max(1)) as u64;
        if let Some(t) = store.by_number(snap, n)?.into_iter().next() {
            return Ok(t);
        }
    }
}

/// Times the phases of one write and one read separately, `rounds` times in this process:
/// `Store::commit` of one comment event, the snapshot that follows it (incremental index
/// update), a second snapshot (warm index), `Tracker::ticket`. A cross-check of the criterion
/// numbers from a fresh process, with the same workload as `churn`.
pub fn phases(dir: &Path, rounds: usize) -> Res<()> {
    let tracker = Tracker::new(Store::open(Some(dir))?, Viewer::default());
    let store = tracker.store();
    let mut rng = Rng::new(7);
    let snap = tracker.snapshot()?;
    let all = store.all_tickets(&snap)?;
    let key = format!("{}{}", snap.config.prefix, all.len() / 2);
    let mut t: [Vec<Duration>; 4] = Default::default();
    for _ in 0..rounds {
        let s = rng.pick(&all);
        let e = Event {
            commit: None,
            id: EventId::from_random(rng.bytes16()),
            ticket: s.id.clone(),
            lamport: 100,
            parents: Vec::new(),
            at: Utc::now(),
            author: s.reporter.clone(),
            action: Action::Comment {
                body: text(&mut rng),
            },
        };
        let tip = store.require_tip()?;
        let t0 = Instant::now();
        store.commit(
            Some(tip),
            &[FileWrite::event(&e)],
            "comment",
            &s.reporter,
            e.at,
        )?;
        let t1 = Instant::now();
        let incremental = store.snapshot()?;
        let t2 = Instant::now();
        let warm = store.snapshot()?;
        let t3 = Instant::now();
        let ticket = tracker.ticket(&warm, &key)?;
        let t4 = Instant::now();
        drop((incremental, warm, ticket));
        for (v, d) in t.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t4 - t3]) {
            v.push(d);
        }
    }
    let names = [
        "Store::commit (one event)",
        "snapshot after one commit",
        "snapshot, index current",
        "Tracker::ticket",
    ];
    for (name, mut v) in names.into_iter().zip(t) {
        v.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{name:<28} median {:7.2} ms   min {:7.2} ms   max {:7.2} ms   ({rounds} rounds)",
            ms(v[v.len() / 2]),
            ms(v[0]),
            ms(v[v.len() - 1])
        );
    }
    Ok(())
}

/// Ranks every ticket in progress of `dir`, by number, each after the one before (the keys
/// `--bottom` gives), with one `priority` event per ticket in bulk commits of 1 000 files.
/// Prints how many tickets are ranked.
fn rank_all(dir: &Path) -> Res<()> {
    let store = Store::open(Some(dir))?;
    let mut tip = store.require_tip()?;
    let (tickets, _) = store.tickets(tip)?;
    let mut open: Vec<_> = tickets.iter().filter(|t| !t.state.is_finished()).collect();
    open.sort_by_key(|t| t.number);
    let mut rng = Rng::new(0x5eed_4a4b);
    let mut key: Option<Rank> = None;
    let mut files = Vec::new();
    let when = start() + TimeDelta::days(3650);
    for (i, t) in open.iter().enumerate() {
        let rank = match &key {
            None => Rank::first(),
            Some(k) => Rank::after(k)?,
        };
        let e = Event {
            id: EventId::from_random(rng.bytes16()),
            ticket: t.id.clone(),
            lamport: t.lamport + 1,
            parents: t.heads.clone(),
            at: when,
            author: person(0),
            action: Action::Priority {
                rank: rank.clone(),
                how: Move::Bottom,
                anchor: None,
                request: None,
            },
            commit: None,
        };
        files.push(FileWrite::event(&e));
        key = Some(rank);
        if files.len() == 1000 || i + 1 == open.len() {
            let msg = format!("Bulk ranking: {} tickets\n", files.len());
            tip = store.commit(Some(tip), &files, &msg, &person(0), when)?;
            files.clear();
        }
    }
    println!(
        "ranked {} tickets in progress (last key {})",
        open.len(),
        key.map(|k| k.to_string()).unwrap_or_default()
    );
    Ok(())
}

fn usage() -> Res<()> {
    Err(
        "usage: gen_repo DIR N | gen_repo stats DIR | gen_repo pack DIR \
         | gen_repo churn DIR K | gen_repo phases DIR K | gen_repo rank DIR"
            .into(),
    )
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["stats", dir] => {
            println!("{}", ObjectStats::of(Path::new(dir))?.describe());
        }
        ["pack", dir] => {
            let store = Store::open(Some(Path::new(dir)))?;
            let t0 = Instant::now();
            let removed = store.pack_now()?;
            println!(
                "pack_now: removed {removed} loose objects in {:.2} s",
                t0.elapsed().as_secs_f64()
            );
            println!("{}", ObjectStats::of(Path::new(dir))?.describe());
        }
        ["churn", dir, k] => {
            churn(Path::new(dir), k.parse()?, 50)?;
        }
        ["phases", dir, k] => phases(Path::new(dir), k.parse()?)?,
        ["rank", dir] => rank_all(Path::new(dir))?,
        [dir, n] => {
            let dir = PathBuf::from(dir);
            match ensure(&dir, n.parse()?)? {
                Some(report) => print!("generated {}\n{report}", dir.display()),
                None => {
                    let report = fs::read_to_string(dir.join(MARKER))?;
                    print!("reusing {}\n{report}", dir.display());
                }
            }
        }
        _ => usage()?,
    }
    Ok(())
}
