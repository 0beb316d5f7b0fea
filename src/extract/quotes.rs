//! Finding quoted passages: pairing quotation marks by each language's
//! conventions, across paragraph ends where the English convention says the
//! quote goes on.

use super::token::is_quote_mark;
use std::ops::Range;

/// A passage between quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Offset of the opening mark.
    pub open: usize,
    /// The text between the marks.
    pub range: Range<usize>,
    /// Offset just after the closing mark (the segment's end if unclosed).
    pub close: usize,
    /// Index of the segment (paragraph) that holds it.
    pub segment: usize,
    /// The quote runs on into the next paragraph (no closing mark here).
    pub continues: bool,
    /// The quote goes on from the previous paragraph.
    pub continuation: bool,
    /// A quote inside another quote ('…' inside "…").
    pub nested: bool,
}

/// The style a quote was opened with, which decides what closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// „…“ (German) — also closed by ” or a straight mark in sloppy text.
    Low,
    /// “…” (English).
    Curly,
    /// "…", paired in order; a curly mark may close it ("volle Unterstützung“).
    Straight,
    /// «…» (French, Swiss).
    Guillemets,
    /// »…« (German books and press).
    ReversedGuillemets,
    /// ‚…‘ (German single).
    LowSingle,
    /// ‘…’ (English single).
    CurlySingle,
    /// '…' with word-boundary flanking.
    StraightSingle,
    /// ‹…› and ›…‹.
    SingleGuillemets,
    ReversedSingleGuillemets,
}

impl Style {
    fn is_double(self) -> bool {
        matches!(
            self,
            Style::Low
                | Style::Curly
                | Style::Straight
                | Style::Guillemets
                | Style::ReversedGuillemets
        )
    }

    /// Whether `c`, seen with `next` after it, closes a quote of this style.
    fn closed_by(self, c: char, prev: Option<char>, next: Option<char>) -> bool {
        let word_ends =
            prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphanumeric);
        match self {
            Style::Low => matches!(c, '“' | '”' | '"'),
            Style::Curly | Style::Straight => matches!(c, '”' | '“' | '"'),
            Style::Guillemets => c == '»',
            Style::ReversedGuillemets => c == '«',
            Style::LowSingle => matches!(c, '‘' | '’' | '\'') && word_ends,
            Style::CurlySingle | Style::StraightSingle => matches!(c, '’' | '\'') && word_ends,
            Style::SingleGuillemets => c == '›',
            Style::ReversedSingleGuillemets => c == '‹',
        }
    }
}

/// The style that `c` opens, if it can open a quote here.
fn opens(c: char, prev: Option<char>, next: Option<char>) -> Option<Style> {
    let after_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let before_text = next.is_some_and(|n| !n.is_whitespace());
    match c {
        '„' => Some(Style::Low),
        '“' => Some(Style::Curly),
        // A straight mark right after a letter or digit is an inch sign or
        // a closing mark, never an opening one.
        '"' if !prev.is_some_and(char::is_alphanumeric) => Some(Style::Straight),
        '”' if after_space && before_text => Some(Style::Curly),
        '«' => Some(Style::Guillemets),
        '»' if before_text => Some(Style::ReversedGuillemets),
        '‚' => Some(Style::LowSingle),
        '‘' if after_space => Some(Style::CurlySingle),
        '\'' if after_space && next.is_some_and(char::is_alphanumeric) => {
            Some(Style::StraightSingle)
        }
        '‹' => Some(Style::SingleGuillemets),
        '›' if before_text => Some(Style::ReversedSingleGuillemets),
        _ => None,
    }
}

/// Whether a paragraph opens with a double quotation mark, which in English
/// continues a quote left open at the end of the paragraph before.
fn starts_with_double_opening(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    let first = chars.next();
    let second = chars.next();
    first.is_some_and(|c| opens(c, None, second).is_some_and(Style::is_double))
}

/// An unclosed quote shorter than this many words is taken for a stray mark.
const MIN_UNCLOSED_WORDS: usize = 5;

