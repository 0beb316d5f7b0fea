//! The reader's state, and how each action changes it.
//!
//! Keys become [`Action`]s (see [`keymap`]); `App::apply` is the only place
//! where state changes. Drawing reads the state and nothing else.

pub mod action;
pub mod keymap;
pub mod library;
pub mod people_view;
pub mod search;

pub use action::Action;
pub use library::{ArticleList, Sort};
pub use people_view::{PeopleView, PersonQuotes};

use crate::article::{Entry, LoadError, Source};
use crate::document::Document;
use crate::layout::{Areas, Prefs, WrappedArticle, areas, article_list, list_window_start, notes};
use crate::state::{Place, State};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use std::ops::Range;

/// Rows one notch of the mouse wheel scrolls.
const WHEEL_ROWS: usize = 3;

/// Which part of the screen the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    People,
    Quotes,
}

/// What the reader jumped to, drawn reversed in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Mention { person: usize, index: usize },
    Quote(usize),
    Match(usize),
}

/// What `n`/`N` step through when no search is active: the list used last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stepping {
    Mentions,
    Quotes,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// True while the query is being typed.
    pub editing: bool,
    pub matches: Vec<Range<usize>>,
}

/// Everything drawn that is not the scroll position: when two views are
/// equal, a redraw only has to move the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    current: usize,
    focus: Focus,
    person: usize,
    quote: usize,
    target: Option<Target>,
    show_person: bool,
    search: Option<(String, bool, usize)>,
    help: bool,
    link: Option<String>,
    article_list: Option<ArticleList>,
    /// (person selected, quote selected, people, articles extracted).
    people_view: Option<(usize, Option<usize>, usize, usize)>,
    panel: bool,
    status: Option<String>,
    areas: Areas,
}

/// A list popup whose selection the movement keys move.
pub trait Selectable {
    /// Moves the selection by `delta` rows, within the list.
    fn step(&mut self, delta: isize);
    /// To the first (`false`) or last (`true`) row.
    fn to_end(&mut self, last: bool);
}

/// Applies a movement action to a list popup; returns whether it was one.
fn move_in(list: &mut impl Selectable, action: Action, page: isize) -> bool {
    match action {
        Action::LineDown => list.step(1),
        Action::LineUp => list.step(-1),
        Action::PageDown | Action::HalfPageDown => list.step(page),
        Action::PageUp | Action::HalfPageUp => list.step(-page),
        Action::Top => list.to_end(false),
        Action::Bottom => list.to_end(true),
        _ => return false,
    }
    true
}

/// Something the reader asks the world outside to do; the caller does it
/// (see [`App::take_handoff`]), so the state stays free of I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handoff {
    /// Open this web link in a browser.
    Open(String),
    /// Put this text on the clipboard with OSC 52.
    Copy(String),
}

/// One item of the article list: its name at once, the article when loaded.
#[derive(Debug, Clone)]
pub struct Slot {
    pub name: String,
    /// Names the article in the saved reading state (see `state`).
    pub key: String,
    /// `None` while a background loader is still reading it.
    pub entry: Option<Entry>,
}

pub struct App {
    slots: Vec<Slot>,
    /// Which key does what; the help and the footer show it.
    pub keymap: keymap::Keymap,
    /// Text width, panel width and side (from the configuration).
    prefs: Prefs,
    /// Extraction results, computed when an article is first opened.
    docs: Vec<Option<Document>>,
    /// Loading and extraction happen elsewhere (a worker thread): opening an
    /// article asks for it through `take_wanted` instead of extracting here.
    background: bool,
    wanted: Option<usize>,
    current: usize,
    pub focus: Focus,
    /// The first wrapped row shown.
    pub scroll: usize,
    /// Selected row of the people list and of the quote list.
    pub person: usize,
    pub quote: usize,
    pub target: Option<Target>,
    /// Mark every mention of the selected person.
    pub show_person: bool,
    stepping: Stepping,
    pub search: Option<Search>,
    pub help: bool,
    /// Everyone in the library (`P`), and one person's quotes.
    pub people_view: Option<PeopleView>,
    /// Every article is to be extracted (for the people view); the caller
    /// asks its loader (see [`App::take_wanted_all`]).
    wanted_all: bool,
    /// A link shown for copying (over SSH, or when no browser starts).
    pub link: Option<String>,
    /// Running over SSH: a browser would open on the wrong machine.
    pub remote: bool,
    /// Whether `y` may write the clipboard (the configuration's
    /// `[clipboard] osc52`).
    pub osc52: bool,
    handoff: Option<Handoff>,
    /// The article list popup: its rows, selection, order and filter.
    pub article_list: Option<ArticleList>,
    /// The order and filter the article list had when it was last closed.
    list_sort: Sort,
    list_filter: String,
    pub panel: bool,
    /// Whether byline takes the mouse (wheel and clicks); when off, the
    /// terminal's own text selection works.
    pub mouse: bool,
    pub quit: bool,
    /// A short message for the footer ("search wrapped", "no match").
    pub status: Option<String>,
    size: Rect,
    areas: Areas,
    wrapped: Option<WrappedArticle>,
    /// The first wrapped row of each quote's note in the side panel.
    notes: Vec<usize>,
    /// Where each article was left and whether it was read, by slot key.
    places: std::collections::BTreeMap<String, Place>,
    /// A text offset to scroll to once the open article is laid out.
    pending_offset: Option<usize>,
}

