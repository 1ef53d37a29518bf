//! Python bindings of `dateline`: the native module `dateline._dateline`,
//! wrapped by the pure-Python package `dateline` (see `dateline/__init__.py`
//! for the documented API and `dateline/__init__.pyi` for the types).
//!
//! The wrapper is thin on purpose: results cross into Python as the
//! library's own serde records (serialised with `serde_json` and read with
//! `json.loads`), so a field added to a record in the library appears in
//! Python without a change here. Long calls release the GIL.

use std::path::PathBuf;

use chrono::NaiveDate;
use dateline::corpus::{Document, Metadata, ReaderBuilder};
use dateline::dedup::{DedupConfig, Deduplicator as Index, DocRef, Sketch};
use dateline::gazetteer::Gazetteer as Gaz;
use dateline::pipeline::{Pipeline as Pipe, Report};
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use serde::Serialize;

/// The front matter keys a document dict carries at its top level.
const KNOWN_KEYS: [&str; 5] = ["date", "source", "url", "title", "lang"];

/// Magic prefix of `Deduplicator.to_bytes()`: format name and version.
const MAGIC: &[u8] = b"dateline-dedup/1\n";

// ---------------------------------------------------------------- errors

/// The crate's error as the matching exception of `dateline.errors`,
/// carrying the crate's message and, for corpus errors, the position.
fn error(py: Python<'_>, e: dateline::Error) -> PyErr {
    let message = e.to_string();
    let class = |name: &str| -> PyResult<Bound<'_, PyAny>> { py.import("dateline.errors")?.getattr(name) };
    let made = match &e {
        dateline::Error::Corpus { position, .. } => class("CorpusError")
            .and_then(|c| c.call1((message.clone(), position.document.clone(), position.line, position.byte))),
        dateline::Error::Gazetteer { line, column, .. } => {
            class("GazetteerError").and_then(|c| c.call1((message.clone(), *line, *column)))
        }
        dateline::Error::Config(_) => class("ConfigError").and_then(|c| c.call1((message.clone(),))),
        dateline::Error::Io(io) => {
            return PyOSError::new_err((io.raw_os_error().unwrap_or(0), message));
        }
        _ => class("DatelineError").and_then(|c| c.call1((message.clone(),))),
    };
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(import_failed) => import_failed,
    }
}

fn config_error(py: Python<'_>, message: String) -> PyErr {
    error(py, dateline::Error::Config(message))
}

// ----------------------------------------------------------- conversions

/// A serde value as a Python object, through JSON (the crate's interchange format).
fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    json_loads(py, &json)
}

fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

fn json_dumps(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    obj.py().import("json")?.getattr("dumps")?.call1((obj,))?.extract()
}

/// A date argument: `None`, a string, or anything with `isoformat()` (`datetime.date`).
fn date_string(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(v) = value.filter(|v| !v.is_none()) else { return Ok(None) };
    if let Ok(s) = v.downcast::<PyString>() {
        return Ok(Some(s.to_str()?.to_string()));
    }
    match v.getattr("isoformat") {
        Ok(f) => Ok(Some(f.call0()?.extract()?)),
        Err(_) => Err(PyTypeError::new_err(format!(
            "a date must be a string (YYYY-MM-DD or RFC 3339) or a datetime.date, not {}",
            v.get_type().name()?
        ))),
    }
}

/// A text's date argument (a `datetime.date` or an ISO string), checked as
/// the corpus reader checks dates.
fn text_date(py: Python<'_>, id: &str, date: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    Ok(match date_string(date)? {
        Some(d) => {
            check_date(py, id, &d)?;
            Metadata::new().with("date", d).date()
        }
        None => None,
    })
}

/// Check a `date` value with the corpus reader's own rule.
fn check_date(py: Python<'_>, id: &str, date: &str) -> PyResult<()> {
    if Metadata::new().with("date", date).date().is_some() {
        return Ok(());
    }
    let kind = dateline::CorpusErrorKind::MalformedDate(date.to_string());
    let position = dateline::Position { document: Some(id.to_string()), line: 0, byte: 0 };
    Err(error(py, dateline::Error::Corpus { position, kind }))
}

fn optional_str(dict: &Bound<'_, PyDict>, key: &str) -> PyResult<Option<String>> {
    match dict.get_item(key)? {
        Some(v) if !v.is_none() => Ok(Some(v.str()?.to_str()?.to_string())),
        _ => Ok(None),
    }
}

