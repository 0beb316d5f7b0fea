//! Real screens drawn on ratatui's TestBackend: what a reader would see.

use byline::app::App;
use byline::article::samples;
use byline::ui::{Screen, Theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn seed_app(width: u16, height: u16) -> App {
    let mut app = App::new(samples());
    app.resize(width, height);
    app
}

fn draw(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let area = app.areas();
    let (w, h) = if area.fits {
        (area.header.width, area.footer.bottom())
    } else {
        (20, 3)
    };
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| f.render_widget(Screen { app, theme }, f.area()))
        .expect("draw");
    terminal
}

fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The (x, y) of the first cell of `needle` on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for (y, row) in rows(buf).iter().enumerate() {
        if let Some(byte) = row.find(needle) {
            let x = row[..byte].chars().count();
            return Some((x as u16, y as u16));
        }
    }
    None
}

const SEED_PEOPLE: [&str; 7] = [
    "Nicolás Maduro",
    "Juri Borissow",
    "Tareck El Aissami",
    "Vladimir Padrino López",
    "Wladimir Putin",
    "Sergej Rjabkow",
    "Juan Guaidó",
];

#[test]
fn seed_article_at_80_by_24() {
    let app = seed_app(80, 24);
    let terminal = draw(&app, &Theme::colour());
    let screen = rows(terminal.backend().buffer()).join("\n");
    assert!(screen.contains("Venezuela und Russland"));
    assert!(screen.contains("People (7)"));
    for name in SEED_PEOPLE {
        assert!(screen.contains(name), "{name} missing from\n{screen}");
    }
    assert!(screen.contains("8 quotes"));
    assert!(screen.contains("Tareck El Aissami"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn seed_article_at_120_by_40() {
    let app = seed_app(120, 40);
    let terminal = draw(&app, &Theme::colour());
    let screen = rows(terminal.backend().buffer()).join("\n");
    for name in SEED_PEOPLE {
        assert!(screen.contains(name), "{name} missing");
    }
    assert!(screen.contains("“Wir haben die Abkommen"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn enter_on_a_quote_shows_it_highlighted() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    let doc = app.document().expect("seed loads");
    let last = doc.extraction.quotes.last().expect("quotes");
    let words: Vec<&str> = doc.article.text[last.range.clone()]
        .split_whitespace()
        .take(2)
        .collect();
    let terminal = draw(&app, &Theme::colour());
    let buf = terminal.backend().buffer();
    let needle = words.join(" ");
    let (x, y) = find(buf, &needle).unwrap_or_else(|| panic!("{needle:?} not on screen"));
    // Left of the panel: it is the text, not the quote list.
    assert!(x < app.areas().reader.right());
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn no_color_marks_quotes_and_mentions_by_style_alone() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Tab); // people: mentions of Maduro are marked
    let terminal = draw(&app, &Theme::plain());
    let buf = terminal.backend().buffer();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            assert_eq!(buf[(x, y)].fg, Color::Reset, "colour at {x},{y}");
            assert_eq!(buf[(x, y)].bg, Color::Reset, "colour at {x},{y}");
        }
    }
    // The headline's quote is underlined; "Maduro" in the headline is bold.
    let (qx, qy) = find(buf, "volle").expect("headline quote");
    assert!(buf[(qx, qy)].modifier.contains(Modifier::UNDERLINED));
    let (mx, my) = find(buf, "Maduro betont").expect("headline mention");
    assert!(buf[(mx, my)].modifier.contains(Modifier::BOLD));
}

#[test]
fn help_lists_every_key_at_80_by_24() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    let terminal = draw(&app, &Theme::colour());
    let screen = rows(terminal.backend().buffer()).join("\n");
    for (_, description) in byline::app::keymap::HELP_ROWS {
        assert!(
            screen.contains(description),
            "{description:?} missing:\n{screen}"
        );
    }
    for (key, _) in byline::app::keymap::KEYMAP {
        let key = key.label();
        assert!(screen.contains(&key), "{key} missing:\n{screen}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_and_footer_show_rebound_keys() {
    use byline::app::Action;
    use byline::app::keymap::Key;
    let mut app = seed_app(80, 24);
    let key = |k: &str| Key::parse(k).expect("a key");
    app.keymap.rebind(Action::Quit, &[key("x")]);
    app.keymap.rebind(Action::Help, &[key("f1")]);
    let footer = |app: &App| {
        let terminal = draw(app, &Theme::colour());
        rows(terminal.backend().buffer()).pop().unwrap_or_default()
    };
    let line = footer(&app);
    assert!(line.contains("x quit"), "{line}");
    assert!(line.contains("F1 help"), "{line}");
    press(&mut app, KeyCode::Char('?'));
    assert!(!app.help, "? is no longer bound");
    press(&mut app, KeyCode::F(1));
    assert!(app.help);
    let terminal = draw(&app, &Theme::colour());
    let screen = rows(terminal.backend().buffer()).join("\n");
    assert!(screen.contains("F1 "), "{screen}");
    assert!(screen.contains(" x "), "{screen}");
}

#[test]
fn article_list_shows_every_article() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('a'));
    let terminal = draw(&app, &Theme::colour());
    let screen = rows(terminal.backend().buffer()).join("\n");
    assert!(screen.contains("Articles ("));
    for slot in app.slots() {
        let entry = slot.entry.as_ref().expect("samples are loaded");
        let title = entry.article.as_ref().expect("samples load").title();
        let start: String = title.chars().take(20).collect();
        assert!(screen.contains(&start), "{start} missing");
    }
}

#[test]
fn article_list_with_source_and_date_sorted_and_filtered() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('s'));
    let terminal = draw(&app, &Theme::colour());
    insta::assert_debug_snapshot!("article_list_by_date", terminal.backend());
    press(&mut app, KeyCode::Char('/'));
    for c in "zug".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let terminal = draw(&app, &Theme::colour());
    let screen = rows(terminal.backend().buffer()).join("\n");
    assert!(screen.contains("filter: zug"), "{screen}");
    assert!(screen.contains("(1 of 9"), "{screen}");
}