impl App {
    /// A reader over loaded entries; extraction runs when an article is
    /// first opened, on this thread.
    pub fn new(entries: Vec<Entry>) -> App {
        let slots = entries
            .into_iter()
            .map(|e| Slot {
                name: e.name.clone(),
                key: e
                    .path
                    .as_deref()
                    .map_or_else(|| format!("builtin:{}", e.name), crate::article::path_key),
                entry: Some(e),
            })
            .collect();
        App::with_slots(slots, false)
    }

    /// A reader whose articles are loaded and extracted by someone else,
    /// who hands them over with [`App::loaded`]. Until then the list shows
    /// their names and the pane says the article is loading.
    pub fn loading(sources: &[Source]) -> App {
        let slots = sources
            .iter()
            .map(|s| Slot {
                name: s.name.clone(),
                key: s.key(),
                entry: None,
            })
            .collect();
        App::with_slots(slots, true)
    }

    fn with_slots(slots: Vec<Slot>, background: bool) -> App {
        let mut app = App {
            keymap: keymap::Keymap::default(),
            prefs: Prefs::default(),
            docs: slots.iter().map(|_| None).collect(),
            slots,
            background,
            wanted: None,
            current: 0,
            focus: Focus::Reader,
            scroll: 0,
            person: 0,
            quote: 0,
            target: None,
            show_person: false,
            stepping: Stepping::Quotes,
            search: None,
            help: false,
            people_view: None,
            wanted_all: false,
            link: None,
            remote: false,
            osc52: false,
            handoff: None,
            article_list: None,
            list_sort: Sort::default(),
            list_filter: String::new(),
            panel: true,
            mouse: true,
            quit: false,
            status: None,
            size: Rect::default(),
            areas: Areas::default(),
            wrapped: None,
            notes: Vec::new(),
            places: std::collections::BTreeMap::new(),
            pending_offset: None,
        };
        app.open(0);
        app
    }

    /// What is drawn, apart from the scroll position.
    pub fn view(&self) -> View {
        View {
            current: self.current,
            focus: self.focus,
            person: self.person,
            quote: self.quote,
            target: self.target,
            show_person: self.show_person,
            search: self
                .search
                .as_ref()
                .map(|s| (s.query.clone(), s.editing, s.matches.len())),
            help: self.help,
            link: self.link.clone(),
            article_list: self.article_list.clone(),
            people_view: self.people_view.as_ref().map(|v| {
                (
                    v.selected,
                    v.quotes.as_ref().map(|q| q.selected),
                    v.people.len(),
                    v.extracted,
                )
            }),
            panel: self.panel,
            status: self.status.clone(),
            areas: self.areas,
        }
    }

    /// The article list.
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The article the reader waits for and has not asked for yet; the
    /// caller passes it on to whoever loads in the background.
    pub fn take_wanted(&mut self) -> Option<usize> {
        self.wanted.take()
    }

    /// An entry loaded in the background, with its extraction when it was
    /// asked for. Returns whether the screen changes.
    pub fn loaded(&mut self, index: usize, entry: Entry, doc: Option<Document>) -> bool {
        if index >= self.slots.len() {
            return false;
        }
        self.slots[index].entry = Some(entry);
        // Either the first document of the article, or its extraction
        // arriving after the text (see `Document::unextracted`).
        let (first, extracted) = match (&doc, &self.docs[index]) {
            (Some(new), None) => (true, new.extracted),
            (Some(new), Some(old)) => (false, new.extracted && !old.extracted),
            (None, _) => (false, false),
        };
        let ready = first || extracted;
        if ready {
            self.docs[index] = doc;
        }
        if index == self.current && ready {
            if first {
                self.wrapped = None;
                self.relayout();
            } else {
                // The same text: its wrapping stands, while the panel's
                // split and the quotes' notes follow what was found.
                self.relayout();
                self.place_notes();
            }
        }
        // Headlines and dates arrive: the list's order and filter may change.
        self.refresh_article_list();
        if extracted && self.people_view.is_some() {
            self.refresh_people_view();
            return true;
        }
        // The article list shows headlines and errors as they arrive.
        index == self.current || self.article_list.is_some()
    }

