//! What goes to standard error: bad documents (reported, counted, skipped),
//! progress when standard error is a terminal, and the exit status.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// Why a run ended early.
#[derive(Debug)]
pub enum Fatal {
    /// The reader of the output closed it (`| head`): a quiet end, status 0.
    Closed,
    /// `--strict` stopped at the first bad document, already reported; the
    /// status says what kind of fault it was.
    Stopped(u8),
    /// A usage, configuration or I/O failure, to report as `error: ...`; status 2.
    Failed(String),
}

impl Fatal {
    /// A failure with this message.
    pub fn failed(message: impl Into<String>) -> Fatal {
        Fatal::Failed(message.into())
    }
}

/// Print `dateline: error: MESSAGE` on standard error (never panics, even when it is closed).
pub fn error(message: &str) {
    let _ = writeln!(std::io::stderr(), "dateline: error: {message}");
}

/// Counts documents and faults, shows progress, and decides the exit status.
pub struct Reporter {
    progress: ProgressBar,
    strict: bool,
    quiet: bool,
    documents: u64,
    skipped: u64,
    unreadable: u64,
}

/// How a run went, for the exit status.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    skipped: u64,
    unreadable: u64,
}

impl Summary {
    /// 0 ok, 1 some documents had errors, 2 an input could not be read.
    pub fn exit_code(&self) -> u8 {
        if self.unreadable > 0 {
            2
        } else if self.skipped > 0 {
            1
        } else {
            0
        }
    }
}

impl Reporter {
    /// A reporter; progress shows only when standard error is a terminal and not `quiet`.
    pub fn new(strict: bool, quiet: bool) -> Reporter {
        let progress = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{spinner} {human_pos} documents, {rate} [{elapsed}] {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner())
                .with_key("rate", |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} docs/s", state.per_sec());
                });
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Reporter { progress, strict, quiet, documents: 0, skipped: 0, unreadable: 0 }
    }

    /// Count one document read.
    pub fn document(&mut self) {
        self.documents += 1;
        self.progress.inc(1);
    }

    /// Show what the run is doing now (after reading, for example).
    pub fn stage(&self, what: &'static str) {
        self.progress.set_message(what);
    }

    /// A bad document: reported and skipped; under `--strict` the run stops (status 1).
    pub fn bad_document(&mut self, message: &str) -> Result<(), Fatal> {
        self.skipped += 1;
        self.say(message);
        if self.strict {
            Err(Fatal::Stopped(1))
        } else {
            Ok(())
        }
    }

    /// An input that could not be read at all (or stopped reading): reported,
    /// the other inputs are read, status 2; under `--strict` the run stops.
    pub fn unreadable(&mut self, message: &str) -> Result<(), Fatal> {
        self.unreadable += 1;
        self.say(message);
        if self.strict {
            Err(Fatal::Stopped(2))
        } else {
            Ok(())
        }
    }

    /// A note that changes nothing (an empty directory).
    pub fn warn(&self, message: &str) {
        self.say(&format!("warning: {message}"));
    }

    fn say(&self, message: &str) {
        self.progress.suspend(|| {
            let _ = writeln!(std::io::stderr(), "dateline: {message}");
        });
    }

    /// Clear the progress line and, when documents were skipped, say how many.
    pub fn finish(&mut self) -> Summary {
        self.progress.finish_and_clear();
        if !self.quiet && (self.skipped > 0 || self.unreadable > 0) {
            let mut line = format!("{} documents read", self.documents);
            if self.skipped > 0 {
                line.push_str(&format!(", {} skipped with errors", self.skipped));
            }
            if self.unreadable > 0 {
                line.push_str(&format!(", {} inputs could not be read", self.unreadable));
            }
            let _ = writeln!(std::io::stderr(), "dateline: {line}");
        }
        Summary { skipped: self.skipped, unreadable: self.unreadable }
    }
}

impl Drop for Reporter {
    /// A run that ends early (closed pipe, `--strict`) leaves no progress line behind.
    fn drop(&mut self) {
        self.progress.finish_and_clear();
    }
}