/// A document dict (`id`, `text`, optional `date`, `source`, `url`,
/// `title`, `lang`, `meta`) as a corpus document. Top-level keys win over
/// the same keys in `meta`.
fn document(obj: &Bound<'_, PyAny>) -> PyResult<Document<'static>> {
    let py = obj.py();
    let dict = obj
        .downcast::<PyDict>()
        .map_err(|_| PyTypeError::new_err("a document is a dict with `id` and `text` (as parse_corpus returns)"))?;
    let field = |a: &str, b: &str| -> PyResult<String> {
        let v = match dict.get_item(a)? {
            Some(v) => v,
            None => dict.get_item(b)?.ok_or_else(|| PyValueError::new_err(format!("a document needs `{a}`")))?,
        };
        v.extract::<String>()
    };
    let id = field("id", "name")?;
    let text = field("text", "body")?;
    let mut fields: Vec<(String, String)> = Vec::new();
    if let Some(meta) = dict.get_item("meta")?.filter(|m| !m.is_none()) {
        let meta = meta.downcast::<PyDict>().map_err(|_| PyTypeError::new_err("`meta` must be a dict"))?;
        for (k, v) in meta.iter() {
            fields.push((k.extract()?, v.str()?.to_str()?.to_string()));
        }
    }
    for key in KNOWN_KEYS {
        let value = if key == "date" { date_string(dict.get_item(key)?.as_ref())? } else { optional_str(dict, key)? };
        if let Some(value) = value {
            if key == "date" {
                check_date(py, &id, &value)?;
            }
            fields.retain(|(k, _)| k != key);
            fields.push((key.to_string(), value));
        }
    }
    let mut meta = Metadata::new();
    for (k, v) in fields {
        meta.push(k, v);
    }
    Ok(Document::new(id, text).with_meta(meta))
}

fn documents(docs: &Bound<'_, PyAny>) -> PyResult<Vec<Document<'static>>> {
    docs.try_iter()?.map(|d| document(&d?)).collect()
}

/// A corpus document as a dict: `id`, `text`, the known front matter
/// fields (`None` when absent) and `meta`, every field in order.
fn document_dict<'py>(py: Python<'py>, doc: &Document<'_>) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", doc.name.as_ref())?;
    d.set_item("text", doc.body.as_ref())?;
    for key in KNOWN_KEYS {
        d.set_item(key, doc.meta.get(key))?;
    }
    let meta = PyDict::new(py);
    for (k, v) in doc.meta.iter() {
        // The first of a repeated key wins, as in `Metadata::get`.
        if !meta.contains(k)? {
            meta.set_item(k, v)?;
        }
    }
    d.set_item("meta", meta)?;
    Ok(d)
}

fn document_list<'py>(py: Python<'py>, docs: &[Document<'_>]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for doc in docs {
        list.append(document_dict(py, doc)?)?;
    }
    Ok(list)
}

// ---------------------------------------------------------------- corpus

/// Parse a corpus held in a string: a list of document dicts.
#[pyfunction]
fn parse_corpus<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyList>> {
    let parsed = py.allow_threads(|| {
        dateline::corpus::parse(text).map(|docs| docs.into_iter().map(Document::into_owned).collect::<Vec<_>>())
    });
    match parsed {
        Ok(docs) => document_list(py, &docs),
        Err(e) => Err(error(py, e)),
    }
}

/// Read a corpus file, or a directory of `*.txt` files: a list of document dicts.
#[pyfunction]
fn read_corpus(py: Python<'_>, path: PathBuf) -> PyResult<Bound<'_, PyList>> {
    let read = py.allow_threads(|| -> dateline::Result<Vec<Document<'static>>> {
        if path.is_dir() {
            return dateline::corpus::read_dir(&path);
        }
        let mut reader = ReaderBuilder::new().from_path(&path)?;
        reader.documents().collect()
    });
    match read {
        Ok(docs) => document_list(py, &docs),
        Err(dateline::Error::Io(io)) => {
            Err(PyOSError::new_err((io.raw_os_error().unwrap_or(0), io.to_string(), path.display().to_string())))
        }
        Err(e) => Err(error(py, e)),
    }
}

