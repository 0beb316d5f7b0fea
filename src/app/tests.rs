use super::*;
use crate::article::samples;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn seed_app(width: u16, height: u16) -> App {
    let mut app = App::new(samples());
    app.resize(width, height);
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn visible(app: &App, range: &std::ops::Range<usize>) -> bool {
    let w = app.wrapped().unwrap();
    let row = w.row_of(range.start);
    row >= app.scroll && row < app.scroll + app.page()
}

#[test]
fn scrolls_by_lines_pages_and_to_the_ends() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.scroll, 2);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.scroll, 1);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.scroll, 1 + app.page() - 2);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.scroll, 1);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.scroll, app.max_scroll());
    assert_eq!(app.percent(), 100);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.scroll, app.max_scroll(), "no scrolling past the end");
    press(&mut app, KeyCode::Home);
    assert_eq!(app.scroll, 0);
    assert_eq!(app.percent(), 0);
}

#[test]
fn only_key_presses_act() {
    let mut app = seed_app(80, 24);
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert!(!app.on_event(&Event::Key(release)));
    assert_eq!(app.scroll, 0);
}

#[test]
fn tab_cycles_focus_and_lists_move() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::People);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.person, 1);
    assert!(app.show_person);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.person, app.people_count() - 1);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Quotes);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Quotes);
}

#[test]
fn enter_on_a_quote_scrolls_it_into_view_and_marks_it() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let last = app.quote_count() - 1;
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.target, Some(Target::Quote(last)));
    let range = app.target_range(Target::Quote(last)).unwrap();
    assert!(app.scroll > 0, "the last quote is further down");
    assert!(visible(&app, &range));
}

#[test]
fn n_steps_through_a_persons_mentions() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    let mentions = app.document().unwrap().extraction.people[0]
        .mentions
        .clone();
    assert!(mentions.len() >= 3);
    assert_eq!(
        app.target,
        Some(Target::Mention {
            person: 0,
            index: 0
        })
    );
    press(&mut app, KeyCode::BackTab); // back to the text; n still steps mentions
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.target,
        Some(Target::Mention {
            person: 0,
            index: 1
        })
    );
    for _ in 1..mentions.len() {
        press(&mut app, KeyCode::Char('n'));
    }
    assert_eq!(
        app.target,
        Some(Target::Mention {
            person: 0,
            index: 0
        }),
        "wraps around"
    );
    press(&mut app, KeyCode::Char('N'));
    let last = mentions.len() - 1;
    assert_eq!(
        app.target,
        Some(Target::Mention {
            person: 0,
            index: last
        })
    );
    assert!(visible(&app, &mentions[last]));
}

#[test]
fn n_steps_through_quotes_from_the_reading_pane() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.target, Some(Target::Quote(0)));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.target, Some(Target::Quote(1)));
    assert_eq!(app.quote, 1, "the quote list follows");
}

#[test]
fn search_finds_steps_and_ends() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "russland");
    press(&mut app, KeyCode::Enter);
    let count = app.search.as_ref().unwrap().matches.len();
    assert!(count >= 3, "found {count}");
    assert_eq!(app.target, Some(Target::Match(0)));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.target, Some(Target::Match(1)));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.target, Some(Target::Match(0)));
    press(&mut app, KeyCode::Esc);
    assert!(app.search.is_none());
    assert!(app.target.is_none());
    // After the search, n is back to stepping quotes.
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.target, Some(Target::Quote(_))));
}

#[test]
fn search_keys_type_into_the_prompt() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "qj");
    assert!(!app.quit, "q is a letter while typing");
    assert_eq!(app.search.as_ref().unwrap().query, "qj");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.search.as_ref().unwrap().query, "q");
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    press(&mut app, KeyCode::Char('j'));
    assert!(!app.help);
    assert_eq!(app.scroll, 0, "the closing key does nothing else");
}

#[test]
fn article_list_opens_another_article() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.article_list.as_ref().map(|l| l.selected), Some(0));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current(), 1);
    assert!(app.article_list.is_none());
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.current(), 0);
}

