//! `git tracker config show|get|set|edit`

use anyhow::anyhow;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::TrackerConfig;
use crate::report::json::SCHEMA_VERSION;
use crate::report::OutputFormat;
use crate::text::sanitize_line;

/// Manage the tracker's configuration (stored on the branch, changes are commits)
///
/// Keys: name, description, prefix, mode (defects, support, tasks, custom), states, strict,
/// roles.developer, roles.resolver, roles.manager, masks.ROLE (strict mode's target states per
/// role: reporter, developer, resolver, manager), graph.STATE (allowed targets from STATE),
/// default_assignee, feedback, comments, notifications, auto_open_on_view, max_text_bytes (the
/// largest text a write accepts, in bytes: 1024 to 16777216, default 1048576), and for custom
/// fields fields.NAME.type (text, long-text, choice, multi-choice, checkbox, number, date,
/// user; empty removes the field), fields.NAME.choices, fields.NAME.mandatory,
/// fields.NAME.private, fields.NAME.listable; and for trackers that work together, parent
/// (BRANCH of this repository, or REMOTE:BRANCH of another one reached as a git remote; empty
/// for none), subtrackers (branches of this repository) and accept_transfers (whether
/// tickets transferred up from other trackers are taken). TRANSFERED is enabled only with a
/// parent or sub-trackers. Lists are comma-separated; booleans are true/false. Setting mode
/// presets its states.
///
/// In strict mode only managers (roles.manager) may change the configuration; the person who
/// ran `init` is the first manager. A tracker.toml that cannot be read stops every write until
/// it is replaced with `config edit` (or `config edit --file FILE`).
#[derive(Args, Debug)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

/// What to do with the configuration.
#[derive(Subcommand, Debug)]
pub enum ConfigAction {
    /// Print every key and its value
    Show {
        /// Output format
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
    },
    /// Print one key's value
    Get {
        /// The key, e.g. mode or roles.developer
        key: String,
    },
    /// Set one key (validated first; an invalid value writes nothing)
    Set {
        /// The key, e.g. strict or fields.severity.choices
        key: String,
        /// The value (lists comma-separated; empty to clear; in roles.ROLE and
        /// default_assignee, @me is you)
        value: String,
    },
    /// Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file
    /// writes nothing. Also repairs a tracker.toml that cannot be read.
    Edit {
        /// Use FILE as the new tracker.toml instead of opening an editor (- for standard input)
        #[arg(long, value_name = "FILE")]
        file: Option<std::path::PathBuf>,
    },
}

#[derive(Serialize)]
struct ConfigView<'a> {
    schema_version: u32,
    #[serde(flatten)]
    config: &'a TrackerConfig,
}

/// Runs `config`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &ConfigArgs) -> Result<(), CliError> {
    match &args.action {
        ConfigAction::Show { format } => {
            let snap = ctx.snapshot(ui)?;
            match format {
                OutputFormat::Json => {
                    let view = ConfigView {
                        schema_version: SCHEMA_VERSION,
                        config: &snap.config,
                    };
                    crate::report::json::write(ui.out(), &view)?;
                }
                OutputFormat::Table => {
                    for (k, v) in snap.config.entries() {
                        writeln!(ui.out(), "{k} = {}", sanitize_line(&v))?;
                    }
                }
            }
        }
        ConfigAction::Get { key } => {
            let snap = ctx.snapshot(ui)?;
            let value = snap
                .config
                .get(key)
                .map_err(crate::tracker::TrackerError::from)?;
            writeln!(ui.out(), "{}", sanitize_line(&value))?;
        }
        ConfigAction::Set { key, value } => {
            let actor = ctx.actor(ui)?;
            ctx.snapshot(ui)?;
            let summary = format!("set {key}");
            // In a list of people, `@me` is the person running the command.
            let value = if key.starts_with("roles.") || key == "default_assignee" {
                value
                    .split(',')
                    .map(|v| {
                        if crate::model::person::is_me(v) {
                            actor.person.email.as_str()
                        } else {
                            v
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            } else {
                value.clone()
            };
            let (config, tip) = ctx
                .tracker()?
                .settings()
                .change(&actor, &summary, |c| c.set(key, &value))?;
            if matches!(key.as_str(), "parent" | "subtrackers") {
                for b in ctx.tracker()?.missing_links(&config) {
                    ui.warn(&format!(
                        "this repository has no tracker branch {} yet",
                        sanitize_line(&b)
                    ));
                }
            }
            let now = config.get(key).unwrap_or_default();
            ui.status(&match tip {
                Some(_) => format!("Set {key} = {}.", sanitize_line(&now)),
                None => format!("{key} is already {}; nothing written.", sanitize_line(&now)),
            });
        }
        ConfigAction::Edit { file } => edit(ctx, ui, file.as_ref())?,
    }
    Ok(())
}

fn edit(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    file: Option<&std::path::PathBuf>,
) -> Result<(), CliError> {
    if file.is_none() && !ui.interactive() {
        return Err(
            CliError::bad_input(anyhow!("config edit needs a terminal")).hint(
                "use 'git tracker config set KEY VALUE' or 'config edit --file FILE' in scripts",
            ),
        );
    }
    let actor = ctx.actor(ui)?;
    ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let text = match file {
        Some(path) => crate::cli::context::read_text(ui, None, Some(path), "")?,
        None => crate::cli::context::read_text(ui, None, None, &tracker.settings().text()?)?,
    };
    let Some(text) = text else {
        ui.status("The file was not saved; nothing written.");
        return Ok(());
    };
    let (_, tip) = tracker.settings().replace(&actor, &text).map_err(|e| {
        CliError::from(e)
            .hint("nothing was written; correct the file and run 'git tracker config edit' again")
    })?;
    ui.status(if tip.is_some() {
        "Saved the configuration."
    } else {
        "No change; nothing written."
    });
    Ok(())
}
