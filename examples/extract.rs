//! One JSON line per document (related-story blurbs included) with its
//! mentions, times and claims: `cargo run --release --example extract -- CORPUS`.
//!
//! (Interim version wiring the stage functions directly; the pipeline issue
//! replaces it with the `Pipeline` facade and the interchange types.)

use std::process::ExitCode;

use serde_json::{json, Value};

fn section_json(
    id: &str,
    parent: Option<&str>,
    doc: &dateline::corpus::Document,
    section: &dateline::text::Section,
) -> Value {
    let body = &doc.body;
    let gaz = dateline::gazetteer::Gazetteer::empty();
    let mentions = gaz.mentions(body, section);
    let times = dateline::time::extract(body, section, doc.meta.date());
    let claims = dateline::claims::extract(body, section, &mentions, &times);
    json!({
        "id": id,
        "parent": parent,
        "date": doc.meta.date().map(|d| d.to_string()),
        "title": section.headline.map(|h| h.slice(body)),
        "mentions": mentions.iter().map(|m| json!({"entity": m.entity, "kind": m.kind, "text": m.text, "start": m.span.start, "end": m.span.end})).collect::<Vec<_>>(),
        "times": times.iter().map(|t| json!({"text": t.text, "start": t.span.start, "end": t.span.end, "value": t.value.map(|v| v.to_string())})).collect::<Vec<_>>(),
        "claims": claims.iter().map(|c| json!({"speaker": c.speaker, "speaker_text": c.speaker_text, "cue": c.cue, "kind": c.kind, "content": c.content, "start": c.content_span.start, "end": c.content_span.end, "date": c.date.map(|v| v.to_string())})).collect::<Vec<_>>(),
    })
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract CORPUS");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let docs = match dateline::corpus::parse(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for doc in &docs {
        let s = dateline::text::analyze(&doc.body, doc.meta.title());
        println!("{}", section_json(&doc.name, None, doc, &s.main));
        for b in &s.blurbs {
            println!("{}", section_json(&format!("{}#{}", doc.name, b.number), Some(&doc.name), doc, &b.section));
        }
    }
    ExitCode::SUCCESS
}
