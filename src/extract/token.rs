//! Splitting article text into tokens and sentences.

use super::lexicon::is_abbreviation;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner apostrophes, hyphens and periods ("Putin's",
    /// "Hans-Peter", "U.S").
    Word,
    Number,
    /// A quotation mark of any style.
    Quote,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the article text.
    pub range: Range<usize>,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }
}

/// Whether `c` is a quotation mark (double or single, any style).
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '„'
            | '“'
            | '”'
            | '«'
            | '»'
            | '‚'
            | '‘'
            | '’'
            | '‹'
            | '›'
            | '‟'
            | '❝'
            | '❞'
    )
}

fn joins_inside_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '·')
}

/// Tokens of `text[range]`, with ranges in `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let slice = &text[range.clone()];
    let base = range.start;
    // About one token per five bytes of news text.
    let mut tokens = Vec::with_capacity(slice.len() / 5);
    let bytes = slice.as_bytes();
    // The character at byte `i` (a character boundary) and its width; ASCII
    // without decoding, as most of any news text is.
    let char_at = |i: usize| -> Option<char> {
        match bytes.get(i) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => slice[i..].chars().next(),
            None => None,
        }
    };
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let start = i;
        i += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphabetic() {
            Kind::Word
        } else if c.is_numeric() {
            Kind::Number
        } else if is_quote_mark(c) {
            Kind::Quote
        } else {
            Kind::Punct
        };
        if matches!(kind, Kind::Word | Kind::Number) {
            loop {
                // Most of a word is ASCII letters: passed byte by byte.
                while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                let Some(d) = char_at(i) else {
                    break;
                };
                let after = i + d.len_utf8();
                let inner_mark =
                    (kind == Kind::Number && matches!(d, ',' | '.')) || joins_inside_word(d);
                let continues = d.is_alphanumeric()
                    || ('\u{300}'..='\u{36f}').contains(&d)
                    || (inner_mark && char_at(after).is_some_and(char::is_alphanumeric));
                if !continues {
                    break;
                }
                i = after;
            }
        }
        tokens.push(Token {
            kind,
            range: base + start..base + i,
        });
    }
    tokens
}

/// A month's name or its abbreviation, as written after a German ordinal.
fn is_month(word: &str) -> bool {
    matches!(
        word,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
            | "Jan"
            | "Feb"
            | "Febr"
            | "Mär"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Okt"
            | "Nov"
            | "Dez"
    )
}

/// For each token, the index of the sentence it belongs to. A sentence ends
/// at `.`, `!`, `?` (or `…`) unless the period follows an abbreviation or an
/// initial, or the next word starts in lower case; tokens for which
/// `in_quote` is true never end a sentence, so a quoted passage stays inside
/// the sentence that reports it.
pub fn sentences(text: &str, tokens: &[Token], in_quote: &[bool]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(tokens.len());
    let mut id = 0;
    let mut ends_here = false;
    for (i, tok) in tokens.iter().enumerate() {
        if ends_here {
            let next_lower = tok.kind == Kind::Word
                && tok
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            if !next_lower {
                id += 1;
            }
            ends_here = false;
        }
        ids.push(id);
        let quoted = |k: usize| in_quote.get(k).copied().unwrap_or(false);
        // A quote that ends with its own full stop ends the sentence too:
        // „… erweitern.“ Er hob …
        if tok.kind == Kind::Quote && quoted(i) && !quoted(i + 1) {
            let before = i.checked_sub(1).map(|p| tokens[p].text(text));
            ends_here = matches!(before, Some("." | "!" | "?" | "…"));
            continue;
        }
        if quoted(i) || tok.kind != Kind::Punct {
            continue;
        }
        let t = tok.text(text);
        if matches!(t, "!" | "?" | "…") {
            ends_here = true;
        } else if t == "." {
            let prev = i.checked_sub(1).map(|p| &tokens[p]);
            let after_abbrev = prev.is_some_and(|p| {
                p.kind == Kind::Word
                    && p.range.end == tok.range.start
                    && (is_abbreviation(p.text(text)) || p.text(text).contains('.'))
            });
            // "am 3. Januar", "den 1. Mai": a German ordinal before a month.
            let ordinal_date = prev.is_some_and(|p| {
                p.kind == Kind::Number
                    && p.range.len() <= 2
                    && p.range.end == tok.range.start
                    && tokens.get(i + 1).is_some_and(|n| is_month(n.text(text)))
            });
            ends_here = !after_abbrev && !ordinal_date;
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn words_keep_inner_marks() {
        assert_eq!(
            words("Putin's Hans-Peter „Ja“, U.S. 3,5 Mio."),
            vec![
                "Putin's",
                "Hans-Peter",
                "„",
                "Ja",
                "“",
                ",",
                "U.S",
                ".",
                "3,5",
                "Mio",
                "."
            ]
        );
    }

    #[test]
    fn a_quote_ending_in_a_full_stop_ends_its_sentence() {
        let text = "„Das ist gut.“ Er ging. „Ja“, sagte sie.";
        let toks = tokenize(text, 0..text.len());
        let in_quote: Vec<bool> = toks
            .iter()
            .map(|t| t.range.start < 17 || (25..29).contains(&t.range.start))
            .collect();
        let ids = sentences(text, &toks, &in_quote);
        let id_of = |w: &str| ids[toks.iter().position(|t| t.text(text) == w).unwrap()];
        assert_eq!(id_of("Das"), 0);
        assert_eq!(id_of("Er"), 1);
        assert_eq!(id_of("sagte"), 2);
    }

    #[test]
    fn an_ordinal_date_does_not_end_a_sentence() {
        let text = "Er sagte am 3. Januar: „Nein.“ Dann ging er am 1. Febr. heim. Es waren 12. Später mehr.";
        let toks = tokenize(text, 0..text.len());
        let ids = sentences(text, &toks, &vec![false; toks.len()]);
        let id_of = |w: &str| ids[toks.iter().position(|t| t.text(text) == w).unwrap()];
        assert_eq!(id_of("Er"), id_of("Januar"));
        assert_eq!(id_of("Dann"), id_of("heim"));
        assert_ne!(id_of("Später"), id_of("waren"));
    }

    #[test]
    fn sentences_survive_abbreviations_and_initials() {
        let text = "Dr. Ines Wolf kam. George W. Bush sprach z. B. lange. Dann ging er.";
        let toks = tokenize(text, 0..text.len());
        let ids = sentences(text, &toks, &vec![false; toks.len()]);
        let last_of = |w: &str| ids[toks.iter().position(|t| t.text(text) == w).unwrap()];
        assert_eq!(last_of("Dr"), 0);
        assert_eq!(last_of("kam"), 0);
        assert_eq!(last_of("George"), 1);
        assert_eq!(last_of("lange"), 1);
        assert_eq!(last_of("Dann"), 2);
    }
}
