//! Writing results: standard output or `-o FILE`, buffered, with a closed
//! pipe turned into a quiet end and any other failure naming the output.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use serde::Serialize;

use crate::report::Fatal;

/// The output, remembering the first write error so that errors surfacing
/// through serde_json or csv can be told apart (closed pipe or real failure).
pub struct Sink {
    out: BufWriter<Box<dyn Write>>,
    name: String,
    error: Option<io::Error>,
}

impl Sink {
    /// Standard output, or the file at `path` (created or truncated).
    pub fn open(path: Option<&Path>) -> Result<Sink, Fatal> {
        let (out, name): (Box<dyn Write>, String) = match path {
            None => (Box::new(io::stdout().lock()), "standard output".to_string()),
            Some(p) => {
                let file = File::create(p).map_err(|e| Fatal::failed(format!("cannot create {}: {e}", p.display())))?;
                (Box::new(file), p.display().to_string())
            }
        };
        Ok(Sink { out: BufWriter::with_capacity(64 * 1024, out), name, error: None })
    }

    /// The run's end for a write error: quiet for a closed pipe, else a failure naming the output.
    pub fn fail(&mut self, e: io::Error) -> Fatal {
        let e = self.error.take().unwrap_or(e);
        self.classify(e)
    }

    /// What a write error means for the run.
    fn classify(&self, e: io::Error) -> Fatal {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Fatal::Closed
        } else {
            Fatal::failed(format!("cannot write {}: {e}", self.name))
        }
    }

    /// Write `text` as it is.
    pub fn text(&mut self, text: &str) -> Result<(), Fatal> {
        self.write_all(text.as_bytes()).map_err(|e| self.fail(e))
    }

    /// Write `value` as one line of JSON.
    pub fn json_line<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fatal> {
        self.json(value, false)?;
        self.text("\n")
    }

    /// Write `value` as indented JSON and a newline.
    pub fn json_pretty<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fatal> {
        self.json(value, true)?;
        self.text("\n")
    }

    fn json<T: Serialize + ?Sized>(&mut self, value: &T, pretty: bool) -> Result<(), Fatal> {
        let written = if pretty {
            serde_json::to_writer_pretty(&mut *self, value)
        } else {
            serde_json::to_writer(&mut *self, value)
        };
        written.map_err(|e| match e.io_error_kind() {
            Some(kind) => self.fail(io::Error::from(kind)),
            None => Fatal::failed(format!("cannot serialize JSON: {e}")),
        })
    }

    /// A CSV writer over this output with the header row `header`.
    pub fn csv(&mut self, header: &[&str]) -> Result<Csv<'_>, Fatal> {
        let mut csv = Csv { writer: csv::Writer::from_writer(self) };
        csv.row(header)?;
        Ok(csv)
    }

    /// Flush everything written.
    pub fn finish(mut self) -> Result<(), Fatal> {
        self.flush().map_err(|e| self.fail(e))
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf).map_err(|e| self.remember(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush().map_err(|e| self.remember(e))
    }
}

impl Sink {
    fn remember(&mut self, e: io::Error) -> io::Error {
        let copy = io::Error::new(e.kind(), e.to_string());
        self.error.get_or_insert(e);
        copy
    }
}

/// Rows of comma-separated values.
pub struct Csv<'a> {
    writer: csv::Writer<&'a mut Sink>,
}

impl Csv<'_> {
    /// Write one row.
    pub fn row<I, T>(&mut self, fields: I) -> Result<(), Fatal>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.writer.write_record(fields).map_err(|e| self.fail(e))
    }

    /// Flush the rows into the output.
    pub fn finish(mut self) -> Result<(), Fatal> {
        self.writer.flush().map_err(|e| self.writer.get_ref().classify(e))
    }

    fn fail(&self, e: csv::Error) -> Fatal {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => self.writer.get_ref().classify(e),
            kind => Fatal::failed(format!("cannot write CSV: {kind:?}")),
        }
    }
}
