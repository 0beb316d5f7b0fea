//! byline: a terminal news reader that shows who is named and who said what.
//!
//! Data flows one way: files → [`article`] (model, loaders) → [`extract`]
//! (people, quotes, speakers) → [`app`] (state and actions) → [`ui`] (drawing).

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod app;
pub mod article;
pub mod config;
pub mod document;
pub mod export;
pub mod extract;
pub mod layout;
pub mod loader;
pub mod render;
pub mod state;
pub mod tagger;
pub mod ui;
pub mod watch;
