//! Store benchmarks at 10 000 tickets (`cargo bench --bench store`).
//!
//! The repository is generated once through the library (see `examples/gen_repo.rs`) and kept
//! in `target/bench-repo-10k`; later runs reuse it. Each run copies it to a temporary
//! directory, so the writes measured here never change the cached copy.
//!
//! The `report_*` group times what `git tracker report trend|delays` does: read every ticket
//! whole, reduce each to its timeline, compute the figures (`docs/reports.md`).
//!
//! `BENCH_TICKETS=N` changes the size (cached in `target/bench-repo-N`). Under `cargo test`
//! (no `--bench` argument) a 200-ticket repository in a temporary directory is used, and each
//! benchmark runs once.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use criterion::{BatchSize, Criterion, SamplingMode};
use git_tracker::model::{Action, Event, EventId, Ticket, TicketSummary, Viewer};
use git_tracker::report::stats::{self, Calendar, Filter, Granularity, History, Window};
use git_tracker::store::{FileWrite, Store};
use git_tracker::tracker::{Actor, NewTicket, Tracker};

#[path = "../examples/gen_repo.rs"]
mod gen_repo;

use gen_repo::{ObjectStats, Rng};

/// The local index file (see `src/store/index.rs`).
use git_tracker::store::INDEX_FILE;

fn template_dir(n: usize) -> PathBuf {
    let name = if n == 10_000 {
        "bench-repo-10k".to_owned()
    } else {
        format!("bench-repo-{n}")
    };
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name)
}

