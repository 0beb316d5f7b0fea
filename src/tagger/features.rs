//! What the tagger sees of each token: hashed features of the word, its
//! shape and affixes, its neighbours and the word lists it is on.
//!
//! Features are never stored as strings. Each token's parts (lower case,
//! shape, prefixes, suffixes) are hashed once; a feature is a template number
//! mixed with one or more of those hashes, and its weight row is found by the
//! top bits of the mix. Collisions cost a little accuracy and save the whole
//! feature dictionary, which keeps the model small and loading instant.

use super::lexicon::{Lexicon, flag, flag::Flags};
use rustc_hash::FxHashMap;

/// Mixes `v` into `h` (the FxHash step).
#[inline]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// A hash of a string's bytes, independent of the machine.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(b));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
    }
    mix(h, bytes.len() as u64)
}

/// The lower-case form of a word, without allocating for the common case of
/// a word that is lower case already.
pub(crate) fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Shape classes, one per character kind.
fn class(c: char) -> u8 {
    // Letters outside German and English spelling mark foreign names.
    let plain = c.is_ascii() || matches!(c, 'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü');
    if c.is_uppercase() {
        if plain { b'X' } else { b'Y' }
    } else if c.is_lowercase() {
        if plain { b'x' } else { b'y' }
    } else if c.is_numeric() {
        b'd'
    } else if c.is_alphabetic() {
        b'a'
    } else {
        match c {
            '.' => b'.',
            '-' | '‐' | '–' | '—' => b'-',
            '\'' | '’' => b'\'',
            _ if crate::extract::token::is_quote_mark(c) => b'"',
            _ => b'p',
        }
    }
}

/// The word's shape with runs collapsed ("McDonald" → "XxXx", "U.S." →
/// "X.X.", "1990" → "d"), at most eight classes.
fn shape(word: &str) -> u64 {
    let mut h = 0x5a_u64;
    let mut last = 0u8;
    let mut n = 0;
    for c in word.chars() {
        let k = class(c);
        if k != last {
            h = mix(h, u64::from(k));
            last = k;
            n += 1;
            if n == 8 {
                break;
            }
        }
    }
    h
}

/// Everything about one token that its features are built from.
#[derive(Clone, Copy)]
pub(crate) struct TokenHashes {
    word: u64,
    lower: u64,
    shape: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    /// Word-list flags (see [`flag`]).
    flags: Flags,
    /// The name flags of the word without a final "s" ("Nerudas",
    /// "Roddicks": German genitives).
    stem: Flags,
    capitalised: bool,
    /// How name-like the word is spelled (see [`super::spelling`]).
    spelling: u8,
    /// Punctuation or a quotation mark.
    punct: bool,
}

const PAD: TokenHashes = TokenHashes {
    word: 1,
    lower: 1,
    shape: 1,
    prefix: [1; 3],
    suffix: [1; 4],
    flags: 0,
    stem: 0,
    capitalised: false,
    spelling: 3,
    punct: true,
};

fn token_hashes(word: &str, lexicon: &Lexicon) -> TokenHashes {
    let low = lower(word);
    let lower_hash = hash_str(&low);
    // Affixes by characters, hashed as they grow; a short word's longer
    // affixes are the word itself.
    let mut prefix = [lower_hash; 3];
    let mut h = 0x11_u64;
    for (k, c) in low.chars().take(3).enumerate() {
        h = mix(h, u64::from(c));
        prefix[k] = h;
    }
    let mut suffix = [lower_hash; 4];
    let mut h = 0x22_u64;
    for (k, c) in low.chars().rev().take(4).enumerate() {
        h = mix(h, u64::from(c));
        suffix[k] = h;
    }
    let first = word.chars().next();
    TokenHashes {
        word: hash_str(word),
        lower: lower_hash,
        shape: shape(word),
        prefix,
        suffix,
        flags: lexicon.flags(&low),
        stem: match low.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 => lexicon.flags(stem) & flag::NAME_LIKE,
            _ => 0,
        },
        capitalised: first.is_some_and(char::is_uppercase),
        spelling: if first.is_some_and(char::is_alphabetic) {
            lexicon.spelling.level(&low)
        } else {
            3
        },
        punct: first.is_some_and(|c| !c.is_alphanumeric()),
    }
}

/// The number of features each token has (the length of its row in
/// [`Features::of`]).
pub(crate) const PER_TOKEN: usize = 34 + 13 + 23;

/// The hashed features of every token in a sentence.
pub(crate) struct Features {
    hashes: Vec<u64>,
    /// The hash of each token's lower case, and whether it is capitalised:
    /// what the second pass (see [`super::stack`]) matches words by.
    words: Vec<(u64, bool)>,
}

