//! People, quotes and who said what: pure functions from text to spans.
//!
//! Nothing here draws or reads files. The input is an article's analysis
//! text and the byte ranges of its prose segments (headline, captions,
//! paragraphs); the output is people with their mention ranges and quotes
//! with their text range and speaker.

mod attribution;
pub mod lang;
pub mod lexicon;
pub mod library;
mod people;
mod quotes;
pub mod token;

pub use people::Person;

use std::ops::Range;

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The text between the quotation marks.
    pub range: Range<usize>,
    /// From the opening mark to just after the closing one.
    pub marked: Range<usize>,
    /// Index into `Extraction::people`; `None` when unknown.
    pub speaker: Option<usize>,
    /// Part of a quote that runs over a paragraph end.
    pub continues: bool,
    pub continuation: bool,
    /// A quote inside another one: someone quoted by the speaker.
    pub nested: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// In order of first mention.
    pub people: Vec<Person>,
    /// In text order.
    pub quotes: Vec<Quote>,
}

impl Extraction {
    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        quote
            .speaker
            .and_then(|s| self.people.get(s))
            .map(|p| p.name.as_str())
    }
}

/// Quoted fragments this short are kept only when someone is named as
/// their speaker; unattributed, they are scare quotes.
const SHORT_QUOTE_WORDS: usize = 3;

/// A short span in title case with no sentence punctuation names something
/// ("Hochrangige Regierungskommission", "The Long Field"): not a quote.
fn is_title_like(quote: &str) -> bool {
    // Long quotes are the common case: seven words are enough to tell.
    let words: Vec<&str> = quote.split_whitespace().take(7).collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    if quote.contains(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    // A word in lower case that is not one of the small words titles keep
    // in lower case is a verb or the like: a sentence, not a title. German
    // capitalises nouns, so "Das ist ein Skandal" has only one.
    let sentence_word = words
        .iter()
        .any(|w| w.starts_with(char::is_lowercase) && !is_title_connective(&lexicon::lowercase(w)));
    let content: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    !sentence_word
        && !content.is_empty()
        && content
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a comma and a speech verb follow a closing mark at `close`:
/// "…“, sagte Marchetti" says the words were someone's, however much they
/// look like a title ("mit dem Rücken zur Wand").
fn said_after(text: &str, close: usize) -> bool {
    let Some(rest) = text[close..].trim_start().strip_prefix(',') else {
        return false;
    };
    rest.split_whitespace().next().is_some_and(|w| {
        lexicon::facts(w.trim_end_matches(|c: char| !c.is_alphanumeric())).speech_cue
    })
}

/// Whether a German verb of speaking and "von" or "vor" come right before
/// the mark at `open`: "Er spricht von einem „Kahlschlag auf dem Land“",
/// "warnte vor der „Zerschlagung der Kliniken“". Capitalised nouns make
/// such words look like a title.
fn spoken_of_before(text: &str, open: usize) -> bool {
    let mut words = text[..open]
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()));
    let mut word = words.next().unwrap_or_default();
    if matches!(
        word,
        "einem" | "einer" | "eine" | "ein" | "der" | "die" | "das" | "den" | "dem"
    ) {
        word = words.next().unwrap_or_default();
    }
    if !matches!(word, "von" | "vor") {
        return false;
    }
    let verb = lexicon::lowercase(words.next().unwrap_or_default());
    lexicon::facts(&verb).speech_cue
        || ["sprech", "sprach", "spricht", "warn"]
            .iter()
            .any(|v| verb.starts_with(v))
}

/// Whether a year in brackets follows a closing mark at `close`, as a work's
/// title has it: "„Schwarzes Wasser, weißes Haus“ (1981)", ""Night Shift"
/// (2019)".
fn dated_after(text: &str, close: usize) -> bool {
    text[close..]
        .trim_start()
        .strip_prefix('(')
        .is_some_and(|rest| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            digits == 4 && rest[4..].starts_with([')', ',', ';'])
        })
}

