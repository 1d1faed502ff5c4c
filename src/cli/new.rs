//! `git tracker new`

use std::path::PathBuf;

use clap::Args;

use crate::cli::context::{read_text, CommandContext};
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::OutputFormat;
use crate::tracker::NewTicket;

/// File a new ticket and print its key on stdout.
///
/// The description comes from -m, from --body-file (a file, or - for standard input), or, on
/// a terminal, from $EDITOR. Without a terminal no prompt is ever shown: the description is
/// then empty. The reporter (you) and the assignee become watchers.
#[derive(Args, Debug)]
pub struct NewArgs {
    /// The ticket's summary (several words are joined with spaces)
    #[arg(required = true, value_name = "TITLE")]
    pub title: Vec<String>,
    /// The description
    #[arg(
        short = 'm',
        long = "message",
        value_name = "TEXT",
        conflicts_with = "body_file"
    )]
    pub message: Option<String>,
    /// Read the description from FILE (- for standard input)
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    /// Assign the ticket to EMAIL (or "Name <email>")
    #[arg(long, value_name = "EMAIL")]
    pub assign: Option<String>,
    /// Add EMAIL as a watcher (can be repeated)
    #[arg(long, value_name = "EMAIL")]
    pub watch: Vec<String>,
    /// Set a custom field (can be repeated); mandatory fields must be given
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// Output format: the key alone (table), or a JSON object with key, id and provisional
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// Splits `NAME=VALUE` options.
pub fn parse_fields(args: &[String]) -> Result<Vec<(String, String)>, CliError> {
    args.iter()
        .map(|a| {
            a.split_once('=')
                .map(|(n, v)| (n.trim().to_owned(), v.to_owned()))
                .ok_or_else(|| {
                    CliError::bad_input(anyhow::anyhow!("--field {a:?}: expected NAME=VALUE"))
                })
        })
        .collect()
}

/// Runs `new`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &NewArgs) -> Result<(), CliError> {
    let title = args.title.join(" ");
    crate::model::event::validate_title(&title)?;
    let actor = ctx.actor(ui)?;
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let assignee = args
        .assign
        .as_deref()
        .map(|a| tracker.person(&snap, a))
        .transpose()?;
    let watchers = args
        .watch
        .iter()
        .map(|w| tracker.person(&snap, w))
        .collect::<Result<Vec<_>, _>>()?;
    let description =
        read_text(ui, args.message.as_deref(), args.body_file.as_ref(), "")?.unwrap_or_default();
    let fields = parse_fields(&args.fields)?;
    let new = NewTicket {
        title,
        description,
        assignee,
        watchers,
        fields,
    };
    let outcome = tracker.tickets().create(&actor, &new)?;
    // R4: a number that has not reached the remote may still change at the next sync.
    let provisional = !tracker
        .sharing()
        .provisional(std::slice::from_ref(&outcome.id))?
        .is_empty();
    match args.format {
        OutputFormat::Table => writeln!(ui.out(), "{}", outcome.key)?,
        OutputFormat::Json => {
            #[derive(serde::Serialize)]
            struct Created {
                schema_version: u32,
                key: String,
                id: String,
                provisional: bool,
            }
            crate::report::json::write(
                ui.out(),
                &Created {
                    schema_version: crate::report::json::SCHEMA_VERSION,
                    key: outcome.key.to_string(),
                    id: outcome.id.to_string(),
                    provisional,
                },
            )?;
        }
    }
    ui.status(&if provisional {
        format!("Created ~{} (provisional until sync)", outcome.key)
    } else {
        format!("Created {}", outcome.key)
    });
    // R27: the tracker's message after posting.
    if !snap.config.feedback.trim().is_empty() {
        ui.status(crate::text::sanitize_block(snap.config.feedback.trim_end()).as_ref());
    }
    Ok(())
}
