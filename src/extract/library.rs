//! People across many articles: the same person named in several articles
//! becomes one entry, merged the way names are merged within one article
//! (a surname alone joins the one full name that ends with it).

use super::Extraction;
use rustc_hash::FxHashMap;

/// One person across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryPerson {
    /// The fullest form of the name found.
    pub name: String,
    /// (article, index of the person in that article's extraction), in
    /// article order.
    pub appearances: Vec<(usize, usize)>,
    /// Their quotes over all articles, as (article, index of the quote in
    /// that article's extraction), in article order.
    pub quotes: Vec<(usize, usize)>,
}

impl LibraryPerson {
    /// The number of articles that name them.
    pub fn articles(&self) -> usize {
        let mut n = 0;
        let mut last = None;
        for &(a, _) in &self.appearances {
            if last != Some(a) {
                n += 1;
                last = Some(a);
            }
        }
        n
    }
}

fn key(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// Every person of every article, merged across articles: equal names are
/// one person, and a shorter name that ends a longer one ("Maduro",
/// "Nicolás Maduro") joins it when exactly one longer name fits; two people
/// who only share a surname stay apart. Sorted by the number of articles,
/// then quotes, then name.
pub fn people(articles: &[(usize, &Extraction)]) -> Vec<LibraryPerson> {
    // Group by the whole name first.
    let mut groups: Vec<(Vec<String>, LibraryPerson)> = Vec::new();
    let mut by_key: FxHashMap<Vec<String>, usize> = FxHashMap::default();
    for &(article, extraction) in articles {
        let mut said: Vec<Vec<(usize, usize)>> = vec![Vec::new(); extraction.people.len()];
        for (q, quote) in extraction.quotes.iter().enumerate() {
            if let Some(list) = quote.speaker.and_then(|s| said.get_mut(s)) {
                list.push((article, q));
            }
        }
        for (i, person) in extraction.people.iter().enumerate() {
            let k = key(&person.words);
            let g = *by_key.entry(k.clone()).or_insert_with(|| {
                groups.push((
                    k,
                    LibraryPerson {
                        name: person.name.clone(),
                        appearances: Vec::new(),
                        quotes: Vec::new(),
                    },
                ));
                groups.len() - 1
            });
            groups[g].1.appearances.push((article, i));
            groups[g].1.quotes.append(&mut said[i]);
        }
    }
    // Longer names by their last words: which full names end with a given
    // shorter name.
    let mut endings: FxHashMap<&[String], Vec<usize>> = FxHashMap::default();
    for (g, (k, _)) in groups.iter().enumerate() {
        for start in 1..k.len() {
            endings.entry(&k[start..]).or_default().push(g);
        }
    }
    let target: Vec<Option<usize>> = groups
        .iter()
        .map(|(k, _)| match endings.get(k.as_slice()) {
            Some(longer) if longer.len() == 1 => Some(longer[0]),
            _ => None,
        })
        .collect();
    let mut merged: Vec<Option<LibraryPerson>> = groups.into_iter().map(|(_, p)| Some(p)).collect();
    for (g, t) in target.iter().enumerate() {
        if let Some(t) = *t
            && let Some(short) = merged[g].take()
            && let Some(long) = merged[t].as_mut()
        {
            long.appearances.extend(short.appearances);
            long.quotes.extend(short.quotes);
        }
    }
    let mut out: Vec<LibraryPerson> = merged.into_iter().flatten().collect();
    for p in &mut out {
        p.appearances.sort_unstable();
        p.quotes.sort_unstable();
    }
    out.sort_by(|a, b| {
        b.articles()
            .cmp(&a.articles())
            .then(b.quotes.len().cmp(&a.quotes.len()))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;

    #[test]
    fn merges_the_same_person_across_articles_but_not_namesakes() {
        let a = extract_text(
            "Eins\n\nPräsident Nicolás Maduro sprach. „Wir bleiben“, sagte Maduro.\n\n\
             Bürgermeister Sadiq Khan kam auch.",
        );
        let b = extract_text(
            "Zwei\n\n„Das reicht nicht“, sagte Präsident Maduro.\n\nDer Attentäter Usman Khan war bekannt.",
        );
        let c = extract_text(
            "Drei\n\nPräsident Nicolás Maduro reiste ab.\n\nBürgermeister Khan schwieg.",
        );
        let people = people(&[(0, &a), (1, &b), (2, &c)]);
        let maduro = people
            .iter()
            .find(|p| p.name == "Nicolás Maduro")
            .expect("Maduro is listed");
        assert_eq!(maduro.articles(), 3, "{people:#?}");
        assert_eq!(maduro.quotes.len(), 2);
        assert!(!people.iter().any(|p| p.name == "Maduro"), "{people:#?}");
        // "Khan" alone fits two people: it joins neither.
        let khans: Vec<&str> = people
            .iter()
            .filter(|p| p.name.ends_with("Khan"))
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(khans.len(), 3, "{khans:?}");
        assert!(khans.contains(&"Khan"), "{khans:?}");
        assert_eq!(people[0].name, "Nicolás Maduro", "most articles first");
    }
}
