//! Which character separates a CSV file's fields: ';' (what Excel writes
//! in Belgium and France, where the comma is the decimal separator), ','
//! or a tab. Found from the content, as no file says it, except through
//! Excel's own "sep=;" first line, which is honoured.

/// The separators tried, in the order that breaks ties.
const CANDIDATES: [char; 3] = [';', ',', '\t'];
/// Lines looked at: enough to see past a few title rows.
const LINES_SAMPLED: usize = 50;

/// The separator, and whether the text starts with a "sep=X" line, which
/// the reader must then skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Separator {
    pub(crate) byte: u8,
    pub(crate) declared_on_first_line: bool,
}

/// Picks the separator that splits the most sampled lines into the same
/// number of fields (the count most lines share); ties go to the one
/// splitting into more fields, then to ';'. Separators inside quotes do
/// not count, so an address "Rue X, 12" in a ';' file does not mislead.
pub(crate) fn detect_separator(text: &str) -> Separator {
    if let Some(declared) = declared_separator(text) {
        return Separator {
            byte: declared,
            declared_on_first_line: true,
        };
    }
    let counts = count_per_line(text);
    let mut best = (b';', 0_usize, 0_usize);
    for (index, candidate) in CANDIDATES.iter().enumerate() {
        let per_line: Vec<usize> = counts.iter().map(|line| line[index]).collect();
        let Some((typical, agreeing)) = most_common_nonzero(&per_line) else {
            continue;
        };
        if (agreeing, typical) > (best.1, best.2) {
            best = (*candidate as u8, agreeing, typical);
        }
    }
    Separator {
        byte: best.0,
        declared_on_first_line: false,
    }
}

/// Excel reads and writes a first line "sep=;" naming the separator.
fn declared_separator(text: &str) -> Option<u8> {
    let first_line = text.lines().next()?.trim_end_matches('\r');
    let declared = first_line.strip_prefix("sep=")?;
    let mut characters = declared.chars();
    match (characters.next(), characters.next()) {
        (Some(separator), None) if separator.is_ascii() => Some(separator as u8),
        _ => None,
    }
}

/// For each of the first lines (a quoted field's line breaks do not end a
/// line), how many times each candidate appears outside quotes.
fn count_per_line(text: &str) -> Vec<[usize; 3]> {
    let mut lines = Vec::new();
    let mut current = [0_usize; 3];
    let mut in_quotes = false;
    let mut line_has_content = false;
    for character in text.chars() {
        match character {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => {
                if line_has_content {
                    lines.push(current);
                    if lines.len() == LINES_SAMPLED {
                        return lines;
                    }
                }
                current = [0; 3];
                line_has_content = false;
                continue;
            }
            _ if !in_quotes => {
                if let Some(index) = CANDIDATES.iter().position(|c| *c == character) {
                    current[index] += 1;
                }
            }
            _ => {}
        }
        line_has_content = true;
    }
    if line_has_content {
        lines.push(current);
    }
    lines
}

/// The most common non-zero count and how many lines have it; ties go to
/// the larger count.
fn most_common_nonzero(counts: &[usize]) -> Option<(usize, usize)> {
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for &count in counts.iter().filter(|count| **count > 0) {
        match tally.iter_mut().find(|(value, _)| *value == count) {
            Some((_, lines)) => *lines += 1,
            None => tally.push((count, 1)),
        }
    }
    tally
        .into_iter()
        .max_by_key(|(value, lines)| (*lines, *value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn separator(text: &str) -> char {
        detect_separator(text).byte as char
    }

    #[test]
    fn semicolons_win_over_decimal_commas() {
        assert_eq!(
            separator("Désignation;Qté;Prix\nTour;2;1,5\nFraiseuse;1;2,25\n"),
            ';'
        );
    }

    #[test]
    fn commas_are_found_when_they_separate() {
        assert_eq!(separator("Name,Qty,Price\nLathe,2,1.5\nMill,1,2.25\n"), ',');
    }

    #[test]
    fn tabs_are_found() {
        assert_eq!(separator("Name\tQty\nLathe\t2\nMill\t1\n"), '\t');
    }

    #[test]
    fn separators_inside_quotes_do_not_count() {
        let text =
            "Nom;Adresse\n\"Atelier\";\"Rue Haute, 12, Tournai\"\n\"Garage\";\"Quai, 3, Ath\"\n";
        assert_eq!(separator(text), ';');
    }

    #[test]
    fn a_title_line_does_not_mislead() {
        assert_eq!(
            separator("Inventaire 2024, site d'Ath\n\nA;B;C\n1;2;3\n4;5;6\n"),
            ';'
        );
    }

    #[test]
    fn excel_sep_line_is_obeyed() {
        assert_eq!(
            detect_separator("sep=,\nA;B,C\n"),
            Separator {
                byte: b',',
                declared_on_first_line: true
            }
        );
    }
}