/// What the rest of a document says about a word (bits of a byte).
mod doc {
    /// Capitalised right after a given name ("Joshua Abraham Norton").
    pub const AFTER_GIVEN: u8 = 1;
    /// Capitalised right after a word that introduces names ("Emperor
    /// Norton", "Präsident Maduro").
    pub const AFTER_TRIGGER: u8 = 2;
    /// Capitalised inside a sentence somewhere.
    pub const CAPITAL_INSIDE: u8 = 4;
    /// In lower case somewhere.
    pub const LOWER: u8 = 8;
    /// Followed by a capitalised word that is on a surname list.
    pub const BEFORE_SURNAME: u8 = 16;
}

/// Document-level evidence about each word, keyed by its lower-case hash:
/// a surname named in full once is still a name when it stands alone.
fn document_context(sentences: &[Vec<TokenHashes>]) -> FxHashMap<u64, u8> {
    let mut context: FxHashMap<u64, u8> = FxHashMap::default();
    for toks in sentences {
        for (i, t) in toks.iter().enumerate() {
            let mut bits = 0;
            if !t.capitalised {
                if !t.punct {
                    bits |= doc::LOWER;
                }
            } else {
                let prev = i.checked_sub(1).and_then(|p| toks.get(p));
                let next = toks.get(i + 1);
                if prev.is_some_and(|p| !p.punct) {
                    bits |= doc::CAPITAL_INSIDE;
                }
                if prev.is_some_and(|p| p.capitalised && p.flags & flag::GIVEN_LIKE != 0) {
                    bits |= doc::AFTER_GIVEN;
                }
                if prev.is_some_and(|p| p.flags & flag::BEFORE_NAME != 0) {
                    bits |= doc::AFTER_TRIGGER;
                }
                let surname = flag::SURNAME | flag::LAST_IN_NAME;
                if next.is_some_and(|n| n.capitalised && n.flags & surname != 0) {
                    bits |= doc::BEFORE_SURNAME;
                }
            }
            if bits != 0 {
                *context.entry(t.lower).or_default() |= bits;
            }
        }
    }
    context
}

impl Features {
    /// Features of each word of one sentence, as a document of its own.
    #[cfg(test)]
    pub(crate) fn new(words: &[&str], lexicon: &Lexicon) -> Features {
        Features::document(&[words], lexicon)
            .pop()
            .unwrap_or(Features {
                hashes: Vec::new(),
                words: Vec::new(),
            })
    }

    /// Features of each sentence of a document.
    pub(crate) fn document<S: AsRef<[W]>, W: AsRef<str>>(
        sentences: &[S],
        lexicon: &Lexicon,
    ) -> Vec<Features> {
        // News repeats its words: each distinct word is looked at once.
        let mut seen: FxHashMap<&str, TokenHashes> = FxHashMap::default();
        let hashed: Vec<Vec<TokenHashes>> = sentences
            .iter()
            .map(|s| {
                s.as_ref()
                    .iter()
                    .map(|w| {
                        *seen
                            .entry(w.as_ref())
                            .or_insert_with(|| token_hashes(w.as_ref(), lexicon))
                    })
                    .collect()
            })
            .collect();
        let context = document_context(&hashed);
        hashed
            .iter()
            .map(|toks| Features::sentence(toks, &context))
            .collect()
    }

