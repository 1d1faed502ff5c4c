//! `git tracker report`: states, people, trend and delays computed from the ticket history
//! (R50–R54). The figures come from [`crate::report::stats`]; this file resolves the
//! arguments, reads every ticket at one tip and picks the renderer.

use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, ValueEnum};

use crate::cli::context::{now, CommandContext};
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::grid::{self, Grid};
use crate::report::stats::{
    self, Calendar, Filter, Granularity, History, ReportError, Window, Zone,
};
use crate::report::views::{AllView, ReportView, WindowView};
use crate::report::ReportFormat;

/// The report kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Tickets per state, in progress and finished, with shares
    States,
    /// Assignee × state and reporter × state matrices
    People,
    /// Created, finished and open backlog per period; creation × state; elucidation ratio
    Trend,
    /// Time to first response, to resolution, in each state: mean, median, p90
    Delays,
    /// Every report above
    All,
    /// Every report as one printable HTML page (the same as 'all --format html')
    Html,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Self::States => "states",
            Self::People => "people",
            Self::Trend => "trend",
            Self::Delays => "delays",
            Self::All | Self::Html => "all",
        }
    }
}

/// Compute reports from the ticket history: states, people, trend, delays, HTML
///
/// Every figure is computed from the events on the tracker branch (their recorded times), so
/// every clone gets the same report; docs/reports.md defines each one. The window is
/// [--since, --until): states, assignees and filters are judged at --until (default: the
/// end of the current second); states, people and delays count the tickets created in the
/// window; the trend replays every ticket's transitions period by period. With
/// --include-subtrackers the figures are over this tracker and every tracker below it (a
/// ticket dispatched down counts where it lives, and as TRANSFERED where it came from).
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// What to compute
    #[arg(value_enum)]
    pub kind: Kind,
    /// Start of the window: a date (YYYY-MM-DD, midnight in --tz) or an RFC 3339 time
    /// [default: the start of the first ticket's period; tickets dated before the tracker
    /// branch's first commit are then left out, with a warning]
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// End of the window: a date (that whole day is included) or an RFC 3339 time (excluded)
    /// [default: the end of the current second]
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Length of the trend's periods (weeks start on Monday)
    #[arg(long, value_enum, default_value = "month")]
    pub by: Granularity,
    /// Time zone periods and dates are cut in: UTC, a fixed offset such as +02:00, or a zone
    /// name such as Europe/Paris (with its daylight saving time)
    #[arg(
        long,
        value_name = "TZ",
        default_value = "UTC",
        allow_hyphen_values = true
    )]
    pub tz: String,
    /// Only tickets in STATE at the end of the window (can be repeated)
    #[arg(long = "state", value_name = "STATE")]
    pub states: Vec<String>,
    /// Only tickets assigned to EMAIL at the end of the window ("none": unassigned, "@me":
    /// you)
    #[arg(long, value_name = "EMAIL")]
    pub assignee: Option<String>,
    /// Only tickets reported by EMAIL ("@me": you)
    #[arg(long, value_name = "EMAIL")]
    pub reporter: Option<String>,
    /// Only tickets whose custom field NAME is VALUE at the end of the window ("NAME=": unset)
    /// (can be repeated)
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// Output format (html is a self-contained page)
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Write the report to FILE instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Count the tickets of the sub-trackers too (tracker.toml's subtrackers, theirs, and so
    /// on: the whole tree below this tracker, each tracker once)
    #[arg(long)]
    pub include_subtrackers: bool,
}

impl From<ReportError> for CliError {
    fn from(e: ReportError) -> Self {
        let hint = match &e {
            ReportError::TooManyPeriods { .. } => Some("use a later --since or a longer --by"),
            ReportError::BadDate(_) => Some("write 2026-11-23 or 2026-11-23T10:00:00Z"),
            _ => None,
        };
        let err = Self::bad_input(anyhow!(e));
        match hint {
            Some(h) => err.hint(h),
            None => err,
        }
    }
}

fn by_name(by: Granularity) -> &'static str {
    match by {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
    }
}

