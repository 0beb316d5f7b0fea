//! The view of everyone named anywhere in the library: a list of people
//! with how many articles name them and how many quotes they have, and for
//! one person, their quotes across articles.

use crate::extract::library::LibraryPerson;

/// One quote of the person being looked at: (article, quote index).
pub type QuoteRef = (usize, usize);

/// The quotes of one person across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonQuotes {
    pub name: String,
    pub items: Vec<QuoteRef>,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleView {
    pub people: Vec<LibraryPerson>,
    pub selected: usize,
    /// Open when `Enter` was pressed on a person.
    pub quotes: Option<PersonQuotes>,
    /// Articles extracted so far, of those that can be.
    pub extracted: usize,
    pub extractable: usize,
}

impl PeopleView {
    /// The person selected, if any.
    pub fn selected_person(&self) -> Option<&LibraryPerson> {
        self.people.get(self.selected)
    }

    /// New people (more articles extracted), keeping the selected person.
    pub fn replace_people(&mut self, people: Vec<LibraryPerson>) {
        let name = self.selected_person().map(|p| p.name.clone());
        self.selected = name
            .and_then(|n| people.iter().position(|p| p.name == n))
            .unwrap_or(0)
            .min(people.len().saturating_sub(1));
        self.people = people;
    }
}

/// Moves in whichever list shows: one person's quotes, else the people.
impl super::Selectable for PeopleView {
    fn step(&mut self, delta: isize) {
        match &mut self.quotes {
            Some(q) => {
                let last = q.items.len().saturating_sub(1);
                q.selected = q.selected.saturating_add_signed(delta).min(last);
            }
            None => {
                let last = self.people.len().saturating_sub(1);
                self.selected = self.selected.saturating_add_signed(delta).min(last);
            }
        }
    }

    fn to_end(&mut self, last: bool) {
        let (len, sel) = match &mut self.quotes {
            Some(q) => (q.items.len(), &mut q.selected),
            None => (self.people.len(), &mut self.selected),
        };
        *sel = if last { len.saturating_sub(1) } else { 0 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Selectable;

    fn person(name: &str) -> LibraryPerson {
        LibraryPerson {
            name: name.into(),
            appearances: vec![(0, 0)],
            quotes: Vec::new(),
        }
    }

    #[test]
    fn the_selection_follows_the_person_when_the_list_grows() {
        let mut view = PeopleView {
            people: vec![person("A"), person("B")],
            selected: 1,
            quotes: None,
            extracted: 1,
            extractable: 2,
        };
        view.replace_people(vec![person("C"), person("A"), person("B")]);
        assert_eq!(view.selected_person().map(|p| p.name.as_str()), Some("B"));
        view.step(5);
        assert_eq!(view.selected, 2);
        view.to_end(false);
        assert_eq!(view.selected, 0);
        view.replace_people(Vec::new());
        assert_eq!(view.selected, 0);
        assert!(view.selected_person().is_none());
    }
}