    fn sentence(toks: &[TokenHashes], context: &FxHashMap<u64, u8>) -> Features {
        let at = |i: isize| -> TokenHashes {
            if i < 0 {
                PAD
            } else {
                toks.get(i as usize).copied().unwrap_or(PAD)
            }
        };
        let mut hashes = Vec::with_capacity(toks.len() * PER_TOKEN);
        for i in 0..toks.len() as isize {
            let t = at(i);
            let (p2, p1, n1, n2) = (at(i - 2), at(i - 1), at(i + 1), at(i + 2));
            // Sentence-initial, or after an opening quote or a colon: a
            // capital there says less.
            let initial = i == 0 || p1.punct;
            let f = |template: u64, v: u64| mix(mix(template, v), template);
            let row = [
                f(1, 0),
                f(2, t.lower),
                f(3, t.word),
                f(4, p1.lower),
                f(5, n1.lower),
                f(6, p2.lower),
                f(7, n2.lower),
                f(8, t.prefix[0]),
                f(9, t.prefix[1]),
                f(10, t.prefix[2]),
                f(11, t.suffix[0]),
                f(12, t.suffix[1]),
                f(13, t.suffix[2]),
                f(14, t.suffix[3]),
                f(15, t.shape),
                f(16, p1.shape),
                f(17, n1.shape),
                f(18, mix(mix(p1.shape, t.shape), n1.shape)),
                f(19, mix(p1.lower, t.lower)),
                f(20, mix(t.lower, n1.lower)),
                f(21, mix(u64::from(initial), t.shape)),
                f(22, u64::from(t.flags)),
                f(23, u64::from(p1.flags)),
                f(24, u64::from(n1.flags)),
                f(25, mix(p1.lower, t.shape)),
                f(26, mix(t.shape, n1.lower)),
                f(27, mix(u64::from(t.flags), u64::from(initial))),
                f(28, mix(u64::from(p1.flags), u64::from(t.flags))),
                f(29, mix(u64::from(t.flags), u64::from(n1.flags))),
                f(30, mix(p1.suffix[2], t.shape)),
                f(31, mix(u64::from(t.capitalised), p1.lower)),
                f(32, mix(u64::from(t.flags & flag::SEEN_LOWER), t.shape)),
                f(33, mix(p2.lower, p1.lower)),
                f(34, mix(n1.lower, n2.lower)),
            ];
            hashes.extend_from_slice(&row);
            // Each list on its own, so that rare combinations of lists
            // still count.
            let lists: [u64; 13] =
                std::array::from_fn(|b| f(60 + b as u64, u64::from(t.flags >> b & 1)));
            hashes.extend_from_slice(&lists);
            let name_bits = |x: TokenHashes| {
                u64::from(x.flags & flag::GIVEN_LIKE != 0)
                    | u64::from(x.flags & (flag::SURNAME | flag::LAST_IN_NAME) != 0) << 1
                    | u64::from(x.flags & flag::BEFORE_NAME != 0) << 2
                    | u64::from(x.capitalised) << 3
            };
            let here = name_bits(t);
            let seen = context.get(&t.lower).copied().unwrap_or(0);
            let spelled = u64::from(t.spelling);
            let rest = [
                f(50, name_bits(p1)),
                f(51, name_bits(n1)),
                f(52, mix(name_bits(p1), here)),
                f(53, mix(here, name_bits(n1))),
                f(54, mix(mix(name_bits(p1), here), name_bits(n1))),
                f(55, mix(here, u64::from(initial))),
                f(56, mix(here, n1.lower)),
                f(57, mix(p1.lower, here)),
                f(58, u64::from(t.stem)),
                f(80, u64::from(seen)),
                f(81, mix(u64::from(seen), here)),
                f(82, mix(u64::from(seen), u64::from(initial))),
                f(90, spelled),
                f(91, mix(spelled, here)),
                f(92, mix(spelled, u64::from(initial))),
                f(93, mix(spelled, u64::from(p1.spelling))),
                f(94, mix(spelled, u64::from(n1.spelling))),
                f(95, mix(t.suffix[2], t.shape)),
                f(96, mix(p1.lower, n1.lower)),
                f(97, n1.suffix[2]),
                f(98, mix(mix(p2.shape, p1.shape), t.shape)),
                f(99, mix(mix(t.shape, n1.shape), n2.shape)),
                f(59, mix(u64::from(t.flags & !flag::NAME_LIKE), here)),
            ];
            hashes.extend_from_slice(&rest);
        }
        let words = toks.iter().map(|t| (t.lower, t.capitalised)).collect();
        Features { hashes, words }
    }

    /// The feature hashes of token `i`.
    pub(crate) fn of(&self, i: usize) -> &[u64] {
        &self.hashes[i * PER_TOKEN..(i + 1) * PER_TOKEN]
    }

    /// The lower-case hash of token `i` and whether it is capitalised.
    pub(crate) fn word(&self, i: usize) -> (u64, bool) {
        self.words.get(i).copied().unwrap_or((0, false))
    }

    pub(crate) fn len(&self) -> usize {
        self.hashes.len() / PER_TOKEN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Maduro"), shape("Putin"));
        assert_ne!(shape("Maduro"), shape("maduro"));
        assert_eq!(shape("1990"), shape("7"));
    }

    #[test]
    fn every_token_gets_a_full_row() {
        let lex = Lexicon::default();
        let f = Features::new(&["Nicolás", "Maduro", "sagte", "."], &lex);
        assert_eq!(f.len(), 4);
        assert_eq!(f.of(3).len(), PER_TOKEN);
        // The same word in the same context hashes the same way.
        let g = Features::new(&["Nicolás", "Maduro", "sagte", "."], &lex);
        assert_eq!(f.of(1), g.of(1));
        // A different neighbour changes some features, not the word's own.
        let h = Features::new(&["Herr", "Maduro", "sagte", "."], &lex);
        assert_eq!(f.of(1)[1], h.of(1)[1]);
        assert_ne!(f.of(1), h.of(1));
    }
}
