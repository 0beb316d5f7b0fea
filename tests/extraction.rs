//! Extraction scored against gold annotations of the sample articles, the
//! way ../shared/eval/score.py scores it (see GOLD.md): people by name or
//! alias, quotes by word-overlap F1 ≥ 0.8, speakers among matched quotes.

use byline::article::{Format, parse};
use byline::document::Document;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct Gold {
    people: Vec<GoldPerson>,
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldPerson {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    text: String,
    speaker: Option<String>,
    #[serde(default)]
    optional: bool,
}

fn norm(s: &str) -> String {
    let s = s.to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(|c: char| " .,:;!?\"'“”„«»‹›‚‘’()[]".contains(c))
        .to_string()
}

fn name_keys(s: &str) -> Vec<String> {
    let n = norm(s);
    let mut keys = vec![n.clone()];
    for suffix in ["'s", "’s", "s'", "s’", "'", "’", "s"] {
        if n.ends_with(suffix) && n.chars().count() > suffix.chars().count() + 1 {
            keys.push(n[..n.len() - suffix.len()].to_string());
        }
    }
    keys
}

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn overlap_f1(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &wa {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in &wb {
        if let Some(c) = counts.get_mut(w.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (
        common as f64 / wa.len() as f64,
        common as f64 / wb.len() as f64,
    );
    2.0 * p * r / (p + r)
}

#[derive(Default, Debug)]
struct Counts {
    ptp: usize,
    pfp: usize,
    pfn: usize,
    qtp: usize,
    qfp: usize,
    qfn: usize,
    att_ok: usize,
    att_n: usize,
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.ptp += o.ptp;
        self.pfp += o.pfp;
        self.pfn += o.pfn;
        self.qtp += o.qtp;
        self.qfp += o.qfp;
        self.qfn += o.qfn;
        self.att_ok += o.att_ok;
        self.att_n += o.att_n;
    }
    fn people_f1(&self) -> f64 {
        f1(self.ptp, self.pfp, self.pfn)
    }
    fn quote_f1(&self) -> f64 {
        f1(self.qtp, self.qfp, self.qfn)
    }
    fn attribution(&self) -> f64 {
        if self.att_n == 0 {
            0.0
        } else {
            self.att_ok as f64 / self.att_n as f64
        }
    }
}

fn score(gold: &Gold, doc: &Document) -> Counts {
    let mut c = Counts::default();
    let mut key_to_person: HashMap<String, usize> = HashMap::new();
    for (i, p) in gold.people.iter().enumerate() {
        for form in std::iter::once(&p.name).chain(&p.aliases) {
            for k in name_keys(form) {
                key_to_person.entry(k).or_insert(i);
            }
        }
    }
    let person_of = |name: &str| -> Option<usize> {
        let mut keys = name_keys(name);
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        keys.iter().find_map(|k| key_to_person.get(k).copied())
    };
    let x = &doc.extraction;
    let mut matched = vec![false; gold.people.len()];
    for p in &x.people {
        match person_of(&p.name) {
            Some(i) if !matched[i] => {
                matched[i] = true;
                c.ptp += 1;
            }
            _ => c.pfp += 1,
        }
    }
    c.pfn = matched.iter().filter(|m| !**m).count();
    let text = &doc.article.text;
    let predicted: Vec<(&str, Option<&str>)> = x
        .quotes
        .iter()
        .map(|q| (&text[q.range.clone()], x.speaker_name(q)))
        .collect();
    let mut pairs = Vec::new();
    for (gi, g) in gold.quotes.iter().enumerate() {
        for (pi, (t, _)) in predicted.iter().enumerate() {
            let f = overlap_f1(t, &g.text);
            if f >= 0.8 {
                pairs.push((f, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let mut g_used: HashMap<usize, usize> = HashMap::new();
    let mut p_used: HashMap<usize, usize> = HashMap::new();
    for (_, gi, pi) in pairs {
        if g_used.contains_key(&gi) || p_used.contains_key(&pi) {
            continue;
        }
        g_used.insert(gi, pi);
        p_used.insert(pi, gi);
    }
    c.qfp = (0..predicted.len())
        .filter(|p| !p_used.contains_key(p))
        .count();
    for (gi, g) in gold.quotes.iter().enumerate() {
        if g.optional {
            continue;
        }
        let Some(&pi) = g_used.get(&gi) else {
            c.qfn += 1;
            continue;
        };
        c.qtp += 1;
        c.att_n += 1;
        let got = predicted[pi].1;
        let ok = match (&g.speaker, got) {
            (None, None) => true,
            (Some(gs), Some(ps)) => person_of(ps).is_some() && person_of(ps) == person_of(gs),
            _ => false,
        };
        if ok {
            c.att_ok += 1;
        } else {
            eprintln!(
                "  speaker wrong: {:?}: gold {:?}, got {got:?}",
                g.text, g.speaker
            );
        }
    }
    c
}

/// Scores the plain-text article at `article` against the gold file `gold`.
fn score_file(gold: &Path, article: &Path) -> Counts {
    let gold: Gold =
        serde_json::from_str(&std::fs::read_to_string(gold).expect("gold")).expect("gold parses");
    let name = article
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a file name");
    let bytes = std::fs::read(article).expect("article");
    let doc = Document::new(parse(name, &bytes, Format::Text).expect("article parses"));
    eprintln!("{name}");
    score(&gold, &doc)
}

fn score_sample(stem: &str) -> Counts {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    score_file(
        &root.join("tests/gold").join(format!("{stem}.json")),
        &root.join("assets").join(format!("{stem}.txt")),
    )
}

/// Prints the figures of `what` and fails below any of the floors.
fn assert_floors(what: &str, c: &Counts, people: f64, quotes: f64, attribution: f64) {
    eprintln!(
        "{what}: people F1 {:.3}, quote F1 {:.3}, attribution {:.3}",
        c.people_f1(),
        c.quote_f1(),
        c.attribution()
    );
    assert!(
        c.people_f1() >= people,
        "people F1 {:.3} ({c:?})",
        c.people_f1()
    );
    assert!(
        c.quote_f1() >= quotes,
        "quote F1 {:.3} ({c:?})",
        c.quote_f1()
    );
    assert!(
        c.attribution() >= attribution,
        "attribution {:.3} ({c:?})",
        c.attribution()
    );
}

#[test]
fn seed_article_meets_the_bar() {
    let c = score_sample("01-amerika21-venezuela-russland");
    assert_floors("seed", &c, 0.9, 1.0, 0.8);
}

/// The floor for the articles written for byline: today's figures less a
/// small margin, so a change that makes extraction worse fails here.
#[test]
fn sample_articles_do_not_regress() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stems: Vec<String> = std::fs::read_dir(root.join("tests/gold"))
        .expect("gold folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    stems.sort();
    assert!(stems.len() >= 6);
    let mut total = Counts::default();
    for stem in &stems {
        total.add(&score_sample(stem));
    }
    assert_floors(
        "samples",
        &total,
        PEOPLE_FLOOR,
        QUOTE_FLOOR,
        ATTRIBUTION_FLOOR,
    );
}

/// The probe articles (`tests/probes/`, see the README there): news written
/// to measure extraction on text it was not tuned for, with invented people.
/// Their floor is today's figures less a small margin.
#[test]
fn probe_articles_do_not_regress() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/probes");
    let mut articles: Vec<std::path::PathBuf> = std::fs::read_dir(&root)
        .expect("probes folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    articles.sort();
    assert_eq!(articles.len(), 544);
    let mut total = Counts::default();
    for article in &articles {
        total.add(&score_file(&article.with_extension("json"), article));
    }
    assert_floors(
        "probes",
        &total,
        PROBE_PEOPLE_FLOOR,
        PROBE_QUOTE_FLOOR,
        PROBE_ATTRIBUTION_FLOOR,
    );
}

/// The visible dev articles of the shared evaluation (`../shared/eval/dev`
/// beside the checkout, or `$BYLINE_EVAL_DEV`) must reach the goals of the
/// extraction issue less 0.02: people F1 0.91, quote F1 0.91, attribution
/// 0.88. Without the data the test says so and passes, unless
/// `BYLINE_REQUIRE_EVAL_DATA` is set (`.ci/run` sets it where the data is).
#[test]
fn shared_dev_articles_meet_the_goals() {
    let dir = std::env::var_os("BYLINE_EVAL_DEV")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev"));
    if !dir.is_dir() {
        assert!(
            std::env::var_os("BYLINE_REQUIRE_EVAL_DATA").is_none(),
            "no evaluation data at {}",
            dir.display()
        );
        eprintln!("skipped: no evaluation data at {}", dir.display());
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dev folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no articles in {}", dir.display());
    let mut total = Counts::default();
    for name in &names {
        let gold_path = dir.join(name.replace(".txt", ".json"));
        let Ok(gold) = std::fs::read_to_string(&gold_path) else {
            continue;
        };
        let gold: Gold = serde_json::from_str(&gold).expect("gold parses");
        let bytes = std::fs::read(dir.join(name)).expect("article");
        let doc = Document::new(parse(name, &bytes, Format::Text).expect("article parses"));
        eprintln!("{name}");
        total.add(&score(&gold, &doc));
    }
    eprintln!(
        "shared dev: people F1 {:.3}, quote F1 {:.3}, attribution {:.3}",
        total.people_f1(),
        total.quote_f1(),
        total.attribution()
    );
    assert!(
        total.people_f1() >= 0.91,
        "people F1 {:.3}",
        total.people_f1()
    );
    assert!(total.quote_f1() >= 0.91, "quote F1 {:.3}", total.quote_f1());
    assert!(
        total.attribution() >= 0.88,
        "attribution {:.3}",
        total.attribution()
    );
}

const PEOPLE_FLOOR: f64 = 0.95;
const QUOTE_FLOOR: f64 = 0.97;
const ATTRIBUTION_FLOOR: f64 = 0.93;

#[test]
fn scorer_matches_the_reference_rules() {
    assert!((overlap_f1("a b c d", "a b c d") - 1.0).abs() < 1e-9);
    assert!(overlap_f1("a b c d e", "a b c") < 0.8);
    assert!(name_keys("Maduros").contains(&"maduro".to_string()));
    assert!(name_keys("Putin's").contains(&"putin".to_string()));
}

// The probes' figures, 2026-12-06, all 544 articles (people F1 0.982, quote
// F1 0.993, attribution 0.936), less 0.02 (people less 0.022). Each probe
// now, and when first run (where it was scored unseen): probe 6: 0.969 /
// 1.000 / 0.986; probe 8: 0.984 / 0.994 / 0.972; probe 9: 0.976 / 0.997 /
// 0.953 (0.930 / 0.993 / 0.865); probe 10: 0.990 / 0.988 / 0.945 (0.971 /
// 0.984 / 0.890); probe 11: 0.973 / 0.988 / 0.949 (0.946 / 0.988 /
// 0.873); probe 12: 0.980 / 0.990 / 0.959 (0.967 / 0.990 / 0.918); probe
// 13: 0.994 / 0.997 / 0.986 (0.939 / 0.997 / 0.877); probe 14: 0.980 /
// 1.000 / 0.993 (German half 0.906 / 1.000 / 0.843, English half 0.929 /
// 0.993 / 0.870); probe 15: 0.975 / 0.997 / 0.958 (0.931 / 0.997 / 0.855);
// probe 16: 1.000 / 0.994 / 0.968 (German half 1.000 / 0.987 / 0.936,
// English half 0.963 / 1.000 / 0.897); probe 17: 0.980 / 0.997 / 0.920
// (0.913 / 0.991 / 0.794); probe 18: 1.000 / 0.987 / 0.973 (0.901 / 0.987
// / 0.858); probe 19: 0.976 / 0.997 / 0.968 (0.935 / 0.997 / 0.826); probe
// 20: 0.991 / 0.988 / 0.962 (0.974 / 0.988 / 0.918); probe 21: 0.977 /
// 0.990 / 0.953 (0.954 / 0.990 / 0.886); probe 22: 0.994 / 0.994 / 0.946
// (0.968 / 0.994 / 0.844); probe 23: 0.976 / 0.981 / 0.899 (0.970 / 0.981
// / 0.854); probe 24: 0.955 / 0.997 / 0.901 (0.889 / 0.997 / 0.862); probe
// 25: 0.981 / 0.986 / 0.894 (0.922 / 0.990 / 0.803); probe 26: 1.000 /
// 0.996 / 0.943 (0.955 / 0.996 / 0.865); probe 27: 0.980 / 0.997 / 0.885
// (0.955 / 0.997 / 0.807); probe 28: 0.994 / 0.991 / 0.946 (0.989 / 0.991
// / 0.928); probe 29: 0.988 / 1.000 / 0.938 (0.988 / 1.000 / 0.891); probe
// 30: 0.977 / 0.996 / 0.915 (0.971 / 0.996 / 0.860); probe 31: 0.990 /
// 1.000 / 0.951 (0.980 / 1.000 / 0.937); probe 32: 0.990 / 0.990 / 0.951
// (0.979 / 0.990 / 0.910); probe 33: 0.996 / 0.991 / 0.951 (0.979 / 0.991
// / 0.901); probe 34: 0.982 / 0.983 / 0.959 (0.946 / 0.983 / 0.897); probe
// 35: 0.978 / 1.000 / 0.965 (0.973 / 1.000 / 0.936); probe 36: 0.984 /
// 0.994 / 0.974 (0.978 / 0.994 / 0.968); probe 37: 1.000 / 0.985 / 0.888
// (0.980 / 0.985 / 0.839); probe 38: 0.976 / 0.994 / 0.872 (0.966 / 0.994
// / 0.859); probe 39: 0.909 / 0.994 / 0.728 (0.903 / 0.994 / 0.698).
const PROBE_PEOPLE_FLOOR: f64 = 0.96;
const PROBE_QUOTE_FLOOR: f64 = 0.973;
const PROBE_ATTRIBUTION_FLOOR: f64 = 0.916;