    /// An entry read again because its file changed. The open article keeps
    /// its place (by text offset); selections that no longer exist are
    /// dropped. Returns whether the screen changes.
    pub fn reloaded(&mut self, index: usize, entry: Entry, doc: Option<Document>) -> bool {
        if index >= self.slots.len() {
            return false;
        }
        self.slots[index].entry = Some(entry);
        let was_extracted = self.docs[index].as_ref().is_some_and(|d| d.extracted);
        if doc.is_some() || was_extracted {
            self.docs[index] = doc;
        }
        self.refresh_article_list();
        if index != self.current {
            return self.article_list.is_some();
        }
        let keep = self.wrapped.as_ref().and_then(|w| w.offset_at(self.scroll));
        self.pending_offset = keep.or(self.pending_offset);
        self.wrapped = None;
        self.target = None;
        self.show_person = false;
        self.person = self.person.min(self.people_count().saturating_sub(1));
        self.quote = self.quote.min(self.quote_count().saturating_sub(1));
        if let (Some(s), Some(d)) = (&mut self.search, self.docs[index].as_ref()) {
            s.matches = search::find(&d.article.text, &d.article.prose_ranges(), &s.query);
        }
        self.relayout();
        self.status = Some("the file changed: read again".into());
        true
    }

    /// A new article (a file that appeared while reading), listed last.
    /// Returns its index.
    pub fn add(&mut self, source: &Source) -> usize {
        self.slots.push(Slot {
            name: source.name.clone(),
            key: source.key(),
            entry: None,
        });
        self.docs.push(None);
        self.refresh_article_list();
        self.slots.len() - 1
    }

    /// Sorts and filters the open article list again (slots changed).
    fn refresh_article_list(&mut self) {
        if let Some(list) = &mut self.article_list {
            list.refresh(&self.slots);
        }
    }

