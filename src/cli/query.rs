//! `git tracker query save|list|delete`: saved queries (R29, the seed's "personal memo").

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::json::SCHEMA_VERSION;
use crate::report::OutputFormat;
use crate::text::sanitize_line;

/// Manage your saved queries: save, list, delete
///
/// A saved query is a query of docs/search.md under a name; `git tracker list --saved NAME`
/// runs it. Saved queries are yours: they are stored on the tracker branch in your own
/// directory (docs/format.md, "People"), so they follow you to every clone after a sync, and
/// only you change them.
#[derive(Args, Debug)]
pub struct QueryArgs {
    #[command(subcommand)]
    pub action: QueryAction,
}

/// What to do with saved queries.
#[derive(Subcommand, Debug)]
pub enum QueryAction {
    /// Save QUERY under NAME (replacing what NAME held); it is checked first
    Save {
        /// The name: lower-case letters, digits, '-' and '_'
        name: String,
        /// The query, e.g. 'assignee:me state:open sort:-updated'
        #[arg(allow_hyphen_values = true)]
        query: String,
    },
    /// List your saved queries
    List {
        /// Output format
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
    },
    /// Delete your saved query NAME
    Delete {
        /// The name
        name: String,
    },
}

#[derive(Serialize)]
struct SavedView {
    name: String,
    query: String,
}

#[derive(Serialize)]
struct SavedListView {
    schema_version: u32,
    queries: Vec<SavedView>,
}

/// Runs `query`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &QueryArgs) -> Result<(), CliError> {
    match &args.action {
        QueryAction::Save { name, query } => {
            let actor = ctx.actor(ui)?;
            ctx.snapshot(ui)?;
            let (text, tip) = ctx.tracker()?.people().save(&actor, name, query)?;
            let text = sanitize_line(&text).into_owned();
            ui.status(&if tip.is_some() {
                format!("Saved {name}: {text}")
            } else {
                format!("{name} is already {text}; nothing written.")
            });
        }
        QueryAction::Delete { name } => {
            let actor = ctx.actor(ui)?;
            ctx.snapshot(ui)?;
            ctx.tracker()?.people().delete(&actor, name)?;
            ui.status(&format!("Deleted {name}."));
        }
        QueryAction::List { format } => {
            let me = ctx.person()?;
            let snap = ctx.snapshot(ui)?;
            let (state, problems) = ctx.tracker()?.people().state(&snap, &me)?;
            ui.diagnostics(&problems);
            let queries = state.queries;
            match format {
                OutputFormat::Json => {
                    let view = SavedListView {
                        schema_version: SCHEMA_VERSION,
                        queries: queries
                            .into_iter()
                            .map(|(name, query)| SavedView { name, query })
                            .collect(),
                    };
                    crate::report::json::write(ui.out(), &view)?;
                }
                OutputFormat::Table => {
                    let width = queries.keys().map(String::len).max().unwrap_or(0);
                    for (name, query) in &queries {
                        writeln!(ui.out(), "{name:<width$}  {}", sanitize_line(query))?;
                    }
                    if queries.is_empty() {
                        ui.status("You have no saved queries (git tracker query save NAME QUERY).");
                    }
                }
            }
        }
    }
    Ok(())
}
