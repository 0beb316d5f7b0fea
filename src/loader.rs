//! Reading and extracting articles on a worker thread, so that the first
//! screen comes at once and keys are answered while a large library loads.
//!
//! The articles the reader asks for are read, parsed and extracted at once
//! on the thread pool (so one huge article never holds up the next one
//! asked for); meanwhile the worker reads and parses every other article in
//! list order, so the list can show headlines and errors. Each result goes
//! through `deliver`; the worker stops when `deliver` reports that nobody
//! listens any more.

use crate::article::{Entry, Source};
use crate::document::Document;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

/// How long the first article's extraction waits for the reader to draw
/// its text (see [`Loader::drawn`]); a reader that never says so only
/// delays it by this much.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(50);

/// An entry read in the background; `doc` is there when it was asked for.
pub struct Loaded {
    pub index: usize,
    pub entry: Entry,
    pub doc: Option<Document>,
    /// Read again because its file changed: it replaces what was delivered
    /// before.
    pub again: bool,
}

/// What the reader asks of the worker.
enum Request {
    /// The reader opens this article: its text first, then its extraction
    /// (once).
    Want(usize),
    /// Extract this article (once), for the people of the whole library.
    Extract(usize),
    /// Its file changed: read it again (and extract it again if it was).
    Reload(usize),
    /// A new file: list it as the next index.
    Add(Source),
    /// The reader has drawn its first frame.
    Drawn,
}

/// The handle to the worker: ask it for articles to extract.
pub struct Loader {
    requests: Sender<Request>,
}

impl Loader {
    /// Start the worker over `sources`, with `first` (if any) asked for
    /// before it starts.
    pub fn spawn(
        sources: Vec<Source>,
        first: Option<usize>,
        deliver: impl Fn(Loaded) -> bool + Clone + Send + Sync + 'static,
    ) -> std::io::Result<Loader> {
        let (requests, inbox) = channel();
        if let Some(index) = first {
            // The receiver is alive: it is moved into the worker below.
            let _ = requests.send(Request::Want(index));
        }
        thread::Builder::new()
            .name("byline-loader".into())
            .spawn(move || work(sources, &inbox, deliver))?;
        Ok(Loader { requests })
    }

    /// The reader opens an article: it is delivered twice, its text at once
    /// (a document not extracted yet) and then with what extraction found.
    /// Asking again for an article asked for before does nothing.
    pub fn want(&self, index: usize) {
        // A worker that has stopped has nobody to deliver to either.
        let _ = self.requests.send(Request::Want(index));
    }

    /// Ask for an article's extraction only (the library's people view):
    /// delivered once, when done. Asking again does nothing.
    pub fn extract(&self, index: usize) {
        let _ = self.requests.send(Request::Extract(index));
    }

    /// The reader has drawn its first frame: the first article's
    /// extraction may take the processor now.
    pub fn drawn(&self) {
        let _ = self.requests.send(Request::Drawn);
    }

    /// The article's file changed: read it again.
    pub fn reload(&self, index: usize) {
        let _ = self.requests.send(Request::Reload(index));
    }

    /// A new article: it gets the next index, as it does in the reader.
    pub fn add(&self, source: Source) {
        let _ = self.requests.send(Request::Add(source));
    }
}

/// How an article asked for is delivered.
#[derive(Clone, Copy)]
enum Phases {
    /// Its text at once, then again when extracted: the reader waits for it.
    TextFirst,
    /// Once, when extracted.
    Once,
    /// Once, when extracted, replacing what was delivered before (its file
    /// changed).
    Again,
}

/// Reads and extracts one article and hands it over as `phases` says.
/// Returns false when nobody listens any more.
fn load_and_extract(
    index: usize,
    source: &Source,
    phases: Phases,
    deliver: &impl Fn(Loaded) -> bool,
    after_text: impl FnOnce(),
) -> bool {
    let entry = source.load();
    let Ok(article) = &entry.article else {
        let again = matches!(phases, Phases::Again);
        return deliver(Loaded {
            index,
            entry,
            doc: None,
            again,
        });
    };
    let article = article.clone();
    if matches!(phases, Phases::TextFirst)
        && !deliver(Loaded {
            index,
            entry: entry.clone(),
            doc: Some(Document::unextracted(article.clone())),
            again: false,
        })
    {
        return false;
    }
    if matches!(phases, Phases::TextFirst) {
        after_text();
    }
    deliver(Loaded {
        index,
        entry,
        doc: Some(Document::new(article)),
        again: matches!(phases, Phases::Again),
    })
}

