//! Output policy: the product on stdout, everything else (status, warnings, hints) on stderr.
//!
//! On a terminal, as git does: tables fit its width, colour marks keys, states and headers
//! (`--color`, `NO_COLOR`, `CLICOLOR_FORCE`), and long output goes through a pager
//! (`GIT_PAGER`, git config `core.pager`, `PAGER`, else `less`; `--no-pager`). Times are shown
//! in the local time zone (`TZ`) with their offset, or in UTC with `--utc`.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::{Child, Command, Stdio};

use crate::report::table::Style;
use crate::store::Diagnostic;
use crate::text::sanitize_line;

/// When to use colour (`--color`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it).
    #[default]
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

/// How the command was asked to present its output.
#[derive(Clone, Copy, Debug, Default)]
pub struct Presentation {
    /// `--quiet`.
    pub quiet: bool,
    /// `--color`.
    pub color: ColorWhen,
    /// `--no-pager`.
    pub no_pager: bool,
    /// `--utc`.
    pub utc: bool,
}

/// The terminal the command talks to.
pub struct Ui {
    quiet: bool,
    out: BufWriter<Box<dyn Write>>,
    stdout_tty: bool,
    interactive: bool,
    color: bool,
    width: Option<u16>,
    utc: bool,
    no_pager: bool,
    pager: Option<Child>,
}

/// Whether to colour, from `--color` and the environment (<https://no-color.org>,
/// <https://bixense.com/clicolors/>): `never` and `always` win; in `auto`, `NO_COLOR` (set and
/// not empty) turns colour off, `CLICOLOR_FORCE` (set and not `0`) turns it on, else colour
/// goes to a terminal that is not `TERM=dumb`.
pub fn use_color(when: ColorWhen, tty: bool, env: impl Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            if set("NO_COLOR") {
                false
            } else if env("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                tty && env("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

impl Ui {
    /// Decides once how to talk: whether stdout is a terminal, whether prompts are allowed,
    /// colour, width.
    pub fn new(p: Presentation) -> Self {
        let stdout_tty = io::stdout().is_terminal();
        let env = |name: &str| std::env::var(name).ok();
        // COLUMNS wins, as for most tools; else the terminal's own width.
        let width = env("COLUMNS")
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|w| *w > 0)
            .or_else(|| {
                stdout_tty
                    .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
                    .flatten()
            });
        Self {
            quiet: p.quiet,
            out: BufWriter::new(Box::new(io::stdout())),
            stdout_tty,
            interactive: io::stdin().is_terminal() && io::stderr().is_terminal(),
            color: use_color(p.color, stdout_tty, env),
            width,
            utc: p.utc,
            no_pager: p.no_pager,
            pager: None,
        }
    }

    /// Where the command's product goes.
    pub fn out(&mut self) -> &mut dyn Write {
        &mut self.out
    }

    /// Whether `--quiet` was given.
    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Whether prompts and editors may be used (stdin and stderr are terminals).
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// How tables and tickets should look.
    pub fn table_style(&self) -> Style {
        Style {
            tty: self.stdout_tty,
            width: self.width,
            color: self.color,
            utc: self.utc,
        }
    }

    /// Sends the rest of stdout through the pager, as git does for long output, when stdout
    /// is a terminal and `--no-pager` was not given. `configured` is git config `core.pager`.
    /// The pager is `GIT_PAGER`, else `configured`, else `PAGER`, else `less`; an empty one
    /// or `cat` means none. `less` gets `LESS=FRX` (quit when the text fits one screen, keep
    /// colours) unless `LESS` is set, as git does. A pager that cannot start is skipped.
    pub fn page(&mut self, configured: Option<String>) {
        if !self.stdout_tty || self.no_pager || self.pager.is_some() {
            return;
        }
        let env = |name: &str| std::env::var(name).ok();
        let Some(pager) = pager_command(env("GIT_PAGER"), configured, env("PAGER")) else {
            return;
        };
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg(&pager).stdin(Stdio::piped());
        if env("LESS").is_none() {
            cmd.env("LESS", "FRX");
        }
        if env("LV").is_none() {
            cmd.env("LV", "-c");
        }
        let Ok(mut child) = cmd.spawn() else { return };
        let Some(stdin) = child.stdin.take() else {
            let _ = child.kill();
            return;
        };
        let _ = self.out.flush();
        self.out = BufWriter::new(Box::new(stdin));
        self.pager = Some(child);
    }

    /// A status line on stderr (silenced by `--quiet`).
    pub fn status(&mut self, msg: &str) {
        if !self.quiet {
            let _ = self.out.flush();
            let _ = writeln!(io::stderr(), "{msg}");
        }
    }

    /// A warning on stderr (never silenced).
    pub fn warn(&mut self, msg: &str) {
        let _ = self.out.flush();
        let _ = writeln!(io::stderr(), "warning: {msg}");
    }

    /// One warning per problem file on the branch (R71).
    pub fn diagnostics(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            self.warn(&format!(
                "{}: {}",
                sanitize_line(&d.path),
                sanitize_line(&d.message)
            ));
        }
    }

    /// Flushes stdout.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Flushes stdout and, when a pager runs, closes its input and waits until the user
    /// leaves it.
    pub fn finish(&mut self) -> io::Result<()> {
        let flushed = self.out.flush();
        if let Some(mut pager) = self.pager.take() {
            self.out = BufWriter::new(Box::new(io::stdout()));
            let _ = pager.wait();
        }
        flushed
    }
}

