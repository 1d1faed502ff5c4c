//! `git tracker edit`

use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;

use crate::cli::context::{read_text, CommandContext};
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::tracker::Changes;

/// Change a ticket's title, description, solution or custom fields.
///
/// Give at least one of the options; on a terminal, `edit KEY` alone opens the title and the
/// description in $EDITOR (the title on the first line, then a blank line, then the
/// description; leaving the editor without saving, or emptying the text, changes nothing).
/// Fields given with their current value are left out; when nothing changes, nothing is
/// written.
#[derive(Args, Debug)]
pub struct EditArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// New title
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// New description
    #[arg(long, value_name = "TEXT", conflicts_with = "body_file")]
    pub body: Option<String>,
    /// Read the new description from FILE (- for standard input)
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    /// New solution text
    #[arg(long, value_name = "TEXT", conflicts_with = "solution_file")]
    pub solution: Option<String>,
    /// Read the new solution from FILE (- for standard input)
    #[arg(long, value_name = "FILE")]
    pub solution_file: Option<PathBuf>,
    /// Set a custom field (can be repeated; an empty value clears it)
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
}

/// Runs `edit`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &EditArgs) -> Result<(), CliError> {
    if args.title.is_none()
        && args.body.is_none()
        && args.body_file.is_none()
        && args.solution.is_none()
        && args.solution_file.is_none()
        && args.fields.is_empty()
    {
        if ui.interactive() {
            return in_editor(ctx, ui, &args.key);
        }
        return Err(CliError::bad_input(anyhow!("nothing to edit")).hint(
            "give --title, --body, --body-file, --solution, --solution-file or --field (on a \
             terminal, 'edit KEY' alone opens $EDITOR)",
        ));
    }
    if args
        .body_file
        .as_deref()
        .is_some_and(|p| p.as_os_str() == "-")
        && args
            .solution_file
            .as_deref()
            .is_some_and(|p| p.as_os_str() == "-")
    {
        return Err(CliError::bad_input(anyhow!(
            "standard input can be read only once"
        )));
    }
    let mut from =
        |text: &Option<String>, file: &Option<PathBuf>| -> Result<Option<String>, CliError> {
            if text.is_none() && file.is_none() {
                return Ok(None);
            }
            read_text(ui, text.as_deref(), file.as_ref(), "")
        };
    let description = from(&args.body, &args.body_file)?;
    let solution = from(&args.solution, &args.solution_file)?;
    let actor = ctx.actor(ui)?;
    ctx.snapshot(ui)?;
    let changes = Changes {
        title: args.title.clone(),
        description,
        solution,
        fields: super::new::parse_fields(&args.fields)?,
    };
    apply(ctx, ui, &actor, &args.key, &changes)
}

/// Opens the ticket's title and description in the editor, then writes what changed.
fn in_editor(ctx: &mut CommandContext, ui: &mut Ui, key: &str) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let snap = ctx.snapshot(ui)?;
    let ticket = ctx.tracker()?.ticket(&snap, key)?;
    // As an editor saves it: the last line ends with a newline.
    let initial = format!("{}\n\n{}\n", ticket.title, ticket.description.trim_end());
    let Some(text) = read_text(ui, None, None, &initial)? else {
        ui.status("The editor was left without saving; nothing written.");
        return Ok(());
    };
    let Some((title, description)) = split_edited(&crate::text::clean_input(&text)) else {
        ui.status("The text is empty; nothing written.");
        return Ok(());
    };
    // A description that differs only by trailing blank lines is the same.
    let changes = Changes {
        title: Some(title),
        description: (description != ticket.description.trim_end()).then_some(description),
        ..Changes::default()
    };
    apply(ctx, ui, &actor, key, &changes)
}

/// The title (the first line) and the description (after the blank line that follows it) of
/// an edited text; `None` when the text is empty.
fn split_edited(text: &str) -> Option<(String, String)> {
    let text = text.trim_start_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return None;
    }
    let (title, rest) = text.split_once('\n').unwrap_or((text, ""));
    let description = rest.strip_prefix('\n').unwrap_or(rest).trim_end();
    Some((title.trim().to_owned(), description.to_owned()))
}

/// Writes `changes` and says what happened.
fn apply(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    actor: &crate::tracker::Actor,
    key: &str,
    changes: &Changes,
) -> Result<(), CliError> {
    let outcome = ctx.tracker()?.tickets().edit(actor, key, changes)?;
    super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
    ui.status(&if outcome.tip.is_some() {
        format!("Edited {}.", outcome.key)
    } else {
        format!("{} already has these values; nothing written.", outcome.key)
    });
    Ok(())
}
