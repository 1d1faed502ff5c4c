//! Output policy: the product on stdout, everything else (status, warnings, hints) on stderr.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};

use crate::report::table::Style;
use crate::store::Diagnostic;
use crate::text::sanitize_line;

/// The terminal the command talks to.
pub struct Ui {
    quiet: bool,
    out: BufWriter<Stdout>,
    stdout_tty: bool,
    interactive: bool,
}

impl Ui {
    /// Decides once how to talk: whether stdout is a terminal, whether prompts are allowed.
    pub fn new(quiet: bool) -> Self {
        Self {
            quiet,
            out: BufWriter::new(io::stdout()),
            stdout_tty: io::stdout().is_terminal(),
            interactive: io::stdin().is_terminal() && io::stderr().is_terminal(),
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

    /// How tables should look.
    pub fn table_style(&self) -> Style {
        let width = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
        Style {
            tty: self.stdout_tty,
            width,
        }
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
}
