//! `git tracker init`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::TrackerConfig;

/// Create the tracker branch with its configuration file.
///
/// Refuses when the branch already exists. The work tree, index and HEAD are not touched; a
/// bare repository works too.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// Key prefix: tickets are named PREFIX + number
    #[arg(long, default_value = "TRK-")]
    pub prefix: String,
    /// The tracker's name [default: the repository's directory name]
    #[arg(long)]
    pub name: Option<String>,
    /// What the tracker is for
    #[arg(long, default_value = "")]
    pub description: String,
}

/// Runs `init`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &InitArgs) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let tracker = ctx.tracker()?;
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| tracker.store().repo_name());
    let config = TrackerConfig {
        name,
        description: args.description.clone(),
        prefix: args.prefix.clone(),
        ..TrackerConfig::default()
    };
    tracker.init(&config, &actor)?;
    let branch = tracker
        .store()
        .branch()
        .trim_start_matches("refs/heads/")
        .to_owned();
    ui.status(&format!(
        "Initialized tracker {:?} on branch {branch}; keys look like {}1.",
        crate::text::sanitize_line(&config.name),
        config.prefix
    ));
    Ok(())
}
