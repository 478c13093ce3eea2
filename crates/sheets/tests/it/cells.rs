//! Typed readings of a cell: what each accepts, and the refusal naming
//! what it expected and the cell it got.

use sheets::{Cell, CellError, Expected};

use crate::support::{date, text};

fn refusal(expected: Expected, found: &str) -> CellError {
    CellError {
        expected,
        found: found.to_owned(),
    }
}

#[test]
fn text_is_trimmed_and_numbers_read_as_people_write_them() {
    assert_eq!(text("  Tour CNC ").text(), Some("Tour CNC".to_owned()));
    assert_eq!(Cell::Number(1234.0).text(), Some("1234".to_owned()));
    assert_eq!(Cell::Number(1.5).text(), Some("1,5".to_owned()));
    assert_eq!(
        Cell::Date(date(2024, 3, 15)).text(),
        Some("15/03/2024".to_owned())
    );
    assert_eq!(Cell::Bool(false).text(), Some("non".to_owned()));
    assert_eq!(Cell::Empty.text(), None);
}

#[test]
fn whole_numbers_come_from_numbers_and_from_text() {
    assert_eq!(Cell::Number(3.0).integer(), Ok(Some(3)));
    assert_eq!(text("12").integer(), Ok(Some(12)));
    assert_eq!(text(" 1 234 ").integer(), Ok(Some(1234)));
    assert_eq!(text("3,0").integer(), Ok(Some(3)));
    assert_eq!(text("-2").integer(), Ok(Some(-2)));
    assert_eq!(Cell::Empty.integer(), Ok(None));
}

#[test]
fn a_word_or_a_fraction_is_not_a_whole_number() {
    assert_eq!(
        text("deux").integer(),
        Err(refusal(Expected::WholeNumber, "deux"))
    );
    assert_eq!(
        text("2,5").integer(),
        Err(refusal(Expected::WholeNumber, "2,5"))
    );
    assert_eq!(
        Cell::Number(2.5).integer(),
        Err(refusal(Expected::WholeNumber, "2,5"))
    );
    assert_eq!(
        Cell::Number(1e19).integer(),
        Err(refusal(Expected::WholeNumber, "10000000000000000000"))
    );
    assert_eq!(
        Cell::Bool(true).integer(),
        Err(refusal(Expected::WholeNumber, "oui"))
    );
    assert_eq!(
        text("deux").integer().unwrap_err().to_string(),
        "expected a whole number, got 'deux'"
    );
}

#[test]
fn decimals_accept_commas_points_and_thousands_separators() {
    for (written, value) in [
        ("1,5", 1.5),
        ("1 234,50", 1234.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("0.25", 0.25),
    ] {
        assert_eq!(text(written).decimal(), Ok(Some(value)), "{written}");
    }
    assert_eq!(Cell::Number(7.25).decimal(), Ok(Some(7.25)));
    assert_eq!(
        text("1,2,3").decimal().unwrap_err().to_string(),
        "expected a number (such as 12 or 1,5), got '1,2,3'"
    );
}

#[test]
fn yes_and_no_come_from_words_crosses_and_booleans() {
    for yes in ["oui", "Oui", "X", "yes", "1", "vrai"] {
        assert_eq!(text(yes).boolean(), Ok(Some(true)), "{yes}");
    }
    for no in ["non", "NON", "no", "0", "faux"] {
        assert_eq!(text(no).boolean(), Ok(Some(false)), "{no}");
    }
    assert_eq!(Cell::Bool(true).boolean(), Ok(Some(true)));
    assert_eq!(Cell::Number(0.0).boolean(), Ok(Some(false)));
    assert_eq!(Cell::Empty.boolean(), Ok(None));
    assert_eq!(
        text("peut-être").boolean().unwrap_err().to_string(),
        "expected yes or no (oui, non, x, 1 or 0), got 'peut-être'"
    );
}

#[test]
fn dates_come_from_date_cells_excel_serials_and_day_first_text() {
    let march = Some(date(2024, 3, 15));
    assert_eq!(Cell::Date(date(2024, 3, 15)).date(), Ok(march));
    assert_eq!(Cell::Number(45366.0).date(), Ok(march));
    assert_eq!(text("15/03/2024").date(), Ok(march));
    assert_eq!(text("15-03-24").date(), Ok(march));
    assert_eq!(text("2024-03-15").date(), Ok(march));
    assert_eq!(
        Cell::DateTime(date(2024, 3, 15).and_hms_opt(8, 0, 0).unwrap()).date(),
        Ok(march)
    );
    assert_eq!(
        text("31/02/2024").date(),
        Err(refusal(Expected::Date, "31/02/2024"))
    );
    assert_eq!(
        text("mars 2024").date().unwrap_err().to_string(),
        "expected a date (dd/mm/yyyy), got 'mars 2024'"
    );
}

#[test]
fn a_refusal_shows_at_most_sixty_characters_of_the_cell() {
    let long = "a".repeat(500);
    let error = text(&long).integer().unwrap_err();
    assert_eq!(error.found, format!("{}…", "a".repeat(60)));
}
