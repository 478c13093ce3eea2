//! The folding that makes "Année d'acquisition", "ANNEE D ACQUISITION" and
//! "annee_d'acquisition " the same header: compatibility decomposition,
//! combining marks dropped, lowercase, and only letters and digits kept.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a label for comparison. NFKD rather than plain NFD so that what
/// office software substitutes as people type (no-break spaces, ligatures
/// such as "ﬁ", superscripts such as "m²", full-width letters) folds like
/// the plain letters; "œ" and "æ", which no normal form decomposes, are
/// spelt out.
pub(crate) fn fold_label(label: &str) -> String {
    let mut folded = String::with_capacity(label.len());
    for character in label.nfkd() {
        if is_combining_mark(character) {
            continue;
        }
        match character {
            'œ' | 'Œ' => folded.push_str("oe"),
            'æ' | 'Æ' => folded.push_str("ae"),
            'ß' => folded.push_str("ss"),
            other if other.is_alphanumeric() => folded.extend(other.to_lowercase()),
            _ => {}
        }
    }
    folded
}

/// The label without its parenthesised or bracketed remarks: "Quantité
/// (pièces)" is "Quantité ", so a header carrying a unit or a hint still
/// finds the column it names.
pub(crate) fn without_remarks(label: &str) -> String {
    let mut kept = String::with_capacity(label.len());
    let mut depth = 0_usize;
    for character in label.chars() {
        match character {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            other if depth == 0 => kept.push(other),
            _ => {}
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_punctuation_and_spaces_fold_away() {
        assert_eq!(fold_label("Année d'acquisition"), "anneedacquisition");
        assert_eq!(fold_label("  ANNEE D’ACQUISITION "), "anneedacquisition");
        assert_eq!(fold_label("Qté."), "qte");
        assert_eq!(fold_label("Mutualisable (oui/non)"), "mutualisableouinon");
        assert_eq!(fold_label("Cœur\u{a0}de métier"), "coeurdemetier");
        assert_eq!(fold_label("Surface m²"), "surfacem2");
    }

    #[test]
    fn remarks_in_brackets_are_dropped() {
        assert_eq!(without_remarks("Quantité (pièces)"), "Quantité ");
        assert_eq!(without_remarks("Coût [€ / demi-jour] HTVA"), "Coût  HTVA");
    }
}