/// Write documents (dicts) in the corpus format: the text of a corpus file.
#[pyfunction]
fn write_corpus(py: Python<'_>, documents_: &Bound<'_, PyAny>) -> PyResult<String> {
    let docs = documents(documents_)?;
    py.allow_threads(|| dateline::corpus::to_string(&docs)).map_err(|e| error(py, e))
}

// ------------------------------------------------------------- gazetteer

/// A gazetteer: the people, organisations and places to find.
///
/// `Gazetteer()` is the built-in world list; `Gazetteer.from_tsv(text)` and
/// `Gazetteer.load(path)` read `id<TAB>kind<TAB>name<TAB>aliases` lines and
/// raise `GazetteerError` with the line and column of a bad one.
#[pyclass(module = "dateline._dateline", frozen)]
struct Gazetteer {
    inner: Gaz,
}

#[pymethods]
impl Gazetteer {
    /// The built-in world gazetteer (countries, capitals, demonyms, organisations).
    #[new]
    fn py_new() -> Gazetteer {
        Gazetteer { inner: Gaz::builtin() }
    }

    /// The built-in world gazetteer (countries, capitals, demonyms, organisations).
    #[staticmethod]
    fn builtin() -> Gazetteer {
        Gazetteer { inner: Gaz::builtin() }
    }

    /// A gazetteer with no entities.
    #[staticmethod]
    fn empty() -> Gazetteer {
        Gazetteer { inner: Gaz::empty() }
    }

    /// Read gazetteer TSV text; raises `GazetteerError` with `line` and `column`.
    #[staticmethod]
    fn from_tsv(py: Python<'_>, text: &str) -> PyResult<Gazetteer> {
        let g = py.allow_threads(|| Gaz::from_tsv(text)).map_err(|e| error(py, e))?;
        Ok(Gazetteer { inner: g })
    }

    /// Read a gazetteer TSV file; raises `GazetteerError` or `OSError`.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Gazetteer> {
        let g = py.allow_threads(|| Gaz::load(&path)).map_err(|e| match e {
            dateline::Error::Io(io) => {
                PyOSError::new_err((io.raw_os_error().unwrap_or(0), io.to_string(), path.display().to_string()))
            }
            e => error(py, e),
        })?;
        Ok(Gazetteer { inner: g })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!("<dateline.Gazetteer with {} entities>", self.inner.len())
    }

    /// Entities as dicts.
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.entities())
    }

    /// Mentions in the article text of `text` (boilerplate skipped).
    fn mentions<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let found = py.allow_threads(|| {
            let structure = dateline::text::analyze(text, None);
            self.inner.mentions(text, &structure.main)
        });
        to_py(py, &found)
    }
}

// -------------------------------------------------------------- pipeline

