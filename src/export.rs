//! `byline extract`: what extraction found, as JSON for programs and as text
//! for people reading a pipe.

use crate::article::{Source, sanitize};
use crate::document::Document;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// How `byline extract` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// One JSON array, an object per article (what `score.py` reads).
    Json,
    /// JSON Lines: one compact object per line, per article.
    Jsonl,
    /// For reading.
    Text,
}

/// Articles are extracted in batches of about this many bytes of files, on
/// all cores, and printed in list order before the next batch is read: the
/// memory used stays near one batch (or the largest article), however
/// large the folder.
const BATCH_BYTES: u64 = 4 << 20;
const BATCH_FILES: usize = 256;

/// Load, extract and print every source in list order. Articles that do not
/// load are reported on `errors` and left out of `out`.
pub fn write(
    sources: &[Source],
    style: Style,
    out: &mut impl Write,
    errors: &mut impl Write,
) -> io::Result<()> {
    let mut first = true;
    if style == Style::Json {
        out.write_all(b"[")?;
    }
    for batch in batches(sources) {
        let printed: Vec<Result<String, String>> = batch
            .par_iter()
            .map(|source| {
                let entry = source.load();
                let article = entry
                    .article
                    .map_err(|e| sanitize(&format!("byline: {}: {e}", entry.name)).into_owned())?;
                let doc = Document::new(article);
                match style {
                    Style::Json => json_item(&doc)
                        .map(|j| format!("\n  {}", j.replace('\n', "\n  ")))
                        .map_err(|e| format!("byline: {}: {e}", entry.name)),
                    Style::Jsonl => serde_json::to_string(&article_out(&doc))
                        .map(|j| format!("{j}\n"))
                        .map_err(|e| format!("byline: {}: {e}", entry.name)),
                    Style::Text => Ok(text_item(&doc)),
                }
            })
            .collect();
        for item in printed {
            match item {
                Ok(text) => {
                    if style == Style::Json && !first {
                        out.write_all(b",")?;
                    }
                    first = false;
                    out.write_all(text.as_bytes())?;
                }
                Err(message) => writeln!(errors, "{message}")?,
            }
        }
    }
    if style == Style::Json {
        out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    }
    out.flush()
}

/// Consecutive runs of sources of about `BATCH_BYTES` of files each.
fn batches(sources: &[Source]) -> impl Iterator<Item = &[Source]> {
    let mut rest = sources;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let mut n = 0;
        while n < rest.len() && n < BATCH_FILES && (n == 0 || bytes < BATCH_BYTES) {
            bytes += rest[n].size_hint();
            n += 1;
        }
        let (batch, tail) = rest.split_at(n);
        rest = tail;
        Some(batch)
    })
}

#[derive(Serialize)]
struct Mention {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    name: &'a str,
    aliases: &'a [String],
    mentions: Vec<Mention>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    file: &'a str,
    title: &'a str,
    people: Vec<PersonOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
}

fn article_out(doc: &Document) -> ArticleOut<'_> {
    let a = &doc.article;
    let x = &doc.extraction;
    ArticleOut {
        file: &a.name,
        title: a.title(),
        people: x
            .people
            .iter()
            .map(|p| PersonOut {
                name: &p.name,
                aliases: &p.aliases,
                mentions: p
                    .mentions
                    .iter()
                    .map(|m| Mention {
                        start: m.start,
                        end: m.end,
                    })
                    .collect(),
            })
            .collect(),
        quotes: x
            .quotes
            .iter()
            .map(|q| QuoteOut {
                text: &a.text[q.range.clone()],
                speaker: x.speaker_name(q),
                start: q.range.start,
                end: q.range.end,
            })
            .collect(),
    }
}

/// One article as a pretty-printed JSON object: the items of the array that
/// `byline extract --format json` prints.
pub fn json_item(doc: &Document) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&article_out(doc))
}

/// One article laid out for reading.
pub fn text_item(doc: &Document) -> String {
    let mut out = String::new();
    let a = &doc.article;
    let x = &doc.extraction;
    out.push_str(&format!("{}\n{}\n\n", a.name, a.title()));
    out.push_str("People\n");
    for p in &x.people {
        out.push_str(&format!("  {} ({})", p.name, p.mentions.len()));
        if !p.aliases.is_empty() {
            out.push_str(&format!(" — also {}", p.aliases.join(", ")));
        }
        out.push('\n');
    }
    out.push_str("Quotes\n");
    for q in &x.quotes {
        let speaker = x.speaker_name(q).unwrap_or("unknown speaker");
        let quote = a.text[q.range.clone()].replace('\n', " ");
        out.push_str(&format!("  {speaker}: “{quote}”\n"));
    }
    out.push('\n');
    // Article text was sanitised on load; this also covers file names.
    sanitize(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::sample_sources;

    fn run(style: Style, sources: &[Source]) -> (String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        write(sources, style, &mut out, &mut err).expect("writes to memory");
        (
            String::from_utf8(out).expect("UTF-8"),
            String::from_utf8(err).expect("UTF-8"),
        )
    }

    #[test]
    fn json_is_one_array_in_list_order() {
        let sources = sample_sources();
        let (out, err) = run(Style::Json, &sources);
        assert_eq!(err, "");
        let parsed: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        let files: Vec<&str> = parsed
            .as_array()
            .expect("an array")
            .iter()
            .filter_map(|a| a["file"].as_str())
            .collect();
        let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(files, names);
    }

    #[test]
    fn jsonl_is_one_object_per_line() {
        let sources = sample_sources();
        let (out, _) = run(Style::Jsonl, &sources);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), sources.len());
        for (line, source) in lines.iter().zip(&sources) {
            let v: serde_json::Value = serde_json::from_str(line).expect("one object");
            assert_eq!(v["file"], source.name.as_str());
        }
    }

    #[test]
    fn no_articles_is_an_empty_array() {
        let (out, _) = run(Style::Json, &[]);
        let parsed: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(parsed, serde_json::json!([]));
    }

    #[test]
    fn a_bad_file_is_reported_and_the_rest_printed() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.json"), "{broken").expect("write");
        std::fs::write(
            dir.path().join("b.txt"),
            "Head\n\nMaria Lopez sagte: \"Ja.\"",
        )
        .expect("write");
        let sources = crate::article::list(&[dir.path().to_path_buf()]);
        let (out, err) = run(Style::Text, &sources);
        assert!(err.starts_with("byline: a.json: "), "{err}");
        assert!(out.starts_with("b.txt\nHead\n"), "{out}");
        assert!(out.contains("Maria Lopez"), "{out}");
    }

    #[test]
    fn batches_cover_every_source_once_in_order() {
        let sources: Vec<Source> = (0..600)
            .map(|i| Source {
                name: format!("{i}"),
                origin: crate::article::Origin::Builtin(b"x"),
            })
            .collect();
        let names: Vec<String> = batches(&sources)
            .inspect(|b| assert!(b.len() <= BATCH_FILES))
            .flatten()
            .map(|s| s.name.clone())
            .collect();
        let expected: Vec<String> = (0..600).map(|i| format!("{i}")).collect();
        assert_eq!(names, expected);
    }
}
