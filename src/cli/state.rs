//! `git tracker state`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::workflow::next_states;
use crate::model::State;
use crate::report::json::{NextStateView, NextStatesView, SCHEMA_VERSION};
use crate::report::table::Columns;
use crate::report::OutputFormat;

/// Move a ticket to another state
///
/// States: POSTED, OPEN, RESOLVING, WAITING, TESTING, VALIDATED, PUBLISHED, RESOLVED,
/// ABANDONNED, TRANSFERED (case-insensitive; ABANDONED and TRANSFERRED are accepted). Any move
/// between enabled states is allowed, except from a finished state (RESOLVED, ABANDONNED,
/// TRANSFERED, VALIDATED) back to a state in progress, which needs --reopen. When refused, the
/// error lists the states allowed. Asking for the state the ticket is already in changes
/// nothing and succeeds (exit 0), so that a job can run again.
///
/// Without a state, lists the states you may move the ticket to next (your roles and the
/// tracker's rules decide), marking those that need --reopen; nothing is written.
///
/// Examples:
///   git tracker state 12             # where can TRK-12 go next?
///   git tracker state 12 resolving -m "on it"
#[derive(Args, Debug)]
pub struct StateArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// The new state [default: list the states allowed next]
    pub state: Option<String>,
    /// A note recorded with the change
    #[arg(
        short = 'm',
        long = "message",
        value_name = "TEXT",
        default_value = "",
        requires = "state"
    )]
    pub message: String,
    /// Allow leaving a finished state
    #[arg(long, requires = "state")]
    pub reopen: bool,
    /// Output format of the list of states allowed next (without STATE)
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// Runs `state`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &StateArgs) -> Result<(), CliError> {
    let Some(state) = &args.state else {
        return next(ctx, ui, &args.key, args.format);
    };
    let to: State = state.parse()?;
    move_to(ctx, ui, &args.key, to, &args.message, args.reopen)
}

/// Lists the states the person running the command may move `key` to next.
fn next(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    key: &str,
    format: OutputFormat,
) -> Result<(), CliError> {
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let ticket = tracker.resolve(&snap, key)?;
    let roles = tracker.viewer().roles(&snap.config);
    let next = next_states(&snap.config, &roles, ticket.state);
    let key = crate::tracker::key_of(&snap.config, ticket.number).to_string();
    match format {
        OutputFormat::Json => {
            let view = NextStatesView {
                schema_version: SCHEMA_VERSION,
                key,
                id: ticket.id.to_string(),
                state: ticket.state.name().to_owned(),
                allowed: next
                    .iter()
                    .map(|(s, reopen)| NextStateView {
                        state: s.name().to_owned(),
                        finished: s.is_finished(),
                        reopen: *reopen,
                    })
                    .collect(),
            };
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = next
                .iter()
                .map(|(s, reopen)| {
                    let how = if *reopen {
                        format!("git tracker state {key} {} --reopen", s.name())
                    } else {
                        format!("git tracker state {key} {}", s.name())
                    };
                    let kind = if s.is_finished() {
                        "finished"
                    } else {
                        "in progress"
                    };
                    vec![s.name().to_owned(), kind.to_owned(), how]
                })
                .collect();
            let style = ui.table_style();
            crate::report::table::rows(
                ui.out(),
                &["STATE", "KIND", "COMMAND"],
                &rows,
                Columns {
                    state: Some(0),
                    gives_way: Some(2),
                    ..Columns::default()
                },
                style,
            )?;
            ui.status(&if next.is_empty() {
                format!(
                    "{key} is {}; you may not move it to any state.",
                    ticket.state
                )
            } else {
                format!(
                    "{key} is {}; these are the states you may move it to.",
                    ticket.state
                )
            });
        }
    }
    Ok(())
}

/// Moves `key` to `to` and says what happened (also for `close` and `reopen`).
fn move_to(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    key: &str,
    to: State,
    message: &str,
    reopen: bool,
) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    ctx.snapshot(ui)?;
    let outcome = ctx
        .tracker()?
        .tickets()
        .transition(&actor, key, to, message, reopen)?;
    if outcome.tip.is_none() {
        ui.status(&format!(
            "{} is already {to}; nothing changed.",
            outcome.key
        ));
    }
    super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
    Ok(())
}

/// Close a ticket: move it to RESOLVED (a re-run changes nothing)
#[derive(Args, Debug)]
pub struct CloseArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// A note recorded with the change
    #[arg(short = 'm', long = "message", value_name = "TEXT", default_value = "")]
    pub message: String,
}

/// Runs `close`: `state KEY resolved`.
pub fn close(ctx: &mut CommandContext, ui: &mut Ui, args: &CloseArgs) -> Result<(), CliError> {
    move_to(ctx, ui, &args.key, State::Resolved, &args.message, false)
}

/// Reopen a finished ticket: move it back to OPEN (a re-run changes nothing)
#[derive(Args, Debug)]
pub struct ReopenArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// A note recorded with the change
    #[arg(short = 'm', long = "message", value_name = "TEXT", default_value = "")]
    pub message: String,
}

/// Runs `reopen`: `state KEY open --reopen`.
pub fn reopen(ctx: &mut CommandContext, ui: &mut Ui, args: &ReopenArgs) -> Result<(), CliError> {
    move_to(ctx, ui, &args.key, State::Open, &args.message, true)
}