#[test]
fn people_across_the_library_and_one_persons_quotes() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Char('P'));
    let terminal = draw(&app, &Theme::colour());
    insta::assert_debug_snapshot!("people_across_the_library", terminal.backend());
    press(&mut app, KeyCode::Enter);
    let terminal = draw(&app, &Theme::colour());
    let screen = rows(terminal.backend().buffer()).join("\n");
    assert!(
        screen.contains("quotes — Enter opens the article there"),
        "{screen}"
    );
}

#[test]
fn search_prompt_and_matches() {
    let mut app = seed_app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    for c in "nato".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let terminal = draw(&app, &Theme::colour());
    let last = rows(terminal.backend().buffer()).pop().unwrap_or_default();
    assert!(last.starts_with("/nato"), "footer: {last}");
    press(&mut app, KeyCode::Enter);
    let terminal = draw(&app, &Theme::colour());
    let last = rows(terminal.backend().buffer()).pop().unwrap_or_default();
    assert!(last.contains("matches"), "footer: {last}");
}

#[test]
fn too_small_says_so_and_any_size_draws() {
    let app = seed_app(10, 3);
    let terminal = draw(&app, &Theme::colour());
    assert!(rows(terminal.backend().buffer())[0].contains("Terminal"));
    for (w, h) in [(1, 1), (19, 5), (20, 6), (33, 9), (250, 80), (500, 200)] {
        let mut app = seed_app(w, h);
        press(&mut app, KeyCode::Char('?'));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        terminal
            .draw(|f| {
                f.render_widget(
                    Screen {
                        app: &app,
                        theme: &Theme::colour(),
                    },
                    f.area(),
                )
            })
            .expect("draw");
    }
}

#[test]
fn every_sample_article_draws() {
    let mut app = seed_app(80, 24);
    for _ in 0..app.slots().len() {
        let terminal = draw(&app, &Theme::colour());
        let screen = rows(terminal.backend().buffer()).join("\n");
        let title = app.document().expect("loads").article.title();
        let start: String = title.chars().take(15).collect();
        assert!(screen.contains(&start), "{start} not on screen");
        press(&mut app, KeyCode::Char(']'));
    }
}

#[test]
fn a_wrapped_image_name_scrolled_to_the_top_is_not_marked_again() {
    use byline::layout::LineKind;
    let mut app = seed_app(80, 24);
    let lines = &app.wrapped().expect("wrapped").lines;
    let continued = (1..lines.len())
        .find(|&i| lines[i].kind == LineKind::Image && lines[i - 1].kind == LineKind::Image)
        .expect("the seed's image name wraps at 80 columns");
    app.scroll = continued;
    let terminal = draw(&app, &Theme::colour());
    let top = rows(terminal.backend().buffer())[1].clone();
    assert!(top.contains("issami.jpg"), "{top}");
    assert!(!top.contains('▧'), "marked again: {top}");
}

#[test]
fn the_text_shows_before_extraction_and_the_panel_fills_after() {
    use byline::document::Document;
    let sources = byline::article::sample_sources();
    let mut app = App::loading(&sources);
    app.resize(80, 24);
    let entry = sources[0].load();
    let article = entry.article.clone().expect("the seed loads");
    // The text arrives first.
    assert!(app.loaded(
        0,
        entry.clone(),
        Some(Document::unextracted(article.clone()))
    ));
    assert!(!app.is_loading() && app.is_extracting());
    let screen = rows(draw(&app, &Theme::colour()).backend().buffer()).join("\n");
    assert!(screen.contains("Venezuela und Russland"), "{screen}");
    assert!(screen.contains("finding…"), "{screen}");
    assert!(!screen.contains("People (7)"), "{screen}");
    // Reading may start at once; the place is kept when the rest comes.
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    let scroll = app.scroll;
    assert!(app.loaded(0, entry.clone(), Some(Document::new(article.clone()))));
    assert!(!app.is_extracting());
    assert_eq!(app.scroll, scroll);
    assert_eq!(app.notes().len(), 8, "a note for each quote");
    let screen = rows(draw(&app, &Theme::colour()).backend().buffer()).join("\n");
    assert!(screen.contains("People (7)"), "{screen}");
    assert!(screen.contains("8 quotes"), "{screen}");
    // A late text-only delivery never takes the extraction away.
    assert!(app.loaded(0, entry, Some(Document::unextracted(article))));
    assert!(!app.is_extracting());
}
