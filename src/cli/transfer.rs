//! `git tracker transfer` (R34) and `git tracker dispatch` (R35): sending a ticket to
//! another tracker.

use std::io::IsTerminal;

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::store::Transport;
use crate::text::sanitize_line;
use crate::tracker::transfer::Sent;

/// Transfer a ticket up to the parent tracker and print its key there
///
/// The parent is tracker.toml's `parent`: BRANCH (a tracker of this repository) or
/// REMOTE:BRANCH (a tracker branch of another repository, reached as a git remote: it is
/// fetched, the copy is written on top and pushed, retrying as `sync` does when the remote
/// moved). The copy carries the title, the description, the comments (with their authors and
/// times), its attachments (but those of deleted comments) and the
/// custom fields the parent has (mapped by name; a warning names each field the parent lacks,
/// and its value is kept in the copy's description). It starts POSTED, assigned to the
/// parent's default assignee, and links down to the original; the original becomes
/// TRANSFERED and links up to the copy's key (both shown by `show`).
///
/// The parent is written first and the original only after the parent took the copy: a
/// parent with accept_transfers = false, or a push it refuses, leaves both sides unchanged. If
/// marking the original fails after that, run the command again: it finds the copy by its
/// link down and only marks the original. See docs/transfer.md.
#[derive(Args, Debug)]
pub struct TransferArgs {
    /// The ticket (key or id prefix)
    #[arg(value_name = "KEY")]
    pub key: String,
    /// Why it goes up: the message of its move to TRANSFERED, and a comment on the copy
    #[arg(short = 'm', long = "message", value_name = "WHY", default_value = "")]
    pub message: String,
    /// Give up after SECONDS when the parent is in another repository [default: git config
    /// tracker.syncTimeout, else 120]
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: Option<u64>,
}

/// Move a ticket down to a sub-tracker with its whole history and print its key there
///
/// SUB must be one of tracker.toml's `subtrackers` (branches of this repository). Every file
/// of the ticket goes along as it is — its events (history, comments, watchers) and
/// attachments — with its id; only its number changes, to the next free one there. If its
/// assignee is not a developer of the sub-tracker (roles.developer there), or it has none, it
/// goes to the sub-tracker's default assignee and back to POSTED. The ticket left here becomes
/// TRANSFERED and links to the new key. The sub-tracker is written first: one that does not
/// accept transfers (accept_transfers = false) refuses, and nothing is written. See
/// docs/transfer.md.
#[derive(Args, Debug)]
pub struct DispatchArgs {
    /// The ticket (key or id prefix)
    #[arg(value_name = "KEY")]
    pub key: String,
    /// The sub-tracker (its branch)
    #[arg(long, value_name = "SUB")]
    pub to: String,
    /// Why: the message of its move to TRANSFERED here
    #[arg(short = 'm', long = "message", value_name = "WHY", default_value = "")]
    pub message: String,
}

/// Runs `transfer`.
pub fn transfer(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    args: &TransferArgs,
) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let seconds = super::sync::timeout(tracker.store(), args.timeout)?;
    let progress = std::io::stderr().is_terminal() && !ui.is_quiet();
    let sent = tracker
        .transfers()
        .transfer(
            &actor,
            &args.key,
            &args.message,
            Transport::new(progress, seconds),
        )
        .inspect_err(|e| super::sync::show_refusal(ui, e))?;
    done(ui, &sent, "Transferred")
}

/// Runs `dispatch`.
pub fn dispatch(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    args: &DispatchArgs,
) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    ctx.snapshot(ui)?;
    let sent = ctx
        .tracker()?
        .transfers()
        .dispatch(&actor, &args.key, &args.to, &args.message)?;
    done(ui, &sent, "Dispatched")
}

/// Prints the new key on stdout, the warnings and what happened on stderr.
fn done(ui: &mut Ui, sent: &Sent, verb: &str) -> Result<(), CliError> {
    for w in &sent.warnings {
        ui.warn(&sanitize_line(w));
    }
    super::report_transitions(ui, &sent.key, &sent.events);
    let tracker = sanitize_line(&sent.tracker);
    let new_key = sanitize_line(&sent.new_key);
    if sent.resumed {
        ui.status(&format!(
            "Tracker {tracker} already had it as {new_key} (an earlier run); marked {} only.",
            sent.key
        ));
    } else {
        ui.status(&format!(
            "{verb} {} to tracker {tracker} as {new_key}.",
            sent.key
        ));
    }
    writeln!(ui.out(), "{new_key}")?;
    Ok(())
}