/// The configured pipeline: documents in, records, stories and a timeline out.
///
/// `gazetteer` defaults to the built-in world list; `reference_date`
/// resolves relative dates of documents without a `date`; `focus_threshold`
/// (0 to 1) decides which related-story blurbs join the timeline; `dedup`
/// takes a `Deduplicator` whose configuration to use; `threads` analyse
/// documents in `timeline` (default all cores). Raises `ConfigError` on
/// out-of-range values.
#[pyclass(module = "dateline._dateline", frozen)]
struct Pipeline {
    inner: Pipe,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (gazetteer=None, reference_date=None, focus_threshold=None, blurbs=true, dedup=None, threads=None, max_document_bytes=None))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        py: Python<'_>,
        gazetteer: Option<PyRef<'_, Gazetteer>>,
        reference_date: Option<&Bound<'_, PyAny>>,
        focus_threshold: Option<f64>,
        blurbs: bool,
        dedup: Option<PyRef<'_, Deduplicator>>,
        threads: Option<usize>,
        max_document_bytes: Option<usize>,
    ) -> PyResult<Pipeline> {
        let mut b = Pipe::builder().blurbs(blurbs);
        if let Some(g) = gazetteer {
            b = b.gazetteer(g.inner.clone());
        }
        if let Some(date) = date_string(reference_date)? {
            check_date(py, "reference_date", &date)?;
            if let Some(d) = Metadata::new().with("date", date.as_str()).date() {
                b = b.reference_date(d);
            }
        }
        if let Some(t) = focus_threshold {
            b = b.focus_threshold(t);
        }
        if let Some(d) = dedup {
            b = b.dedup(d.inner.config().clone());
        }
        if let Some(n) = threads {
            b = b.threads(n);
        }
        if let Some(n) = max_document_bytes {
            b = b.max_document_bytes(n);
        }
        Ok(Pipeline { inner: b.build().map_err(|e| error(py, e))? })
    }

    /// One document's records: the page's record with its blurbs' records under `blurbs`.
    #[pyo3(signature = (text, id="document", date=None, source=None, url=None, title=None, lang=None))]
    #[allow(clippy::too_many_arguments)]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        id: &str,
        date: Option<&Bound<'_, PyAny>>,
        source: Option<String>,
        url: Option<String>,
        title: Option<String>,
        lang: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut meta = Metadata::new();
        if let Some(d) = date_string(date)? {
            check_date(py, id, &d)?;
            meta.push("date", d);
        }
        for (k, v) in [("source", source), ("url", url), ("title", title), ("lang", lang)] {
            if let Some(v) = v {
                meta.push(k, v);
            }
        }
        let doc = Document::new(id, text).with_meta(meta);
        self.records(py, &doc)
    }

    /// One document dict's records (as `analyze`).
    fn analyze_document<'py>(&self, py: Python<'py>, document_: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let doc = document(document_)?;
        self.records(py, &doc)
    }

    /// The JSON interchange object of a corpus: documents, stories, timeline
    /// (documents analysed on the pipeline's `threads`, GIL released).
    #[pyo3(signature = (documents_, keep_documents=true))]
    fn timeline<'py>(
        &self,
        py: Python<'py>,
        documents_: &Bound<'_, PyAny>,
        keep_documents: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let docs = documents(documents_)?;
        let json = py.allow_threads(|| {
            let mut session = self.inner.session().keep_documents(keep_documents);
            // Analysed on the pipeline's threads; the result does not depend on their number.
            session.add_batch(&docs);
            serde_json::to_string(&session.finish())
        });
        json_loads(py, &json.map_err(|e| PyValueError::new_err(e.to_string()))?)
    }
}

impl Pipeline {
    fn records<'py>(&self, py: Python<'py>, doc: &Document<'_>) -> PyResult<Bound<'py, PyAny>> {
        let analyses = py.allow_threads(|| self.inner.analyze(doc));
        let mut records = analyses.iter().map(|a| a.record());
        let Some(page) = records.next() else { return Err(PyValueError::new_err("no analysis")) };
        let page_py = to_py(py, &page)?;
        let blurbs: Vec<_> = records.collect();
        page_py.set_item("blurbs", to_py(py, &blurbs)?)?;
        Ok(page_py)
    }
}

/// The text rendering of a timeline (a dict as `Pipeline.timeline` returns).
#[pyfunction]
fn render_text(report: &Bound<'_, PyAny>) -> PyResult<String> {
    let json = json_dumps(report)?;
    let report: Report = serde_json::from_str(&json)
        .map_err(|e| PyValueError::new_err(format!("not a timeline object as Pipeline.timeline returns: {e}")))?;
    Ok(dateline::timeline::render::text::render_report(&report))
}

// ----------------------------------------------------------------- dedup

/// The dedup index: syndicated copies merged into stories.
///
/// Keyword arguments override the library's `DedupConfig` fields by the
/// names the `config` property lists; `threads` is the default for
/// `add_many`. Indexes built on shards merge (`merge`) into the stories of
/// one pass, travel as bytes (`to_bytes` / `from_bytes`) and pickle.
#[pyclass(module = "dateline._dateline")]
struct Deduplicator {
    inner: Index,
    threads: usize,
}

/// The default configuration with `overrides` (serde field names) applied,
/// so that the wrapper follows the library's configuration without naming its fields.
fn dedup_config(py: Python<'_>, overrides: Option<&Bound<'_, PyDict>>) -> PyResult<DedupConfig> {
    let bad = |m: String| config_error(py, m);
    let mut value = serde_json::to_value(DedupConfig::default()).map_err(|e| bad(e.to_string()))?;
    if let (Some(overrides), Some(fields)) = (overrides, value.as_object_mut()) {
        let known = fields.keys().cloned().collect::<Vec<_>>().join(", ");
        let given: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&json_dumps(overrides)?).map_err(|e| bad(e.to_string()))?;
        for (key, v) in given {
            match fields.get_mut(&key) {
                Some(slot) => *slot = v,
                None => return Err(bad(format!("unknown dedup setting {key:?}; expected one of {known}"))),
            }
        }
    }
    serde_json::from_value(value).map_err(|e| bad(format!("dedup setting of the wrong type: {e}")))
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