fn work(
    mut sources: Vec<Source>,
    inbox: &Receiver<Request>,
    deliver: impl Fn(Loaded) -> bool + Clone + Send + Sync + 'static,
) {
    let mut extracted = vec![false; sources.len()];
    let mut next_listed = 0;
    // Requests that came while the first article waited for its frame.
    let mut early = Vec::new();
    let stopped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // The first article is extracted here, before any listing, so that
    // the first frame has it as soon as possible.
    if let Ok(Request::Want(index)) = inbox.try_recv()
        && index < sources.len()
    {
        extracted[index] = true;
        // Extraction waits until the reader has drawn the text: on two
        // cores, a woken reader thread can otherwise wait out the
        // extraction's time slice before it gets to draw.
        let wait_for_frame = || {
            let deadline = std::time::Instant::now() + FIRST_FRAME_WAIT;
            loop {
                let left = deadline.saturating_duration_since(std::time::Instant::now());
                match inbox.recv_timeout(left) {
                    Ok(Request::Drawn) | Err(_) => return,
                    Ok(other) => early.push(other),
                }
            }
        };
        if !load_and_extract(
            index,
            &sources[index],
            Phases::TextFirst,
            &deliver,
            wait_for_frame,
        ) {
            return;
        }
    }
    // Extracts on the thread pool: one huge article never holds up the
    // next one asked for.
    let extract = |index: usize, source: Source, phases: Phases| {
        let deliver = deliver.clone();
        let stopped = std::sync::Arc::clone(&stopped);
        rayon::spawn(move || {
            if !load_and_extract(index, &source, phases, &deliver, || ()) {
                stopped.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        });
    };
    let handle = |request: Request, sources: &mut Vec<Source>, extracted: &mut Vec<bool>| {
        match request {
            Request::Want(index) | Request::Extract(index) => {
                if index < sources.len() && !extracted[index] {
                    extracted[index] = true;
                    let phases = if matches!(request, Request::Want(_)) {
                        Phases::TextFirst
                    } else {
                        Phases::Once
                    };
                    extract(index, sources[index].clone(), phases);
                }
            }
            Request::Reload(index) => {
                if index < sources.len() {
                    if extracted[index] {
                        extract(index, sources[index].clone(), Phases::Again);
                    } else {
                        let entry = sources[index].load();
                        return deliver(Loaded {
                            index,
                            entry,
                            doc: None,
                            again: true,
                        });
                    }
                }
            }
            Request::Drawn => {}
            Request::Add(source) => {
                sources.push(source);
                extracted.push(false);
            }
        }
        true
    };
    loop {
        if stopped.load(std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        // Requests first: the reader waits for those.
        for request in std::mem::take(&mut early)
            .into_iter()
            .chain(inbox.try_iter())
        {
            if !handle(request, &mut sources, &mut extracted) {
                return;
            }
        }
        if next_listed < sources.len() {
            let index = next_listed;
            next_listed += 1;
            if !extracted[index] {
                let entry = sources[index].load();
                if !deliver(Loaded {
                    index,
                    entry,
                    doc: None,
                    again: false,
                }) {
                    return;
                }
            }
            continue;
        }
        // Everything listed: sleep until the reader asks for something.
        match inbox.recv() {
            Ok(request) => {
                if !handle(request, &mut sources, &mut extracted) {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::sample_sources;
    use std::sync::mpsc;
    use std::time::Duration;

    fn start(first: Option<usize>) -> (Loader, mpsc::Receiver<Loaded>, usize) {
        let sources = sample_sources();
        let n = sources.len();
        let (tx, rx) = mpsc::channel();
        let loader =
            Loader::spawn(sources, first, move |l| tx.send(l).is_ok()).expect("thread starts");
        (loader, rx, n)
    }

    fn next(rx: &mpsc::Receiver<Loaded>) -> Loaded {
        rx.recv_timeout(Duration::from_secs(10))
            .expect("the worker delivers")
    }

    /// Whether a delivery has a document, and whether it is extracted.
    fn doc_state(l: &Loaded) -> Option<bool> {
        l.doc.as_ref().map(|d| d.extracted)
    }

    #[test]
    fn the_wanted_article_comes_as_text_then_extracted_and_every_other_listed() {
        let (_loader, rx, n) = start(Some(2));
        let mut seen = Vec::new();
        let mut wanted = Vec::new();
        for _ in 0..n + 1 {
            let l = next(&rx);
            if l.index == 2 {
                wanted.push(doc_state(&l));
            } else {
                assert_eq!(doc_state(&l), None, "article {}", l.index);
            }
            seen.push(l.index);
        }
        // The text first, so the reader can show it; then the extraction.
        assert_eq!(wanted, vec![Some(false), Some(true)]);
        seen.sort();
        seen.dedup();
        assert_eq!(seen, (0..n).collect::<Vec<_>>());
    }

    #[test]
    fn added_and_changed_articles_are_delivered_again() {
        let (loader, rx, n) = start(Some(0));
        for _ in 0..n + 1 {
            next(&rx);
        }
        // A new file is listed under the next index.
        loader.add(sample_sources().remove(1));
        let l = next(&rx);
        assert_eq!((l.index, l.again, doc_state(&l)), (n, false, None));
        // A changed file that was extracted is extracted again, at once.
        loader.reload(0);
        let l = next(&rx);
        assert_eq!((l.index, l.again, doc_state(&l)), (0, true, Some(true)));
        // One that was only listed is listed again.
        loader.reload(3);
        let l = next(&rx);
        assert_eq!((l.index, l.again, doc_state(&l)), (3, true, None));
    }

    #[test]
    fn a_later_request_is_answered_after_listing() {
        let (loader, rx, n) = start(None);
        for _ in 0..n {
            assert!(next(&rx).doc.is_none());
        }
        loader.want(1);
        let text = next(&rx);
        let extracted = next(&rx);
        assert_eq!((text.index, doc_state(&text)), (1, Some(false)));
        assert_eq!((extracted.index, doc_state(&extracted)), (1, Some(true)));
        // Asked again, it is not extracted again.
        loader.want(1);
        assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
    }

    #[test]
    fn an_extraction_for_the_library_comes_once() {
        let (loader, rx, n) = start(None);
        for _ in 0..n {
            next(&rx);
        }
        loader.extract(4);
        let l = next(&rx);
        assert_eq!((l.index, doc_state(&l)), (4, Some(true)));
        assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
    }

    #[test]
    fn the_worker_stops_when_nobody_listens() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        let loader = Loader::spawn(sample_sources(), Some(0), move |_| {
            counted.fetch_add(1, Ordering::SeqCst);
            false
        })
        .expect("thread starts");
        std::thread::sleep(Duration::from_millis(200));
        loader.want(3);
        std::thread::sleep(Duration::from_millis(100));
        // One refusal from the listing and at most one from the extraction
        // running beside it; then nothing, though nine articles remain.
        assert!(
            calls.load(Ordering::SeqCst) <= 2,
            "nothing after the refusal"
        );
    }

    #[test]
    fn a_file_deleted_after_listing_becomes_an_error_entry() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("gone.txt");
        std::fs::write(&path, "Head\n\nBody.").expect("write");
        let sources = crate::article::list(&[dir.path().to_path_buf()]);
        std::fs::remove_file(&path).expect("remove");
        let (tx, rx) = mpsc::channel();
        let _loader =
            Loader::spawn(sources, Some(0), move |l| tx.send(l).is_ok()).expect("thread starts");
        let l = next(&rx);
        assert_eq!(l.index, 0);
        assert!(l.doc.is_none());
        assert!(matches!(
            l.entry.article,
            Err(crate::article::LoadError::Io(_))
        ));
    }
}
