//! Telling German from English by their commonest function words: enough
//! to choose word-order rules, and cheap enough to run on every article.

/// The languages extraction knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

/// The longest word looked for, in bytes.
const LONGEST: usize = 5;

/// How many short words are enough to tell.
const SAMPLE_WORDS: usize = 5000;

/// Counts of German and English function words.
#[derive(Default)]
struct Tally {
    de: usize,
    en: usize,
}

impl Tally {
    fn lang(&self) -> Lang {
        if self.de > self.en {
            Lang::De
        } else {
            Lang::En
        }
    }

    /// Counts one word of at most [`LONGEST`] bytes.
    fn add(&mut self, word: &[u8]) {
        let mut buf = [0u8; LONGEST];
        // Lower-casing ASCII is enough: "ü" is never the first letter.
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        match &*lower {
            b"der" | b"die" | b"das" | b"und" | b"ist" | b"nicht" | b"mit" | b"den" | b"sich"
            | b"auf" | b"f\xc3\xbcr" | b"ein" | b"eine" | b"dem" | b"des" | b"von" | b"sie"
            | b"er" | b"wird" | b"auch" | b"zu" | b"im" | b"wir" | b"ich" | b"sind" | b"hat"
            | b"nach" | b"noch" | b"bei" | b"aus" => self.de += 1,
            // Not "in" or "was": German has them too, and in a short text
            // they outvote the German words.
            b"the" | b"and" | b"is" | b"of" | b"to" | b"that" | b"it" | b"for" | b"with"
            | b"on" | b"as" | b"he" | b"she" | b"by" | b"at" | b"from" | b"his" | b"her"
            | b"are" | b"were" | b"this" | b"have" | b"has" | b"said" | b"which" | b"they" => {
                self.en += 1
            }
            _ => {}
        }
    }
}

/// The language of words already split from a text (extraction has its
/// tokens, so it need not read the text a second time): as [`detect`].
pub fn detect_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Lang {
    let mut tally = Tally::default();
    words
        .into_iter()
        .filter(|w| (1..=LONGEST).contains(&w.len()))
        .take(SAMPLE_WORDS)
        .for_each(|w| tally.add(w.as_bytes()));
    tally.lang()
}

/// The language of `text`: whichever language's commonest function words
/// occur more often. English wins a tie (there is nothing to go on either way).
pub fn detect(text: &str) -> Lang {
    let mut tally = Tally::default();
    let mut seen = 0usize;
    // Words are runs of letters. Bytes are read one by one and only
    // non-ASCII ones decoded.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() && seen < SAMPLE_WORDS {
        let (letter, width) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphabetic(), 1)
        } else {
            let c = text[i..].chars().next();
            (
                c.is_some_and(char::is_alphabetic),
                c.map_or(1, char::len_utf8),
            )
        };
        if !letter {
            if (1..=LONGEST).contains(&(i - start)) {
                tally.add(&bytes[start..i]);
                seen += 1;
            }
            start = i + width;
        }
        i += width;
    }
    if seen < SAMPLE_WORDS && (1..=LONGEST).contains(&(bytes.len() - start)) {
        tally.add(&bytes[start..]);
    }
    tally.lang()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_already_tell_the_same() {
        let de = [
            "Der",
            "Präsident",
            "betonte",
            ",",
            "dass",
            "die",
            "Lage",
            "ernst",
            "ist",
        ];
        assert_eq!(detect_words(de), Lang::De);
        let en = ["The", "mayor", "said", "that", "the", "plan", "was", "good"];
        assert_eq!(detect_words(en), Lang::En);
        assert_eq!(detect_words([]), Lang::En);
    }

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

    #[test]
    fn words_both_languages_have_do_not_count_for_english() {
        // "in" and "was" are German too: counted as English, they outvoted
        // the one "auch" of this short German lead.
        let lead = "„Wir bleiben in dieser Stadt, was auch kommt“, sagte Angela Merkel.";
        assert_eq!(detect(lead), Lang::De);
        assert_eq!(detect("He was in town when the storm came in."), Lang::En);
    }
}
