//! Extraction, wrapping and drawing, timed with criterion.
//!
//!     cargo bench --bench reader

use byline::app::App;
use byline::article::{Format, parse, samples};
use byline::extract::extract;
use byline::layout::WrappedArticle;
use byline::ui::{Screen, Theme};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// Every sample article's text repeated, as one long article.
fn long_article() -> byline::article::Article {
    let mut text = String::from("A long article\n\n");
    for entry in samples() {
        if let Ok(a) = entry.article {
            for _ in 0..20 {
                for b in &a.blocks {
                    text.push_str(&a.text[b.range.clone()]);
                    text.push_str("\n\n");
                }
            }
        }
    }
    parse("long.txt", text.as_bytes(), Format::Text).expect("parses")
}

fn benches(c: &mut Criterion) {
    let article = long_article();
    let prose = article.prose_ranges();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_function("long article", |b| {
        b.iter(|| extract(black_box(&article.text), black_box(&prose)))
    });
    group.finish();

    // The person tagger over the same text, in sentences of the extractor's
    // tokens; throughput in tokens.
    let tokens = byline::extract::token::tokenize(&article.text, 0..article.text.len());
    let words: Vec<&str> = tokens.iter().map(|t| t.text(&article.text)).collect();
    let sentences: Vec<&[&str]> = words.chunks(24).collect();
    for (lang, name) in [
        (byline::extract::lang::Lang::De, "tag (de model)"),
        (byline::extract::lang::Lang::En, "tag (en model)"),
    ] {
        let model = byline::tagger::builtin(lang).expect("built-in model");
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Elements(words.len() as u64));
        group.bench_function("long article, one document", |b| {
            b.iter(|| model.tag_document(black_box(&sentences)))
        });
        group.finish();
    }
    c.bench_function("load the German model", |b| {
        b.iter(|| {
            byline::tagger::Model::from_bytes(black_box(include_bytes!("../assets/models/de.bin")))
        })
    });

    let mut group = c.benchmark_group("wrap");
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_function("long article at 80 columns", |b| {
        b.iter(|| WrappedArticle::new(black_box(&article), 80))
    });
    group.finish();

    let mut app = App::new(samples());
    app.resize(200, 60);
    let theme = Theme::colour();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    c.bench_function("draw a 200x60 frame", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    f.render_widget(
                        Screen {
                            app: &app,
                            theme: &theme,
                        },
                        f.area(),
                    )
                })
                .expect("draw");
        })
    });
}

criterion_group!(reader, benches);
criterion_main!(reader);
