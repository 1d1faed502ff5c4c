//! `git tracker import`

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, ValueEnum};

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::text::sanitize_line;
use crate::tracker::export::BadInput;
use crate::tracker::import::ImportError;
use crate::tracker::key_of;

/// Add the tickets of an export document (or of GitHub issues) to the tracker
///
/// FILE is what 'git tracker export' wrote (the default, --from tracker), or with --from
/// github the JSON that 'gh issue list --state all --limit 100000 --json
/// number,title,body,author,assignees,labels,state,createdAt,closedAt,comments' prints. '-'
/// reads standard input. The whole file is checked first: a malformed file, a wrong format
/// or version, an unknown state or a bad event exits with 2, names the place in the file (a
/// JSON pointer such as /tickets/3/events/2/action) and writes nothing.
///
/// In a repository without a tracker, the import creates it: with the exported tracker.toml
/// as it is, or (from GitHub) with the defaults, you as manager, and the field 'github' (the
/// issue number); GitHub labels become labels (lower case, spaces as '-'). Into an existing
/// tracker it adds the tickets and leaves the configuration alone (from GitHub it adds the
/// field 'github' if missing, and the labels to labels.allowed when that restricts them);
/// in strict mode only managers may import. Ids are kept (from GitHub they
/// are derived from the issue), so importing the same file again adds nothing, a newer
/// export adds only what is new, and an interrupted import finishes when run again. Ticket
/// numbers are kept when free; a ticket whose number is taken gets the next free one after
/// the highest number of the file and of the tracker, in creation order, as sync does.
///
/// Events keep their authors: each batch of up to 20000 files is one move of the branch,
/// made of one commit per author (committed by you), so verify finds no forged author. An
/// import sends no mail. Progress is shown on a terminal. See docs/export.md.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The file to import ('-': standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// What wrote FILE: git tracker export, or gh issue list --json
    #[arg(long, value_enum, value_name = "SOURCE", default_value = "tracker")]
    pub from: Source,
}

/// Where an import file comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Source {
    /// A document written by 'git tracker export'
    Tracker,
    /// The JSON of 'gh issue list --json ...'
    Github,
}

/// At most this many renumbered tickets are named one by one.
const SHOW_RENUMBERED: usize = 20;

/// Runs `import`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &ImportArgs) -> Result<(), CliError> {
    let (bytes, name) = if args.file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        (buf, "standard input".to_owned())
    } else {
        let bytes = std::fs::read(&args.file).map_err(|e| {
            CliError::bad_input(anyhow!("cannot read {}: {e}", args.file.display()))
        })?;
        (bytes, args.file.display().to_string())
    };
    let actor = ctx.actor(ui)?;
    let bad = |b: BadInput| {
        let at = if b.pointer.is_empty() {
            String::new()
        } else {
            format!(", at {}", b.pointer)
        };
        CliError::bad_input(anyhow!(
            "{}{at}: {}",
            sanitize_line(&name),
            sanitize_line(&b.message)
        ))
        .hint("nothing was written; docs/export.md describes the file")
    };
    let import = match args.from {
        Source::Tracker => crate::tracker::export::parse(&bytes),
        Source::Github => crate::tracker::github::parse(&bytes, &actor.person),
    }
    .map_err(bad)?;
    let tracker = ctx.tracker()?;
    let mut progress = (std::io::stderr().is_terminal() && !ui.is_quiet())
        .then(|| crate::cli::ui::progress("Importing files"));
    let report = tracker
        .exchange()
        .import(
            &import,
            &actor,
            progress.as_mut().map(|p| p as &mut dyn FnMut(usize, usize)),
        )
        .map_err(|e| match e {
            ImportError::Bad(b) => bad(b),
            ImportError::Tracker(t) => t.into(),
        })?;
    let snap = tracker.snapshot()?;
    if report.created_tracker {
        ui.status(&format!(
            "Created the tracker {:?} on branch {}.",
            sanitize_line(&snap.config.name),
            tracker.store().branch_short()
        ));
    }
    if report.config_changed {
        ui.status("Added the fields the imported tickets use to the configuration.");
    }
    for (from, to) in report.renumbered.iter().take(SHOW_RENUMBERED) {
        ui.status(&format!(
            "{}: the file's ticket {from} (that number was taken)",
            key_of(&snap.config, *to)
        ));
    }
    if report.renumbered.len() > SHOW_RENUMBERED {
        ui.status(&format!(
            "... and {} more tickets with new numbers",
            report.renumbered.len() - SHOW_RENUMBERED
        ));
    }
    let written = report.events + report.files + report.person_events;
    if written == 0 && !report.created_tracker && !report.config_changed {
        ui.status(&format!(
            "Nothing to import: all {} ticket{} of {} are here already.",
            report.tickets,
            if report.tickets == 1 { "" } else { "s" },
            sanitize_line(&name)
        ));
        return Ok(());
    }
    ui.status(&format!(
        "Imported {} new ticket{} of {} ({} events, {} other files, {} people's files) in {} \
         commit{}{}.",
        report.new_tickets,
        if report.new_tickets == 1 { "" } else { "s" },
        report.tickets,
        report.events,
        report.files,
        report.person_events,
        report.commits,
        if report.commits == 1 { "" } else { "s" },
        if report.skipped > 0 {
            format!("; {} files were here already", report.skipped)
        } else {
            String::new()
        }
    ));
    Ok(())
}