/// A comment event on `t`, as one more event of its history would look.
fn comment_on(rng: &mut Rng, t: &TicketSummary) -> FileWrite {
    let e = Event {
        commit: None,
        id: EventId::from_random(rng.bytes16()),
        ticket: t.id.clone(),
        lamport: 100,
        parents: Vec::new(),
        at: Utc::now(),
        author: t.reporter.clone(),
        action: Action::Comment {
            body: "One more comment, written by the benchmark.\n".into(),
        },
    };
    FileWrite::event(&e)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let full =
        args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test" || a == "--list");
    let n: usize = std::env::var("BENCH_TICKETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 10_000 } else { 200 });

    let scratch = tempfile::tempdir().expect("a temporary directory");
    let template = if full {
        template_dir(n)
    } else {
        scratch.path().join("template")
    };
    let t0 = std::time::Instant::now();
    match gen_repo::ensure(&template, n).expect("generating the repository") {
        Some(report) => println!("generated {}:\n{report}", template.display()),
        None => println!("reusing {} (delete it to regenerate)", template.display()),
    }
    let repo = scratch.path().join("repo");
    gen_repo::copy_dir(&template, &repo).expect("copying the repository");
    println!(
        "set-up {:.1} s; objects: {}",
        t0.elapsed().as_secs_f64(),
        ObjectStats::of(&repo).expect("counting objects").describe()
    );

    let tracker = Tracker::new(
        Store::open(Some(&repo)).expect("opening the repository"),
        Viewer::default(),
    );
    let store = tracker.store();
    let index = store.state_dir().join(INDEX_FILE);
    let snap = tracker.snapshot().expect("a snapshot");
    let all = store.all_tickets(&snap).expect("the tickets");
    assert_eq!(all.len(), n, "the repository has {n} tickets");
    println!(
        "{} tickets; local index {:.1} MiB",
        all.len(),
        std::fs::metadata(&index).map_or(0, |m| m.len()) as f64 / 1048576.0
    );

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let label = if n == 10_000 {
        "10k".to_owned()
    } else {
        n.to_string()
    };
    let mut rng = Rng::new(42);
    let who = gen_repo::person(3);
    let actor = || Actor {
        person: who.clone(),
        now: Utc::now(),
    };

    let mut g = c.benchmark_group(format!("store_{label}"));

    // `git tracker new` minus process start and output: snapshot (the index is one commit
    // behind: incremental update), plan, commit, move the branch, count for the packer.
    let new = NewTicket {
        title: "A ticket filed by the benchmark".into(),
        description: "Nothing to see.\n".into(),
        ..NewTicket::default()
    };
    g.bench_function("tracker_create", |b| {
        b.iter(|| tracker.tickets().create(&actor(), &new).expect("create"));
    });

    // The write alone: one blob, four trees, one commit, the compare-and-swap of the ref, and
    // the index brought to the new tip for the one ticket written.
    g.bench_function("store_commit_one_event", |b| {
        b.iter_batched(
            || {
                let t = rng.pick(&all);
                (store.require_tip().expect("a tip"), comment_on(&mut rng, t))
            },
            |(tip, file)| {
                store
                    .commit(Some(tip), &[file], "comment", &who, Utc::now())
                    .expect("commit")
            },
            BatchSize::PerIteration,
        );
    });

    // What every command does first when the index is current: check its tip, read the
    // configuration and the problems.
    tracker.snapshot().expect("a snapshot");
    g.bench_function("snapshot_warm", |b| {
        b.iter(|| black_box(store.snapshot().expect("snapshot")));
    });

    // Commits made by another process (another `Store`, whose index is not open, so it leaves
    // the index behind), then the update of the index: the shards whose tree changed are
    // compared, the ticket trees that changed are read again, the rest is kept by tree id.
    // One event is what a concurrent command leaves; 1 000 events on 1 000 tickets in one
    // commit is what a `sync` brings.
    let other = Store::open(Some(&repo)).expect("opening the repository again");
    for (name, events) in [
        ("index_update_one_event", 1),
        ("index_update_1000_events", 1000),
    ] {
        g.bench_function(name, |b| {
            b.iter_batched(
                || {
                    let files: Vec<FileWrite> = (0..events)
                        .map(|_| {
                            let t = rng.pick(&all);
                            comment_on(&mut rng, t)
                        })
                        .collect();
                    let tip = other.require_tip().expect("a tip");
                    other
                        .commit(Some(tip), &files, "comments", &who, Utc::now())
                        .expect("commit");
                },
                |()| black_box(store.snapshot().expect("snapshot")),
                BatchSize::PerIteration,
            );
        });
    }

    // `git tracker show`: resolve the key in the snapshot, read the ticket's tree and event
    // files, parse and fold them.
    let snap_now = tracker.snapshot().expect("a snapshot");
    let key = format!("{}{}", snap_now.config.prefix, n / 2);
    g.bench_function("tracker_ticket", |b| {
        b.iter(|| black_box(tracker.ticket(&snap_now, &key).expect("the ticket")));
    });

    // The fold alone, on that ticket's events.
    let events = tracker.ticket(&snap_now, &key).expect("the ticket").events;
    println!("{key} has {} events", events.len());
    g.bench_function("ticket_fold", |b| {
        b.iter_batched(
            || events.clone(),
            |e| black_box(Ticket::fold(e).expect("fold")),
            BatchSize::SmallInput,
        );
    });
    g.finish();

    // No index at all (first `list` after a clone, or after deleting `.git/tracker/`): every
    // ticket tree and event file is read, parsed and folded, and the index is written.
    let mut cold = c.benchmark_group(format!("store_{label}_cold"));
    cold.sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(15));
    cold.bench_function("snapshot_cold", |b| {
        b.iter_batched(
            || store.forget_index().expect("deleting the index"),
            |()| black_box(store.snapshot().expect("snapshot")),
            BatchSize::PerIteration,
        );
    });
    cold.finish();

    // `git tracker report trend|delays` minus process start and output: read every ticket
    // whole at the tip (on several threads), reduce each to its timeline, compute the
    // figures. The `*_figures` benchmarks time the computation alone.
    let mut reports = c.benchmark_group(format!("report_{label}"));
    reports
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(10));
    let tip = store.require_tip().expect("a tip");
    let histories = || -> Vec<History> {
        let (tickets, _) = store.tickets(tip).expect("every ticket");
        tickets.iter().map(|t| History::new(t, t.number)).collect()
    };
    let window = Window::new(None, Utc::now()).expect("a window");
    let months = Calendar::utc(Granularity::Month);
    reports.bench_function("store_tickets", |b| {
        b.iter(|| black_box(store.tickets(tip).expect("every ticket")));
    });
    reports.bench_function("report_trend", |b| {
        b.iter(|| {
            let h = histories();
            let sel = stats::select(&h, &Filter::default(), &window);
            black_box(stats::trend(&sel, &window, &months).expect("the trend"));
        });
    });
    reports.bench_function("report_delays", |b| {
        b.iter(|| {
            let h = histories();
            let sel = stats::select(&h, &Filter::default(), &window);
            black_box(stats::delays(&sel.cohort, &h, window.until));
        });
    });
    let all = histories();
    let sel = stats::select(&all, &Filter::default(), &window);
    reports.bench_function("trend_figures", |b| {
        b.iter(|| black_box(stats::trend(&sel, &window, &months).expect("the trend")));
    });
    reports.bench_function("delays_figures", |b| {
        b.iter(|| black_box(stats::delays(&sel.cohort, &all, window.until)));
    });
    reports.finish();

    c.final_summary();
}
