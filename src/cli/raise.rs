//! `git tracker raise`, `raise list`, `raise accept`, `raise refuse`

use anyhow::anyhow;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::json::{PersonView, SCHEMA_VERSION};
use crate::report::OutputFormat;
use crate::text::sanitize_line;
use crate::tracker::key_of;

/// Ask for a ticket's priority to be raised, or list, accept and refuse such requests.
///
/// `git tracker raise KEY -m REASON [--urgent]` files a request and prints its id; anyone who
/// may see a ticket in progress may. The people who may move priorities (in strict mode the
/// members of the roles in 'priority_roles', default manager; in relaxed mode anyone) get a
/// mail, see the requests in 'git tracker status' and 'git tracker raise list', and decide:
///
/// - 'raise accept ID' moves the ticket up: an urgent request to the top; any other just
///   before the first ranked ticket that did not get its place from an urgent request (so
///   below the tickets raised urgently, above all the others). Accepting never moves a ticket
///   down: one already above that place stays where it is, and the acceptance is recorded.
/// - 'raise refuse ID -m WHY' refuses it, saying why.
///
/// The requester gets a mail about the decision, and 'git tracker show' lists every request
/// with its outcome. A request is named by its id (at least 4 leading digits, as 'raise list'
/// and 'show' print them). A request already decided cannot be decided again (exit 2).
#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct RaiseArgs {
    /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
    #[arg(required = true)]
    pub key: Option<String>,
    /// Why it should move up
    #[arg(short = 'm', long = "message", value_name = "REASON", required = true)]
    pub message: Option<String>,
    /// An urgent request: accepted, it moves the ticket to the top
    #[arg(long)]
    pub urgent: bool,
    #[command(subcommand)]
    pub action: Option<RaiseAction>,
}

/// What to do with requests.
#[derive(Subcommand, Debug)]
pub enum RaiseAction {
    /// List the requests waiting for a decision (on the tickets you may see)
    List {
        /// Output format
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
    },
    /// Accept a request: the ticket moves up (urgent: to the top)
    Accept {
        /// The request's id (at least 4 leading digits)
        id: String,
    },
    /// Refuse a request, saying why
    Refuse {
        /// The request's id (at least 4 leading digits)
        id: String,
        /// Why it is refused
        #[arg(short = 'm', long = "message", value_name = "WHY", required = true)]
        message: String,
    },
}

/// One pending request in `raise list --format json`.
#[derive(Serialize)]
struct RequestView {
    id: String,
    key: String,
    ticket: String,
    title: String,
    priority: Option<u64>,
    author: PersonView,
    at: chrono::DateTime<chrono::Utc>,
    urgent: bool,
    reason: String,
}

#[derive(Serialize)]
struct RequestsView {
    schema_version: u32,
    requests: Vec<RequestView>,
}

/// Runs `raise`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &RaiseArgs) -> Result<(), CliError> {
    match (&args.action, &args.key) {
        (Some(RaiseAction::List { format }), _) => list(ctx, ui, *format),
        (Some(RaiseAction::Accept { id }), _) => {
            let actor = ctx.actor(ui)?;
            ctx.snapshot(ui)?;
            let moved = ctx.tracker()?.priorities().accept(&actor, id)?;
            ui.status(&format!(
                "Accepted raise request {} on {}.",
                id.trim(),
                moved.outcome.key
            ));
            super::priority::say_where(ui, &moved)
        }
        (Some(RaiseAction::Refuse { id, message }), _) => {
            let actor = ctx.actor(ui)?;
            ctx.snapshot(ui)?;
            let outcome = ctx.tracker()?.priorities().refuse(&actor, id, message)?;
            ui.status(&format!(
                "Refused raise request {} on {}.",
                id.trim(),
                outcome.key
            ));
            Ok(())
        }
        (None, Some(key)) => {
            let reason = args.message.as_deref().unwrap_or_default();
            if reason.trim().is_empty() {
                return Err(
                    CliError::bad_input(anyhow!("no reason given")).hint("say why with -m REASON")
                );
            }
            let actor = ctx.actor(ui)?;
            ctx.snapshot(ui)?;
            let outcome = ctx
                .tracker()?
                .priorities()
                .raise(&actor, key, reason, args.urgent)?;
            if let Some(e) = outcome.events.last() {
                writeln!(ui.out(), "{}", e.id)?;
            }
            ui.status(&format!(
                "Asked for {} to be raised{}; whoever may move priorities decides \
                 ('git tracker show {}' shows the outcome).",
                outcome.key,
                if args.urgent { " (urgent)" } else { "" },
                outcome.key
            ));
            Ok(())
        }
        (None, None) => unreachable!("clap requires a key when there is no subcommand"),
    }
}

fn list(ctx: &mut CommandContext, ui: &mut Ui, format: OutputFormat) -> Result<(), CliError> {
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let pending = tracker.priorities().pending(&snap)?;
    let views: Vec<RequestView> = pending
        .iter()
        .map(|(t, r)| RequestView {
            id: r.id.to_string(),
            key: key_of(&snap.config, t.number).to_string(),
            ticket: t.id.to_string(),
            title: t.title.clone(),
            priority: t.priority,
            author: (&r.author).into(),
            at: r.at,
            urgent: r.urgent,
            reason: r.reason.clone(),
        })
        .collect();
    match format {
        OutputFormat::Json => crate::report::json::write(
            ui.out(),
            &RequestsView {
                schema_version: SCHEMA_VERSION,
                requests: views,
            },
        )?,
        OutputFormat::Table => {
            if views.is_empty() {
                ui.status("No raise request waits for a decision.");
                return Ok(());
            }
            let style = ui.table_style();
            let rows: Vec<Vec<String>> = views
                .iter()
                .map(|v| {
                    vec![
                        v.id[..8].to_owned(),
                        v.key.clone(),
                        v.priority.map_or_else(|| "-".into(), |p| p.to_string()),
                        if v.urgent { "yes" } else { "" }.to_owned(),
                        sanitize_line(&v.author.name).into_owned(),
                        crate::report::table::day(v.at, style),
                        sanitize_line(v.reason.lines().next().unwrap_or_default()).into_owned(),
                    ]
                })
                .collect();
            crate::report::table::simple(
                ui.out(),
                &[
                    "REQUEST", "TICKET", "PRIO", "URGENT", "BY", "ASKED", "REASON",
                ],
                &rows,
                style,
            )?;
        }
    }
    Ok(())
}