/// All quoted passages in the segments (paragraphs) of `text`, in order.
/// Single marks inside a double quote are nested quotes and stay part of it.
/// A quote is bounded by its paragraph: an unclosed mark never swallows the
/// rest of the article.
pub fn find(text: &str, segments: &[Range<usize>]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut carry_on = false;
    for (si, seg) in segments.iter().enumerate() {
        let mut open: Option<(Style, usize, usize)> = None; // style, mark offset, text start
        let mut continuation = std::mem::take(&mut carry_on);
        // Straight marks that clearly open (space before, letter after)
        // inside a straight quote start a nested one: "… The "United
        // States" is …"; the matching closing mark does not end the outer.
        let mut inner_straight = 0usize;
        for Mark { pos, c, prev, next } in marks(text, seg.clone()) {
            let opener_flanked =
                prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_alphanumeric);
            if c == '"' && matches!(open, Some((Style::Straight, _, _))) {
                if opener_flanked {
                    inner_straight += 1;
                    continue;
                }
                if inner_straight > 0 {
                    inner_straight -= 1;
                    continue;
                }
            }
            match open {
                Some((style, mark, start)) if style.closed_by(c, prev, next) => {
                    spans.push(Span {
                        open: mark,
                        range: start..pos,
                        close: pos + c.len_utf8(),
                        segment: si,
                        continues: false,
                        continuation: std::mem::take(&mut continuation) && mark == seg.start,
                        nested: false,
                    });
                    open = None;
                }
                Some(_) => {}
                None => {
                    if let Some(style) = opens(c, prev, next) {
                        open = Some((style, pos, pos + c.len_utf8()));
                    }
                }
            }
        }
        if let Some((style, mark, start)) = open {
            let runs_on = style.is_double()
                && segments
                    .get(si + 1)
                    .is_some_and(|n| starts_with_double_opening(&text[n.clone()]));
            let words = text[start..seg.end].split_whitespace().count();
            if runs_on || words >= MIN_UNCLOSED_WORDS {
                spans.push(Span {
                    open: mark,
                    range: start..seg.end,
                    close: seg.end,
                    segment: si,
                    continues: runs_on,
                    continuation: continuation && mark == seg.start,
                    nested: false,
                });
            }
            carry_on = runs_on;
        }
    }
    let nested: Vec<Span> = spans
        .iter()
        .filter(|s| !s.nested)
        .flat_map(|outer| nested_in(text, outer))
        .collect();
    spans.extend(nested);
    spans.sort_by_key(|s| s.open);
    spans.retain(|s| !text[s.range.clone()].trim().is_empty());
    spans
}

/// A quotation mark and the characters either side of it.
struct Mark {
    pos: usize,
    c: char,
    prev: Option<char>,
    next: Option<char>,
}

/// Bytes that may begin a quotation mark, as a table: one load per byte.
static MAY_START_MARK: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table
};

/// The quotation marks in `text[range]`, in order, each with its
/// neighbours inside the range. Only a mark's bytes are looked at closely:
/// every mark is ASCII or begins with 0xC2 («, ») or 0xE2 (the rest), so the
/// rest of the text is passed over a byte at a time without decoding.
fn marks(text: &str, range: Range<usize>) -> impl Iterator<Item = Mark> + '_ {
    let bytes = text.as_bytes();
    let end = range.end.min(bytes.len());
    let mut i = range.start;
    std::iter::from_fn(move || {
        while i < end {
            let Some(skip) = bytes[i..end]
                .iter()
                .position(|&b| MAY_START_MARK[usize::from(b)])
            else {
                i = end;
                return None;
            };
            let pos = i + skip;
            // A lead byte: `pos` is a character boundary.
            let c = text[pos..end].chars().next()?;
            i = pos + c.len_utf8();
            if is_quote_mark(c) {
                return Some(Mark {
                    pos,
                    c,
                    prev: text[range.start..pos].chars().next_back(),
                    next: text[i..end].chars().next(),
                });
            }
        }
        None
    })
}

