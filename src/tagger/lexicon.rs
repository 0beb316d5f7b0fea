//! Word lists the tagger consults: given names and surnames (from the
//! census lists and from the training data), words that introduce names
//! ("Präsident", "Mr."), and words the training text uses in lower case.
//!
//! Stored as sorted hashes of the lower-case word with a flag byte each, so
//! the model file needs no parsing. A look-up goes to the hashes that share
//! its top bits (an index built at load) and searches only those.

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
    /// A given name in byline's list of names of many languages.
    pub const WORLD_GIVEN: Flags = 1 << 12;
    /// Flags that say a word opens names: a given name of any list, or the
    /// first word of names in the training data.
    pub const GIVEN_LIKE: Flags = GIVEN_MALE | GIVEN_FEMALE | FIRST_IN_NAME | WORLD_GIVEN;
    /// Flags that say a word belongs to a name.
    pub const NAME_LIKE: Flags = GIVEN_MALE | GIVEN_FEMALE | SURNAME | FIRST_IN_NAME | LAST_IN_NAME;
}

/// Words and their flags, and how name-like unlisted words are spelled.
#[derive(Clone, Default)]
pub struct Lexicon {
    /// Hashes of lower-case words, sorted.
    keys: Vec<u64>,
    flags: Vec<Flags>,
    /// Where the keys with each value of the top [`INDEX_BITS`] bits begin
    /// (one entry more than there are values, the last is `keys.len()`).
    /// Hashes are spread evenly, so each stretch holds a few keys and a
    /// look-up touches one or two cache lines instead of the seventeen
    /// steps of a binary search over the whole list.
    index: Vec<u32>,
    pub(crate) spelling: Spelling,
}

// The index is derived from the keys: two lexicons with the same words are
// equal however they were built, and printing one leaves it out.
impl PartialEq for Lexicon {
    fn eq(&self, other: &Lexicon) -> bool {
        self.keys == other.keys && self.flags == other.flags && self.spelling == other.spelling
    }
}

impl Eq for Lexicon {}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("keys", &self.keys)
            .field("flags", &self.flags)
            .field("spelling", &self.spelling)
            .finish_non_exhaustive()
    }
}

/// Bits of a hash that pick its stretch of [`Lexicon::keys`].
const INDEX_BITS: u32 = 16;

/// The start of each top-bits stretch of sorted `keys`.
fn index_of(keys: &[u64]) -> Vec<u32> {
    let mut index = Vec::with_capacity((1 << INDEX_BITS) + 1);
    let mut k = 0usize;
    for top in 0..(1u64 << INDEX_BITS) {
        while k < keys.len() && keys[k] >> (64 - INDEX_BITS) < top {
            k += 1;
        }
        index.push(u32::try_from(k).unwrap_or(u32::MAX));
    }
    index.push(u32::try_from(keys.len()).unwrap_or(u32::MAX));
    index
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
        let keys: Vec<u64> = pairs.iter().map(|p| p.0).collect();
        Lexicon {
            index: index_of(&keys),
            keys,
            flags: pairs.iter().map(|p| p.1).collect(),
            spelling,
        }
    }

    pub(crate) fn from_parts(keys: Vec<u64>, flags: Vec<Flags>, spelling: Spelling) -> Lexicon {
        Lexicon {
            index: index_of(&keys),
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
        let top = (h >> (64 - INDEX_BITS)) as usize;
        let (Some(&from), Some(&to)) = (self.index.get(top), self.index.get(top + 1)) else {
            return 0;
        };
        let (from, to) = (from as usize, to as usize);
        match self
            .keys
            .get(from..to)
            .map(|stretch| stretch.binary_search(&h))
        {
            Some(Ok(i)) => self.flags.get(from + i).copied().unwrap_or(0),
            _ => 0,
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

    #[test]
    fn the_top_bits_index_finds_every_key_of_a_large_list() {
        let words: FxHashMap<String, Flags> = (0..50_000)
            .map(|i| (format!("w{i}"), flag::SURNAME | (i % 2) as Flags))
            .collect();
        let lex = Lexicon::from_words(&words, Spelling::default());
        for (w, f) in &words {
            assert_eq!(lex.flags(w), *f, "{w}");
        }
        assert_eq!(lex.flags("w50000"), 0);
        // Rebuilt from its parts, as a model file is loaded.
        let loaded = Lexicon::from_parts(
            lex.keys().to_vec(),
            lex.all_flags().to_vec(),
            Spelling::default(),
        );
        assert_eq!(loaded.flags("w123"), flag::SURNAME | 1);
        assert_eq!(Lexicon::default().flags("w123"), 0);
    }
}
