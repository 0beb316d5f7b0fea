//! An article together with what extraction found in it.

use crate::article::Article;
use crate::extract::{self, Extraction};

#[derive(Debug, Clone)]
pub struct Document {
    pub article: Article,
    pub extraction: Extraction,
}

impl Document {
    /// Run extraction over the article's prose (headline, captions,
    /// paragraphs; not image file names).
    pub fn new(article: Article) -> Document {
        let extraction = extract::extract(&article.text, &article.prose_ranges());
        Document {
            article,
            extraction,
        }
    }
}