#[pymethods]
impl Deduplicator {
    /// An empty index. `config` overrides fields of the library's
    /// `DedupConfig` by their serde names (as the `config` property lists
    /// them); `threads` is the default for `add_many` (all cores).
    #[new]
    #[pyo3(signature = (*, threads=None, **config))]
    fn py_new(py: Python<'_>, threads: Option<usize>, config: Option<&Bound<'_, PyDict>>) -> PyResult<Deduplicator> {
        if threads == Some(0) {
            return Err(config_error(py, "threads must be at least 1".to_string()));
        }
        let config = dedup_config(py, config)?;
        let inner = Index::new(config).map_err(|e| error(py, e))?;
        Ok(Deduplicator { inner, threads: threads.unwrap_or_else(default_threads) })
    }

    /// Add one text, compared line by line (one paragraph a line).
    #[pyo3(signature = (id, text, *, source=None, date=None))]
    fn add<'py>(
        &mut self,
        py: Python<'py>,
        id: &str,
        text: &str,
        source: Option<&str>,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = text_date(py, id, date)?;
        let inner = &mut self.inner;
        let verdict = py.allow_threads(|| inner.add(DocRef::new(id, text).source(source).date(date)));
        to_py(py, &verdict)
    }

    /// Add one document dict: its article text and each related-story blurb.
    fn add_document<'py>(&mut self, py: Python<'py>, document_: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let doc = document(document_)?;
        let inner = &mut self.inner;
        let verdicts = py.allow_threads(|| inner.add_document(&doc));
        to_py(py, &verdicts)
    }

    /// Add many document dicts, analysed on `threads` threads, added in order.
    #[pyo3(signature = (documents_, threads=None))]
    fn add_many<'py>(
        &mut self,
        py: Python<'py>,
        documents_: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let docs = documents(documents_)?;
        let threads = threads.unwrap_or(self.threads).max(1);
        let inner = &mut self.inner;
        let json = py.allow_threads(|| serde_json::to_string(&inner.add_documents(&docs, threads)));
        json_loads(py, &json.map_err(|e| PyValueError::new_err(e.to_string()))?)
    }

    /// Add a sketch made by `sketch_document` (or `sketch`).
    fn add_sketch<'py>(&mut self, py: Python<'py>, sketched: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let (id, source, date, sketch) = sketch_from_py(sketched)?;
        let verdict = self.inner.add_sketch(&id, source.as_deref(), date, sketch).map_err(|e| error(py, e))?;
        to_py(py, &verdict)
    }

    /// Every story with at least two members, sorted by id.
    fn stories<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let inner = &self.inner;
        let json = py.allow_threads(|| serde_json::to_string(&inner.stories()));
        json_loads(py, &json.map_err(|e| PyValueError::new_err(e.to_string()))?)
    }

    /// Merge an index built on another (disjoint) shard into this one.
    fn merge(&mut self, py: Python<'_>, other: &Bound<'_, Deduplicator>) -> PyResult<()> {
        let other = other.try_borrow().map_err(|_| PyValueError::new_err("cannot merge an index into itself"))?;
        let copy = other.inner.clone();
        let inner = &mut self.inner;
        py.allow_threads(|| inner.merge(copy)).map_err(|e| error(py, e))
    }

    /// The index as bytes (configuration and per-document sketches).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let inner = &self.inner;
        let bytes = py.allow_threads(|| {
            let mut out = MAGIC.to_vec();
            rmp_serde::encode::write_named(&mut out, inner).map(|()| out)
        });
        Ok(PyBytes::new(py, &bytes.map_err(|e| PyValueError::new_err(e.to_string()))?))
    }

    /// An index from `to_bytes()`.
    #[staticmethod]
    #[pyo3(signature = (data, threads=None))]
    fn from_bytes(py: Python<'_>, data: &[u8], threads: Option<usize>) -> PyResult<Deduplicator> {
        let Some(body) = data.strip_prefix(MAGIC) else {
            return Err(error(
                py,
                dateline::Error::Config("not a dateline dedup index (to_bytes) of this version".into()),
            ));
        };
        let inner: Index = py
            .allow_threads(|| rmp_serde::from_slice(body))
            .map_err(|e| config_error(py, format!("corrupt dedup index: {e}")))?;
        Ok(Deduplicator { inner, threads: threads.unwrap_or_else(default_threads) })
    }

    /// Pickle support: an index pickles as its bytes.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let py = slf.py();
        let from_bytes = slf.get_type().getattr("from_bytes")?;
        Ok((from_bytes, (slf.borrow().to_bytes(py)?,)))
    }

    /// Sketches of a document dict's texts (main text, then blurbs), for
    /// engines that group documents themselves.
    fn sketch_document<'py>(&self, py: Python<'py>, document_: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let doc = document(document_)?;
        let config = self.inner.config();
        let texts = py.allow_threads(|| config.sketch_document(&doc));
        let list = PyList::empty(py);
        for t in texts {
            list.append(sketch_to_py(py, &t.id, t.source.as_deref(), t.date, &t.sketch)?)?;
        }
        Ok(list)
    }

    /// The sketch of one text, compared line by line (as `add`).
    #[pyo3(signature = (id, text, *, source=None, date=None))]
    fn sketch<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        text: &str,
        source: Option<&str>,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = text_date(py, id, date)?;
        let config = self.inner.config();
        let sketch = py.allow_threads(|| {
            let mut pos = 0;
            let lines = text.split_inclusive('\n').map(|l| {
                let span = dateline::Span::new(pos, pos + l.len());
                pos += l.len();
                span
            });
            config.sketch(text, lines)
        });
        Ok(sketch_to_py(py, id, source, date, &sketch)?.into_any())
    }

    /// The similarity of two sketches as this index computes it.
    fn similarity<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (_, _, _, a) = sketch_from_py(a)?;
        let (_, _, _, b) = sketch_from_py(b)?;
        to_py(py, &a.similarity(&b, self.inner.config()))
    }

    /// The configuration as a dict.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.config())
    }

    /// Heap bytes of the index beyond ids and outlet names.
    fn index_bytes(&self) -> usize {
        self.inner.index_bytes()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!("<dateline.Deduplicator with {} texts>", self.inner.len())
    }
}

