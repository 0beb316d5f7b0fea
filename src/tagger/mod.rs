//! A statistical person-name tagger: which words of a sentence are a
//! person's name, as B(egin)/I(nside)/O(utside) tags.
//!
//! A linear model over hashed features of each word and its neighbours,
//! decoded with Viterbi and trained here as an averaged perceptron
//! ([`train`]). German capitalises every noun, so capitals alone say little;
//! the model weighs them against the word itself, its affixes, the words
//! around it and name lists. Pure functions: words in, tags out.

pub mod conll;
mod features;
pub mod lexicon;
mod model;
pub mod spelling;
mod stack;
pub mod train;

pub use model::{Model, ModelError};

use crate::extract::lang::Lang;
use std::sync::OnceLock;

/// A word's place in a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Not part of a name.
    O,
    /// The first word of a name.
    B,
    /// A later word of the same name.
    I,
}

impl Tag {
    pub(crate) fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B => 1,
            Tag::I => 2,
        }
    }

    pub(crate) fn from_index(i: usize) -> Tag {
        match i {
            1 => Tag::B,
            2 => Tag::I,
            _ => Tag::O,
        }
    }

    /// The tag as conlleval spells it.
    pub fn conll(self) -> &'static str {
        match self {
            Tag::O => "O",
            Tag::B => "B-PER",
            Tag::I => "I-PER",
        }
    }
}

/// Each sentence of a token-per-line file with `model`'s tags for it, its
/// documents tagged as documents (see [`conll::documents`]).
pub fn tag_sentences<'a>(
    model: &Model,
    sentences: &'a [conll::Sentence],
) -> Vec<(&'a conll::Sentence, Vec<Tag>)> {
    let mut out = Vec::with_capacity(sentences.len());
    for document in conll::documents(sentences) {
        let words: Vec<&[String]> = document.iter().map(|s| s.words.as_slice()).collect();
        out.extend(document.iter().zip(model.tag_document(&words)));
    }
    out
}

/// How well `model` tags the people in `sentences`, against their own tags.
pub fn evaluate(model: &Model, sentences: &[conll::Sentence]) -> conll::Score {
    let mut score = conll::Score::default();
    for (s, tags) in tag_sentences(model, sentences) {
        score.add(&tags, &s.person_tags());
    }
    score
}

/// The language of a token-per-line file's words.
fn language_of(sentences: &[conll::Sentence]) -> Lang {
    let mut words = String::new();
    for w in sentences.iter().flat_map(|s| &s.words).take(5000) {
        words.push_str(w);
        words.push(' ');
    }
    crate::extract::lang::detect(&words)
}

/// Tags a token-per-line file (see [`conll`]): `TOKEN<TAB>TAG` for each
/// token, a blank line after each sentence, comments left out. Tokens are
/// sanitised (they may be printed to a terminal). `lang` is detected from the
/// words when not given.
pub fn tag_conll(text: &str, lang: Option<Lang>) -> Result<String, ModelError> {
    let (sentences, _, model) = read_conll(text, lang)?;
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (s, tags) in tag_sentences(model, &sentences) {
        for (w, t) in s.words.iter().zip(tags) {
            out.push_str(&crate::article::sanitize_line(w));
            out.push('\t');
            out.push_str(t.conll());
            out.push('\n');
        }
        out.push('\n');
    }
    Ok(out)
}

/// Scores the built-in tagger on a token-per-line file against the file's
/// own tags; returns the language used and the score.
pub fn eval_conll(text: &str, lang: Option<Lang>) -> Result<(Lang, conll::Score), ModelError> {
    let (sentences, lang, model) = read_conll(text, lang)?;
    Ok((lang, evaluate(model, &sentences)))
}

/// A token-per-line file's sentences, its language (`lang`, or detected)
/// and that language's built-in model.
fn read_conll(
    text: &str,
    lang: Option<Lang>,
) -> Result<(Vec<conll::Sentence>, Lang, &'static Model), ModelError> {
    let sentences = conll::parse(text);
    let lang = lang.unwrap_or_else(|| language_of(&sentences));
    let model = builtin(lang).ok_or(ModelError::Builtin)?;
    Ok((sentences, lang, model))
}

/// The models built into byline, trained by `byline-train`.
const BUILTIN_DE: &[u8] = include_bytes!("../../assets/models/de.bin");
const BUILTIN_EN: &[u8] = include_bytes!("../../assets/models/en.bin");

/// The built-in model for a language, read on first use.
///
/// `None` only if the built-in file is damaged, which the tests rule out;
/// extraction then falls back to its rules.
pub fn builtin(lang: Lang) -> Option<&'static Model> {
    static DE: OnceLock<Option<Model>> = OnceLock::new();
    static EN: OnceLock<Option<Model>> = OnceLock::new();
    let (cell, bytes) = match lang {
        Lang::De => (&DE, BUILTIN_DE),
        Lang::En => (&EN, BUILTIN_EN),
    };
    cell.get_or_init(|| Model::from_bytes(bytes).ok()).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_models_load_and_find_people() {
        let de = builtin(Lang::De).expect("the German model loads");
        let words = [
            "Gestern",
            "sagte",
            "Außenministerin",
            "Annalena",
            "Baerbock",
            "in",
            "Berlin",
            ",",
            "die",
            "Lage",
            "sei",
            "ernst",
            ".",
        ];
        let tags = de.tag(&words);
        assert_eq!(conll::spans(&tags), [(3, 5)], "{tags:?}");
        let en = builtin(Lang::En).expect("the English model loads");
        let words = [
            "The", "mayor", ",", "Sadiq", "Khan", ",", "said", "the", "plan", "was", "good", ".",
        ];
        let tags = en.tag(&words);
        assert_eq!(conll::spans(&tags), [(3, 5)], "{tags:?}");
    }

    #[test]
    fn tags_a_conll_file_keeping_its_sentences() {
        let text = "# a comment\nDer\tO\nKanzler\tO\nOlaf\tB-PER\nScholz\tI-PER\nsagte\tO\nnichts\tO\n.\tO\n\nDie\nStadt\nschwieg\n.\n";
        let out = tag_conll(text, None).expect("tags");
        assert_eq!(
            out,
            "Der\tO\nKanzler\tO\nOlaf\tB-PER\nScholz\tI-PER\nsagte\tO\nnichts\tO\n.\tO\n\n\
             Die\tO\nStadt\tO\nschwieg\tO\n.\tO\n\n"
        );
        let (lang, score) = eval_conll(text, None).expect("scores");
        assert_eq!(lang, Lang::De);
        assert_eq!((score.gold, score.correct), (1, 1));
        // A control character in a token never reaches the output raw.
        let out = tag_conll("a\u{1b}]0;x\u{7}b\n", Some(Lang::En)).expect("tags");
        assert!(!out.contains('\u{1b}'), "{out:?}");
    }
}
