//! Training a tagger: an averaged structured perceptron over hashed
//! features, decoded with Viterbi (Collins 2002).
//!
//! Word lists learned from the training data (first and last words of
//! names, words before names) would be perfect on the sentences they were
//! learned from, and the model would learn to trust them blindly. So the
//! data is split in two halves and each half is featurised with the lists
//! learned from the other, as a new text would be; the model file carries
//! the lists learned from everything.
//!
//! The second pass (see [`super::stack`]) is trained the same way: on
//! first-pass output for documents the first pass never saw.

use super::Tag;
use super::conll::Sentence;
use super::features::{Features, lower};
use super::lexicon::{Lexicon, flag, flag::Flags};
use super::model::{CLASSES, Model, bucket, viterbi};
use super::spelling::Spelling;
use super::stack;
use rustc_hash::FxHashMap;

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// log2 of the number of weight rows.
    pub bits: u32,
    pub epochs: usize,
    /// Orders the sentences in each epoch; the same seed trains the same model.
    pub seed: u64,
    /// Runs with seeds `seed`, `seed + 1`, … whose weights are averaged.
    pub runs: usize,
    /// Train a second pass that weighs what the first found elsewhere in
    /// the document (see [`super::stack`]).
    pub stack: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bits: 18,
            epochs: 10,
            seed: 1,
            runs: 5,
            stack: true,
        }
    }
}

/// Flags of the census name lists (`NAME  freq  cumfreq  rank` per line).
pub fn census_words(male: &str, female: &str, surnames: &str) -> FxHashMap<String, Flags> {
    let mut words: FxHashMap<String, Flags> = FxHashMap::default();
    for (text, f) in [
        (male, flag::GIVEN_MALE),
        (female, flag::GIVEN_FEMALE),
        (surnames, flag::SURNAME),
    ] {
        for name in text.lines().filter_map(|l| l.split_whitespace().next()) {
            *words.entry(name.to_lowercase()).or_default() |= f;
        }
    }
    words
}

/// Flags of byline's list of given names (`NAME<TAB>m|f|u` per line):
/// each name gets [`flag::WORLD_GIVEN`], whatever its gender (merged into
/// the census gender flags the list cost GUM dev 2.6 points).
pub fn world_names(list: &str) -> Vec<(String, Flags)> {
    list.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, _)| (name.to_lowercase(), flag::WORLD_GIVEN))
        .collect()
}

#[derive(Default)]
struct Counts {
    total: u32,
    first: u32,
    last: u32,
    before: u32,
    person: u32,
    other: u32,
    lower: u32,
    /// Capitalised, not sentence-initial, not part of any name.
    capital_common: u32,
    capital: u32,
}

