//! `git tracker new`

use std::path::PathBuf;

use clap::Args;

use crate::cli::context::{read_text, CommandContext};
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::OutputFormat;
use crate::text::sanitize_line;
use crate::tracker::NewTicket;

/// File a new ticket and print its key
///
/// The description comes from -m, from --body-file (a file, or - for standard input), or, on
/// a terminal, from $EDITOR. Without a terminal no prompt is ever shown: the description is
/// then empty. The reporter (you) and the assignee become watchers.
///
/// For CI jobs: --if-absent FINGERPRINT files the ticket only when no ticket in progress
/// carries that fingerprint, and otherwise prints that ticket's key (exit 0), so that a job
/// that fails every night keeps one ticket. --sync publishes the ticket at once (retrying as
/// `sync` does) and prints its final key; with --if-absent it also syncs first, so that a
/// ticket another clone filed is found.
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
    /// Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)
    #[arg(long, visible_alias = "assignee", value_name = "EMAIL")]
    pub assign: Option<String>,
    /// Add EMAIL as a watcher (or "Name <email>", or @me; can be repeated)
    #[arg(long, value_name = "EMAIL")]
    pub watch: Vec<String>,
    /// Set a custom field (can be repeated); mandatory fields must be given
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// Add LABEL (can be repeated); labels are written in lower case, and must be among
    /// labels.allowed when the tracker restricts them
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,
    /// Attach FILE to the ticket (can be repeated): stored on the tracker branch, at most the
    /// tracker's attachments.max_size (default 5 MiB); see `git tracker attachment`
    #[arg(long = "attach", value_name = "FILE")]
    pub attach: Vec<PathBuf>,
    /// File only when no ticket in progress carries FINGERPRINT (e.g. ci:build:main); else
    /// print that ticket's key and change nothing
    #[arg(long, value_name = "FINGERPRINT")]
    pub if_absent: Option<String>,
    /// Rank the ticket as it is filed: top, bottom or before:KEY (in strict mode, only
    /// for the roles of priority_roles; see 'git tracker priority --help')
    #[arg(long, value_name = "WHERE")]
    pub priority: Option<String>,
    /// Publish the ticket at once (sync with the default remote) and print its final key
    #[arg(long)]
    pub sync: bool,
    /// Output format: the key alone (table), or a JSON object with key, id, provisional and
    /// created (false when --if-absent found a ticket)
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// What `new --format json` prints.
#[derive(serde::Serialize)]
struct Created {
    schema_version: u32,
    key: String,
    id: String,
    provisional: bool,
    created: bool,
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
    if let Some(fp) = &args.if_absent {
        crate::model::event::validate_fingerprint(fp)?;
    }
    let priority = args
        .priority
        .as_deref()
        .map(crate::tracker::priority::Target::parse_new)
        .transpose()?;
    let actor = ctx.actor(ui)?;
    // A ticket another clone filed with this fingerprint is found only after a sync.
    if args.sync && args.if_absent.is_some() {
        super::sync::share(ctx, ui, None, None, false)?;
    }
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    if let Some(fp) = &args.if_absent {
        if let Some(existing) = in_progress_with(tracker, &snap, fp)? {
            ui.status(&format!(
                "{} is in progress with fingerprint {}; nothing was filed.",
                existing.key,
                sanitize_line(fp)
            ));
            return print(ui, args.format, &existing);
        }
    }
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
    let attachments =
        super::attachment::read_files(&args.attach, snap.config.attachments.max_size)?;
    let new = NewTicket {
        title,
        description,
        assignee,
        watchers,
        fields,
        fingerprint: args.if_absent.clone(),
        priority,
        labels: args.labels.clone(),
        attachments,
    };
    let outcome = tracker.tickets().create(&actor, &new)?;
    let mut key = outcome.key.to_string();
    if args.sync {
        ui.status(&format!("Created {key}; publishing it."));
        let report = super::sync::share(ctx, ui, None, None, false).map_err(|e| {
            e.hint(format!(
                "{key} was filed in this clone but not published: 'git tracker sync' publishes it"
            ))
        })?;
        if let Some(r) = report.renumbered.iter().find(|r| r.id == outcome.id) {
            key.clone_from(&r.to);
        }
    }
    let tracker = ctx.tracker()?;
    // R4: a number that has not reached the remote may still change at the next sync.
    let provisional = !tracker
        .sharing()
        .provisional(std::slice::from_ref(&outcome.id))?
        .is_empty();
    let filed = Created {
        schema_version: crate::report::json::SCHEMA_VERSION,
        key: key.clone(),
        id: outcome.id.to_string(),
        provisional,
        created: true,
    };
    print(ui, args.format, &filed)?;
    if args.sync {
        ui.status(&format!("Published {key}."));
    } else {
        ui.status(&if provisional {
            format!("Created ~{key} (provisional until sync)")
        } else {
            format!("Created {key}")
        });
    }
    // R27: the tracker's message after posting.
    if !snap.config.feedback.trim().is_empty() {
        ui.status(crate::text::sanitize_block(snap.config.feedback.trim_end()).as_ref());
    }
    Ok(())
}

/// The oldest ticket in progress that was filed with `fingerprint` (ignoring ASCII case),
/// among those the person running the command may see.
fn in_progress_with(
    tracker: &crate::tracker::Tracker,
    snap: &crate::store::Snapshot,
    fingerprint: &str,
) -> Result<Option<Created>, CliError> {
    let filter = crate::store::Filter {
        states: Some(
            crate::model::State::ALL
                .into_iter()
                .filter(|s| !s.is_finished())
                .collect(),
        ),
        fingerprints: vec![vec![fingerprint.to_owned()]],
        visible: tracker.visibility(&snap.config),
        order: Some(crate::store::Order::Created),
        limit: Some(1),
        ..crate::store::Filter::default()
    };
    let mut found = None;
    tracker.store().each_row(snap, &filter, &[], |row| {
        found = Some((row.id.clone(), row.number));
    })?;
    let Some((id, number)) = found else {
        return Ok(None);
    };
    let provisional = !tracker
        .sharing()
        .provisional(std::slice::from_ref(&id))?
        .is_empty();
    Ok(Some(Created {
        schema_version: crate::report::json::SCHEMA_VERSION,
        key: crate::tracker::key_of(&snap.config, number).to_string(),
        id: id.to_string(),
        provisional,
        created: false,
    }))
}

/// Prints the key alone, or the JSON object.
fn print(ui: &mut Ui, format: OutputFormat, ticket: &Created) -> Result<(), CliError> {
    match format {
        OutputFormat::Table => writeln!(ui.out(), "{}", ticket.key)?,
        OutputFormat::Json => crate::report::json::write(ui.out(), ticket)?,
    }
    Ok(())
}
