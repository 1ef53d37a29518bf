//! What the examples share: their few options, reading a corpus file or a
//! directory of `.txt` files as a stream, and writing to standard output
//! with a closed pipe (`| head`) as a quiet end. The `dateline` command
//! (`cli/`) is the full tool: standard input, JSON lines, bad documents
//! skipped and reported, every option and format.
#![allow(dead_code)]

use std::io::{BufWriter, IsTerminal, StdoutLock, Write};
use std::path::Path;
use std::time::Instant;

use dateline::corpus::Document;
use dateline::gazetteer::Gazetteer;

/// The bundled sample corpus.
pub const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/seeds.corpus");
/// The bundled gazetteer for the sample corpus.
pub const GAZETTEER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/gazetteer.tsv");

/// The exit code for a run's result, printing the error as `error: ...`.
pub fn exit(result: Result<(), String>) -> std::process::ExitCode {
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Load a gazetteer file, with the file name in the error.
pub fn load_gazetteer(path: &str) -> Result<Gazetteer, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read gazetteer {path}: {e}"))?;
    Gazetteer::from_tsv(&text).map_err(|e| format!("gazetteer {path}: {e}"))
}

/// The command line both pipeline examples share: at most one corpus (file
/// or directory), `--gazetteer FILE`, `--reference-date YYYY-MM-DD`, and the
/// example's own `--flag VALUE` options.
pub struct Args {
    /// The corpus file or directory, if given.
    pub corpus: Option<String>,
    /// The gazetteer file, if given.
    pub gazetteer: Option<String>,
    /// The reference date for relative dates, if given.
    pub reference_date: Option<chrono::NaiveDate>,
    /// The example's own options as given, in order: `(flag, value)`.
    pub options: Vec<(String, String)>,
}

impl Args {
    /// The last value given for the example's own option `flag`.
    pub fn option(&self, flag: &str) -> Option<&str> {
        self.options.iter().rev().find(|(f, _)| f == flag).map(|(_, v)| v.as_str())
    }

    /// A pipeline with the gazetteer at `gazetteer` (if any) and the reference date given.
    pub fn pipeline(&self, gazetteer: Option<&str>) -> Result<dateline::pipeline::Pipeline, String> {
        let mut builder = dateline::pipeline::Pipeline::builder();
        if let Some(g) = gazetteer {
            builder = builder.gazetteer(load_gazetteer(g)?);
        }
        if let Some(d) = self.reference_date {
            builder = builder.reference_date(d);
        }
        builder.build().map_err(|e| e.to_string())
    }
}

/// Parse the command line (after the program name) with `usage` as the help
/// text. `own` lists the example's own flags that take a value; `check` sees
/// each of their values as it is read and may reject it.
pub fn parse_args(
    usage: &str,
    own: &[&str],
    mut check: impl FnMut(&str, &str) -> Result<(), String>,
) -> Result<Args, String> {
    let mut args = Args { corpus: None, gazetteer: None, reference_date: None, options: Vec::new() };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |flag: &str| it.next().ok_or_else(|| format!("{flag} needs a value\n{usage}"));
        match a.as_str() {
            "--gazetteer" => args.gazetteer = Some(value("--gazetteer")?),
            "--reference-date" => args.reference_date = Some(parse_date(&value("--reference-date")?)?),
            f if own.contains(&f) => {
                let v = value(f)?;
                check(f, &v)?;
                args.options.push((a, v));
            }
            "-h" | "--help" => help(usage),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{usage}")),
            _ if args.corpus.is_some() => return Err(format!("more than one corpus given\n{usage}")),
            _ => args.corpus = Some(a),
        }
    }
    Ok(args)
}

/// Print `usage` on standard output and exit with status 0 (asking for help is not an error).
pub fn help(usage: &str) -> ! {
    let _ = writeln!(std::io::stdout(), "{usage}");
    std::process::exit(0)
}

/// Parse `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("--reference-date {s:?} is not a date; expected YYYY-MM-DD"))
}

/// Call `f` on every document of the corpus at `path` (a corpus file, read
/// as a stream with memory bounded by the largest document, or a directory
/// of `.txt` files), in order, until `f` returns `Ok(false)` or an error.
/// Stops at the first read error (`dateline` reports it and goes on).
pub fn for_each_document(path: &str, mut f: impl FnMut(&Document<'_>) -> Result<bool, String>) -> Result<(), String> {
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| format!("cannot read {path}: {e}"))?;
    let docs: Box<dyn Iterator<Item = dateline::Result<Document<'static>>>> = if meta.is_dir() {
        Box::new(dateline::corpus::ReaderBuilder::new().from_dir(p).map_err(|e| format!("{path}: {e}"))?)
    } else {
        let reader = dateline::corpus::Reader::from_path(p).map_err(|e| format!("cannot read {path}: {e}"))?;
        Box::new(reader.into_documents())
    };
    for doc in docs {
        if !f(&doc.map_err(|e| format!("{path}: {e}"))?)? {
            break;
        }
    }
    Ok(())
}

/// Buffered standard output on which a closed pipe (`| head -1`) ends the
/// output quietly rather than as an error.
pub struct Out {
    out: BufWriter<StdoutLock<'static>>,
    closed: bool,
}

impl Out {
    /// Standard output.
    pub fn new() -> Out {
        Out { out: BufWriter::new(std::io::stdout().lock()), closed: false }
    }

    /// Write `text`: `Ok(false)` once the reader has gone (stop writing).
    pub fn write(&mut self, text: &str) -> Result<bool, String> {
        if !self.closed {
            let written = self.out.write_all(text.as_bytes());
            self.check(written)?;
        }
        Ok(!self.closed)
    }

    /// Flush; `Ok` also when the reader has gone.
    pub fn finish(mut self) -> Result<(), String> {
        if !self.closed {
            let flushed = self.out.flush();
            self.check(flushed)?;
        }
        Ok(())
    }

    fn check(&mut self, result: std::io::Result<()>) -> Result<(), String> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            r => r.map_err(|e| format!("cannot write output: {e}")),
        }
    }
}

/// Progress on stderr (documents done, rate), only when stderr is a terminal.
pub struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    done: usize,
}

impl Progress {
    /// A progress line that shows itself only on a terminal.
    pub fn new() -> Progress {
        let now = Instant::now();
        Progress { on: std::io::stderr().is_terminal(), start: now, last: now, done: 0 }
    }

    /// Count one document.
    pub fn tick(&mut self) {
        self.add(1);
    }

    /// Count `n` documents.
    pub fn add(&mut self, n: usize) {
        self.done += n;
        if self.on && self.last.elapsed().as_millis() >= 250 {
            self.last = Instant::now();
            self.show();
        }
    }

    fn show(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        eprint!("\r{} documents, {:.0} docs/s   ", self.done, self.done as f64 / secs);
        let _ = std::io::stderr().flush();
    }

    /// Final line.
    pub fn finish(&self) {
        if self.on {
            self.show();
            eprintln!();
        }
    }
}
