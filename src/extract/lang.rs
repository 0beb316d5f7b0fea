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

/// The language of `text`: whichever language's commonest function words
/// occur more often. English wins a tie (there is nothing to go on either way).
pub fn detect(text: &str) -> Lang {
    let (mut de, mut en, mut seen) = (0usize, 0usize, 0usize);
    let mut buf = [0u8; LONGEST];
    let mut tally = |word: &[u8]| {
        // Lower-casing ASCII is enough: "ü" is never the first letter.
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        match &*lower {
            b"der" | b"die" | b"das" | b"und" | b"ist" | b"nicht" | b"mit" | b"den" | b"sich"
            | b"auf" | b"f\xc3\xbcr" | b"ein" | b"eine" | b"dem" | b"des" | b"von" | b"sie"
            | b"er" | b"wird" | b"auch" => de += 1,
            b"the" | b"and" | b"is" | b"of" | b"to" | b"in" | b"that" | b"it" | b"was" | b"for"
            | b"with" | b"on" | b"as" | b"he" | b"she" | b"by" | b"at" | b"from" | b"his"
            | b"her" => en += 1,
            _ => {}
        }
    };
    // Words are runs of letters. Bytes are read one by one and only
    // non-ASCII ones decoded: this runs over every article.
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
                tally(&bytes[start..i]);
                seen += 1;
            }
            start = i + width;
        }
        i += width;
    }
    if seen < SAMPLE_WORDS && (1..=LONGEST).contains(&(bytes.len() - start)) {
        tally(&bytes[start..]);
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
