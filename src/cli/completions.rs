//! `git tracker completions` and `git tracker man`

use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;
use clap_complete::Shell;

use crate::cli::error::CliError;
use crate::cli::ui::Ui;

/// Print a completion script for SHELL on stdout.
///
/// For example: git tracker completions bash > ~/.local/share/bash-completion/completions/git-tracker
#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Write man pages into DIR: git-tracker.1 and one page per subcommand.
///
/// Git turns `git tracker --help` into `man git-tracker`; install the pages where man finds
/// them, e.g. `git tracker man ~/.local/share/man/man1`.
#[derive(Args, Debug)]
pub struct ManArgs {
    /// Where to write the pages
    pub dir: PathBuf,
}

/// The completion script for `shell`, for the binary name `git-tracker`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = super::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "git-tracker", &mut out);
    out
}

/// Runs `completions`.
pub fn run(ui: &mut Ui, args: &CompletionsArgs) -> Result<(), CliError> {
    ui.out().write_all(&script(args.shell))?;
    Ok(())
}

/// Runs `man`.
pub fn man(ui: &mut Ui, args: &ManArgs) -> Result<(), CliError> {
    std::fs::create_dir_all(&args.dir)
        .map_err(|e| CliError::bad_input(anyhow!("cannot create {}: {e}", args.dir.display())))?;
    let cmd = super::command().name("git-tracker");
    clap_mangen::generate_to(cmd, &args.dir)
        .map_err(|e| CliError::failure(anyhow!("cannot write man pages: {e}")))?;
    ui.status(&format!("Wrote man pages to {}.", args.dir.display()));
    Ok(())
}
