//! Telling German from English by their commonest function words: enough
//! to choose word-order rules, and cheap enough to run on every article.

/// The languages extraction knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

use super::lexicon::lowercase;

const GERMAN: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "sich", "auf", "für", "ein", "eine",
    "dem", "des", "von", "sie", "er", "wird", "auch",
];
const ENGLISH: &[&str] = &[
    "the", "and", "is", "of", "to", "in", "that", "it", "was", "for", "with", "on", "as", "he",
    "she", "by", "at", "from", "his", "her",
];

/// The language of `text`: whichever list's words occur more often.
/// English wins a tie (there is nothing to go on either way).
pub fn detect(text: &str) -> Lang {
    let (mut de, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        let lower = lowercase(word);
        de += usize::from(GERMAN.contains(&&*lower));
        en += usize::from(ENGLISH.contains(&&*lower));
    }
    if de > en { Lang::De } else { Lang::En }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_german_from_english() {
        assert_eq!(
            detect("Der Präsident betonte, dass die Zusammenarbeit mit Russland wichtig ist."),
            Lang::De
        );
        assert_eq!(
            detect("The mayor said that the plan was good for the city."),
            Lang::En
        );
    }
}
