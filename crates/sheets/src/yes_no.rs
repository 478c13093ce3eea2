//! Yes and no as inventories write them: French, English and Dutch words,
//! a cross in a checkbox column, 1 and 0.

use crate::normalise::fold_label;

/// Words read as yes, folded (see [`fold_label`]).
const YES: [&str; 9] = ["oui", "o", "yes", "y", "x", "1", "vrai", "true", "ja"];
/// Words read as no, folded.
const NO: [&str; 8] = ["non", "n", "no", "0", "faux", "false", "nee", "nein"];

/// Reads a yes/no word; `None` when the text is neither.
pub(crate) fn parse_yes_no(text: &str) -> Option<bool> {
    let folded = fold_label(text);
    if YES.contains(&folded.as_str()) {
        Some(true)
    } else if NO.contains(&folded.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// What this crate writes for a boolean in CSV: the words the issue's
/// "Mutualisable (oui/non)" columns use, which [`parse_yes_no`] reads back.
pub(crate) fn format_yes_no(value: bool) -> &'static str {
    if value { "oui" } else { "non" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_french_english_and_checkbox_words() {
        for yes in ["oui", "Oui", " OUI ", "x", "X", "yes", "1", "Vrai", "TRUE"] {
            assert_eq!(parse_yes_no(yes), Some(true), "{yes:?}");
        }
        for no in ["non", "NON", "no", "0", "faux", "False"] {
            assert_eq!(parse_yes_no(no), Some(false), "{no:?}");
        }
        for neither in ["peut-être", "oui mais", "2", ""] {
            assert_eq!(parse_yes_no(neither), None, "{neither:?}");
        }
    }
}
