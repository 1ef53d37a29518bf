//! Options shared by several subcommands, and turning them into the
//! library's configuration.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, ValueEnum};
use dateline::chrono::NaiveDate;
use dateline::dedup::DedupConfig;
use dateline::gazetteer::Gazetteer;
use dateline::pipeline::Pipeline;

use crate::report::Fatal;

/// Where documents come from and what to do with bad ones.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Corpus files, directories of .txt files, JSON-lines files, or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// How to read the inputs that are not directories. `auto`: .jsonl and
    /// .ndjson files are JSON lines; otherwise a first `{` means JSON lines, else a corpus.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto, value_name = "FORMAT")]
    pub input_format: InputFormat,
    /// Replace invalid UTF-8 with U+FFFD instead of skipping the document.
    #[arg(long)]
    pub lossy: bool,
    /// What to do with a document whose name (id) was seen before, in any input.
    #[arg(long, value_enum, default_value_t = Duplicates::Error, value_name = "POLICY")]
    pub duplicates: Duplicates,
    /// Stop at the first bad document or unreadable input instead of reporting it and going on.
    #[arg(long)]
    pub strict: bool,
    /// No progress and no closing summary on standard error (errors are still reported).
    #[arg(short, long)]
    pub quiet: bool,
}

/// The format of an input stream.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension, then by the first character.
    Auto,
    /// The `==> NAME <==` corpus format.
    Corpus,
    /// One JSON object per line: `id`, `text`, optional `date`, `source`, `url`, `title`, `lang`.
    Jsonl,
}

/// `--duplicates`: the library's `DuplicatePolicy`, applied across all inputs.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplicates {
    /// Report the second document and skip it.
    Error,
    /// Keep every document under its name.
    Keep,
    /// Keep every document, renaming the second `a.txt` to `a.txt~2`.
    Rename,
}

/// Where to write.
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats; each subcommand accepts the ones that fit its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
    /// The JSON that Knight Lab's TimelineJS loads.
    Timelinejs,
    /// One self-contained HTML page.
    Html,
}

impl Format {
    fn parse(name: &str) -> Format {
        match name {
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            "timelinejs" => Format::Timelinejs,
            "html" => Format::Html,
            _ => Format::Text,
        }
    }
}

/// A `--format` parser accepting the `accepted` names (clap lists them in
/// help and in its error for any other value).
pub fn formats(accepted: &'static [&'static str]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(accepted).map(|name| Format::parse(&name))
}

