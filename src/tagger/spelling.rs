//! How much a word is spelled like a name: a character-trigram model of
//! names against common words, so that a surname the lists never saw
//! ("Angermayer", "Halmich") still looks like one and "Haltung" does not.

use super::features::mix;

/// log2 of the number of trigram slots.
pub(crate) const BITS: u32 = 16;

/// Log-odds of each hashed trigram, in eighths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    table: Vec<i8>,
}

impl Default for Spelling {
    fn default() -> Self {
        Spelling {
            table: vec![0; 1 << BITS],
        }
    }
}

/// The trigram slots of a lower-case word, with its ends marked.
fn trigrams(lower: &str, mut each: impl FnMut(usize)) {
    let mut window = ['^', '^', '^'];
    let mut filled = 1;
    for c in lower.chars().chain(std::iter::once('$')) {
        window = [window[1], window[2], c];
        filled += 1;
        if filled >= 3 {
            let h = mix(
                mix(mix(0x7e, u64::from(window[0])), u64::from(window[1])),
                u64::from(window[2]),
            );
            each((h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS)) as usize);
        }
    }
}

impl Spelling {
    /// Learns from names and from common words (lower case, each once).
    pub fn learn<'a>(
        names: impl IntoIterator<Item = &'a str>,
        common: impl IntoIterator<Item = &'a str>,
    ) -> Spelling {
        let mut counts = [vec![0u32; 1 << BITS], vec![0u32; 1 << BITS]];
        let mut totals = [0u64; 2];
        for (side, words) in [
            (0, names.into_iter().collect::<Vec<_>>()),
            (1, common.into_iter().collect()),
        ] {
            for w in words {
                if w.chars().count() < 2 {
                    continue;
                }
                trigrams(w, |slot| {
                    counts[side][slot] += 1;
                    totals[side] += 1;
                });
            }
        }
        let (n, c) = (totals[0].max(1) as f64, totals[1].max(1) as f64);
        let table = counts[0]
            .iter()
            .zip(&counts[1])
            .map(|(&a, &b)| {
                let odds = ((f64::from(a) + 0.5) / n).ln() - ((f64::from(b) + 0.5) / c).ln();
                (odds * 8.0).round().clamp(-127.0, 127.0) as i8
            })
            .collect();
        Spelling { table }
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Spelling {
        Spelling {
            table: bytes.iter().map(|&b| b as i8).collect(),
        }
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        self.table.iter().map(|&b| b as u8).collect()
    }

    /// How name-like a lower-case word is spelled, from 0 (a common word)
    /// to 6 (a name); 3 when there is nothing to go on.
    pub fn level(&self, lower: &str) -> u8 {
        if lower.chars().count() < 2 {
            return 3;
        }
        let (mut sum, mut n) = (0i32, 0i32);
        trigrams(lower, |slot| {
            sum += i32::from(self.table.get(slot).copied().unwrap_or(0));
            n += 1;
        });
        // Mean log-odds, in eighths, cut into seven bands.
        let mean = sum / n.max(1);
        match mean {
            i32::MIN..=-16 => 0,
            -15..=-8 => 1,
            -7..=-3 => 2,
            -2..=2 => 3,
            3..=7 => 4,
            8..=15 => 5,
            _ => 6,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_words_fall_on_their_sides() {
        let names = [
            "meyer",
            "mayer",
            "angermann",
            "steinmeyer",
            "bergmayer",
            "hofer",
        ];
        let words = [
            "haltung", "zeitung", "wohnung", "leitung", "meinung", "stellung",
        ];
        let s = Spelling::learn(names, words);
        assert!(s.level("angermayer") > 3, "{}", s.level("angermayer"));
        assert!(s.level("rechnung") < 3, "{}", s.level("rechnung"));
        assert_eq!(s.level("x"), 3);
        assert_eq!(Spelling::from_bytes(&s.to_bytes()), s);
    }
}