/// Single-quoted passages inside a double quote ("… 'Is it true?' …").
fn nested_in(text: &str, outer: &Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(Style, usize)> = None;
    for Mark { pos, c, prev, next } in marks(text, outer.range.clone()) {
        match open {
            Some((style, mark)) if style.closed_by(c, prev, next) => {
                let start = mark + text[mark..].chars().next().map_or(1, char::len_utf8);
                out.push(Span {
                    open: mark,
                    range: start..pos,
                    close: pos + c.len_utf8(),
                    segment: outer.segment,
                    continues: false,
                    continuation: false,
                    nested: true,
                });
                open = None;
            }
            Some(_) => {}
            None => {
                open = opens(c, prev, next)
                    .filter(|s| !s.is_double())
                    .map(|s| (s, pos));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find(text, std::slice::from_ref(&(0..text.len())))
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect()
    }

    #[test]
    fn marks_are_every_quotation_mark_with_its_neighbours_in_range() {
        let text = "a „b“ – c «d» ‹e› ‚f‘ 'g' \"h\" ä’s";
        let every: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| is_quote_mark(c))
            .collect();
        let found: Vec<(usize, char)> = marks(text, 0..text.len()).map(|m| (m.pos, m.c)).collect();
        assert_eq!(found, every);
        // Neighbours stop at the range: the mark at its start has none before.
        let inner = text.find('„').unwrap_or(0);
        let first = marks(text, inner..text.len()).next();
        assert!(first.is_some_and(|m| m.prev.is_none() && m.next == Some('b')));
        let last = marks(text, 0..text.len()).last();
        assert!(last.is_some_and(|m| m.c == '’' && m.prev == Some('ä') && m.next == Some('s')));
    }

    #[test]
    fn german_english_french_and_straight_styles() {
        assert_eq!(quotes("Er sagte „Ja, gut“ und ging."), vec!["Ja, gut"]);
        assert_eq!(quotes("She said “yes” twice."), vec!["yes"]);
        assert_eq!(
            quotes("Il dit «oui» puis »nein« hier."),
            vec!["oui", "nein"]
        );
        assert_eq!(quotes(r#"A "one" and "two"."#), vec!["one", "two"]);
    }

    #[test]
    fn mixed_pair_as_in_the_seed_headline() {
        assert_eq!(
            quotes("Maduro betont \"volle Unterstützung“ gegenüber"),
            vec!["volle Unterstützung"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside_and_count_too() {
        assert_eq!(
            quotes("„Er nannte es ‚absurd‘, sagte er“, so sie."),
            vec!["Er nannte es ‚absurd‘, sagte er", "absurd"]
        );
        assert_eq!(
            quotes("“He had his 'life goals' written down,” she said."),
            vec!["He had his 'life goals' written down,", "life goals"]
        );
        let text = "“I said, 'It's not true.' Then I left,” she said.";
        let found = find(text, std::slice::from_ref(&(0..text.len())));
        assert_eq!(found.len(), 2);
        assert!(found[1].nested);
        assert_eq!(&text[found[1].range.clone()], "It's not true.");
    }

    #[test]
    fn straight_quotes_nest_when_the_marks_say_so() {
        assert_eq!(
            quotes(r#"He wrote, "The "United States" holds none." Then "yes" came."#),
            vec![r#"The "United States" holds none."#, "yes"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("Putin's plan and the players' union don't matter.").is_empty());
        assert_eq!(quotes("He called it 'absurd' today."), vec!["absurd"]);
    }

    #[test]
    fn quote_runs_over_a_paragraph_end() {
        let text = "“We will win this fight,\n\n“And we will rebuild,” she said.";
        let cut = text.find("\n\n").unwrap();
        let segs = [0..cut, cut + 2..text.len()];
        let found = find(text, &segs);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].range.clone()], "We will win this fight,");
        assert!(found[0].continues);
        assert!(found[1].continuation);
        assert_eq!(&text[found[1].range.clone()], "And we will rebuild,");
    }

    #[test]
    fn an_unclosed_mark_is_bounded_by_its_paragraph() {
        let text = "A 12\" pipe.\n\n\"Then a long quote that never closes at all";
        let cut = text.find("\n\n").unwrap();
        let segs = [0..cut, cut + 2..text.len()];
        let found = find(text, &segs);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].segment, 1);
        assert_eq!(found[0].range.end, text.len());
    }
}