/// What the per-document stages need: entities and the reference date.
#[derive(Args, Debug)]
pub struct AnalysisArgs {
    /// A gazetteer TSV file (`id<TAB>kind<TAB>name<TAB>aliases`); repeat to combine
    /// several. Without one, the built-in world list (countries, capitals, organisations).
    #[arg(short, long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// Also use the built-in world list when gazetteer files are given.
    #[arg(long)]
    pub with_builtin: bool,
    /// The date relative expressions ("on Thursday") resolve against for
    /// documents without a `date`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub reference_date: Option<NaiveDate>,
    /// Leave related-story blurbs out (analyse only each page's own article).
    #[arg(long)]
    pub no_blurbs: bool,
    /// Analyse at most this many bytes of a document body; a longer one is cut
    /// and its record carries a `truncated` warning [default: the library's, 4 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_document_bytes: Option<usize>,
    /// Threads analysing documents (results do not depend on it) [default: the number of cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// How syndicated copies are recognised (the library's `DedupConfig`; each
/// option left out keeps the library's default).
#[derive(Args, Debug)]
pub struct DedupArgs {
    /// Share of the smaller text's narrative words in shared runs at or above which two texts are copies [default: 0.5].
    #[arg(long, value_name = "T")]
    pub containment: Option<f64>,
    /// Lower share that makes a copy with two runs of --min-run words or one of --long-run words [default: 0.25].
    #[arg(long, value_name = "T")]
    pub partial: Option<f64>,
    /// Words a run needs to count towards a partial copy [default: 15].
    #[arg(long, value_name = "WORDS")]
    pub min_run: Option<u32>,
    /// Words of one run that make a partial copy alone [default: 100].
    #[arg(long, value_name = "WORDS")]
    pub long_run: Option<u32>,
    /// Shared words two copies need at least [default: 25].
    #[arg(long, value_name = "WORDS")]
    pub min_shared: Option<u32>,
    /// A fingerprint found in more texts than this is common furniture, not evidence [default: 64].
    #[arg(long, value_name = "TEXTS")]
    pub common_limit: Option<u32>,
    /// Words per hashed k-gram, 1 to 16 [default: 5].
    #[arg(long, value_name = "W")]
    pub shingle: Option<usize>,
    /// Winnowing window in k-grams, 1 to 255 [default: 21].
    #[arg(long, value_name = "GRAMS")]
    pub window: Option<usize>,
}

impl DedupArgs {
    /// The configuration (checked when the deduplicator or pipeline is built).
    pub fn config(&self) -> DedupConfig {
        let mut c = DedupConfig::new();
        if let Some(v) = self.containment {
            c = c.containment(v);
        }
        if let Some(v) = self.partial {
            c = c.partial_containment(v);
        }
        if let Some(v) = self.min_run {
            c = c.min_run(v);
        }
        if let Some(v) = self.long_run {
            c = c.long_run(v);
        }
        if let Some(v) = self.min_shared {
            c = c.min_shared_words(v);
        }
        if let Some(v) = self.common_limit {
            c = c.common_limit(v);
        }
        if let Some(v) = self.shingle {
            c = c.shingle_size(v);
        }
        if let Some(v) = self.window {
            c = c.window(v);
        }
        c
    }
}

/// Threads for the per-document work.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date; expected YYYY-MM-DD"))
}

/// The gazetteer the options ask for; a file that cannot be read or parsed is named.
pub fn gazetteer(args: &AnalysisArgs) -> Result<Option<Gazetteer>, Fatal> {
    if args.gazetteer.is_empty() {
        // The pipeline's default: the built-in list.
        return Ok(None);
    }
    let mut loaded = Vec::with_capacity(args.gazetteer.len());
    for path in &args.gazetteer {
        let shown = path.display();
        let text =
            std::fs::read_to_string(path).map_err(|e| Fatal::failed(format!("cannot read gazetteer {shown}: {e}")))?;
        loaded.push(Gazetteer::from_tsv(&text).map_err(|e| Fatal::failed(format!("gazetteer {shown}: {e}")))?);
    }
    if loaded.len() == 1 && !args.with_builtin {
        return Ok(loaded.pop());
    }
    let mut builder = Gazetteer::builder();
    if args.with_builtin {
        builder = builder.builtin();
    }
    for g in &loaded {
        builder = builder.gazetteer(g);
    }
    builder.build().map(Some).map_err(|e| Fatal::failed(format!("gazetteers: {e}")))
}

/// The pipeline the options ask for.
pub fn pipeline(
    args: &AnalysisArgs,
    focus_threshold: Option<f64>,
    dedup: Option<DedupConfig>,
) -> Result<Pipeline, Fatal> {
    let mut builder = Pipeline::builder().blurbs(!args.no_blurbs);
    if let Some(g) = gazetteer(args)? {
        builder = builder.gazetteer(g);
    }
    if let Some(d) = args.reference_date {
        builder = builder.reference_date(d);
    }
    if let Some(t) = focus_threshold {
        builder = builder.focus_threshold(t);
    }
    if let Some(c) = dedup {
        builder = builder.dedup(c);
    }
    if let Some(n) = args.max_document_bytes {
        builder = builder.max_document_bytes(n);
    }
    if let Some(n) = args.threads {
        builder = builder.threads(n);
    }
    builder.build().map_err(|e| Fatal::failed(e.to_string()))
}
