//! Numbers as people write them in Belgium and France ("1,5", "1 234,50",
//! "1.234,5") and as English exports write them ("1.5", "1,234.5"), and the
//! one canonical form this crate writes back.

/// Characters people put between groups of thousands: a space, a no-break
/// space (what Excel and LibreOffice insert in French locales), a narrow
/// no-break space and a thin space.
const GROUP_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// Reads a number written with a decimal comma or point, with optional
/// thousands separators. A lone comma or point is the decimal separator
/// ("1,234" is one point two three four, as a Belgian reads it); when both
/// appear, the last one is the decimal separator and the other must group
/// thousands by three. Exponents, "inf" and "NaN" are refused: nobody types
/// them in an inventory, and accepting them would turn references like
/// "12E3" into numbers.
pub(crate) fn parse_decimal(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    let (negative, unsigned) = match trimmed.chars().next()? {
        '-' | '\u{2212}' => (true, &trimmed[trimmed.chars().next()?.len_utf8()..]),
        '+' => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let compact: String = unsigned
        .chars()
        .filter(|c| !GROUP_SPACES.contains(c))
        .collect();
    if compact.is_empty()
        || !compact
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let (integer_part, fraction) = split_decimal(&compact)?;
    if integer_part.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut plain = String::with_capacity(compact.len() + 2);
    if negative {
        plain.push('-');
    }
    plain.push_str(if integer_part.is_empty() {
        "0"
    } else {
        &integer_part
    });
    if !fraction.is_empty() {
        plain.push('.');
        plain.push_str(fraction);
    }
    plain.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// Splits digits and separators into the integer digits (thousands
/// separators removed) and the fraction digits, or `None` when the
/// separators do not form a number.
fn split_decimal(compact: &str) -> Option<(String, &str)> {
    let commas = compact.matches(',').count();
    let points = compact.matches('.').count();
    let decimal = match (commas, points) {
        (0, 0) => None,
        (1, 0) => Some(','),
        (0, 1) => Some('.'),
        // Several of one kind and none of the other: they group thousands.
        (_, 0) | (0, _) => None,
        _ => {
            let last = compact.rfind([',', '.'])?;
            Some(compact[last..].chars().next()?)
        }
    };
    let (integer_text, fraction) = match decimal {
        Some(separator) => {
            let at = compact.rfind(separator)?;
            (&compact[..at], &compact[at + 1..])
        }
        None => (compact, ""),
    };
    if fraction.contains([',', '.']) {
        return None;
    }
    Some((ungroup(integer_text)?, fraction))
}

/// Removes thousands separators from the integer part, checking that every
/// group after the first has three digits ("1.234.567" but not "1.23.4").
fn ungroup(integer_text: &str) -> Option<String> {
    let mut groups = integer_text.split([',', '.']);
    let first = groups.next().unwrap_or_default();
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || first.is_empty() {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

/// Writes a number the way this crate's CSV files carry it: the shortest
/// digits that read back as exactly the same `f64`, a decimal comma, no
/// thousands separator and no exponent. Excel and LibreOffice in Belgian
/// and French locales read it as a number; [`parse_decimal`] reads it back
/// bit for bit.
pub(crate) fn format_decimal(value: f64) -> String {
    // `Display` for f64 prints the shortest round-trip digits and never an
    // exponent, which is what a spreadsheet reads without surprise.
    value.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usual_spellings() {
        let cases = [
            ("1,5", Some(1.5)),
            ("1.5", Some(1.5)),
            ("1 234,50", Some(1234.5)),
            ("1\u{a0}234,50", Some(1234.5)),
            ("1.234,5", Some(1234.5)),
            ("1,234.5", Some(1234.5)),
            ("1.234.567", Some(1_234_567.0)),
            ("-2,25", Some(-2.25)),
            ("+3", Some(3.0)),
            (",5", Some(0.5)),
            ("12E3", None),
            ("1.23.4", None),
            ("1,2,3.4", None),
            ("deux", None),
            ("", None),
            ("-", None),
            ("NaN", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_decimal(text), expected, "{text:?}");
        }
    }

    #[test]
    fn formatted_numbers_read_back_bit_for_bit() {
        for value in [
            0.1,
            1.5,
            -0.5,
            1e-7,
            123_456_789.123,
            1e21,
            2.0,
            -0.0,
            f64::MAX,
        ] {
            let written = format_decimal(value);
            let read = parse_decimal(&written).unwrap();
            assert_eq!(read.to_bits(), value.to_bits(), "{written}");
        }
    }
}