    /// The indices of the articles read from `path` (a feed file holds
    /// several).
    pub fn slots_of_file(&self, path: &std::path::Path) -> Vec<usize> {
        let key = crate::article::path_key(path);
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.key == key
                    || s.key
                        .strip_prefix(key.as_str())
                        .is_some_and(|r| r.starts_with('#'))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether every article should be extracted now (asked once).
    pub fn take_wanted_all(&mut self) -> bool {
        std::mem::take(&mut self.wanted_all)
    }

    /// The people of every extracted article, merged across articles.
    fn library_people(&self) -> (Vec<crate::extract::library::LibraryPerson>, usize, usize) {
        let docs: Vec<(usize, &crate::extract::Extraction)> = self
            .docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                d.as_ref()
                    .filter(|d| d.extracted)
                    .map(|d| (i, &d.extraction))
            })
            .collect();
        let extractable = self
            .slots
            .iter()
            .filter(|s| s.entry.as_ref().is_none_or(|e| e.article.is_ok()))
            .count();
        (
            crate::extract::library::people(&docs),
            docs.len(),
            extractable.max(docs.len()),
        )
    }

    fn open_people_view(&mut self) {
        if self.background {
            self.wanted_all = true;
        } else {
            // Nobody extracts in the background: do it here, once.
            for i in 0..self.slots.len() {
                if self.docs[i].as_ref().is_none_or(|d| !d.extracted)
                    && let Some(Ok(article)) = self.slots[i].entry.as_ref().map(|e| &e.article)
                {
                    self.docs[i] = Some(Document::new(article.clone()));
                }
            }
        }
        let (people, extracted, extractable) = self.library_people();
        self.people_view = Some(PeopleView {
            people,
            selected: 0,
            quotes: None,
            extracted,
            extractable,
        });
    }

    fn refresh_people_view(&mut self) {
        let (people, extracted, extractable) = self.library_people();
        if let Some(view) = &mut self.people_view {
            view.replace_people(people);
            view.extracted = extracted;
            view.extractable = extractable;
        }
    }

    fn apply_in_people_view(&mut self, action: Action) {
        let page = isize::try_from(self.page()).unwrap_or(isize::MAX);
        let Some(view) = &mut self.people_view else {
            return;
        };
        if move_in(view, action, page) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Cancel if view.quotes.is_some() => view.quotes = None,
            Action::Cancel | Action::People => self.people_view = None,
            Action::Activate => match &view.quotes {
                Some(q) => {
                    if let Some(&(article, quote)) = q.items.get(q.selected) {
                        self.people_view = None;
                        self.open(article);
                        self.focus = Focus::Quotes;
                        self.stepping = Stepping::Quotes;
                        self.go_to(Target::Quote(quote));
                    }
                }
                None => {
                    if let Some(person) = view.selected_person() {
                        if person.quotes.is_empty() {
                            self.status = Some(format!("no quotes of {}", person.name));
                        } else {
                            view.quotes = Some(PersonQuotes {
                                name: person.name.clone(),
                                items: person.quotes.clone(),
                                selected: 0,
                            });
                        }
                    }
                }
            },
            _ => {}
        }
    }

    /// The headline of an article and the text of one of its quotes, for the
    /// people view.
    pub fn quote_line(&self, article: usize, quote: usize) -> Option<(String, String)> {
        let doc = self.docs.get(article)?.as_ref()?;
        let q = doc.extraction.quotes.get(quote)?;
        let text = doc.article.text.get(q.range.clone())?;
        Some((
            doc.article.title().to_string(),
            text.split_whitespace().collect::<Vec<_>>().join(" "),
        ))
    }

    /// What the reader asked to be done outside (open a link, copy), once.
    pub fn take_handoff(&mut self) -> Option<Handoff> {
        self.handoff.take()
    }

    /// The open article's web link, from its metadata.
    fn article_link(&self) -> Option<&str> {
        let entry = self.slots.get(self.current)?.entry.as_ref()?;
        entry.article.as_ref().ok()?.meta.url.as_deref()
    }

    fn open_link(&mut self) {
        let Some(url) = self.article_link().map(str::to_string) else {
            self.status = Some("this article has no link".into());
            return;
        };
        // Only web links go to a browser: a file: or custom-scheme link from
        // an untrusted article could start any program.
        let web = url.starts_with("https://") || url.starts_with("http://");
        if self.remote || !web {
            self.link = Some(url);
        } else {
            self.status = Some("opening the link in a browser".into());
            self.handoff = Some(Handoff::Open(url));
        }
    }

    /// The selected quote, with its marks, and its speaker.
    fn quote_with_speaker(&self) -> Option<String> {
        let doc = self.document()?;
        let quote = doc.extraction.quotes.get(self.quote)?;
        let text = doc.article.text.get(quote.marked.clone())?;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(match doc.extraction.speaker_name(quote) {
            Some(name) => format!("{text} — {name}"),
            None => text,
        })
    }

    fn copy_quote(&mut self) {
        let Some(text) = self.quote_with_speaker() else {
            self.status = Some("no quote to copy".into());
            return;
        };
        if self.osc52 {
            self.handoff = Some(Handoff::Copy(text));
            self.status = Some("quote copied (OSC 52)".into());
        } else {
            self.status =
                Some("copying is off: [clipboard] osc52 = true in the config turns it on".into());
        }
    }

    /// Whether the open article's text is shown while its people and
    /// quotes are still being found.
    pub fn is_extracting(&self) -> bool {
        self.document().is_some_and(|d| !d.extracted)
    }

    /// Whether the open article is still being loaded (its text is not
    /// there yet).
    pub fn is_loading(&self) -> bool {
        self.background
            && self.docs.get(self.current).is_some_and(Option::is_none)
            && self
                .slots
                .get(self.current)
                .is_some_and(|s| s.entry.as_ref().is_none_or(|e| e.article.is_ok()))
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// The open article and what was found in it, if it loaded.
    pub fn document(&self) -> Option<&Document> {
        self.docs.get(self.current).and_then(Option::as_ref)
    }

    /// Why the open entry did not load, if it did not.
    pub fn load_error(&self) -> Option<&LoadError> {
        self.slots
            .get(self.current)?
            .entry
            .as_ref()?
            .article
            .as_ref()
            .err()
    }

    pub fn areas(&self) -> &Areas {
        &self.areas
    }

    pub fn wrapped(&self) -> Option<&WrappedArticle> {
        self.wrapped.as_ref()
    }

    /// The wrapped row where each quote's note starts (see `layout::notes`).
    pub fn notes(&self) -> &[usize] {
        &self.notes
    }

    fn page(&self) -> usize {
        usize::from(self.areas.text.height.max(1))
    }

    fn line_count(&self) -> usize {
        self.wrapped.as_ref().map_or(0, |w| w.lines.len())
    }

    fn max_scroll(&self) -> usize {
        self.line_count().saturating_sub(self.page())
    }

    /// How far through the article the view is, in percent.
    pub fn percent(&self) -> usize {
        let max = self.max_scroll();
        (self.scroll * 100).checked_div(max).unwrap_or(100)
    }

    fn people_count(&self) -> usize {
        self.document().map_or(0, |d| d.extraction.people.len())
    }

    fn quote_count(&self) -> usize {
        self.document().map_or(0, |d| d.extraction.quotes.len())
    }

    /// Open entry `index`: extraction runs the first time.
    pub fn open(&mut self, index: usize) {
        if index >= self.slots.len() {
            return;
        }
        self.remember_place();
        self.current = index;
        let place = self
            .places
            .entry(self.slots[index].key.clone())
            .or_default();
        place.read = true;
        self.pending_offset = Some(place.offset).filter(|&o| o > 0);
        if self.docs[index].is_none() {
            let article = self.slots[index].entry.as_ref().map(|e| &e.article);
            if self.background {
                if !matches!(article, Some(Err(_))) {
                    self.wanted = Some(index);
                }
            } else if let Some(Ok(article)) = article {
                self.docs[index] = Some(Document::new(article.clone()));
            }
        }
        self.scroll = 0;
        self.person = 0;
        self.quote = 0;
        self.target = None;
        self.show_person = false;
        self.search = None;
        self.wrapped = None;
        self.relayout();
    }

    /// Note where the open article is, before leaving it.
    fn remember_place(&mut self) {
        let Some(slot) = self.slots.get(self.current) else {
            return;
        };
        let offset = match (&self.wrapped, self.pending_offset) {
            (Some(w), _) => w.offset_at(self.scroll).unwrap_or(0),
            // Not laid out yet: keep the place it was to go to.
            (None, pending) => pending.unwrap_or(0),
        };
        if let Some(place) = self.places.get_mut(&slot.key) {
            place.offset = if self.scroll == 0 && self.wrapped.is_some() {
                0
            } else {
                offset
            };
        }
    }

    /// Take up a saved reading state: read marks, places, and the article
    /// open last (opened, at its place).
    pub fn restore(&mut self, state: &State) {
        if self.slots.is_empty() {
            return;
        }
        self.places = state.articles.clone();
        let last = state
            .last
            .as_ref()
            .and_then(|key| self.slots.iter().position(|s| &s.key == key));
        // Reopened rather than switched to: the article open now (the first
        // one) has no place worth keeping yet.
        let target = last.unwrap_or(self.current);
        self.current = self.slots.len();
        self.open(target);
    }

    /// The reading state to save: the places, with the open article's.
    pub fn state(&mut self) -> State {
        self.remember_place();
        State {
            last: self.slots.get(self.current).map(|s| s.key.clone()),
            articles: self.places.clone(),
        }
    }

    /// Whether article `index` has been opened (now or in an earlier run).
    pub fn is_read(&self, index: usize) -> bool {
        self.slots
            .get(index)
            .and_then(|s| self.places.get(&s.key))
            .is_some_and(|p| p.read)
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Use these layout preferences from now on.
    pub fn set_prefs(&mut self, prefs: Prefs) {
        self.prefs = prefs;
        self.relayout();
    }

    /// The terminal has a new size: lay out again, keeping the place.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.relayout();
    }

    fn relayout(&mut self) {
        let people_rows = u16::try_from(self.people_count()).unwrap_or(u16::MAX);
        self.areas = areas(self.size, self.panel, people_rows, &self.prefs);
        let width = self.areas.text.width;
        if self.wrapped.as_ref().is_some_and(|w| w.width == width) {
            self.scroll = self.scroll.min(self.max_scroll());
            return;
        }
        let keep = self.wrapped.as_ref().and_then(|w| w.offset_at(self.scroll));
        self.wrapped = self
            .document()
            .map(|d| WrappedArticle::new(&d.article, width));
        if let (Some(offset), Some(w)) = (keep.or(self.pending_offset), &self.wrapped) {
            self.scroll = w.row_of(offset);
            self.pending_offset = None;
        }
        self.place_notes();
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Where each quote's note goes in the side panel, by the rows its
    /// quote was wrapped to.
    fn place_notes(&mut self) {
        self.notes = match (&self.wrapped, self.document()) {
            (Some(w), Some(d)) => {
                let anchors: Vec<usize> = d
                    .extraction
                    .quotes
                    .iter()
                    .map(|q| w.row_of(q.marked.start))
                    .collect();
                notes::place(&anchors)
            }
            _ => Vec::new(),
        };
    }

    /// Handle a terminal event. Returns whether a redraw is due. Only key
    /// presses count: terminals that report releases and repeats separately
    /// would otherwise act twice.
    pub fn on_event(&mut self, event: &Event) -> bool {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.on_key(*key),
            Event::Resize(width, height) => {
                self.resize(*width, *height);
                true
            }
            Event::Mouse(mouse) if self.mouse => self.on_mouse(*mouse),
            _ => false,
        }
    }

    /// The wheel scrolls what is under the pointer; a click selects the
    /// article, person or quote under it. Returns whether anything changed.
    pub fn on_mouse(&mut self, mouse: MouseEvent) -> bool {
        let before = (self.view(), self.scroll);
        let at = Position::new(mouse.column, mouse.row);
        let inside = |r: Option<Rect>| r.is_some_and(|r| r.contains(at));
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                if let Some(list) = &mut self.article_list {
                    list.step(if down { 1 } else { -1 });
                } else if inside(self.areas.people) && self.people_count() > 0 {
                    let last = self.people_count() - 1;
                    self.person = if down {
                        self.person + 1
                    } else {
                        self.person.saturating_sub(1)
                    }
                    .min(last);
                } else if !self.help {
                    // The text, and the notes that scroll with it.
                    let step = WHEEL_ROWS;
                    self.scroll = if down {
                        (self.scroll + step).min(self.max_scroll())
                    } else {
                        self.scroll.saturating_sub(step)
                    };
                }
            }
            MouseEventKind::Down(MouseButton::Left) => self.click(at),
            _ => {}
        }
        (self.view(), self.scroll) != before
    }

    fn click(&mut self, at: Position) {
        if self.help {
            self.help = false;
            return;
        }
        if let Some(list) = &self.article_list {
            let popup = article_list(self.size);
            let rows = usize::from(popup.height.saturating_sub(2));
            if at.y > popup.y && at.y < popup.bottom().saturating_sub(1) && popup.contains(at) {
                let row = list_window_start(list.selected, rows) + usize::from(at.y - popup.y - 1);
                if let Some(&index) = list.rows.get(row) {
                    self.close_article_list();
                    self.open(index);
                }
            } else if !popup.contains(at) {
                self.close_article_list();
            }
            return;
        }
        if let Some(people) = self.areas.people.filter(|r| r.contains(at)) {
            let rows = usize::from(people.height.saturating_sub(1));
            if at.y > people.y {
                let index = list_window_start(self.person, rows) + usize::from(at.y - people.y - 1);
                if index < self.people_count() {
                    self.focus = Focus::People;
                    self.person = index;
                    self.activate();
                }
            }
            return;
        }
        if let Some(band) = self.areas.quotes.filter(|r| r.contains(at)) {
            let row = self.scroll + usize::from(at.y - band.y);
            let hit = self
                .notes
                .iter()
                .position(|&n| (n..n + notes::NOTE_ROWS).contains(&row));
            if let Some(i) = hit {
                self.focus = Focus::Quotes;
                self.quote = i;
                self.activate();
            }
        }
    }

    /// Handle a key press. Returns whether anything changed (a redraw is due).
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        if self.article_list.as_ref().is_some_and(|l| l.editing) {
            return self.edit_filter(key);
        }
        if self.search.as_ref().is_some_and(|s| s.editing) {
            return self.edit_search(key);
        }
        match self.keymap.action_for(&key) {
            Some(action) => {
                self.apply(action);
                true
            }
            None => false,
        }
    }

    /// Typing into the search prompt.
    fn edit_search(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => self.quit = true,
            KeyCode::Esc => {
                self.search = None;
                self.target = None;
            }
            KeyCode::Enter => {
                if let Some(s) = &mut self.search {
                    s.editing = false;
                    if s.query.is_empty() {
                        self.search = None;
                    } else if s.matches.is_empty() {
                        self.status = Some(format!("not found: {}", s.query));
                    }
                }
            }
            KeyCode::Backspace => {
                if let Some(s) = &mut self.search {
                    s.query.pop();
                }
                self.update_search();
            }
            KeyCode::Char(c) if !ctrl => {
                if let Some(s) = &mut self.search {
                    s.query.push(c);
                }
                self.update_search();
            }
            _ => return false,
        }
        true
    }

    /// Typing into the article list's filter: the list narrows with each
    /// key; the arrows move in it, Enter opens the selected article, Esc
    /// drops the filter.
    fn edit_filter(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let Some(list) = &mut self.article_list else {
            return false;
        };
        match key.code {
            KeyCode::Char('c') if ctrl => self.quit = true,
            KeyCode::Esc => {
                list.filter.clear();
                list.editing = false;
                list.refresh(&self.slots);
            }
            KeyCode::Enter => {
                list.editing = false;
                if let Some(index) = list.selected_slot() {
                    self.close_article_list();
                    self.open(index);
                }
            }
            KeyCode::Down => list.step(1),
            KeyCode::Up => list.step(-1),
            KeyCode::Backspace => {
                list.filter.pop();
                list.rebuild(&self.slots, None);
            }
            KeyCode::Char(c) if !ctrl => {
                list.filter.push(c);
                list.rebuild(&self.slots, None);
            }
            _ => return false,
        }
        true
    }

    /// Closes the article list, remembering its order and filter.
    fn close_article_list(&mut self) {
        if let Some(list) = self.article_list.take() {
            self.list_sort = list.sort;
            self.list_filter = list.filter;
        }
    }

    /// Find the query again and jump to the first match from the view on.
    fn update_search(&mut self) {
        let Some(doc) = self.docs.get(self.current).and_then(Option::as_ref) else {
            return;
        };
        let Some(s) = &mut self.search else { return };
        let blocks = doc.article.prose_ranges();
        s.matches = search::find(&doc.article.text, &blocks, &s.query);
        self.target = None;
        self.step(true);
    }

    pub fn apply(&mut self, action: Action) {
        self.status = None;
        if self.link.is_some() {
            // Any key closes the link popup; q still quits.
            self.link = None;
            if action == Action::Quit {
                self.quit = true;
            }
            return;
        }
        if self.help {
            match action {
                Action::Quit => self.quit = true,
                _ => self.help = false,
            }
            return;
        }
        if self.article_list.is_some() {
            self.apply_in_article_list(action);
            return;
        }
        if self.people_view.is_some() {
            self.apply_in_people_view(action);
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = true,
            // Sorting means something only in the list.
            Action::SortArticles => {}
            Action::OpenLink => self.open_link(),
            Action::People => self.open_people_view(),
            Action::CopyQuote => self.copy_quote(),
            Action::Articles => {
                self.article_list = Some(ArticleList::new(
                    &self.slots,
                    self.current,
                    self.list_sort,
                    self.list_filter.clone(),
                ));
            }
            Action::NextArticle => {
                self.open((self.current + 1).min(self.slots.len().saturating_sub(1)))
            }
            Action::PreviousArticle => self.open(self.current.saturating_sub(1)),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.status = Some(
                    if self.mouse {
                        "mouse on: wheel scrolls, click selects"
                    } else {
                        "mouse off: the terminal selects text"
                    }
                    .into(),
                );
            }
            Action::TogglePanel => {
                self.panel = !self.panel;
                if !self.panel {
                    self.focus = Focus::Reader;
                }
                self.relayout();
            }
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::Search => {
                self.search = Some(Search {
                    editing: true,
                    ..Search::default()
                });
            }
            Action::Cancel => {
                if self.search.is_some() {
                    self.search = None;
                    self.target = None;
                } else {
                    self.target = None;
                    self.show_person = false;
                }
            }
            Action::Activate => self.activate(),
            Action::Next => self.step(true),
            Action::Previous => self.step(false),
            Action::LineDown
            | Action::LineUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom => self.move_by(action),
        }
    }

    fn apply_in_article_list(&mut self, action: Action) {
        let page = isize::try_from(self.page()).unwrap_or(isize::MAX);
        let Some(list) = &mut self.article_list else {
            return;
        };
        if move_in(list, action, page) {
            return;
        }
        match action {
            Action::Activate => {
                if let Some(index) = list.selected_slot() {
                    self.close_article_list();
                    self.open(index);
                }
            }
            Action::Search => list.editing = true,
            Action::SortArticles => {
                list.sort = list.sort.next();
                list.refresh(&self.slots);
                self.status = Some(format!("sorted by {}", list.sort.label()));
            }
            Action::Quit => self.quit = true,
            // Esc drops a filter first, then closes.
            Action::Cancel if !list.filter.is_empty() => {
                list.filter.clear();
                list.refresh(&self.slots);
            }
            Action::Cancel | Action::Articles => self.close_article_list(),
            _ => {}
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order: &[Focus] = if self.areas.people.is_some() {
            &[Focus::Reader, Focus::People, Focus::Quotes]
        } else {
            &[Focus::Reader]
        };
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
        match self.focus {
            Focus::People => {
                self.stepping = Stepping::Mentions;
                self.show_person = self.people_count() > 0;
            }
            Focus::Quotes => self.stepping = Stepping::Quotes,
            Focus::Reader => {}
        }
    }

    /// Scrolling in the reading pane, or moving the selection in a list.
    fn move_by(&mut self, action: Action) {
        let page = self.page();
        let (from, last) = match self.focus {
            Focus::Reader => (self.scroll, self.max_scroll()),
            Focus::People => (self.person, self.people_count().saturating_sub(1)),
            Focus::Quotes => (self.quote, self.quote_count().saturating_sub(1)),
        };
        // A page in the text keeps two rows of context; in a list it is the
        // list's own height.
        let page_step = match self.focus {
            Focus::Reader => page.saturating_sub(2).max(1),
            _ => page.saturating_sub(4).max(1),
        };
        let to = match action {
            Action::LineDown => from + 1,
            Action::LineUp => from.saturating_sub(1),
            Action::PageDown => from + page_step,
            Action::PageUp => from.saturating_sub(page_step),
            Action::HalfPageDown => from + (page / 2).max(1),
            Action::HalfPageUp => from.saturating_sub((page / 2).max(1)),
            Action::Top => 0,
            _ => last,
        }
        .min(last);
        match self.focus {
            Focus::Reader => self.scroll = to,
            Focus::People => {
                self.person = to;
                self.show_person = true;
                self.stepping = Stepping::Mentions;
            }
            Focus::Quotes => {
                // The notes sit beside their quotes: choosing one brings
                // it (and its note) into view.
                self.stepping = Stepping::Quotes;
                if self.quote_count() > 0 {
                    self.go_to(Target::Quote(to));
                }
            }
        }
    }

    /// `Enter`: jump to the selected person's first mention or the selected quote.
    fn activate(&mut self) {
        match self.focus {
            Focus::People if self.people_count() > 0 => {
                self.show_person = true;
                self.stepping = Stepping::Mentions;
                self.go_to(Target::Mention {
                    person: self.person,
                    index: 0,
                });
            }
            Focus::Quotes if self.quote_count() > 0 => {
                self.stepping = Stepping::Quotes;
                self.go_to(Target::Quote(self.quote));
            }
            _ => {}
        }
    }

    /// The text range a target stands for.
    pub fn target_range(&self, target: Target) -> Option<Range<usize>> {
        let doc = self.document()?;
        match target {
            Target::Mention { person, index } => doc
                .extraction
                .people
                .get(person)?
                .mentions
                .get(index)
                .cloned(),
            Target::Quote(i) => doc.extraction.quotes.get(i).map(|q| q.marked.clone()),
            Target::Match(i) => self.search.as_ref()?.matches.get(i).cloned(),
        }
    }

    /// Make `target` the highlighted one and scroll it into view.
    fn go_to(&mut self, target: Target) {
        let Some(range) = self.target_range(target) else {
            return;
        };
        self.target = Some(target);
        match target {
            Target::Quote(i) => self.quote = i,
            Target::Mention { person, .. } => self.person = person,
            Target::Match(_) => {}
        }
        let Some(w) = &self.wrapped else { return };
        let first = w.row_of(range.start);
        let mut last = w.row_of(range.end.saturating_sub(1).max(range.start));
        let page = self.page();
        // A quote's note should show too, when both fit.
        if let Target::Quote(i) = target
            && let Some(&note) = self.notes.get(i)
        {
            let note_end = note + notes::NOTE_ROWS - 1;
            if note_end >= last && note_end < first + page {
                last = note_end;
            }
        }
        let visible = first >= self.scroll && last < self.scroll + page;
        if !visible {
            // Put it a third of the way down, where the eye expects it.
            self.scroll = first.saturating_sub(page / 3).min(self.max_scroll());
        }
    }

    /// The text offset at the top of the view.
    fn view_offset(&self) -> usize {
        self.wrapped
            .as_ref()
            .and_then(|w| w.offset_at(self.scroll))
            .unwrap_or(0)
    }

    /// `n`/`N`: the next or previous search match, mention or quote.
    fn step(&mut self, forward: bool) {
        let ranges: Vec<Range<usize>>;
        let make: fn(usize, usize) -> Target;
        let current: Option<usize>;
        let person = self.person;
        if let Some(s) = self.search.as_ref().filter(|s| !s.query.is_empty()) {
            ranges = s.matches.clone();
            make = |_, i| Target::Match(i);
            current = match self.target {
                Some(Target::Match(i)) => Some(i),
                _ => None,
            };
            if ranges.is_empty() {
                self.status = Some(format!("not found: {}", s.query));
                return;
            }
        } else if let Some(doc) = self.document() {
            match self.stepping {
                Stepping::Mentions => {
                    let Some(p) = doc.extraction.people.get(person) else {
                        return;
                    };
                    ranges = p.mentions.clone();
                    make = |person, index| Target::Mention { person, index };
                    current = match self.target {
                        Some(Target::Mention { person: tp, index }) if tp == person => Some(index),
                        _ => None,
                    };
                    self.show_person = true;
                }
                Stepping::Quotes => {
                    ranges = doc
                        .extraction
                        .quotes
                        .iter()
                        .map(|q| q.marked.clone())
                        .collect();
                    make = |_, i| Target::Quote(i);
                    current = match self.target {
                        Some(Target::Quote(i)) => Some(i),
                        _ => None,
                    };
                }
            }
        } else {
            return;
        }
        if ranges.is_empty() {
            return;
        }
        let n = ranges.len();
        let next = match current {
            Some(i) if forward => {
                if i + 1 == n {
                    self.status = Some("wrapped to the top".into());
                }
                (i + 1) % n
            }
            Some(i) => {
                if i == 0 {
                    self.status = Some("wrapped to the bottom".into());
                }
                (i + n - 1) % n
            }
            None => {
                // From the view: the first one at or after its top, or the
                // last one before it.
                let top = self.view_offset();
                if forward {
                    ranges.iter().position(|r| r.start >= top).unwrap_or(0)
                } else {
                    ranges.iter().rposition(|r| r.start < top).unwrap_or(n - 1)
                }
            }
        };
        self.go_to(make(person, next));
    }
}

#[cfg(test)]
mod tests;
