//! `git tracker watch` and `git tracker unwatch`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::text::sanitize_line;

/// Add or remove a watcher: yourself, or the person with EMAIL.
#[derive(Args, Debug)]
pub struct WatchArgs {
    /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
    pub key: String,
    /// Who [default: you]
    pub email: Option<String>,
}

/// Runs `watch` (`add = true`) or `unwatch`.
pub fn run(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    args: &WatchArgs,
    add: bool,
) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let who = match &args.email {
        Some(e) => tracker.person(&snap, e)?,
        None => actor.person.clone(),
    };
    let outcome = tracker.tickets().watch(&actor, &args.key, &who, add)?;
    let who = sanitize_line(&who.to_string()).into_owned();
    let key = outcome.key;
    ui.status(&match (outcome.tip.is_some(), add) {
        (true, true) => format!("{who} now watches {key}."),
        (true, false) => format!("{who} no longer watches {key}."),
        (false, true) => format!("{who} already watches {key}; nothing changed."),
        (false, false) => format!("{who} does not watch {key}; nothing changed."),
    });
    Ok(())
}