/// Runs `report`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &ReportArgs) -> Result<(), CliError> {
    let zone = Zone::parse(&args.tz)?;
    let calendar = Calendar { by: args.by, zone };
    let since = args
        .since
        .as_deref()
        .map(|s| calendar.parse_bound(s, false))
        .transpose()?;
    let until = match args.until.as_deref() {
        Some(s) => calendar.parse_bound(s, true)?,
        // The end of the current second: everything recorded so far counts (events carry
        // whole seconds and the window excludes its end).
        None => now()? + chrono::TimeDelta::seconds(1),
    };
    let window = Window::new(since, until)?;
    let states = super::list::parse_filters(
        &args.states,
        args.reporter.as_deref(),
        args.assignee.as_deref(),
    )?;
    let (reporter, assignee) =
        super::list::people_filters(ctx, args.reporter.as_deref(), args.assignee.as_deref())?;
    let filter = Filter {
        states,
        assignee,
        reporter,
        fields: super::new::parse_fields(&args.fields)?,
    };
    let format = if args.kind == Kind::Html {
        ReportFormat::Html
    } else {
        args.format
    };

    let snap = ctx.snapshot(ui)?;
    if !filter.fields.is_empty() {
        let sees_private = ctx.sees_private(&snap.config)?;
        for (name, _) in &filter.fields {
            match snap.config.fields.get(name) {
                None => {
                    return Err(CliError::bad_input(anyhow!("unknown field {name:?}"))
                        .hint("'git tracker config show' lists the fields"))
                }
                Some(def) if def.private && !sees_private => {
                    return Err(CliError::bad_input(anyhow!(
                        "field {name:?} is private: only developers, resolvers and managers \
                         may filter on it"
                    )))
                }
                Some(_) => {}
            }
        }
    }
    let tracker = ctx.tracker()?;
    let mut histories = histories(tracker, ui, &snap, since.is_some())?;
    if args.include_subtrackers {
        for sub in subtrackers(tracker, ui, &snap.config)? {
            let sub_snap = sub.snapshot()?;
            ui.diagnostics(&sub_snap.diagnostics);
            histories.extend(self::histories(&sub, ui, &sub_snap, since.is_some())?);
        }
    }
    let sel = stats::select(&histories, &filter, &window);

    let kind = args.kind;
    let want = |k: Kind| kind == k || matches!(kind, Kind::All | Kind::Html);
    let state_counts = stats::states(&sel.cohort, until);
    let people = want(Kind::People).then(|| stats::people(&sel.cohort, until));
    let trend = want(Kind::Trend)
        .then(|| stats::trend(&sel, &window, &calendar))
        .transpose()?;
    let delays = want(Kind::Delays).then(|| stats::delays(&sel.cohort, &histories, until));
    let by = by_name(args.by);

    let mut grids: Vec<Grid> = Vec::new();
    if want(Kind::States) {
        grids.extend(grid::states(&state_counts));
    }
    if let Some(p) = &people {
        grids.extend(grid::people(p));
    }
    if let Some(t) = &trend {
        grids.extend(grid::trend(t, by));
    }
    if let Some(d) = &delays {
        grids.extend(grid::delays(d));
    }

    let mut buf: Vec<u8> = Vec::new();
    let window_view = || WindowView::new(&window, &zone, by);
    match format {
        ReportFormat::Json => {
            let out = &mut buf;
            match (people.as_ref(), trend.as_ref(), delays.as_ref()) {
                (Some(p), Some(t), Some(d)) => {
                    let body = AllView {
                        states_report: (&state_counts).into(),
                        people: p.into(),
                        trend: t.into(),
                        delays: d.into(),
                    };
                    write_json(out, &ReportView::new("all", window_view(), body))?;
                }
                (Some(p), _, _) => write_json(
                    out,
                    &ReportView::new(
                        kind.name(),
                        window_view(),
                        crate::report::views::PeopleView::from(p),
                    ),
                )?,
                (_, Some(t), _) => write_json(
                    out,
                    &ReportView::new(
                        kind.name(),
                        window_view(),
                        crate::report::views::TrendView::from(t),
                    ),
                )?,
                (_, _, Some(d)) => write_json(
                    out,
                    &ReportView::new(
                        kind.name(),
                        window_view(),
                        crate::report::views::DelaysView::from(d),
                    ),
                )?,
                _ => write_json(
                    out,
                    &ReportView::new(
                        kind.name(),
                        window_view(),
                        crate::report::views::StatesView::from(&state_counts),
                    ),
                )?,
            }
        }
        ReportFormat::Table => {
            let style = if args.output.is_some() {
                crate::report::table::Style {
                    tty: false,
                    width: None,
                    color: false,
                    utc: true,
                }
            } else {
                ui.table_style()
            };
            crate::report::table::grids(&mut buf, &grids, style)?;
        }
        ReportFormat::Csv => crate::report::csv::write(&mut buf, &grids)?,
        ReportFormat::Md => {
            let title = title(&snap.config.name, kind, &window, &args.tz);
            crate::report::markdown::write(&mut buf, &title, &grids)?;
        }
        ReportFormat::Html => {
            let title = title(&snap.config.name, kind, &window, &args.tz);
            let page = crate::report::html::Page {
                title: &title,
                grids: &grids,
                states: want(Kind::States).then_some(&state_counts),
                trend: trend.as_ref(),
            };
            crate::report::html::write(&mut buf, &page)?;
        }
    }
    match &args.output {
        Some(path) => {
            std::fs::write(path, &buf)
                .map_err(|e| CliError::failure(anyhow!("cannot write {}: {e}", path.display())))?;
            ui.status(&format!("Wrote {}.", path.display()));
        }
        None => {
            if matches!(args.format, ReportFormat::Table | ReportFormat::Md) {
                ui.page(tracker.store().git_config("core.pager"));
            }
            ui.out().write_all(&buf)?;
        }
    }
    Ok(())
}