#[test]
fn the_article_list_filters_as_you_type_and_sorts() {
    let mut app = App::new(samples());
    app.resize(100, 30);
    let all = app.slots().len();
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('/'));
    for c in "wind".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let list = app.article_list.clone().expect("list open");
    assert!(list.editing);
    assert!(
        !list.rows.is_empty() && list.rows.len() < all,
        "{:?}",
        list.rows
    );
    for &i in &list.rows {
        let slot = &app.slots()[i];
        let hay = format!("{} {}", slot.name, crate::app::library::headline(slot)).to_lowercase();
        assert!(hay.contains("wind"), "{hay}");
    }
    // Letters go to the filter while typing, not to the keys: 'q' does not quit.
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    assert!(app.article_list.as_ref().is_some_and(|l| l.rows.is_empty()));
    press(&mut app, KeyCode::Backspace);
    // Enter opens the first match.
    let first = app.article_list.as_ref().and_then(|l| l.selected_slot());
    press(&mut app, KeyCode::Enter);
    assert!(app.article_list.is_none());
    assert_eq!(Some(app.current()), first);
    // The filter is remembered; Esc drops it, a second Esc closes.
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(
        app.article_list.as_ref().map(|l| l.filter.as_str()),
        Some("wind")
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.article_list.as_ref().map(|l| l.rows.len()), Some(all));
    // s cycles the order and keeps the open article selected.
    press(&mut app, KeyCode::Char('s'));
    let list = app.article_list.clone().expect("list open");
    assert_eq!(list.sort, crate::app::Sort::Date);
    assert_eq!(list.selected_slot(), Some(app.current()));
    assert_eq!(app.status.as_deref(), Some("sorted by date"));
    press(&mut app, KeyCode::Char('s'));
    let list = app.article_list.clone().expect("list open");
    let titles: Vec<String> = list
        .rows
        .iter()
        .map(|&i| crate::app::library::headline(&app.slots()[i]).to_lowercase())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
    press(&mut app, KeyCode::Esc);
    assert!(app.article_list.is_none());
}

#[test]
fn quit_keys() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    let mut app = seed_app(80, 24);
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.quit);
}

#[test]
fn resizing_keeps_the_place() {
    let mut app = seed_app(80, 24);
    for _ in 0..20 {
        press(&mut app, KeyCode::Char('j'));
    }
    let offset = app.view_offset();
    app.resize(140, 40);
    let w = app.wrapped().unwrap();
    let row = w.row_of(offset);
    assert!(row >= app.scroll && row < app.scroll + app.page());
}

#[test]
fn panel_toggle_hides_lists_and_returns_focus() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('p'));
    assert!(app.areas().people.is_none());
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Reader, "no hidden list takes focus");
}

#[test]
fn tiny_and_huge_sizes_do_not_panic() {
    let mut app = seed_app(1, 1);
    for (w, h) in [(0, 0), (1, 1), (5, 2), (20, 6), (500, 200), (80, 24)] {
        app.resize(w, h);
        for code in [
            KeyCode::Char('j'),
            KeyCode::Char('G'),
            KeyCode::Tab,
            KeyCode::Enter,
            KeyCode::Char('n'),
        ] {
            press(&mut app, code);
        }
    }
}

#[test]
fn no_articles_is_not_an_error() {
    let mut app = App::new(Vec::new());
    app.resize(80, 24);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char(']'));
    assert!(app.document().is_none());
}

#[test]
fn reading_state_round_trips_place_and_read_marks() {
    let mut app = App::new(samples());
    app.resize(80, 24);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    for _ in 0..7 {
        press(&mut app, KeyCode::Char('j'));
    }
    let offset = app.wrapped().unwrap().offset_at(app.scroll).unwrap();
    let state = app.state();
    assert_eq!(state.last.as_deref(), Some(app.slots()[2].key.as_str()));
    assert!(app.is_read(0) && app.is_read(1) && app.is_read(2));
    assert!(!app.is_read(3), "never opened");

    // A new run takes it up: the same article, at the same place.
    let mut again = App::new(samples());
    again.resize(100, 30);
    again.restore(&state);
    assert_eq!(again.current(), 2);
    // Another width, so another row: the same text offset.
    let row = again.wrapped().unwrap().row_of(offset);
    assert_eq!(again.scroll, row);
    assert!(again.scroll > 0, "not at the top");
    assert!(again.is_read(2) && !again.is_read(3));
}

