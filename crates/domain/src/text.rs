//! French text search that forgives what people type: accents, case,
//! inclusive-writing endings and the usual derivations of a trade's name.
//! "menuiserie" finds "Menuisier·ère", "electricite" finds "Électricité".
//!
//! Both the searched text and the query go through the same steps: drop the
//! inclusive-writing ending after a middle dot, strip accents (NFD, then
//! remove combining marks), lowercase, split into words, drop French stop
//! words, and reduce each word to a light stem. A query word matches a text
//! word when the text's stem starts with the query's (so "menui" already
//! finds "menuisier"), or when the text's stem is a prefix of the query's at
//! least five letters long ("mecanicien" finds "mécanique").

use unicode_normalization::UnicodeNormalization;

/// Words too common to carry meaning in a search.
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou",
    "par", "pour", "sur", "un", "une",
];

/// Endings removed to reach a stem, longest first within each family. The
/// list is deliberately short: it is tuned for trade and training names, not
/// for general French.
const SUFFIXES: &[&str] = &[
    "issements",
    "issement",
    "ations",
    "ation",
    "ements",
    "ement",
    "atrices",
    "atrice",
    "ateurs",
    "ateur",
    "iennes",
    "ienne",
    "iens",
    "ien",
    "ieres",
    "iere",
    "iers",
    "ier",
    "eries",
    "erie",
    "euses",
    "euse",
    "eurs",
    "eur",
    "istes",
    "iste",
    "ismes",
    "isme",
    "iques",
    "ique",
    "ites",
    "ite",
    "antes",
    "ante",
    "ants",
    "ant",
    "ures",
    "ure",
    "ages",
    "age",
    "ees",
    "ee",
    "re",
    "es",
    "e",
];

/// Shortest stem a suffix may leave behind.
const MIN_STEM_CHARS: usize = 3;
/// Shortest text stem that may match a longer query stem by prefix.
const MIN_REVERSE_PREFIX_CHARS: usize = 5;

/// Removes accents and case: "Électricité" becomes "electricite".
pub fn fold(text: &str) -> String {
    let without_inclusive_endings = drop_inclusive_endings(text);
    let mut folded = String::with_capacity(without_inclusive_endings.len());
    for c in without_inclusive_endings.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => folded.push_str("oe"),
            'æ' | 'Æ' => folded.push_str("ae"),
            _ => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

/// "Menuisier·ère" → "Menuisier", "Technicien·ne·s" → "Technicien": the
/// masculine form carries the stem we need.
fn drop_inclusive_endings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skipping = false;
    for c in text.chars() {
        if c == '·' || c == '•' {
            skipping = true;
        } else if skipping && c.is_alphabetic() {
            continue;
        } else {
            skipping = false;
            out.push(c);
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Reduces a folded word to its light stem.
///
/// ```
/// use domain::text::stem;
/// assert_eq!(stem("menuiserie"), stem("menuisier"));
/// assert_eq!(stem("electricite"), stem("electricien"));
/// assert_eq!(stem("maconnerie"), stem("macon"));
/// ```
pub fn stem(word: &str) -> String {
    let mut word = word.to_owned();
    if word.chars().count() <= MIN_STEM_CHARS {
        return word;
    }
    if (word.ends_with('s') || word.ends_with('x')) && !word.ends_with("ss") {
        word.pop();
    }
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= MIN_STEM_CHARS
        {
            word.truncate(stem.len());
            break;
        }
    }
    // "maçonn(erie)" and "maçon", "ingénieur" and "ingénier": a doubled final
    // consonant carries no meaning once the ending is gone.
    let bytes = word.as_bytes();
    if bytes.len() > MIN_STEM_CHARS
        && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
        && !matches!(
            bytes[bytes.len() - 1],
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        )
    {
        word.pop();
    }
    word
}

/// The stems of the words of a text, without stop words, sorted and unique.
pub fn stems(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut stems: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(stem)
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// The searchable form of a document: its stems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchableText {
    stems: Vec<String>,
}

impl SearchableText {
    /// Indexes the given pieces of text (title, description, names…).
    pub fn new<'a>(pieces: impl IntoIterator<Item = &'a str>) -> Self {
        let mut all: Vec<String> = pieces.into_iter().flat_map(stems).collect();
        all.sort();
        all.dedup();
        Self { stems: all }
    }

    /// Whether every word of the query matches a word of this text.
    pub fn matches(&self, query: &TextQuery) -> bool {
        query
            .stems
            .iter()
            .all(|wanted| self.has_word_matching(wanted))
    }

    fn has_word_matching(&self, wanted: &str) -> bool {
        // Stems are sorted: those starting with `wanted` begin at its position.
        let start = self.stems.partition_point(|s| s.as_str() < wanted);
        if self.stems.get(start).is_some_and(|s| s.starts_with(wanted)) {
            return true;
        }
        self.stems
            .iter()
            .any(|s| s.len() >= MIN_REVERSE_PREFIX_CHARS && wanted.starts_with(s.as_str()))
    }
}

/// Longest search text accepted.
pub const MAX_QUERY_CHARS: usize = 200;

/// Why a search text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextQueryError {
    #[error("must be at most {MAX_QUERY_CHARS} characters")]
    TooLong,
}

