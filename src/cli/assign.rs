//! `git tracker assign`

use clap::{ArgGroup, Args};

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::text::sanitize_line;

/// Assign a ticket to someone (EMAIL), to yourself (@me or --me) or to nobody (--none).
///
/// The new assignee becomes a watcher.
///
/// Examples:
///   git tracker assign 12 bob@example.com
///   git tracker assign TRK-12 @me
#[derive(Args, Debug)]
#[command(group(ArgGroup::new("who").required(true).args(["email", "me", "none"])))]
pub struct AssignArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// The assignee's email (or "Name <email>", or @me for yourself)
    pub email: Option<String>,
    /// Assign to yourself
    #[arg(long)]
    pub me: bool,
    /// Remove the assignee
    #[arg(long)]
    pub none: bool,
}

/// Runs `assign`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &AssignArgs) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    // Exactly one of them is given (clap's group "who").
    let who = match (&args.email, args.me, args.none) {
        (Some(e), false, false) => Some(tracker.person(&snap, e)?),
        (None, true, false) => Some(actor.person.clone()),
        (None, false, true) => None,
        _ => unreachable!("clap requires exactly one of EMAIL, --me and --none"),
    };
    let outcome = tracker.tickets().assign(&actor, &args.key, who.as_ref())?;
    let key = outcome.key.to_string();
    super::report_transitions(ui, &key, &outcome.events);
    let whom = who.map_or_else(
        || "nobody".to_owned(),
        |p| sanitize_line(&p.to_string()).into_owned(),
    );
    if outcome.tip.is_some() {
        ui.status(&format!("Assigned {key} to {whom}."));
    } else {
        ui.status(&format!(
            "{key} is already assigned to {whom}; nothing changed."
        ));
    }
    Ok(())
}
