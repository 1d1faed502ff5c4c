//! `git tracker attachment list` and `attachment get`, and reading the files of `--attach`.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::anyhow;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::limits::MAX_ATTACHMENT_BYTES;
use crate::model::ticket::AttachedFile;
use crate::model::{Ticket, ValidationError};
use crate::report::json::{AttachmentView, SCHEMA_VERSION};
use crate::report::OutputFormat;
use crate::store::BlobRead;
use crate::text::sanitize_line;
use crate::tracker::NewAttachment;

/// List or fetch the files attached to a ticket
///
/// Files are attached with `git tracker comment KEY -m TEXT --attach FILE` or
/// `git tracker new TITLE --attach FILE` (both repeatable), up to the tracker's
/// `attachments.max_size` (default 5 MiB). Each is stored as a blob on the tracker branch
/// beside the event that attached it, with its size and SHA-256 in that event. A file is
/// stored under the last component of the name it was given, without control characters or
/// leading dots (`../../etc/passwd` is stored as `passwd`), made unique within the ticket
/// (`shot.png`, `shot-2.png`). Files of deleted comments stay, in the history and here.
#[derive(Args, Debug)]
pub struct AttachmentArgs {
    #[command(subcommand)]
    pub action: AttachmentAction,
}

/// What to do with attachments.
#[derive(Subcommand, Debug)]
pub enum AttachmentAction {
    /// List a ticket's attachments: name, size, who attached them, when, to what
    List {
        /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
        key: String,
        /// Output format
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
    },
    /// Write an attachment's bytes to a file (by default ./NAME, never overwritten), or to
    /// standard output with -o -; its size and SHA-256 are checked first
    Get {
        /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
        key: String,
        /// The attachment's name as `attachment list` shows it; when two share a name, ID/NAME
        /// with at least 4 leading digits of the id `attachment list` shows
        name: String,
        /// Where to write it (- for standard output); an existing FILE is replaced
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// `attachment list --format json`.
#[derive(Serialize)]
struct ListView {
    schema_version: u32,
    key: String,
    attachments: Vec<AttachmentView>,
}

/// Reads the files of `--attach`, refusing before anything is read a file that is not one or
/// that is larger than `limit` (the tracker's `attachments.max_size`).
pub fn read_files(paths: &[PathBuf], limit: u64) -> Result<Vec<NewAttachment>, CliError> {
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let shown = path.display().to_string();
        let cannot = |e: std::io::Error| {
            CliError::bad_input(anyhow!(
                "cannot read --attach {}: {e}",
                sanitize_line(&shown)
            ))
        };
        let meta = std::fs::metadata(path).map_err(cannot)?;
        if !meta.is_file() {
            return Err(CliError::bad_input(anyhow!(
                "--attach {}: not a file",
                sanitize_line(&shown)
            )));
        }
        if meta.len() > limit {
            return Err(ValidationError::AttachmentTooLarge {
                name: shown,
                bytes: meta.len(),
                limit,
            }
            .into());
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(cannot)?;
        if bytes.len() as u64 > limit {
            return Err(ValidationError::AttachmentTooLarge {
                name: shown,
                bytes: bytes.len() as u64,
                limit,
            }
            .into());
        }
        out.push(NewAttachment {
            given: shown,
            bytes,
        });
    }
    Ok(out)
}

/// Runs `attachment`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &AttachmentArgs) -> Result<(), CliError> {
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    match &args.action {
        AttachmentAction::List { key, format } => {
            let ticket = tracker.ticket(&snap, key)?;
            let key = crate::tracker::key_of(&snap.config, ticket.number).to_string();
            match format {
                OutputFormat::Json => {
                    let view = ListView {
                        schema_version: SCHEMA_VERSION,
                        key,
                        attachments: ticket
                            .attachments
                            .iter()
                            .map(|a| AttachmentView::new(&ticket, a))
                            .collect(),
                    };
                    crate::report::json::write(ui.out(), &view)?;
                }
                OutputFormat::Table => {
                    let style = ui.table_style();
                    crate::report::table::attachments(ui.out(), &ticket, style)?;
                    if ticket.attachments.is_empty() {
                        ui.status(&format!("{key} has no attachments."));
                    }
                }
            }
        }
        AttachmentAction::Get { key, name, output } => {
            let ticket = tracker.ticket(&snap, key)?;
            let found = find(&ticket, name)?;
            let bytes = match tracker.store().attachment(
                snap.tip,
                &found.file.path,
                MAX_ATTACHMENT_BYTES,
            )? {
                BlobRead::Bytes(b) => b,
                BlobRead::Missing => {
                    return Err(CliError::failure(anyhow!(
                        "the blob of {} is missing from the tracker branch ({})",
                        sanitize_line(&found.file.name),
                        found.file.path
                    ))
                    .hint("'git tracker verify' lists what is wrong with the branch"))
                }
                BlobRead::TooLarge(size) => {
                    return Err(CliError::failure(anyhow!(
                        "the blob of {} is {size} bytes, over the format's limit of \
                         {MAX_ATTACHMENT_BYTES} bytes",
                        sanitize_line(&found.file.name)
                    )))
                }
            };
            let sha = crate::model::event::sha256_hex(&bytes);
            if bytes.len() as u64 != found.file.size || sha != found.file.sha256 {
                return Err(CliError::failure(anyhow!(
                    "the blob of {} does not match its event (size {} and SHA-256 {sha}; \
                     recorded: {} and {}); nothing was written",
                    sanitize_line(&found.file.name),
                    bytes.len(),
                    found.file.size,
                    found.file.sha256
                ))
                .hint("'git tracker verify' lists what is wrong with the branch"));
            }
            match output.as_deref() {
                Some(p) if p == Path::new("-") => ui.out().write_all(&bytes)?,
                Some(p) => {
                    std::fs::write(p, &bytes).map_err(|e| {
                        CliError::bad_input(anyhow!("cannot write {}: {e}", p.display()))
                    })?;
                    ui.status(&format!("Wrote {} ({} bytes).", p.display(), bytes.len()));
                }
                None => {
                    // The name has no path separator (validated when read): it stays here.
                    let p = Path::new(&found.file.name);
                    let mut file = std::fs::OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .open(p)
                        .map_err(|e| {
                            CliError::bad_input(anyhow!(
                                "cannot create {}: {e}",
                                sanitize_line(&found.file.name)
                            ))
                            .hint("choose another file with -o FILE (or -o - for standard output)")
                        })?;
                    std::io::Write::write_all(&mut file, &bytes)?;
                    ui.status(&format!(
                        "Wrote {} ({} bytes).",
                        sanitize_line(&found.file.name),
                        bytes.len()
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The attachment named `name` (or `ID/NAME`) of the ticket.
fn find<'t>(ticket: &'t Ticket, name: &str) -> Result<&'t AttachedFile, CliError> {
    let (prefix, name) = match name.split_once('/') {
        Some((id, n)) if id.len() >= 4 => (Some(id.to_ascii_lowercase()), n),
        _ => (None, name),
    };
    let matches: Vec<&AttachedFile> = ticket
        .attachments
        .iter()
        .filter(|a| a.file.name == name)
        .filter(|a| {
            prefix
                .as_deref()
                .is_none_or(|p| a.event.as_str().starts_with(p))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(CliError::bad_input(anyhow!(
            "the ticket has no attachment {:?}",
            sanitize_line(name)
        ))
        .hint("'git tracker attachment list KEY' lists them")),
        several => {
            let ids: Vec<String> = several
                .iter()
                .map(|a| format!("{}/{}", &a.event.as_str()[..8], sanitize_line(name)))
                .collect();
            Err(CliError::bad_input(anyhow!(
                "{} attachments are named {:?}",
                several.len(),
                sanitize_line(name)
            ))
            .hint(format!("name one of them: {}", ids.join(", "))))
        }
    }
}
