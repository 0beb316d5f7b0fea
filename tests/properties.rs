//! Properties that must hold for any input, searched with proptest.

use byline::article::{Format, parse, sanitize};
use byline::extract::extract_text;
use byline::layout::WrappedArticle;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Text with the characters that make trouble: quote marks of every style,
/// CJK, emoji, combining marks, controls, line breaks, capitals.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Maduro",
        "sagte",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "„",
        "“",
        "”",
        "\"",
        "'",
        "‚",
        "‘",
        "’",
        "«",
        "»",
        "‹",
        "›",
        "Präsident",
        "Anna Keller",
        "er",
        "she said",
        ",",
        ".",
        ":",
        "日本語",
        "👩‍🔬",
        "e\u{301}",
        "\u{1b}]52;c;x\u{7}",
        "\u{9b}",
        "\t",
        "Mr.",
        "Dr.",
        "von",
        "El",
        "der",
        "s",
        "'s",
        "verylongwordwithoutanyspacesatall",
        "\r\n",
        "\u{202e}",
        "Khan",
        "according to",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn sanitised_text_has_no_control_characters(s in any::<String>()) {
        let out = sanitize(&s);
        prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        let bidi = |c: char| ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
        prop_assert!(!out.chars().any(bidi));
    }

    #[test]
    fn extraction_never_panics_and_spans_are_sound(text in messy_text()) {
        let x = extract_text(&text);
        let mut outer: Vec<std::ops::Range<usize>> = Vec::new();
        for q in &x.quotes {
            prop_assert!(q.range.start <= q.range.end && q.range.end <= text.len());
            prop_assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
            prop_assert!(q.marked.start <= q.range.start && q.range.end <= q.marked.end);
            prop_assert!(q.speaker.is_none_or(|s| s < x.people.len()));
            if !q.nested {
                outer.push(q.marked.clone());
            }
        }
        // Quotes at the top level never overlap; nested ones lie inside one.
        for pair in outer.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "{:?} overlaps {:?}", pair[0], pair[1]);
        }
        for q in x.quotes.iter().filter(|q| q.nested) {
            prop_assert!(outer.iter().any(|o| o.start <= q.marked.start && q.marked.end <= o.end));
        }
        for p in &x.people {
            prop_assert!(!p.mentions.is_empty());
            for m in &p.mentions {
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert!(m.start < m.end && m.end <= text.len());
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_word_and_the_width(text in messy_text(), width in 2u16..60) {
        let source = format!("Headline\n\n{text}");
        let Ok(article) = parse("a.txt", source.as_bytes(), Format::Text) else {
            return Ok(());
        };
        let wrapped = WrappedArticle::new(&article, width);
        let mut shown = String::new();
        for line in &wrapped.lines {
            let row = &article.text[line.range.clone()];
            prop_assert!(row.width() <= usize::from(width), "{row:?} wider than {width}");
            shown.push_str(row);
            shown.push(' ');
        }
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let blocks: String = article.blocks.iter().map(|b| &article.text[b.range.clone()]).collect();
        prop_assert_eq!(squash(&shown), squash(&blocks));
    }
}
