//! Finding a typed phrase in the article, ignoring case.

use std::ops::Range;

/// Byte ranges in `text` where `query` occurs, ignoring case, searched
/// only inside `within` (the article's shown blocks). Line breaks inside a
/// block match a space, as they are shown.
pub fn find(text: &str, within: &[Range<usize>], query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for block in within {
        // Lower-cased characters with the offset each came from.
        let mut hay: Vec<(char, usize)> = Vec::new();
        for (i, c) in text[block.clone()].char_indices() {
            let c = if c == '\n' || c == '\t' { ' ' } else { c };
            for l in c.to_lowercase() {
                hay.push((l, block.start + i));
            }
        }
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            if hay[i..i + needle.len()]
                .iter()
                .map(|&(c, _)| c)
                .eq(needle.iter().copied())
            {
                let start = hay[i].1;
                let last = hay[i + needle.len() - 1].1;
                let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
                out.push(start..end);
                i += needle.len();
            } else {
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ignoring_case_across_line_breaks() {
        let text = "Maduro betonte.\nDer PRÄSIDENT Maduro\nsprach";
        let hits = find(
            text,
            std::slice::from_ref(&(0..text.len())),
            "präsident maduro",
        );
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].clone()], "PRÄSIDENT Maduro");
        assert_eq!(
            find(text, std::slice::from_ref(&(0..text.len())), "maduro").len(),
            2
        );
        assert_eq!(
            find(text, std::slice::from_ref(&(0..text.len())), "betonte. der").len(),
            1
        );
        assert!(find(text, std::slice::from_ref(&(0..text.len())), "").is_empty());
    }

    #[test]
    fn only_inside_the_given_blocks() {
        let text = "abc abc";
        assert_eq!(find(text, std::slice::from_ref(&(4..7)), "abc"), vec![4..7]);
    }
}