/// Word lists learned from tagged sentences, added to `base`, and the
/// spelling of names against the other words.
fn learned_words(sentences: &[&Sentence], base: &FxHashMap<String, Flags>) -> Lexicon {
    let mut counts: FxHashMap<String, Counts> = FxHashMap::default();
    for s in sentences {
        let tags = s.person_tags();
        let other = s.other_entity();
        for (i, w) in s.words.iter().enumerate() {
            let c = counts.entry(lower(w).into_owned()).or_default();
            c.total += 1;
            if w.chars().all(char::is_lowercase) {
                c.lower += 1;
            }
            if i > 0 && w.starts_with(char::is_uppercase) {
                c.capital += 1;
                if tags[i] == Tag::O && !other[i] {
                    c.capital_common += 1;
                }
            }
            match tags[i] {
                Tag::O if other[i] => c.other += 1,
                Tag::O => {}
                Tag::B | Tag::I => {
                    c.person += 1;
                    if tags[i] == Tag::B && tags.get(i + 1) == Some(&Tag::I) {
                        c.first += 1;
                    }
                    if tags.get(i + 1) != Some(&Tag::I) {
                        c.last += 1;
                    }
                }
            }
            if tags.get(i + 1) == Some(&Tag::B) {
                c.before += 1;
            }
        }
    }
    let census_names = base.iter().filter(|(_, f)| **f & flag::NAME_LIKE != 0);
    let names: Vec<&str> = census_names
        .map(|(w, _)| w.as_str())
        .chain(
            counts
                .iter()
                .filter(|(_, c)| c.person > 0)
                .map(|(w, _)| w.as_str()),
        )
        .collect();
    let common = counts
        .iter()
        .filter(|(w, c)| c.person == 0 && c.other == 0 && w.chars().all(char::is_alphabetic))
        .map(|(w, _)| w.as_str());
    let spelling = Spelling::learn(names, common);
    let mut words = base.clone();
    for (w, c) in counts {
        let share = |n: u32| f64::from(n) / f64::from(c.total.max(1));
        let mut f = 0;
        if c.first > 0 && share(c.first) >= 0.2 {
            f |= flag::FIRST_IN_NAME;
        }
        if c.last > 0 && share(c.last) >= 0.2 {
            f |= flag::LAST_IN_NAME;
        }
        if c.before >= 2 && share(c.before) >= 0.05 {
            f |= flag::BEFORE_NAME;
        }
        if c.other > c.person && share(c.other) >= 0.3 {
            f |= flag::OTHER_THING;
        }
        if c.lower > 0 {
            f |= flag::SEEN_LOWER;
        }
        if c.capital_common >= 2 && 2 * c.capital_common >= c.capital {
            f |= flag::CAPITAL_COMMON;
        }
        f |= match c.total {
            0 => 0,
            1 => flag::SEEN_ONCE,
            2..=9 => flag::SEEN_FEW,
            _ => flag::SEEN_MANY,
        };
        if f != 0 {
            *words.entry(w).or_default() |= f;
        }
    }
    Lexicon::from_words(&words, spelling)
}

/// The words that begin and end people's names in another corpus (names
/// cross languages: "Putin" is news in German and in English), as flags to
/// add to the census lists.
pub fn names_in(sentences: &[Sentence]) -> FxHashMap<String, Flags> {
    let mut counts: FxHashMap<String, (u32, u32, u32)> = FxHashMap::default();
    for s in sentences {
        let tags = s.person_tags();
        for (i, w) in s.words.iter().enumerate() {
            let c = counts.entry(lower(w).into_owned()).or_default();
            c.0 += 1;
            if tags[i] == Tag::B && tags.get(i + 1) == Some(&Tag::I) {
                c.1 += 1;
            }
            if tags[i] != Tag::O && tags.get(i + 1) != Some(&Tag::I) {
                c.2 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(w, (total, first, last))| {
            let mut f = 0;
            if 2 * first > total {
                f |= flag::FIRST_IN_NAME;
            }
            if 2 * last > total {
                f |= flag::LAST_IN_NAME;
            }
            (f != 0 && w.chars().count() > 1).then_some((w, f))
        })
        .collect()
}

/// A small, fast, reproducible random sequence (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

/// One training sentence, featurised: the weight row of each feature.
struct Example {
    rows: Vec<u32>,
    gold: Vec<Tag>,
}

fn scores(rows: &[u32], weights: &[f32], per_token: usize) -> Vec<f32> {
    let n = rows.len() / per_token;
    let mut out = vec![0f32; n * CLASSES];
    for i in 0..n {
        for &r in &rows[i * per_token..(i + 1) * per_token] {
            let r = r as usize * CLASSES;
            for c in 0..CLASSES {
                out[i * CLASSES + c] += weights[r + c];
            }
        }
    }
    out
}

/// Weights with the running sums that averaging needs (Daumé's trick: the
/// average is `w - u / c` where each update of size d at step c adds c·d to
/// `u`).
struct Averaged {
    w: Vec<f32>,
    u: Vec<f32>,
}

impl Averaged {
    fn new(n: usize) -> Averaged {
        Averaged {
            w: vec![0.0; n],
            u: vec![0.0; n],
        }
    }

    fn update(&mut self, i: usize, d: f32, step: f32) {
        self.w[i] += d;
        self.u[i] += step * d;
    }

    fn average(&self, steps: f32) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / steps)
            .collect()
    }
}