/// The histories of the tickets of `tracker` at `snap` that the viewer may see (R31); without
/// `--since`, those dated before the branch's first commit are left out with a warning.
fn histories(
    tracker: &crate::tracker::Tracker,
    ui: &mut Ui,
    snap: &crate::store::Snapshot,
    since: bool,
) -> Result<Vec<History>, CliError> {
    // The snapshot already reported every problem file; reading the tickets whole meets the
    // same ones.
    let (mut tickets, _) = tracker.store().tickets(snap.tip)?;
    // Each person under their one name (docs/format.md, "Names").
    let names = tracker.store().all_names(snap)?;
    for t in &mut tickets {
        t.rename(&names);
    }
    let tickets = if since {
        tickets
    } else {
        leave_out_implausible(tracker, ui, snap.tip, tickets)?
    };
    // Only the tickets the mode lets the viewer see (R31) are counted.
    let visible = tracker.visible(snap)?;
    let numbers: std::collections::HashMap<_, _> =
        visible.iter().map(|t| (&t.id, t.number)).collect();
    Ok(tickets
        .iter()
        .filter_map(|t| numbers.get(&t.id).map(|n| History::new(t, *n)))
        .collect())
}

/// The trackers below `tracker` (`subtrackers`, theirs, and so on), each once: a tree
/// written by hand may loop, and a tracker named twice is counted once. A sub-tracker that
/// does not exist is skipped with a warning.
fn subtrackers(
    tracker: &crate::tracker::Tracker,
    ui: &mut Ui,
    config: &crate::model::TrackerConfig,
) -> Result<Vec<crate::tracker::Tracker>, CliError> {
    let mut seen: std::collections::HashSet<String> =
        std::iter::once(tracker.store().branch_short().to_owned()).collect();
    let mut todo: std::collections::VecDeque<String> = config.subtrackers.iter().cloned().collect();
    let mut out = Vec::new();
    while let Some(name) = todo.pop_front() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let sub = tracker.sibling(&name)?;
        let Some(_) = sub.store().tip()? else {
            ui.warn(&format!(
                "sub-tracker {} does not exist here: left out of the report",
                crate::text::sanitize_line(&name)
            ));
            continue;
        };
        let snap = sub.snapshot()?;
        todo.extend(snap.config.subtrackers.iter().cloned());
        out.push(sub);
    }
    Ok(out)
}

/// Without `--since`: leaves out the tickets dated before the branch's first commit, with
/// one warning (`docs/reports.md`, "The window").
fn leave_out_implausible(
    tracker: &crate::tracker::Tracker,
    ui: &mut Ui,
    tip: crate::store::Tip,
    tickets: Vec<crate::model::Ticket>,
) -> Result<Vec<crate::model::Ticket>, CliError> {
    let first = tracker.store().first_commit_time(tip)?;
    let (kept, left_out) = stats::dated_from(tickets, first);
    if left_out > 0 {
        let (n, it) = if left_out == 1 {
            ("1 ticket".to_owned(), "it")
        } else {
            (format!("{left_out} tickets"), "them")
        };
        ui.warn(&format!(
            "{n} left out of the report: dated before the tracker branch's first commit ({}); \
             give --since to count {it}",
            first.format("%Y-%m-%dT%H:%M:%SZ")
        ));
    }
    Ok(kept)
}

fn write_json<T: serde::Serialize>(out: &mut Vec<u8>, view: &T) -> std::io::Result<()> {
    crate::report::json::write(out, view)
}

/// The heading of a Markdown or HTML report.
fn title(tracker: &str, kind: Kind, w: &Window, tz: &str) -> String {
    let name = crate::text::sanitize_line(tracker);
    let what = match kind {
        Kind::States => "states",
        Kind::People => "people",
        Kind::Trend => "trend",
        Kind::Delays => "delays",
        Kind::All | Kind::Html => "report",
    };
    let fmt = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S UTC").to_string();
    let since = w.since.map_or_else(|| "the first ticket".into(), fmt);
    format!(
        "{name}: {what}, from {since} to {} (periods in {tz})",
        fmt(w.until)
    )
}
