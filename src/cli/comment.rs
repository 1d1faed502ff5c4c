//! `git tracker comment`, `comment edit`, `comment delete`

use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, Subcommand};

use crate::cli::context::{read_text, CommandContext};
use crate::cli::error::CliError;
use crate::cli::ui::Ui;

/// Comment on a ticket, or edit or delete a comment
///
/// `git tracker comment KEY -m TEXT` adds a comment and prints its id. The text comes from -m,
/// from --body-file (- for standard input) or, on a terminal, from $EDITOR. Edits and
/// deletions are new events: `git tracker log` keeps every version. --attach FILE attaches
/// files to the comment (they stay when the comment is deleted).
#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct CommentArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    #[arg(required = true)]
    pub key: Option<String>,
    #[command(flatten)]
    pub body: BodyArgs,
    /// Attach FILE to the comment (can be repeated): stored on the tracker branch, at most the
    /// tracker's attachments.max_size (default 5 MiB); see `git tracker attachment`
    #[arg(long = "attach", value_name = "FILE")]
    pub attach: Vec<PathBuf>,
    #[command(subcommand)]
    pub action: Option<CommentAction>,
}

/// Where a text comes from.
#[derive(Args, Debug)]
pub struct BodyArgs {
    /// The text
    #[arg(
        short = 'm',
        long = "message",
        value_name = "TEXT",
        conflicts_with = "body_file"
    )]
    pub message: Option<String>,
    /// Read the text from FILE (- for standard input)
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
}

/// Changes to an existing comment.
#[derive(Subcommand, Debug)]
pub enum CommentAction {
    /// Replace the text of one of your comments
    Edit {
        /// The ticket
        key: String,
        /// The comment's id (at least 4 leading digits, as `show` prints them)
        comment: String,
        #[command(flatten)]
        body: BodyArgs,
    },
    /// Delete one of your comments (the history keeps it)
    Delete {
        /// The ticket
        key: String,
        /// The comment's id (at least 4 leading digits)
        comment: String,
    },
}

fn text(ui: &mut Ui, body: &BodyArgs, initial: &str) -> Result<String, CliError> {
    read_text(
        ui,
        body.message.as_deref(),
        body.body_file.as_ref(),
        initial,
    )?
    .filter(|t| !t.trim().is_empty())
    .ok_or_else(|| {
        CliError::bad_input(anyhow!("no comment text"))
            .hint("give it with -m TEXT or --body-file FILE (- for standard input)")
    })
}

/// Runs `comment`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &CommentArgs) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    match (&args.action, &args.key) {
        (Some(CommentAction::Edit { key, comment, body }), _) => {
            let ticket = tracker.ticket(&snap, key)?;
            let current = ticket
                .comment(comment)
                .first()
                .map(|c| c.body.clone())
                .unwrap_or_default();
            let new = text(ui, body, &current)?;
            let outcome = tracker.tickets().comment_edit(&actor, key, comment, &new)?;
            super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
            ui.status(&if outcome.tip.is_some() {
                format!("Edited comment {comment} on {}.", outcome.key)
            } else {
                "The text is unchanged; nothing written.".to_owned()
            });
        }
        (Some(CommentAction::Delete { key, comment }), _) => {
            let outcome = tracker.tickets().comment_delete(&actor, key, comment)?;
            super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
            ui.status(&if outcome.tip.is_some() {
                format!("Deleted comment {comment} on {}.", outcome.key)
            } else {
                format!("Comment {comment} was already deleted; nothing written.")
            });
        }
        (None, Some(key)) => {
            let files =
                super::attachment::read_files(&args.attach, snap.config.attachments.max_size)?;
            let body = text(ui, &args.body, "")?;
            let outcome = tracker.tickets().comment(&actor, key, &body, &files)?;
            super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
            let comment = outcome
                .events
                .iter()
                .find(|e| matches!(e.action, crate::model::Action::Comment { .. }));
            if let Some(e) = comment {
                writeln!(ui.out(), "{}", e.id)?;
            }
            ui.status(&format!("Commented on {}.", outcome.key));
        }
        (None, None) => unreachable!("clap requires a key when there is no subcommand"),
    }
    Ok(())
}