/// Trains a model on `sentences`; `census` holds name-list flags (see
/// [`census_words`]). `report` is called with an
/// epoch's number and the model averaged so far, so a caller can print dev
/// scores: after each epoch of a single run, else once for the finished
/// model.
pub fn train(
    sentences: &[Sentence],
    census: &FxHashMap<String, Flags>,
    options: Options,
    mut report: impl FnMut(usize, &Model),
) -> Model {
    let mut model = train_first(sentences, census, options, |e, m| {
        if !options.stack {
            report(e, m)
        }
    });
    if options.stack {
        train_second(sentences, census, options, &mut model);
        report(options.epochs, &model);
    }
    model
}

/// Trains the first pass.
fn train_first(
    sentences: &[Sentence],
    census: &FxHashMap<String, Flags>,
    options: Options,
    mut report: impl FnMut(usize, &Model),
) -> Model {
    let bits = options.bits;
    // Halves by document, so a name never helps tag itself.
    let documents = super::conll::documents(sentences);
    let halves: [Vec<&[Sentence]>; 2] = [
        documents.iter().step_by(2).copied().collect(),
        documents.iter().skip(1).step_by(2).copied().collect(),
    ];
    let lists = [
        learned_words(&sentences_of(&halves[1]), census),
        learned_words(&sentences_of(&halves[0]), census),
    ];
    let mut examples = Vec::with_capacity(sentences.len());
    let mut per_token = 0;
    for (half, lexicon) in halves.iter().zip(&lists) {
        for document in half {
            let words: Vec<&[String]> = document.iter().map(|s| s.words.as_slice()).collect();
            for (f, s) in Features::document(&words, lexicon)
                .iter()
                .zip(document.iter())
            {
                let mut rows = Vec::new();
                for i in 0..f.len() {
                    per_token = f.of(i).len();
                    rows.extend(f.of(i).iter().map(|&h| bucket(h, bits) as u32));
                }
                examples.push(Example {
                    rows,
                    gold: s.person_tags(),
                });
            }
        }
    }
    let everything: Vec<&Sentence> = sentences.iter().collect();
    let lexicon = learned_words(&everything, census);

    // Several runs over differently shuffled data, averaged: the perceptron
    // depends on the order it sees examples in, and the average of a few
    // orders is steadier than any one of them.
    let runs = options.runs.max(1);
    let mut emission = vec![0f32; (1usize << bits) * CLASSES];
    let mut transition = vec![0f32; (CLASSES + 1) * CLASSES];
    for run in 0..runs {
        let seed = options.seed.wrapping_add(run as u64);
        let (e, t) = perceptron(
            &examples,
            per_token,
            bits,
            options.epochs,
            seed,
            |epoch, e, t| {
                if runs == 1 {
                    report(epoch, &Model::quantise(bits, e, t, lexicon.clone()));
                }
            },
        );
        for (sum, w) in emission.iter_mut().zip(&e) {
            *sum += w / runs as f32;
        }
        for (sum, w) in transition.iter_mut().zip(&t) {
            *sum += w / runs as f32;
        }
    }
    let model = Model::quantise(bits, &emission, &transition, lexicon);
    if runs > 1 {
        report(options.epochs, &model);
    }
    model
}

/// A sentence for training the second pass: the first pass's scores,
/// from a model that never saw its document, and its evidence.
struct Stacked {
    /// In the units of the trained weights.
    base: Vec<f32>,
    /// Which fold's first pass scored it (whose transitions go with it).
    fold: usize,
    /// The weight rows of each token's evidence.
    rows: Vec<Option<[u32; stack::PER_TOKEN]>>,
    gold: Vec<Tag>,
}