/// A sketch as a dict: `id`, `source`, `date`, and the library's sketch
/// fields (`signature`, `shingles`, `paragraphs`, ...).
fn sketch_to_py<'py>(
    py: Python<'py>,
    id: &str,
    source: Option<&str>,
    date: Option<NaiveDate>,
    sketch: &Sketch,
) -> PyResult<Bound<'py, PyDict>> {
    let fields = to_py(py, sketch)?;
    let d = PyDict::new(py);
    d.set_item("id", id)?;
    d.set_item("source", source)?;
    d.set_item("date", date.map(|d| d.format("%Y-%m-%d").to_string()))?;
    d.update(fields.downcast::<PyDict>()?.as_mapping())?;
    Ok(d)
}

fn sketch_from_py(obj: &Bound<'_, PyAny>) -> PyResult<(String, Option<String>, Option<NaiveDate>, Sketch)> {
    let dict =
        obj.downcast::<PyDict>().map_err(|_| PyTypeError::new_err("a sketch is a dict as sketch_document returns"))?;
    let id: String = dict.get_item("id")?.ok_or_else(|| PyValueError::new_err("a sketch needs `id`"))?.extract()?;
    let source = optional_str(dict, "source")?;
    let date = match optional_str(dict, "date")? {
        Some(d) => {
            check_date(obj.py(), &id, &d)?;
            Metadata::new().with("date", d).date()
        }
        None => None,
    };
    let sketch: Sketch = serde_json::from_str(&json_dumps(obj)?)
        .map_err(|e| PyValueError::new_err(format!("sketch of {id:?} is malformed: {e}")))?;
    Ok((id, source, date, sketch))
}

/// The native module; `dateline/__init__.py` re-exports it with documentation.
#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_corpus, m)?)?;
    m.add_function(wrap_pyfunction!(read_corpus, m)?)?;
    m.add_function(wrap_pyfunction!(write_corpus, m)?)?;
    m.add_function(wrap_pyfunction!(render_text, m)?)?;
    m.add_class::<Gazetteer>()?;
    m.add_class::<Pipeline>()?;
    m.add_class::<Deduplicator>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
