//! Words people write for the entries of a controlled vocabulary (a trade,
//! an equipment category), read back into the entry with one stated rule, so
//! that a spreadsheet saying "Froid & clim." or "banc de froid" finds what
//! it means, and one that could mean two things is reported, never guessed:
//!
//! 1. the entry's code, whatever the case, with spaces or hyphens for
//!    underscores ("vehicle-lift" is `VEHICLE_LIFT`);
//! 2. one of its names (label, synonyms) compared folded: accents, case,
//!    punctuation and repeated spaces ignored;
//! 3. a close spelling: the fewest single-letter edits to one of its names,
//!    at most one edit per five letters of that name (so "climatisaton" is
//!    "climatisation", "tour" is not "four"), the best entry winning only
//!    when no other entry is as close.
//!
//! A name shared by two entries, or two entries equally close, makes the
//! answer [`VocabularyMatch::Ambiguous`] with both.

use crate::text::fold;

/// How a written value was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VocabularyMatch<K> {
    /// By code or by one of the entry's names.
    Exact(K),
    /// By a close spelling of `name`, one of the entry's names.
    Close { key: K, name: String },
    /// More than one entry fits as well; their keys, in vocabulary order.
    Ambiguous(Vec<K>),
    /// Nothing fits.
    Unknown,
}

/// The entries of a vocabulary and the names each answers to.
#[derive(Debug, Clone)]
pub struct Vocabulary<K> {
    entries: Vec<Entry<K>>,
}

#[derive(Debug, Clone)]
struct Entry<K> {
    key: K,
    code: String,
    /// The names as written, and folded.
    names: Vec<(String, String)>,
}

impl<K: Clone + PartialEq> Vocabulary<K> {
    pub fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// Adds an entry under its code and the names people give it.
    pub fn add<'a>(&mut self, key: K, code: &str, names: impl IntoIterator<Item = &'a str>) {
        let names = names
            .into_iter()
            .map(|name| (name.to_owned(), folded_name(name)))
            .filter(|(_, folded)| !folded.is_empty())
            .collect();
        self.entries.push(Entry {
            key,
            code: code_form(code),
            names,
        });
    }

    /// Reads a written value (see the module's rule).
    pub fn find(&self, written: &str) -> VocabularyMatch<K> {
        let as_code = code_form(written);
        if let Some(entry) = self.entries.iter().find(|e| e.code == as_code) {
            return VocabularyMatch::Exact(entry.key.clone());
        }
        let folded = folded_name(written);
        if folded.is_empty() {
            return VocabularyMatch::Unknown;
        }
        let named: Vec<K> = self
            .entries
            .iter()
            .filter(|e| e.names.iter().any(|(_, name)| *name == folded))
            .map(|e| e.key.clone())
            .collect();
        match named.len() {
            0 => {}
            1 => return VocabularyMatch::Exact(named.into_iter().next().expect("one")),
            _ => return VocabularyMatch::Ambiguous(named),
        }
        self.closest(&folded)
    }

    fn closest(&self, folded: &str) -> VocabularyMatch<K> {
        let mut best: Option<(usize, Vec<(K, String)>)> = None;
        for entry in &self.entries {
            let nearest = entry
                .names
                .iter()
                .filter_map(|(written, name)| {
                    let allowed = name.chars().count() / 5;
                    bounded_edit_distance(folded, name, allowed).map(|d| (d, written))
                })
                .min_by_key(|(distance, _)| *distance);
            let Some((distance, written)) = nearest else {
                continue;
            };
            match &mut best {
                Some((best_distance, keys)) if distance == *best_distance => {
                    keys.push((entry.key.clone(), written.clone()));
                }
                Some((best_distance, _)) if distance > *best_distance => {}
                _ => best = Some((distance, vec![(entry.key.clone(), written.clone())])),
            }
        }
        match best {
            None => VocabularyMatch::Unknown,
            Some((_, mut keys)) if keys.len() == 1 => {
                let (key, name) = keys.pop().expect("one");
                VocabularyMatch::Close { key, name }
            }
            Some((_, keys)) => {
                VocabularyMatch::Ambiguous(keys.into_iter().map(|(k, _)| k).collect())
            }
        }
    }
}

impl<K: Clone + PartialEq> Default for Vocabulary<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// "Froid & clim." → "froid clim": folded, words of letters and digits.
fn folded_name(written: &str) -> String {
    fold(written)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "vehicle-lift" and "Vehicle lift" → "VEHICLE_LIFT".
fn code_form(written: &str) -> String {
    written
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// The Levenshtein distance between `a` and `b` if it is at most `limit`
/// (counting in characters), without computing more than the band that
/// can stay within it.
fn bounded_edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            row_min = row_min.min(current[j + 1]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    (distance <= limit).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary<&'static str> {
        let mut v = Vocabulary::new();
        v.add(
            "fridge",
            "REFRIGERATION_RIG",
            ["Banc didactique de froid", "banc de froid"],
        );
        v.add(
            "aircon",
            "AIR_CONDITIONING_RIG",
            ["Banc de climatisation", "climatisation"],
        );
        v.add(
            "lathe",
            "CONVENTIONAL_LATHE",
            ["Tour conventionnel", "tour"],
        );
        v.add(
            "diag-car",
            "DIAGNOSTIC_TOOL",
            ["Valise de diagnostic", "diagnostic"],
        );
        v.add(
            "diag-ev",
            "EV_DIAGNOSTIC_STATION",
            ["Station VE", "diagnostic"],
        );
        v
    }

    #[test]
    fn codes_match_whatever_their_case_and_separators() {
        let v = vocabulary();
        assert_eq!(
            v.find("REFRIGERATION_RIG"),
            VocabularyMatch::Exact("fridge")
        );
        assert_eq!(
            v.find(" refrigeration-rig "),
            VocabularyMatch::Exact("fridge")
        );
        assert_eq!(
            v.find("conventional lathe"),
            VocabularyMatch::Exact("lathe")
        );
    }

    #[test]
    fn names_match_folded() {
        let v = vocabulary();
        assert_eq!(v.find("BANC DE FROID"), VocabularyMatch::Exact("fridge"));
        assert_eq!(
            v.find("Banc  de  Climatisation."),
            VocabularyMatch::Exact("aircon")
        );
        assert_eq!(v.find("Clîmatisation"), VocabularyMatch::Exact("aircon"));
    }

    #[test]
    fn close_spellings_match_within_one_edit_per_five_letters() {
        let v = vocabulary();
        assert_eq!(
            v.find("climatisaton"),
            VocabularyMatch::Close {
                key: "aircon",
                name: "climatisation".to_owned()
            }
        );
        // Four letters allow no edit: "four" is not a "tour".
        assert_eq!(v.find("four"), VocabularyMatch::Unknown);
        assert_eq!(v.find("fraiseuse"), VocabularyMatch::Unknown);
    }

    #[test]
    fn a_name_of_two_entries_is_ambiguous() {
        let v = vocabulary();
        assert_eq!(
            v.find("Diagnostic"),
            VocabularyMatch::Ambiguous(vec!["diag-car", "diag-ev"])
        );
        assert_eq!(v.find(""), VocabularyMatch::Unknown);
        assert_eq!(v.find("   "), VocabularyMatch::Unknown);
    }

    #[test]
    fn the_edit_distance_is_bounded() {
        assert_eq!(bounded_edit_distance("kitten", "sitting", 3), Some(3));
        assert_eq!(bounded_edit_distance("kitten", "sitting", 2), None);
        assert_eq!(bounded_edit_distance("", "ab", 2), Some(2));
    }
}