/// Whether the word right before a quotation mark at `open` says that
/// what follows is a name or a term, not someone's words: "the so-called
/// "peace plan"", "sein neues Buch „Der Mann, der …“".
fn named_by_word_before(text: &str, open: usize) -> bool {
    let before = text[..open].trim_end();
    let gap = &text[before.len()..open];
    if gap.is_empty() {
        // The mark touches the word before: not a word introducing it.
        return false;
    }
    if gap.matches('\n').count() >= 2 {
        // The word ends the paragraph (or headline) before: a quote that
        // opens a paragraph is not named by it.
        return false;
    }
    let mut words = before.rsplit(char::is_whitespace).map(str::to_lowercase);
    let mut word = words.next().unwrap_or_default();
    // "eine Inszenierung von „Der zerbrochne Krug“": past "von" / "of";
    // "taken to calling the "Hallam fortress"": past an article.
    if matches!(
        word.as_str(),
        "von" | "of" | "the" | "a" | "an" | "der" | "die" | "das" | "den" | "ein" | "eine"
    ) {
        word = words.next().unwrap_or_default();
    }
    if word == "as" {
        // "known as "the Wall"".
        return words.next().is_some_and(|w| w == "known");
    }
    matches!(
        word.as_str(),
        "calling"
            | "nicknamed"
            | "so-called"
            | "sogenannte"
            | "sogenannten"
            | "sogenannter"
            | "sogenanntes"
            | "sog."
            | "titled"
            | "entitled"
            | "named"
            | "dubbed"
            | "namens"
            | "titel"
            | "betitelt"
            | "book"
            | "novel"
            | "film"
            | "album"
            | "song"
            | "series"
            | "documentary"
            | "buch"
            | "roman"
            | "lied"
            | "serie"
            | "dokumentation"
            | "theaterstück"
            | "inszenierung"
            | "premiere"
            | "oper"
            | "stück"
            | "ausstellung"
            | "production"
            | "play"
            | "opera"
            | "exhibition"
            | "motto"
            | "slogan"
            | "initiative"
            | "volksinitiative"
            | "kampagne"
            | "campaign"
            | "hashtag"
    )
}

/// Small words that titles and names of bodies keep in lower case
/// ("Friends of Syria", "Stimmen des Ostens").
fn is_title_connective(word: &str) -> bool {
    matches!(
        word,
        "der"
            | "die"
            | "das"
            | "des"
            | "dem"
            | "den"
            | "ein"
            | "eine"
            | "einer"
            | "und"
            | "oder"
            | "von"
            | "vom"
            | "zu"
            | "zum"
            | "zur"
            | "für"
            | "mit"
            | "im"
            | "in"
            | "am"
            | "an"
            | "auf"
            | "aus"
            | "bei"
            | "über"
            | "of"
            | "the"
            | "and"
            | "a"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "from"
            | "by"
            | "de"
            | "la"
            | "le"
            | "du"
            | "et"
            | "y"
    )
}

/// Extract people and quotes from the prose `segments` of `text`.
pub fn extract(text: &str, segments: &[Range<usize>]) -> Extraction {
    let _places = lexicon::read_places_in(text);
    // Titles and names in quotation marks are not quotes; they go before
    // attribution so they do not cut the sentence around them in two.
    let (kept, dropped): (Vec<quotes::Span>, Vec<quotes::Span>) =
        quotes::find(text, segments).into_iter().partition(|s| {
            (!is_title_like(&text[s.range.clone()])
                || said_after(text, s.close)
                || spoken_of_before(text, s.open))
                && !named_by_word_before(text, s.open)
                && !dated_after(text, s.close)
        });
    // A title's or term's marks hold no quotes either: what is nested in a
    // dropped span goes with it.
    let spans: Vec<quotes::Span> = kept
        .into_iter()
        .filter(|s| {
            !(s.nested
                && dropped
                    .iter()
                    .any(|d| !d.nested && d.range.contains(&s.open)))
        })
        .collect();
    let top_level: Vec<&quotes::Span> = spans.iter().filter(|s| !s.nested).collect();
    let infos: Vec<attribution::SegmentInfo> = segments
        .iter()
        .map(|seg| {
            let tokens = token::tokenize(text, seg.clone());
            // Top-level quotes do not overlap and are sorted, so the last
            // one opened before a token is the only one that can hold it.
            let in_quote: Vec<bool> = tokens
                .iter()
                .map(|t| {
                    let i = top_level.partition_point(|s| s.open <= t.range.start);
                    i.checked_sub(1)
                        .is_some_and(|k| t.range.start < top_level[k].close)
                })
                .collect();
            let sentence = token::sentences(text, &tokens, &in_quote);
            attribution::SegmentInfo {
                range: seg.clone(),
                tokens,
                sentence,
            }
        })
        .collect();
    let segs: Vec<people::Segment> = infos
        .iter()
        .map(|i| people::Segment {
            tokens: &i.tokens,
            sentence: &i.sentence,
        })
        .collect();
    // From the tokens: reading the text again for it cost a twentieth of
    // extraction.
    let lang = lang::detect_words(infos.iter().flat_map(|i| {
        i.tokens
            .iter()
            .filter(|t| t.kind == token::Kind::Word)
            .map(|t| t.text(text))
    }));
    let people = people::find(text, lang, &segs);
    let (outer, nested): (Vec<quotes::Span>, Vec<quotes::Span>) =
        spans.into_iter().partition(|s| !s.nested);
    let (outer_speakers, nested_speakers) =
        attribution::attribute(text, lang, &infos, &outer, &nested, &people);
    let worth_keeping = |span: &quotes::Span, speaker: &Option<usize>| {
        let q = &text[span.range.clone()];
        let short = q.split_whitespace().nth(SHORT_QUOTE_WORDS).is_none();
        let scare_quote = short && speaker.is_none();
        !scare_quote
    };
    let kept_outer: Vec<(quotes::Span, Option<usize>)> = outer
        .into_iter()
        .zip(outer_speakers)
        .filter(|(span, speaker)| worth_keeping(span, speaker))
        .collect();
    // A quote inside one dropped as a scare quote goes with it.
    let inside_kept = |span: &quotes::Span| {
        kept_outer
            .iter()
            .any(|(o, _)| o.open <= span.open && span.close <= o.close)
    };
    let kept_nested: Vec<(quotes::Span, Option<usize>)> = nested
        .into_iter()
        .zip(nested_speakers)
        .filter(|(span, speaker)| worth_keeping(span, speaker) && inside_kept(span))
        .collect();
    let mut quotes: Vec<Quote> = kept_outer
        .into_iter()
        .chain(kept_nested)
        .map(|(span, speaker)| Quote {
            range: span.range,
            marked: span.open..span.close,
            speaker,
            continues: span.continues,
            continuation: span.continuation,
            nested: span.nested,
        })
        .collect();
    quotes.sort_by_key(|q| q.marked.start);
    Extraction { people, quotes }
}