/// Trains the second pass of `model` (see [`super::stack`]). Its training
/// must see first-pass output as it is on new text, so the documents are
/// split in two folds, a first pass is trained on each, and each fold is
/// tagged by the other fold's.
fn train_second(
    sentences: &[Sentence],
    census: &FxHashMap<String, Flags>,
    options: Options,
    model: &mut Model,
) {
    let documents = super::conll::documents(sentences);
    // Evidence needs documents of more than one sentence (GermEval has
    // none): without them there is nothing to learn.
    if !documents.iter().any(|d| d.len() > 1) {
        return;
    }
    let mut folds: [Vec<Sentence>; 2] = [Vec::new(), Vec::new()];
    for (i, d) in documents.iter().enumerate() {
        folds[i % 2].extend(d.iter().cloned());
    }
    let first = [
        train_first(&folds[1], census, options, |_, _| {}),
        train_first(&folds[0], census, options, |_, _| {}),
    ];
    let mut examples = Vec::new();
    for (fold, sentences) in folds.iter().enumerate() {
        let m = &first[fold];
        for document in super::conll::documents(sentences) {
            let words: Vec<&[String]> = document.iter().map(|s| s.words.as_slice()).collect();
            let features = Features::document(&words, &m.lexicon);
            let emissions: Vec<Vec<f32>> = features.iter().map(|f| m.emission(f)).collect();
            let tagged: Vec<Vec<Tag>> = emissions
                .iter()
                .map(|e| viterbi(e, &m.transition))
                .collect();
            let evidence = stack::features(&features, &tagged);
            for ((s, e), base) in document.iter().zip(evidence).zip(emissions) {
                if e.iter().all(Option::is_none) {
                    continue;
                }
                let rows = e
                    .iter()
                    .map(|h| h.map(|h| h.map(|h| bucket(h, stack::BITS) as u32)))
                    .collect();
                examples.push(Stacked {
                    base: base.iter().map(|w| w / m.scale).collect(),
                    fold,
                    rows,
                    gold: s.person_tags(),
                });
            }
        }
    }
    let transitions: Vec<Vec<f32>> = first
        .iter()
        .map(|m| m.transition.iter().map(|w| w / m.scale).collect())
        .collect();
    let runs = options.runs.max(1);
    let mut weights = vec![0f32; (1usize << stack::BITS) * CLASSES];
    for run in 0..runs {
        let seed = options.seed.wrapping_add(run as u64);
        let w = second_perceptron(&examples, &transitions, options.epochs, seed);
        for (sum, w) in weights.iter_mut().zip(&w) {
            *sum += w / runs as f32;
        }
    }
    model.stacked = weights
        .iter()
        .map(|w| (w * model.scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
}

/// The second pass's averaged perceptron: only its own weights learn; the
/// first pass's scores are fixed.
fn second_perceptron(
    examples: &[Stacked],
    transitions: &[Vec<f32>],
    epochs: usize,
    seed: u64,
) -> Vec<f32> {
    let mut weights = Averaged::new((1usize << stack::BITS) * CLASSES);
    let mut rng = Rng(seed.max(1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut step = 1f32;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &e in &order {
            let ex = &examples[e];
            let transition = &transitions[ex.fold];
            let mut scored = ex.base.clone();
            for (i, rows) in ex.rows.iter().enumerate() {
                for &r in rows.iter().flatten() {
                    let r = r as usize * CLASSES;
                    for c in 0..CLASSES {
                        scored[i * CLASSES + c] += weights.w[r + c];
                    }
                }
            }
            let predicted = viterbi(&scored, transition);
            for (i, (&p, &g)) in predicted.iter().zip(&ex.gold).enumerate() {
                if p == g {
                    continue;
                }
                for &r in ex.rows[i].iter().flatten() {
                    let r = r as usize * CLASSES;
                    weights.update(r + g.index(), 1.0, step);
                    weights.update(r + p.index(), -1.0, step);
                }
            }
            step += 1.0;
        }
    }
    weights.average(step)
}

/// One averaged perceptron run: `epochs` passes over the examples in an
/// order shuffled by `seed`. Returns the averaged emission and transition
/// weights; `report` sees them after each epoch.
fn perceptron(
    examples: &[Example],
    per_token: usize,
    bits: u32,
    epochs: usize,
    seed: u64,
    mut report: impl FnMut(usize, &[f32], &[f32]),
) -> (Vec<f32>, Vec<f32>) {
    let mut emission = Averaged::new((1usize << bits) * CLASSES);
    let mut transition = Averaged::new((CLASSES + 1) * CLASSES);
    let mut rng = Rng(seed.max(1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut step = 1f32;
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &e in &order {
            let ex = &examples[e];
            if ex.gold.is_empty() {
                continue;
            }
            let predicted = viterbi(&scores(&ex.rows, &emission.w, per_token), &transition.w);
            if predicted != ex.gold {
                for (i, (&p, &g)) in predicted.iter().zip(&ex.gold).enumerate() {
                    if p != g {
                        for &r in &ex.rows[i * per_token..(i + 1) * per_token] {
                            let r = r as usize * CLASSES;
                            emission.update(r + g.index(), 1.0, step);
                            emission.update(r + p.index(), -1.0, step);
                        }
                    }
                    let prev = |tags: &[Tag]| {
                        if i == 0 { CLASSES } else { tags[i - 1].index() }
                    };
                    let (pp, gp) = (prev(&predicted), prev(&ex.gold));
                    if (pp, p) != (gp, g) {
                        transition.update(gp * CLASSES + g.index(), 1.0, step);
                        transition.update(pp * CLASSES + p.index(), -1.0, step);
                    }
                }
            }
            step += 1.0;
        }
        report(epoch, &emission.average(step), &transition.average(step));
    }
    (emission.average(step), transition.average(step))
}

fn sentences_of<'a>(docs: &[&'a [Sentence]]) -> Vec<&'a Sentence> {
    docs.iter().flat_map(|d| d.iter()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::conll;

    #[test]
    fn learns_a_tiny_language_of_names() {
        let mut text = String::new();
        let names = ["Anna Berg", "Bodo Kern", "Carla Lutz", "Dieter Moll"];
        let verbs = ["sagte", "meinte", "lachte", "ging"];
        for (i, n) in names.iter().enumerate() {
            for v in verbs {
                let mut parts = n.split(' ');
                let (g, s) = (parts.next().unwrap(), parts.next().unwrap());
                text += &format!("# newdoc\nDann\tO\n{v}\tO\n{g}\tB-PER\n{s}\tI-PER\n.\tO\n\n");
                text += &format!("Die\tO\nStadt\tO\nnummer\tO\n{i}\tO\n{v}\tO\n.\tO\n\n");
            }
        }
        let sentences = conll::parse(&text);
        let options = Options {
            bits: 12,
            epochs: 5,
            seed: 3,
            runs: 1,
            stack: false,
        };
        let mut epochs = 0;
        let model = train(&sentences, &FxHashMap::default(), options, |_, _| {
            epochs += 1
        });
        assert_eq!(epochs, 5);
        assert_eq!(
            model.tag(&["Dann", "sagte", "Anna", "Berg", "."]),
            [Tag::O, Tag::O, Tag::B, Tag::I, Tag::O]
        );
        assert_eq!(
            model.tag(&["Die", "Stadt", "nummer", "2", "ging", "."]),
            [Tag::O; 6]
        );
    }

    #[test]
    fn census_lists_give_flags() {
        let w = census_words(
            "JAMES 3.3 3.3 1\n",
            "MARY 2.6 2.6 1\n",
            "SMITH 1.0 1.0 1\nJAMES 0.1 2 9\n",
        );
        assert_eq!(w["james"], flag::GIVEN_MALE | flag::SURNAME);
        assert_eq!(w["mary"], flag::GIVEN_FEMALE);
    }
}
