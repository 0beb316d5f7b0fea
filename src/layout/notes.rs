//! Where the side panel puts each quote's note: level with the row where
//! the quote starts, or just below the note before it when quotes crowd.
//!
//! The notes live in the text's own rows, so they scroll with it: a
//! one-line scroll moves text and notes together, and the terminal's scroll
//! region does the moving (see `render`).

/// Rows a note takes: the speaker, then the quote's first words.
pub const NOTE_ROWS: usize = 2;

/// The first row of each note, for quotes starting on rows `anchors` (in
/// text order, so never decreasing).
pub fn place(anchors: &[usize]) -> Vec<usize> {
    let mut free = 0;
    anchors
        .iter()
        .map(|&anchor| {
            let row = anchor.max(free);
            free = row + NOTE_ROWS;
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_sit_beside_their_quotes_unless_crowded() {
        assert_eq!(place(&[3, 10, 11, 11, 30]), vec![3, 10, 12, 14, 30]);
        assert_eq!(place(&[]), Vec::<usize>::new());
    }

    #[test]
    fn notes_never_overlap_or_come_before_their_quote() {
        let anchors = [0, 0, 1, 5, 6, 6, 6, 20];
        let rows = place(&anchors);
        for (i, (&row, &anchor)) in rows.iter().zip(&anchors).enumerate() {
            assert!(row >= anchor);
            if i > 0 {
                assert!(row >= rows[i - 1] + NOTE_ROWS);
            }
        }
    }
}