/// The pager's command line: the first of `git_pager`, `configured` and `pager` that is set,
/// else `less`; `None` for an empty one or `cat`.
fn pager_command(
    git_pager: Option<String>,
    configured: Option<String>,
    pager: Option<String>,
) -> Option<String> {
    let chosen = git_pager
        .or(configured)
        .or(pager)
        .unwrap_or_else(|| "less".to_owned());
    let chosen = chosen.trim();
    (!chosen.is_empty() && chosen != "cat").then(|| chosen.to_owned())
}

/// A progress report on stderr for long operations (R65): shown only after 250 ms, redrawn
/// at most ten times a second, and cleared when done. Call it only when stderr is a terminal.
pub fn progress(what: &'static str) -> Box<dyn FnMut(usize, usize)> {
    let start = std::time::Instant::now();
    let mut last: Option<std::time::Instant> = None;
    Box::new(move |done, total| {
        let now = std::time::Instant::now();
        if now.duration_since(start) < std::time::Duration::from_millis(250) && done < total {
            return;
        }
        if done < total
            && last.is_some_and(|l| now.duration_since(l) < std::time::Duration::from_millis(100))
        {
            return;
        }
        last = Some(now);
        let mut err = io::stderr().lock();
        if done >= total {
            let _ = write!(err, "\r\x1b[2K");
        } else {
            let _ = write!(err, "\r{what}: {done}/{total}");
        }
        let _ = err.flush();
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_flag_then_no_color_then_clicolor_force_then_the_terminal() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        use ColorWhen::{Always, Auto, Never};
        assert!(use_color(Auto, true, env(&[])));
        assert!(!use_color(Auto, false, env(&[])));
        assert!(!use_color(Auto, true, env(&[("TERM", "dumb")])));
        assert!(!use_color(Auto, true, env(&[("NO_COLOR", "1")])));
        // An empty NO_COLOR is not set.
        assert!(use_color(Auto, true, env(&[("NO_COLOR", "")])));
        assert!(use_color(Auto, false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!use_color(Auto, false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(!use_color(
            Auto,
            false,
            env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])
        ));
        assert!(use_color(Always, false, env(&[("NO_COLOR", "1")])));
        assert!(!use_color(Never, true, env(&[("CLICOLOR_FORCE", "1")])));
    }

    #[test]
    fn the_pager_is_git_pager_then_core_pager_then_pager_then_less() {
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(pager_command(None, None, None), s("less"));
        assert_eq!(pager_command(None, None, s("more")), s("more"));
        assert_eq!(pager_command(None, s("most"), s("more")), s("most"));
        assert_eq!(pager_command(s("lv"), s("most"), s("more")), s("lv"));
        assert_eq!(pager_command(s("cat"), s("most"), None), None);
        assert_eq!(pager_command(None, s(""), s("more")), None);
    }
}
