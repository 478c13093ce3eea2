//! Text typed by people, checked once: trimmed, within a length, and free
//! of control characters. A single line keeps none of them; multi-line text
//! keeps line breaks and tabs. NUL above all is refused: PostgreSQL cannot
//! store it in text, SQLite can, and both databases must answer alike.

/// Why a text was refused. The text itself is never repeated: it may be
/// personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("must not be empty")]
    Empty,
    #[error("must be at most {max_chars} characters")]
    TooLong { max_chars: usize },
    #[error("must not contain control characters (only line breaks and tabs, in multi-line text)")]
    ControlCharacter,
}

/// A one-line text: trimmed, 1 to `max_chars` characters, no control
/// character at all.
pub fn single_line(raw: &str, max_chars: usize) -> Result<String, TextError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(TextError::Empty);
    }
    check(text, max_chars, false)?;
    Ok(text.to_owned())
}

/// A text of several lines, possibly empty: up to `max_chars` characters,
/// line breaks and tabs allowed, other control characters refused. Kept as
/// written but for surrounding white space.
pub fn multi_line(raw: &str, max_chars: usize) -> Result<String, TextError> {
    let text = raw.trim();
    check(text, max_chars, true)?;
    Ok(text.to_owned())
}

/// Like [`multi_line`], but must not be empty.
pub fn required_multi_line(raw: &str, max_chars: usize) -> Result<String, TextError> {
    let text = multi_line(raw, max_chars)?;
    if text.is_empty() {
        return Err(TextError::Empty);
    }
    Ok(text)
}

/// Checks a text that is already trimmed.
fn check(text: &str, max_chars: usize, multiline: bool) -> Result<(), TextError> {
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    if !text.chars().all(allowed) {
        return Err(TextError::ControlCharacter);
    }
    if text.chars().count() > max_chars {
        return Err(TextError::TooLong { max_chars });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_trimmed_bounded_and_free_of_control_characters() {
        assert_eq!(single_line("  Menuiserie  ", 20).unwrap(), "Menuiserie");
        assert_eq!(single_line("   ", 20), Err(TextError::Empty));
        assert_eq!(
            single_line("abcdef", 5),
            Err(TextError::TooLong { max_chars: 5 })
        );
        for bad in ["a\u{0}b", "a\nb", "a\tb", "a\u{7f}b", "a\u{1b}[31mb"] {
            assert_eq!(
                single_line(bad, 20),
                Err(TextError::ControlCharacter),
                "{bad:?}"
            );
        }
        assert_eq!(single_line("Péruwelz – ✓", 20).unwrap(), "Péruwelz – ✓");
    }

    #[test]
    fn multi_line_text_keeps_line_breaks_and_tabs_only() {
        assert_eq!(multi_line("a\n\tb\r\nc", 20).unwrap(), "a\n\tb\r\nc");
        assert_eq!(multi_line("", 20).unwrap(), "");
        assert_eq!(multi_line("a\u{0}", 20), Err(TextError::ControlCharacter));
        assert_eq!(required_multi_line(" \n ", 20), Err(TextError::Empty));
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        assert!(single_line(&"é".repeat(5), 5).is_ok());
        assert!(single_line(&"é".repeat(6), 5).is_err());
    }
}