/// A parsed search text: the stems every matching document must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextQuery {
    stems: Vec<String>,
}

impl TextQuery {
    /// Parses what a person typed. `Ok(None)` when nothing searchable is left
    /// (only spaces, punctuation or stop words): such a query filters nothing.
    pub fn parse(raw: &str) -> Result<Option<Self>, TextQueryError> {
        if raw.chars().count() > MAX_QUERY_CHARS {
            return Err(TextQueryError::TooLong);
        }
        let stems = stems(raw);
        Ok((!stems.is_empty()).then_some(Self { stems }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(document: &str, query: &str) -> bool {
        let query = TextQuery::parse(query).unwrap().expect("query has words");
        SearchableText::new([document]).matches(&query)
    }

    #[test]
    fn accents_and_case_are_ignored() {
        assert!(finds("Électricité du bâtiment", "electricite"));
        assert!(finds("electricite", "ÉLECTRICITÉ"));
        assert!(finds("Maçonnerie", "maconnerie"));
        assert!(finds("Sœur", "soeur"));
    }

    #[test]
    fn a_trade_is_found_by_its_activity_or_its_worker() {
        assert!(finds("Menuisier·ère", "menuiserie"));
        assert!(finds("Menuiserie", "menuisière"));
        assert!(finds("Électricien·ne de maintenance", "electricite"));
        assert!(finds("Maçon", "maçonnerie"));
        assert!(finds("Peinture en bâtiment", "peintre"));
        assert!(finds("Mécanique automobile", "mecanicien"));
        assert!(finds("Technicien·nes frigoristes", "frigoriste"));
    }

    #[test]
    fn words_typed_so_far_match_as_prefixes() {
        assert!(finds("Aide-soignant·e", "aide soi"));
        assert!(finds("Menuisier·ère", "menui"));
    }

    #[test]
    fn every_query_word_must_match() {
        assert!(finds("Aide-soignant·e à Tournai", "soignant tournai"));
        assert!(!finds("Aide-soignant·e à Tournai", "soignant mouscron"));
        assert!(!finds("Peinture en bâtiment", "menuiserie"));
    }

    #[test]
    fn stop_words_and_punctuation_alone_filter_nothing() {
        assert_eq!(TextQuery::parse("  de la ,; ").unwrap(), None);
        assert!(finds("Peintre en bâtiment", "peintre en batiment"));
    }

    #[test]
    fn overlong_queries_are_refused() {
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(TextQuery::parse(&long), Err(TextQueryError::TooLong));
    }
}
