//! `git tracker scan`

use clap::Args;
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::json::SCHEMA_VERSION;
use crate::report::OutputFormat;
use crate::text::sanitize_line;
use crate::tracker::scan::{Step, Verdict};

/// Apply the ticket keywords of commit messages: Fixes TRK-12, Refs TRK-12
///
/// Reads the messages of the commits in RANGE, oldest first, and acts on the keys of this
/// tracker that follow a keyword. Keywords are matched ignoring case and may be followed by
/// ':'; several keys may follow one, separated by spaces, commas or 'and' (Fixes TRK-1, TRK-2).
///
/// Fixes, Fix, Fixed, Closes, Close, Closed, Resolves, Resolve and Resolved move the ticket to
/// RESOLVED, with "Resolved by commit SHORT-ID: SUBJECT" as the message. Refs, Ref and See add
/// the comment "Referenced by commit SHORT-ID: SUBJECT".
///
/// Each change records the commit's id, and a commit's keyword already applied to a ticket is
/// skipped: scanning the same commits again (from a hook, then from CI) changes nothing more.
/// A Fixes on a ticket already finished changes nothing (a note says so). A key that names no
/// ticket, or a change the rules refuse, gets a warning and the other keywords are applied.
/// All the changes are one commit on the tracker branch, made as you (your git identity).
///
/// RANGE is A..B (the commits of B that A lacks; A.. means A..HEAD), A...B (those of either
/// but not both), or REV^! (that one commit); a single revision is refused. Your work tree,
/// index and HEAD are never touched.
///
/// Prints a table of what happened to each keyword (COMMIT, TICKET, KEYWORD, RESULT, SUBJECT),
/// or a JSON object with --format json. 'git tracker hooks install' runs it after each commit
/// and merge; docs/ci.md shows it in CI.
#[derive(Args, Debug)]
pub struct ScanArgs {
    /// The commits to read: A..B, A...B or REV^! (e.g. origin/main..HEAD)
    pub range: String,
    /// Say what would be done and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// `scan --format json`.
#[derive(Serialize)]
struct ScanView {
    schema_version: u32,
    range: String,
    dry_run: bool,
    /// How many commits the range holds.
    commits: usize,
    /// The commit made on the tracker branch, or null.
    tracker_commit: Option<String>,
    steps: Vec<StepView>,
}

/// One keyword of one commit.
#[derive(Serialize)]
struct StepView {
    commit: String,
    subject: String,
    keyword: &'static str,
    /// The key as written in the message.
    written: String,
    key: Option<String>,
    id: Option<String>,
    /// resolved, commented, recorded, finished, refused or unknown.
    result: &'static str,
    /// The ticket's state before (resolved) or now (finished).
    state: Option<String>,
    /// Why, for refused and unknown.
    reason: Option<String>,
}

impl StepView {
    fn new(s: &Step) -> Self {
        let (result, state, reason) = match &s.verdict {
            Verdict::Resolved { from } => ("resolved", Some(from.to_string()), None),
            Verdict::Commented => ("commented", None, None),
            Verdict::Recorded => ("recorded", None, None),
            Verdict::Finished(st) => ("finished", Some(st.to_string()), None),
            Verdict::Refused(why) => ("refused", None, Some(why.clone())),
            Verdict::Unknown(why) => ("unknown", None, Some(why.clone())),
        };
        Self {
            commit: s.commit.id.to_string(),
            subject: s.commit.subject.clone(),
            keyword: s.keyword.name(),
            written: s.written.clone(),
            key: s.ticket.as_ref().map(|(k, _)| k.to_string()),
            id: s.ticket.as_ref().map(|(_, id)| id.to_string()),
            result,
            state,
            reason,
        }
    }
}

/// The RESULT cell of a step.
fn result_text(v: &Verdict, dry_run: bool) -> String {
    match (v, dry_run) {
        (Verdict::Resolved { from }, false) => format!("{from} -> RESOLVED"),
        (Verdict::Resolved { from }, true) => format!("would move {from} -> RESOLVED"),
        (Verdict::Commented, false) => "commented".into(),
        (Verdict::Commented, true) => "would comment".into(),
        (Verdict::Recorded, _) => "already recorded".into(),
        (Verdict::Finished(s), _) => format!("already {s}"),
        (Verdict::Refused(_), _) => "refused".into(),
        (Verdict::Unknown(_), _) => "unknown ticket".into(),
    }
}

/// Runs `scan`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &ScanArgs) -> Result<(), CliError> {
    let commits = ctx.tracker()?.store().commits_in(&args.range)?;
    let actor = ctx.actor(ui)?;
    ctx.snapshot(ui)?;
    let scanned = ctx
        .tracker()?
        .scan()
        .apply(&actor, &commits, args.dry_run)?;
    // Notes and warnings about single keywords.
    for s in &scanned.steps {
        let key = s.ticket.as_ref().map_or_else(
            || sanitize_line(&s.written).into_owned(),
            |(k, _)| k.to_string(),
        );
        match &s.verdict {
            Verdict::Finished(state) => ui.status(&format!(
                "{key} is already {state}; commit {} changed nothing.",
                s.commit.short
            )),
            Verdict::Refused(why) => ui.warn(&format!(
                "commit {}: {} {key} was not applied: {}",
                s.commit.short,
                s.keyword.name(),
                sanitize_line(why)
            )),
            Verdict::Unknown(why) => ui.warn(&format!(
                "commit {} names {key}: {}",
                s.commit.short,
                sanitize_line(why)
            )),
            _ => {}
        }
    }
    match args.format {
        OutputFormat::Json => {
            let view = ScanView {
                schema_version: SCHEMA_VERSION,
                range: args.range.clone(),
                dry_run: args.dry_run,
                commits: commits.len(),
                tracker_commit: scanned.tip.map(|t| t.to_string()),
                steps: scanned.steps.iter().map(StepView::new).collect(),
            };
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table if !scanned.steps.is_empty() => {
            let rows: Vec<Vec<String>> = scanned
                .steps
                .iter()
                .map(|s| {
                    vec![
                        s.commit.short.clone(),
                        s.ticket.as_ref().map_or_else(
                            || sanitize_line(&s.written).into_owned(),
                            |(k, _)| k.to_string(),
                        ),
                        s.keyword.name().to_owned(),
                        result_text(&s.verdict, args.dry_run),
                        sanitize_line(&s.commit.subject).into_owned(),
                    ]
                })
                .collect();
            let style = ui.table_style();
            crate::report::table::plain(
                ui.out(),
                &["COMMIT", "TICKET", "KEYWORD", "RESULT", "SUBJECT"],
                &rows,
                style,
            )?;
        }
        OutputFormat::Table => {}
    }
    let count = |f: fn(&Verdict) -> bool| scanned.steps.iter().filter(|s| f(&s.verdict)).count();
    let resolved = count(|v| matches!(v, Verdict::Resolved { .. }));
    let commented = count(|v| matches!(v, Verdict::Commented));
    let n = commits.len();
    let commits_text = if n == 1 {
        "1 commit".to_owned()
    } else {
        format!("{n} commits")
    };
    ui.status(&if scanned.steps.is_empty() {
        format!("No ticket keywords in {commits_text}.")
    } else if args.dry_run {
        format!(
            "Dry run over {commits_text}: would resolve {resolved} and comment on {commented} \
             ticket(s); nothing was written."
        )
    } else if scanned.tip.is_none() {
        format!("Scanned {commits_text}: nothing to change.")
    } else {
        format!("Scanned {commits_text}: resolved {resolved}, commented on {commented}.")
    });
    if !args.dry_run {
        // The automatic moves to OPEN (R15) the comments made.
        let keys: std::collections::HashMap<_, _> = scanned
            .steps
            .iter()
            .filter_map(|s| s.ticket.as_ref().map(|(k, id)| (id, k.to_string())))
            .collect();
        for e in scanned.events.iter().filter(|e| e.commit.is_none()) {
            let key = keys.get(&e.ticket).cloned().unwrap_or_default();
            super::report_transitions(ui, &key, std::slice::from_ref(e));
        }
    }
    Ok(())
}
