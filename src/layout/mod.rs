//! Where things go: the screen's areas and the article's wrapped lines.
//!
//! Both are pure functions of their inputs, shared by the state (which needs
//! page sizes and the row of a quote) and the widgets (which draw there).

pub mod notes;
mod screen;
mod wrap;

pub use screen::{
    Areas, MAX_TEXT_WIDTH, Prefs, Side, areas, article_list, centred, list_window_start,
};
pub use wrap::{IMAGE_PREFIX, Line, LineKind, WrappedArticle};