/// Extract from plain text whose paragraphs are separated by blank lines.
pub fn extract_text(text: &str) -> Extraction {
    let mut segments = Vec::new();
    let mut pos = 0;
    for part in text.split("\n\n") {
        let start = pos + (part.len() - part.trim_start().len());
        let end = pos + part.trim_end().len();
        if end > start {
            segments.push(start..end);
        }
        pos += part.len() + 2;
    }
    extract(text, &segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        extract_text(text)
            .quotes
            .iter()
            .map(|q| text[q.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn short_german_sentences_are_quotes_not_titles() {
        assert_eq!(
            quotes("Skandal\n\n„Das ist ein Skandal“, sagte Oppositionsführer Markus Brandt."),
            vec!["Das ist ein Skandal"]
        );
        // A title in title case stays out.
        assert!(quotes("Zeitung\n\nDas sagte er der Zeitung „Stimmen des Ostens“.").is_empty());
    }

    #[test]
    fn terms_and_titles_named_by_the_word_before_are_not_quotes() {
        assert!(
            quotes(
                "EU\n\nFunds were frozen under the so-called \"rule of law conditionality \
             mechanism\" on Monday."
            )
            .is_empty()
        );
        assert!(
            quotes(
                "Buch\n\nEr hat sein neues Buch „Der Mann, der den Osten verkaufte“ vorgestellt."
            )
            .is_empty()
        );
        // Spoken of: a quote, however much its nouns look like a title.
        assert_eq!(
            quotes(
                "Klinik\n\nDer Landrat Jörg Emmerich spricht von einem „Kahlschlag auf dem \
                 Land“ und will klagen."
            ),
            vec!["Kahlschlag auf dem Land"]
        );
        // A headline word is not the word before a quote opening the lead.
        assert_eq!(
            quotes("Neuer Titel\n\n„Wir bleiben in dieser Stadt, was kommt“, sagte Merkel."),
            vec!["Wir bleiben in dieser Stadt, was kommt"]
        );
        // Past an article: what the text calls something.
        assert!(
            quotes(
                "Cup\n\nGustavo Moraes, whose side went unbeaten, a run local newspapers had \
                 taken to calling the \"Hallam fortress\", insisted the season was a success."
            )
            .is_empty()
        );
    }

    #[test]
    fn words_said_are_quotes_however_titled_they_look_and_mottos_are_not() {
        assert_eq!(
            quotes("Lage\n\nDie Firmen stünden „mit dem Rücken zur Wand“, sagte Marchetti."),
            vec!["mit dem Rücken zur Wand"]
        );
        assert!(quotes("Fest\n\nEs stand unter dem Motto „Wem gehört die Stadt?“.").is_empty());
        assert!(
            quotes("Wahl\n\nDie Volksinitiative «Bezahlbare Mieten für alle» scheiterte.")
                .is_empty()
        );
    }

    #[test]
    fn a_quote_with_a_year_in_brackets_is_a_title() {
        assert!(
            quotes("Nachruf\n\nEs folgten „Schwarzes Wasser, weißes Haus“ (1981) und mehr.")
                .is_empty()
        );
        assert_eq!(
            quotes("Wahl\n\n„Wir haben gewonnen, und das bleibt so“ (sagte er) im Saal."),
            vec!["Wir haben gewonnen, und das bleibt so"]
        );
    }

    #[test]
    fn a_title_after_a_production_of_is_no_quote() {
        assert!(
            quotes("Theater\n\nEs folgt eine Inszenierung von „Der zerbrochne Krug“ im Mai.")
                .is_empty()
        );
    }

    #[test]
    fn quotes_inside_a_title_go_with_it() {
        assert!(quotes("Buch\n\nEr stellte das Buch „Der Mann, der ‚Nein‘ sagte“ vor.").is_empty());
    }
}
