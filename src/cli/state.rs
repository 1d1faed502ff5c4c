//! `git tracker state`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::State;

/// Move a ticket to another state.
///
/// States: POSTED, OPEN, RESOLVING, WAITING, TESTING, VALIDATED, PUBLISHED, RESOLVED,
/// ABANDONNED, TRANSFERED (case-insensitive; ABANDONED and TRANSFERRED are accepted). Any move
/// between enabled states is allowed, except from a finished state (RESOLVED, ABANDONNED,
/// TRANSFERED, VALIDATED) back to a state in progress, which needs --reopen. When refused, the
/// error lists the states allowed.
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
    let actor = ctx.actor(ui)?;
    ctx.snapshot(ui)?;
    let outcome =
        ctx.tracker()?
            .tickets()
            .transition(&actor, &args.key, to, &args.message, args.reopen)?;
    super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
    Ok(())
}
