//! `git tracker report` (issue 5; being written).

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;

/// Compute reports from the ticket history
#[derive(Args, Debug)]
pub struct ReportArgs {}

/// Runs `report`.
pub fn run(_ctx: &mut CommandContext, _ui: &mut Ui, _args: &ReportArgs) -> Result<(), CliError> {
    Ok(())
}
