//! `git tracker state`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::State;

/// Move a ticket to another state
///
/// States: POSTED, OPEN, RESOLVING, WAITING, TESTING, VALIDATED, PUBLISHED, RESOLVED,
/// ABANDONNED, TRANSFERED (case-insensitive; ABANDONED and TRANSFERRED are accepted). Any move
/// between enabled states is allowed, except from a finished state (RESOLVED, ABANDONNED,
/// TRANSFERED, VALIDATED) back to a state in progress, which needs --reopen. When refused, the
/// error lists the states allowed. Asking for the state the ticket is already in changes
/// nothing and succeeds (exit 0), so that a job can run again.
#[derive(Args, Debug)]
pub struct StateArgs {
    /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
    pub key: String,
    /// The new state
    pub state: String,
    /// A note recorded with the change
    #[arg(short = 'm', long = "message", value_name = "TEXT", default_value = "")]
    pub message: String,
    /// Allow leaving a finished state
    #[arg(long)]
    pub reopen: bool,
}

/// Runs `state`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &StateArgs) -> Result<(), CliError> {
    let to: State = args.state.parse()?;
    move_to(ctx, ui, &args.key, to, &args.message, args.reopen)
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
    /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
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
    /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
    pub key: String,
    /// A note recorded with the change
    #[arg(short = 'm', long = "message", value_name = "TEXT", default_value = "")]
    pub message: String,
}

/// Runs `reopen`: `state KEY open --reopen`.
pub fn reopen(ctx: &mut CommandContext, ui: &mut Ui, args: &ReopenArgs) -> Result<(), CliError> {
    move_to(ctx, ui, &args.key, State::Open, &args.message, true)
}
