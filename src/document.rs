//! An article together with what extraction found in it.

use crate::article::Article;
use crate::extract::{self, Extraction};

#[derive(Debug, Clone)]
pub struct Document {
    pub article: Article,
    pub extraction: Extraction,
    /// Whether `extraction` has been run; until then it is empty and the
    /// reader shows the text while people and quotes are being found.
    pub extracted: bool,
}

impl Document {
    /// Run extraction over the article's prose (headline, captions,
    /// paragraphs; not image file names).
    pub fn new(article: Article) -> Document {
        let extraction = extract::extract(&article.text, &article.prose_ranges());
        Document {
            article,
            extraction,
            extracted: true,
        }
    }

    /// The article before extraction, to show its text at once; the
    /// extracted document replaces it (see `App::loaded`).
    pub fn unextracted(article: Article) -> Document {
        Document {
            article,
            extraction: Extraction::default(),
            extracted: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, parse};

    #[test]
    fn an_unextracted_document_has_the_text_and_nothing_found_yet() {
        let text = "Titel\n\n„Wir bleiben in dieser Stadt, was auch kommt“, sagte Angela Merkel.";
        let article = parse("a.txt", text.as_bytes(), Format::Text).expect("parses");
        let pending = Document::unextracted(article.clone());
        assert!(!pending.extracted);
        assert!(pending.extraction.quotes.is_empty());
        let done = Document::new(article);
        assert!(done.extracted);
        assert_eq!(done.extraction.quotes.len(), 1);
        assert_eq!(pending.article.text, done.article.text);
    }
}
