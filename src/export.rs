//! `byline extract`: what extraction found, as JSON for programs and as text
//! for people reading a pipe.

use crate::article::sanitize;
use crate::document::Document;
use serde::Serialize;

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

/// A JSON array with one object per article.
pub fn json(docs: &[Document]) -> serde_json::Result<String> {
    let out: Vec<ArticleOut> = docs.iter().map(article_out).collect();
    serde_json::to_string_pretty(&out)
}

/// The same, laid out for reading.
pub fn text(docs: &[Document]) -> String {
    let mut out = String::new();
    for doc in docs {
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
    }
    // Article text was sanitised on load; this also covers file names.
    sanitize(&out).into_owned()
}
