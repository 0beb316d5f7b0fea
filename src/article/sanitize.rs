//! Make text safe to hand to a terminal.
//!
//! Article text is untrusted: an escape sequence in it could retitle the
//! window, write the clipboard or move the cursor. Every control character is
//! replaced by a visible placeholder, so the reader sees that something was
//! there and the terminal never receives it. Line breaks and tabs are kept
//! (they are layout, and the wrapper turns them into spaces); carriage returns
//! become spaces so Windows line ends look like Unix ones.

use std::borrow::Cow;

/// True for characters that must never reach the terminal raw.
fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidi embeddings, overrides and isolates can reorder what is shown
        // around them ("Trojan Source"); they are made visible too.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// The visible stand-in for an unsafe character.
fn placeholder(c: char, out: &mut String) {
    match c {
        '\r' => out.push(' '),
        '\u{0}'..='\u{1f}' => {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        }
        '\u{7f}' => out.push_str("^?"),
        _ => out.push_str(&format!("<U+{:04X}>", c as u32)),
    }
}

/// Bytes that may begin an unsafe character (see [`first_unsafe`]), as a
/// table: one load per byte of text.
static MAY_START_UNSAFE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table
};

/// The offset of the first unsafe character. Every unsafe character is an
/// ASCII control or starts with byte 0xC2 (C1 controls) or 0xE2 (bidi
/// controls), so only those bytes are decoded: this reads every article.
fn first_unsafe(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(k) = bytes[i..]
        .iter()
        .position(|&b| MAY_START_UNSAFE[usize::from(b)])
    {
        let at = i + k;
        let c = text[at..].chars().next()?;
        if is_unsafe(c) {
            return Some(at);
        }
        i = at + c.len_utf8();
    }
    None
}

/// Replace every control character except newline and tab by a visible
/// placeholder. Borrows when there is nothing to replace (the usual case).
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let Some(first) = first_unsafe(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if is_unsafe(c) {
            placeholder(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Sanitise a single-line label (a file name, an error message): line breaks
/// and tabs become spaces as well.
pub fn sanitize_line(text: &str) -> String {
    sanitize(text).replace(['\n', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Grüße, „Welt“\n\tok"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        let out = sanitize("a\u{1b}]52;c;SGVsbG8=\u{7}b\u{9b}31mc\u{7f}");
        assert_eq!(out, "a^[]52;c;SGVsbG8=^Gb<U+009B>31mc^?");
        assert!(
            !out.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
    }

    #[test]
    fn bidi_overrides_are_shown() {
        assert_eq!(sanitize("x\u{202e}y"), "x<U+202E>y");
    }

    #[test]
    fn carriage_returns_become_spaces() {
        assert_eq!(sanitize("a\r\nb"), "a \nb");
        assert_eq!(sanitize_line("a\nb\tc"), "a b c");
    }
}
