//! The second pass over a document: a name the first pass found somewhere
//! is evidence wherever else the same word stands ("Joshua Abraham Norton"
//! … "Norton said"), and a word the first pass tagged once but left alone
//! everywhere else is probably not a name (Krishnan and Manning 2006).
//!
//! The second pass does not tag from scratch. It adds the weights of a few
//! features of that evidence to the first pass's scores and decodes again,
//! and only in sentences where some word has such evidence: the rest keep
//! their first-pass tags, so the pass costs little.

use super::Tag;
use super::features::{Features, mix};
use rustc_hash::FxHashMap;

/// Features per token that has evidence.
pub(crate) const PER_TOKEN: usize = 7;

/// log2 of the number of rows in the second pass's weight table.
pub(crate) const BITS: u32 = 12;

/// What the first pass did with a word's occurrences.
#[derive(Default, Clone, Copy)]
struct Tally {
    seen: u32,
    /// Tagged as (part of) a name.
    named: u32,
    /// First word of a name of two or more words.
    first: u32,
    /// Last word of a name of two or more words.
    last: u32,
}

impl Tally {
    /// One occurrence, at `i` of a sentence the first pass tagged `tags`.
    fn of(tags: &[Tag], i: usize) -> Tally {
        let tag = |j: usize| tags.get(j).copied().unwrap_or(Tag::O);
        Tally {
            seen: 1,
            named: u32::from(tag(i) != Tag::O),
            first: u32::from(tag(i) == Tag::B && tag(i + 1) == Tag::I),
            last: u32::from(tag(i) == Tag::I && tag(i + 1) != Tag::I),
        }
    }

    fn add(&mut self, t: Tally) {
        self.seen += t.seen;
        self.named += t.named;
        self.first += t.first;
        self.last += t.last;
    }

    fn minus(self, t: Tally) -> Tally {
        Tally {
            seen: self.seen.saturating_sub(t.seen),
            named: self.named.saturating_sub(t.named),
            first: self.first.saturating_sub(t.first),
            last: self.last.saturating_sub(t.last),
        }
    }
}

/// The second-pass features of each token of each sentence of a document,
/// given the first pass's tags; `None` for a token without evidence
/// (the rest of the document says nothing about it).
pub(crate) fn features(
    document: &[Features],
    tags: &[Vec<Tag>],
) -> Vec<Vec<Option<[u64; PER_TOKEN]>>> {
    // A document the first pass found no name in has no evidence.
    if !tags.iter().flatten().any(|&t| t != Tag::O) {
        return document.iter().map(|f| vec![None; f.len()]).collect();
    }
    // Each distinct word once: its tally, and which one each token has.
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut tallies: Vec<Tally> = Vec::new();
    let token_ids: Vec<Vec<u32>> = document
        .iter()
        .zip(tags)
        .map(|(f, c)| {
            (0..f.len())
                .map(|i| {
                    let id = *ids.entry(f.word(i).0).or_insert_with(|| {
                        tallies.push(Tally::default());
                        (tallies.len() - 1) as u32
                    });
                    if let Some(t) = tallies.get_mut(id as usize) {
                        t.add(Tally::of(c, i));
                    }
                    id
                })
                .collect()
        })
        .collect();
    let band = |n: u32| u64::from(n.min(3));
    document
        .iter()
        .zip(tags)
        .zip(&token_ids)
        .map(|((f, c), ids)| {
            // What the rest of the document says of each token. The
            // token's own first-pass tag is left out on purpose: the
            // second pass learns from the first pass's mistakes, and tied
            // to the tag it would learn to undo names the first pass
            // finds consistently.
            let others: Vec<Tally> = ids
                .iter()
                .enumerate()
                .map(|(i, &id)| {
                    let total = tallies.get(id as usize).copied().unwrap_or_default();
                    total.minus(Tally::of(c, i))
                })
                .collect();
            let named_at =
                |i: Option<usize>| i.and_then(|i| others.get(i)).map_or(0, |t| band(t.named));
            (0..f.len())
                .map(|i| {
                    let o = others[i];
                    let own = Tally::of(c, i);
                    if o.named == 0 && (own.named == 0 || o.seen == 0) {
                        return None;
                    }
                    let capital = u64::from(f.word(i).1);
                    let named = band(o.named);
                    let unnamed = band(o.seen - o.named);
                    let multi = u64::from(o.first > 0) | u64::from(o.last > 0) << 1;
                    let (before, after) = (named_at(i.checked_sub(1)), named_at(Some(i + 1)));
                    let f = |template: u64, v: u64| mix(mix(template, v), template);
                    Some([
                        f(1, mix(named, unnamed)),
                        f(2, mix(named, capital)),
                        f(3, mix(multi, capital)),
                        f(4, mix(mix(named, unnamed), capital)),
                        f(5, mix(multi, named)),
                        f(6, mix(named, before)),
                        f(7, mix(named, after)),
                    ])
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::lexicon::Lexicon;

    #[test]
    fn a_name_found_once_is_evidence_elsewhere() {
        use Tag::*;
        let lex = Lexicon::default();
        let document = Features::document(
            &[
                vec!["Joshua", "Norton", "said", "so"],
                vec!["Norton", "left", "so"],
            ],
            &lex,
        );
        let tags = [vec![B, I, O, O], vec![O, O, O]];
        let evidence = features(&document, &tags);
        // "Norton" alone is named in the first sentence; the other words
        // have no evidence ("so" is never a name).
        assert!(evidence[1][0].is_some());
        assert!(evidence[1][1..].iter().all(Option::is_none));
        assert!(evidence[0][2..].iter().all(Option::is_none));
        // The first "Norton" is tagged and seen elsewhere: evidence too.
        assert!(evidence[0][1].is_some());
        // Nothing tagged anywhere: nothing to say.
        let none = features(&document, &[vec![O; 4], vec![O; 3]]);
        assert!(none.iter().flatten().all(Option::is_none));
    }
}
