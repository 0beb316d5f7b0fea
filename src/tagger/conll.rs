//! Token-per-line files (CoNLL style) and conlleval-style scoring of person
//! names in them.
//!
//! A line is `TOKEN` or `TOKEN<TAB>TAG…`; a blank line ends a sentence; a
//! line starting with `#` and holding no tab is a comment.

use super::Tag;

/// One sentence of a token-per-line file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    /// The first tag column of each token, when the file has one.
    pub tags: Vec<Option<String>>,
    /// A `# newdoc` line came before it: a new document starts here.
    pub new_document: bool,
}

impl Sentence {
    /// The person tags of the file's own tags (any other type is outside).
    pub fn person_tags(&self) -> Vec<Tag> {
        let mut out = Vec::with_capacity(self.tags.len());
        for t in &self.tags {
            let tag = match t.as_deref() {
                Some("B-PER") => Tag::B,
                // conlleval: an inside tag after anything else opens a name.
                Some("I-PER") if matches!(out.last(), Some(Tag::B | Tag::I)) => Tag::I,
                Some("I-PER") => Tag::B,
                _ => Tag::O,
            };
            out.push(tag);
        }
        out
    }

    /// Whether each token is part of a named thing that is not a person
    /// (an organisation, a place, "Goethe-Institut").
    pub fn other_entity(&self) -> Vec<bool> {
        self.tags
            .iter()
            .map(|t| {
                t.as_deref().is_some_and(|t| {
                    (t.starts_with("B-") || t.starts_with("I-")) && t.get(2..) != Some("PER")
                })
            })
            .collect()
    }
}

/// The sentences of a token-per-line file.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') && !line.contains('\t') {
            if line.trim_start_matches(['#', ' ']).starts_with("newdoc") {
                current.new_document = true;
            }
            continue;
        }
        let mut cols = line.split('\t');
        let word = cols.next().unwrap_or_default();
        current.words.push(word.to_string());
        current
            .tags
            .push(cols.next().map(str::trim).map(str::to_string));
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    out
}

/// The documents of a file: split at `# newdoc` lines, or, in a file
/// without them, one per sentence (GermEval's sentences come from unrelated
/// texts).
pub fn documents(sentences: &[Sentence]) -> Vec<&[Sentence]> {
    if !sentences.iter().skip(1).any(|s| s.new_document) {
        return sentences.chunks(1).collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, s) in sentences.iter().enumerate().skip(1) {
        if s.new_document {
            out.push(&sentences[start..i]);
            start = i;
        }
    }
    if start < sentences.len() {
        out.push(&sentences[start..]);
    }
    out
}

/// The person names of a tag sequence as token ranges `(start, end)`.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, t) in tags.iter().enumerate() {
        match t {
            Tag::B => {
                if let Some(s) = start.take() {
                    out.push((s, i));
                }
                start = Some(i);
            }
            Tag::I => {
                if start.is_none() {
                    start = Some(i);
                }
            }
            Tag::O => {
                if let Some(s) = start.take() {
                    out.push((s, i));
                }
            }
        }
    }
    if let Some(s) = start {
        out.push((s, tags.len()));
    }
    out
}

/// Exact-span precision, recall and F1 counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub found: usize,
    pub gold: usize,
    pub correct: usize,
}

impl Score {
    /// Adds one sentence's predicted and gold tags.
    pub fn add(&mut self, predicted: &[Tag], gold: &[Tag]) {
        let p = spans(predicted);
        let g = spans(gold);
        self.found += p.len();
        self.gold += g.len();
        self.correct += p.iter().filter(|s| g.contains(s)).count();
    }

    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tokens_tags_comments_and_sentences() {
        let text =
            "# newdoc id = x\nAngela\tB-PER\nMerkel\tI-PER\nsagt\tO\n\n\nBerlin\tB-LOC\n#\tO\n";
        let s = parse(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, ["Angela", "Merkel", "sagt"]);
        assert_eq!(s[0].person_tags(), [Tag::B, Tag::I, Tag::O]);
        // A "#" token with a tab is a token, not a comment.
        assert_eq!(s[1].words, ["Berlin", "#"]);
        assert_eq!(s[1].other_entity(), [true, false]);
        let untagged = parse("Hallo\nWelt\n");
        assert_eq!(untagged[0].tags, [None, None]);
        assert_eq!(
            documents(&s).len(),
            2,
            "no newdoc lines: a document per sentence"
        );
        let docs = parse("# newdoc id = a\nx\n\ny\n\n# newdoc id = b\nz\n");
        let split: Vec<usize> = documents(&docs).iter().map(|d| d.len()).collect();
        assert_eq!(split, [2, 1]);
    }

    #[test]
    fn an_inside_tag_after_outside_opens_a_name() {
        let s = parse("a\tO\nb\tI-PER\nc\tI-PER\n");
        assert_eq!(s[0].person_tags(), [Tag::O, Tag::B, Tag::I]);
    }

    #[test]
    fn scores_exact_spans() {
        use Tag::*;
        let mut score = Score::default();
        score.add(&[B, I, O, B], &[B, I, O, O]);
        score.add(&[B, O], &[B, I]);
        assert_eq!(
            score,
            Score {
                found: 3,
                gold: 2,
                correct: 1
            }
        );
        assert!((score.f1() - 0.4).abs() < 1e-9);
    }
}