#[test]
fn a_state_naming_no_known_article_opens_the_first() {
    let mut app = App::new(samples());
    app.resize(80, 24);
    let state = crate::state::State {
        last: Some("/gone/elsewhere.txt".into()),
        ..Default::default()
    };
    app.restore(&state);
    assert_eq!(app.current(), 0);
    assert_eq!(app.scroll, 0);
    assert!(app.is_read(0));
}

fn mouse(app: &mut App, kind: crossterm::event::MouseEventKind, column: u16, row: u16) -> bool {
    app.on_event(&Event::Mouse(crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }))
}

#[test]
fn the_wheel_scrolls_the_text_and_a_click_picks_a_person() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = App::new(samples());
    app.resize(100, 30);
    let text = app.areas().text;
    assert!(mouse(
        &mut app,
        MouseEventKind::ScrollDown,
        text.x + 1,
        text.y + 1
    ));
    assert_eq!(app.scroll, WHEEL_ROWS);
    // The second person's row: one row under the heading.
    let people = app.areas().people.expect("panel shown");
    assert!(mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        people.x + 3,
        people.y + 2
    ));
    assert_eq!(app.focus, Focus::People);
    assert_eq!(app.person, 1);
    assert!(app.show_person);
    assert!(matches!(
        app.target,
        Some(Target::Mention { person: 1, .. })
    ));
}

#[test]
fn a_click_on_a_note_jumps_to_its_quote() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = App::new(samples());
    app.resize(100, 30);
    let band = app.areas().quotes.expect("panel shown");
    // The first note stands level with the first quote, in the headline.
    let row = app.notes()[0] - app.scroll;
    assert!(mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        band.x + 4,
        band.y + u16::try_from(row).unwrap()
    ));
    assert_eq!(app.focus, Focus::Quotes);
    assert_eq!(app.target, Some(Target::Quote(0)));
}

#[test]
fn a_click_in_the_article_list_opens_that_article() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = App::new(samples());
    app.resize(100, 30);
    press(&mut app, KeyCode::Char('a'));
    let popup = crate::layout::article_list(Rect::new(0, 0, 100, 30));
    // Third item: the border, then rows 0, 1, 2.
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        popup.x + 5,
        popup.y + 3,
    );
    assert_eq!(app.article_list, None);
    assert_eq!(app.current(), 2);
}

#[test]
fn with_the_mouse_off_its_events_change_nothing() {
    use crossterm::event::MouseEventKind;
    let mut app = App::new(samples());
    app.resize(100, 30);
    press(&mut app, KeyCode::Char('m'));
    assert!(!app.mouse);
    let text = app.areas().text;
    assert!(!mouse(&mut app, MouseEventKind::ScrollDown, text.x, text.y));
    assert_eq!(app.scroll, 0);
}

#[test]
fn a_changed_file_keeps_the_reading_place_and_a_new_one_is_listed() {
    let mut app = seed_app(80, 24);
    for _ in 0..12 {
        press(&mut app, KeyCode::Char('j'));
    }
    let before = app.wrapped.as_ref().and_then(|w| w.offset_at(app.scroll));
    assert!(app.scroll > 0);
    // The same article with a paragraph added at the end.
    let entry = samples().remove(0);
    let mut article = entry.article.clone().expect("loads");
    article.text.push_str("\n\nEin neuer Absatz am Ende.");
    let end = article.text.len();
    article.blocks.push(crate::article::Block {
        kind: crate::article::BlockKind::Paragraph,
        range: end - "Ein neuer Absatz am Ende.".len()..end,
    });
    let doc = Document::new(article.clone());
    let changed = app.reloaded(
        0,
        Entry {
            article: Ok(article),
            ..entry
        },
        Some(doc),
    );
    assert!(changed);
    let after = app.wrapped.as_ref().and_then(|w| w.offset_at(app.scroll));
    assert_eq!(before, after, "the same place in the text");
    assert_eq!(app.status.as_deref(), Some("the file changed: read again"));

    let n = app.slots().len();
    press(&mut app, KeyCode::Char('a'));
    let source = crate::article::sample_sources().remove(1);
    assert_eq!(app.add(&source), n);
    assert_eq!(app.slots().len(), n + 1);
    assert_eq!(
        app.article_list.as_ref().map(|l| l.rows.len()),
        Some(n + 1),
        "the open list shows it"
    );
}

