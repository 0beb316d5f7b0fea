//! Trains byline's person taggers from the shared NER data and writes the
//! model files the reader builds in (`assets/models/de.bin`, `en.bin`).
//!
//! cargo run --release --bin byline-train -- [--data DIR] [--names DIR] [--out DIR]

use anyhow::{Context, Result};
use byline::tagger::{self, conll, train};
use clap::{Parser, ValueEnum};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Parser)]
#[command(about = "Train byline's person taggers and print their dev scores")]
struct Cli {
    /// The NER corpora (germeval2014/, gum/, wikigold/, uner_ewt_en/).
    #[arg(long, default_value = "../shared/data/ner")]
    data: PathBuf,
    /// The census name lists (dist.male.first, dist.female.first, dist.all.last).
    #[arg(long, default_value = "../shared/data/names")]
    names: PathBuf,
    /// Where the model files go.
    #[arg(long, default_value = "assets/models")]
    out: PathBuf,
    /// Given names of many languages written for byline (`NAME<TAB>m|f|u`),
    /// added to the census lists.
    #[arg(long, default_value = "assets/lexicon/world-given-names.tsv")]
    world_names: PathBuf,
    #[arg(long, value_enum, default_value_t = Which::Both)]
    lang: Which,
    /// log2 of the number of weight rows per model.
    #[arg(long, default_value_t = train::Options::default().bits)]
    bits: u32,
    #[arg(long, default_value_t = train::Options::default().epochs)]
    epochs: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Train this many times with seeds seed, seed+1, … and average.
    #[arg(long, default_value_t = train::Options::default().runs)]
    runs: usize,
    /// Train without the second pass (document evidence from the first).
    #[arg(long)]
    no_stack: bool,
    /// Print dev scores after every epoch, not only the last.
    #[arg(long)]
    verbose: bool,
    /// Print this many dev sentences the model gets wrong (missed names in
    /// [brackets], wrong ones in {braces}).
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Leave the other language's names out of the lists (they are in by
    /// default: names cross languages).
    #[arg(long)]
    own_names_only: bool,
    /// Print dev scores of the final model with a range of name biases.
    #[arg(long)]
    scan_bias: bool,
    /// Score, but do not write the model files.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    De,
    En,
    Both,
}

fn read(path: &Path) -> Result<Vec<conll::Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(conll::parse(&text))
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let census = train::census_words(
        &std::fs::read_to_string(cli.names.join("dist.male.first"))?,
        &std::fs::read_to_string(cli.names.join("dist.female.first"))?,
        &std::fs::read_to_string(cli.names.join("dist.all.last"))?,
    );
    let mut census = census;
    let world = std::fs::read_to_string(&cli.world_names)
        .with_context(|| format!("reading {}", cli.world_names.display()))?;
    for (w, f) in train::world_names(&world) {
        *census.entry(w).or_default() |= f;
    }
    let options = train::Options {
        bits: cli.bits,
        epochs: cli.epochs,
        seed: cli.seed,
        runs: cli.runs,
        stack: !cli.no_stack,
    };
    let jobs: &[(&str, &[&str], &[&str])] = &[
        ("de", &["germeval2014/train.tsv"], &["germeval2014/dev.tsv"]),
        (
            "en",
            &["gum/train.tsv", "wikigold/train.tsv"],
            &["gum/dev.tsv", "uner_ewt_en/dev.tsv"],
        ),
    ];
    for &(lang, trains, devs) in jobs {
        if (cli.lang == Which::De && lang != "de") || (cli.lang == Which::En && lang != "en") {
            continue;
        }
        let mut sentences = Vec::new();
        for t in trains {
            sentences.extend(read(&cli.data.join(t))?);
        }
        // The other language's names join the census lists.
        let mut lists = census.clone();
        if !cli.own_names_only {
            for &(other, other_trains, _) in jobs {
                if other == lang {
                    continue;
                }
                for t in other_trains {
                    for (w, f) in train::names_in(&read(&cli.data.join(t))?) {
                        *lists.entry(w).or_default() |= f;
                    }
                }
            }
        }
        let devs: Vec<(&str, Vec<conll::Sentence>)> = devs
            .iter()
            .map(|d| Ok((*d, read(&cli.data.join(d))?)))
            .collect::<Result<_>>()?;
        let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
        println!(
            "{lang}: training on {} sentences, {tokens} tokens",
            sentences.len()
        );
        let started = Instant::now();
        let model = train::train(&sentences, &lists, options, |epoch, model| {
            if cli.verbose || epoch == options.epochs {
                for (name, dev) in &devs {
                    let s = tagger::evaluate(model, dev);
                    println!(
                        "{lang} epoch {epoch:2} {name:24} P {:.3} R {:.3} F1 {:.3}",
                        s.precision(),
                        s.recall(),
                        s.f1()
                    );
                }
            }
        });
        for (name, dev) in &devs {
            print_errors(&model, name, dev, cli.errors);
        }
        if cli.scan_bias {
            for bias in [
                -4000.0, -2000.0, 0.0, 2000.0, 4000.0, 8000.0, 12000.0, 16000.0, 24000.0,
            ] {
                let biased = model.with_name_bias(bias);
                for (name, dev) in &devs {
                    let s = tagger::evaluate(&biased, dev);
                    println!(
                        "{lang} bias {bias:6} {name:24} P {:.3} R {:.3} F1 {:.3}",
                        s.precision(),
                        s.recall(),
                        s.f1()
                    );
                }
            }
        }
        println!(
            "{lang}: trained in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        if !cli.dry_run {
            std::fs::create_dir_all(&cli.out)?;
            let path = cli.out.join(format!("{lang}.bin"));
            let bytes = model.to_bytes();
            std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
            println!("{lang}: wrote {} ({} bytes)", path.display(), bytes.len());
        }
    }
    Ok(())
}

fn print_errors(model: &tagger::Model, name: &str, dev: &[conll::Sentence], limit: usize) {
    let mut shown = 0;
    // Tagged as the scores are, document by document, so that the errors
    // shown are the errors counted.
    for (s, tags) in tagger::tag_sentences(model, dev) {
        if shown >= limit {
            break;
        }
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let predicted = conll::spans(&tags);
        let gold = conll::spans(&s.person_tags());
        if predicted == gold {
            continue;
        }
        shown += 1;
        let mut line = String::new();
        for (i, w) in words.iter().enumerate() {
            for &(a, _) in &gold {
                if a == i
                    && !predicted.contains(&(a, gold.iter().find(|g| g.0 == a).map_or(0, |g| g.1)))
                {
                    line.push('[');
                }
            }
            for &(a, b) in &predicted {
                if a == i && !gold.contains(&(a, b)) {
                    line.push('{');
                }
            }
            line.push_str(w);
            for &(a, b) in &predicted {
                if b == i + 1 && !gold.contains(&(a, b)) {
                    line.push('}');
                }
            }
            for &(a, b) in &gold {
                if b == i + 1 && !predicted.contains(&(a, b)) {
                    line.push(']');
                }
            }
            line.push(' ');
        }
        println!("{name}: {line}");
    }
}
