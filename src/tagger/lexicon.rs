//! Word lists the tagger consults: given names and surnames (from the
//! census lists and from the training data), words that introduce names
//! ("Präsident", "Mr."), and words the training text uses in lower case.
//!
//! Stored as sorted hashes of the lower-case word with a flag byte each, so
//! the model file needs no parsing and a look-up is a binary search.

use super::features::hash_str;
use super::spelling::Spelling;
use flag::Flags;
use rustc_hash::FxHashMap;

/// The flag bits of a word.
pub mod flag {
    /// The flag bits of one word.
    pub type Flags = u16;

    /// A given name of men in the census lists.
    pub const GIVEN_MALE: Flags = 1;
    /// A given name of women in the census lists.
    pub const GIVEN_FEMALE: Flags = 2;
    /// A surname in the census lists.
    pub const SURNAME: Flags = 4;
    /// The first word of a person's name in the training data.
    pub const FIRST_IN_NAME: Flags = 8;
    /// The last word of a person's name in the training data.
    pub const LAST_IN_NAME: Flags = 16;
    /// A word right before a person's name in the training data.
    pub const BEFORE_NAME: Flags = 32;
    /// A word the training data tags as part of something other than a
    /// person's name more often than as part of one.
    pub const OTHER_THING: Flags = 64;
    /// Seen in lower case in the training text: a common word.
    pub const SEEN_LOWER: Flags = 128;
    /// Capitalised in the middle of a sentence without being a name, most
    /// times the training data has it: a German noun.
    pub const CAPITAL_COMMON: Flags = 1 << 8;
    /// How often the training text has the word: once, 2–9 times, more.
    pub const SEEN_ONCE: Flags = 1 << 9;
    pub const SEEN_FEW: Flags = 1 << 10;
    pub const SEEN_MANY: Flags = 1 << 11;
    /// Flags that say a word belongs to a name.
    pub const NAME_LIKE: Flags = GIVEN_MALE | GIVEN_FEMALE | SURNAME | FIRST_IN_NAME | LAST_IN_NAME;
}

/// Words and their flags, and how name-like unlisted words are spelled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Hashes of lower-case words, sorted.
    keys: Vec<u64>,
    flags: Vec<Flags>,
    pub(crate) spelling: Spelling,
}

impl Lexicon {
    /// A lexicon from lower-case words and their flags.
    pub fn from_words(words: &FxHashMap<String, Flags>, spelling: Spelling) -> Lexicon {
        let mut pairs: Vec<(u64, Flags)> = words
            .iter()
            .filter(|(_, f)| **f != 0)
            .map(|(w, f)| (hash_str(w), *f))
            .collect();
        pairs.sort_unstable();
        // Two words with one hash: keep both flag sets.
        pairs.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 |= b.1;
                true
            } else {
                false
            }
        });
        Lexicon {
            keys: pairs.iter().map(|p| p.0).collect(),
            flags: pairs.iter().map(|p| p.1).collect(),
            spelling,
        }
    }

    pub(crate) fn from_parts(keys: Vec<u64>, flags: Vec<Flags>, spelling: Spelling) -> Lexicon {
        Lexicon {
            keys,
            flags,
            spelling,
        }
    }

    pub(crate) fn keys(&self) -> &[u64] {
        &self.keys
    }

    pub(crate) fn all_flags(&self) -> &[Flags] {
        &self.flags
    }

    /// The flags of a lower-case word (0 when it is on no list).
    pub fn flags(&self, lower: &str) -> Flags {
        let h = hash_str(lower);
        match self.keys.binary_search(&h) {
            Ok(i) => self.flags.get(i).copied().unwrap_or(0),
            Err(_) => 0,
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_flags_by_word() {
        let mut words = FxHashMap::default();
        words.insert("maria".to_string(), flag::GIVEN_FEMALE);
        words.insert("schmidt".to_string(), flag::SURNAME | flag::LAST_IN_NAME);
        words.insert("nobody".to_string(), 0);
        let lex = Lexicon::from_words(&words, Spelling::default());
        assert_eq!(lex.len(), 2);
        assert_eq!(lex.flags("maria"), flag::GIVEN_FEMALE);
        assert_eq!(lex.flags("schmidt"), flag::SURNAME | flag::LAST_IN_NAME);
        assert_eq!(lex.flags("nobody"), 0);
        assert_eq!(lex.flags("Maria"), 0, "keys are lower case");
    }
}