#[test]
fn o_hands_a_web_link_to_the_browser_or_shows_it() {
    let mut app = seed_app(100, 30);
    // The seed article has no link.
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.status.as_deref(), Some("this article has no link"));
    assert_eq!(app.take_handoff(), None);
    // The JSON sample has one.
    let json = app
        .slots()
        .iter()
        .position(|s| s.name.ends_with(".json"))
        .expect("a JSON sample");
    app.open(json);
    press(&mut app, KeyCode::Char('o'));
    let url = "https://example.org/verkehr/nachtzug-kassel-wien".to_string();
    assert_eq!(app.take_handoff(), Some(Handoff::Open(url.clone())));
    assert!(app.link.is_none());
    // Over SSH it is shown for copying instead; any key closes it.
    app.remote = true;
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.take_handoff(), None);
    assert_eq!(app.link.as_deref(), Some(url.as_str()));
    press(&mut app, KeyCode::Char('j'));
    assert!(app.link.is_none());
    assert!(!app.quit);
}

#[test]
fn y_copies_the_selected_quote_with_its_speaker_only_when_allowed() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('y'));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.starts_with("copying is off")),
        "{:?}",
        app.status
    );
    assert_eq!(app.take_handoff(), None);
    app.osc52 = true;
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('y'));
    let Some(Handoff::Copy(text)) = app.take_handoff() else {
        panic!("no copy asked for");
    };
    let doc = app.document().expect("the seed is open");
    let quote = &doc.extraction.quotes[app.quote];
    let speaker = doc
        .extraction
        .speaker_name(quote)
        .expect("the seed's quotes have speakers");
    assert!(text.ends_with(&format!(" — {speaker}")), "{text}");
    let words: Vec<&str> = doc.article.text[quote.range.clone()]
        .split_whitespace()
        .collect();
    assert!(text.contains(&words.join(" ")), "{text}");
    assert_eq!(app.status.as_deref(), Some("quote copied (OSC 52)"));
}

#[test]
fn people_across_the_library_lead_to_their_quotes_and_into_the_article() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('P'));
    let view = app.people_view.clone().expect("the view opens");
    assert_eq!(view.extracted, app.slots().len(), "every sample extracted");
    assert!(view.people.len() > 20, "{}", view.people.len());
    // Find someone with quotes in an article other than the open one.
    let (row, person) = view
        .people
        .iter()
        .enumerate()
        .find(|(_, p)| !p.quotes.is_empty() && p.appearances.iter().any(|&(a, _)| a != 0))
        .expect("a quoted person elsewhere");
    for _ in 0..row {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    let quotes = app
        .people_view
        .as_ref()
        .and_then(|v| v.quotes.clone())
        .expect("their quotes");
    assert_eq!(quotes.name, person.name);
    assert_eq!(quotes.items.len(), person.quotes.len());
    // Esc goes back to the people, Enter again to the quotes.
    press(&mut app, KeyCode::Esc);
    assert!(app.people_view.as_ref().is_some_and(|v| v.quotes.is_none()));
    press(&mut app, KeyCode::Enter);
    let (article, quote) = quotes.items[0];
    press(&mut app, KeyCode::Enter);
    assert!(app.people_view.is_none());
    assert_eq!(app.current(), article);
    assert_eq!(app.target, Some(Target::Quote(quote)));
    assert_eq!(app.focus, Focus::Quotes);
    let doc = app.document().expect("opened");
    let speaker = doc.extraction.quotes[quote].speaker.expect("attributed");
    let name = &doc.extraction.people[speaker].name;
    assert!(
        person.name.ends_with(name.as_str()) || name.ends_with(person.name.as_str()),
        "{name} vs {}",
        person.name
    );
}
