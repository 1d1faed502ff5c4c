//! `git tracker export`

use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::tracker::export::to_json;

/// Write the whole tracker as one JSON document
///
/// The document (format "git-tracker-export", version 1, described in docs/export.md) holds
/// tracker.toml exactly as it is, every person's saved queries and preferences, and every
/// ticket with every event (ids, clocks, parents, authors, times and all their fields, in the
/// order the tickets are folded) and every other file of its directory, such as attachments,
/// in base64. Tickets come by number, so exporting the same branch always gives the same
/// bytes, and 'git tracker import' of the document into an empty repository gives a branch
/// that exports to the same bytes again. Files of the branch that cannot be read are left out
/// and named in warnings. Only someone who may see every ticket and field may export (in
/// support and task modes: a developer, resolver or manager). Writes to standard output
/// unless -o names a file.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Write the document to FILE (replaced whole, only once it is complete) instead of
    /// standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `export`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &ExportArgs) -> Result<(), CliError> {
    let (doc, report) = ctx.tracker()?.exchange().export()?;
    ui.diagnostics(&report.diagnostics);
    let text = to_json(&doc);
    match &args.output {
        Some(path) => write_file(path, text.as_bytes())?,
        None => ui.out().write_all(text.as_bytes())?,
    }
    ui.status(&format!(
        "Exported {} ticket{} ({} events, {} other files) and {} people's files{}.",
        report.tickets,
        if report.tickets == 1 { "" } else { "s" },
        report.events,
        report.files,
        report.person_events,
        args.output
            .as_ref()
            .map(|p| format!(" to {}", p.display()))
            .unwrap_or_default()
    ));
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file next to it, renamed into place.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    let name = path
        .file_name()
        .ok_or_else(|| CliError::bad_input(anyhow!("{} is not a file name", path.display())))?;
    let mut tmp_name = name.to_owned();
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        CliError::failure(anyhow!("cannot write {}: {e}", path.display()))
    })
}
