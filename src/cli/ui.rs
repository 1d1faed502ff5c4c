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
