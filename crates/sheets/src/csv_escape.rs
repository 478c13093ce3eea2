//! Formula injection in CSV. Excel runs a field starting with '=', '+', '-'
//! or '@' as a formula (it can fetch URLs or start programs), and exports
//! carry text partners typed. So written text that would start a formula
//! gets a leading apostrophe, which Excel shows and never runs, and the
//! reader takes it off again: text round-trips exactly.
//!
//! The rule is its own inverse: text is escaped when it is formula-like or
//! when it is an apostrophe followed by escaped-looking text, so reading
//! never removes an apostrophe that writing did not add.

/// Characters that make a spreadsheet read a field as a formula. Tab and
/// carriage return are in OWASP's list as well: some readers skip them and
/// see the formula behind.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn needs_escape(text: &str) -> bool {
    match text.chars().next() {
        Some(first) if FORMULA_STARTS.contains(&first) => true,
        Some('\'') => needs_escape(&text[1..]),
        _ => false,
    }
}

/// The text as written to CSV.
pub(crate) fn escape_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if needs_escape(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The text as read from CSV: the apostrophe [`escape_formula`] added is
/// removed.
pub(crate) fn unescape_formula(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if needs_escape(rest) => rest,
        _ => field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_round_trips_through_an_apostrophe() {
        for text in [
            "=1+1",
            "+32 69 12 34 56",
            "-5",
            "@SUM(A1)",
            "'=x",
            "''=x",
            "'quoted'",
            "plain",
            "",
        ] {
            let written = escape_formula(text);
            assert_eq!(
                unescape_formula(&written),
                text,
                "{text:?} written as {written:?}"
            );
        }
        assert_eq!(escape_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(escape_formula("'plain"), "'plain");
    }
}
