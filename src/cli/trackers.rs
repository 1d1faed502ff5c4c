//! `git tracker trackers`: the tracker branches of this repository and of its remotes.

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::json::{TrackerView, TrackersView, SCHEMA_VERSION};
use crate::report::OutputFormat;

/// List the trackers of this repository and of its remotes
///
/// A repository may hold several trackers, each on its own branch (pick one with --tracker
/// NAME or git config tracker.branch); a branch is a tracker when its tree has tracker.toml
/// at its root. Lists this repository's tracker branches, then each remote's
/// remote-tracking ones (as of the last fetch), with the tracker's name, key prefix, and
/// how many tickets it has and how many are in progress. The current tracker is marked *.
/// A tracker of this repository is counted from its local index (brought up to date as any
/// command on it would); a remote's, from the index of the local branch of the same name
/// when both are at the same commit, else its tickets are counted from its tree and how many
/// are in progress is unknown (-). Counts respect the tracker's view rule (support and tasks
/// modes).
#[derive(Args, Debug)]
pub struct TrackersArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// Runs `trackers`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &TrackersArgs) -> Result<(), CliError> {
    let tracker = ctx.tracker()?;
    let (found, problems) = tracker.trackers()?;
    ui.diagnostics(&problems);
    let views: Vec<TrackerView> = found
        .iter()
        .map(|t| TrackerView {
            remote: t.remote.clone(),
            branch: t.branch.clone(),
            tip: t.tip.to_string(),
            name: t.name.clone(),
            prefix: t.prefix.clone(),
            tickets: t.tickets,
            in_progress: t.in_progress,
            parent: t.parent.clone(),
            current: t.current,
        })
        .collect();
    match args.format {
        OutputFormat::Json => crate::report::json::write(
            ui.out(),
            &TrackersView {
                schema_version: SCHEMA_VERSION,
                trackers: views,
            },
        )?,
        OutputFormat::Table => {
            if views.is_empty() {
                ui.status("No tracker branch in this repository or its remotes.");
                return Ok(());
            }
            let style = ui.table_style();
            crate::report::table::trackers(ui.out(), &views, style)?;
        }
    }
    Ok(())
}
