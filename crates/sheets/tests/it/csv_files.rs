//! CSV as Excel, LibreOffice and people write it: either separator, the
//! three encodings, quotes, empty lines, and line numbers that stay true.

use sheets::{Cell, CsvDialect, ReadLimits, TextEncoding, read_workbook};

use crate::support::{read, rows_of, text};

fn dialect_of(bytes: &[u8]) -> CsvDialect {
    read(bytes, "inventaire.csv")
        .unwrap()
        .csv_dialect()
        .unwrap()
}

#[test]
fn semicolon_files_with_decimal_commas_split_on_semicolons() {
    let workbook = read(
        "Désignation;Prix\nTour;1 234,50\n".as_bytes(),
        "inventaire.csv",
    )
    .unwrap();
    assert_eq!(
        rows_of(&workbook),
        [
            (1, vec![text("Désignation"), text("Prix")]),
            (2, vec![text("Tour"), text("1 234,50")])
        ]
    );
    assert_eq!(workbook.csv_dialect().unwrap().separator, ';');
}

#[test]
fn comma_and_tab_files_split_on_their_separator() {
    assert_eq!(dialect_of(b"Name,Qty\nLathe,2\nMill,1\n").separator, ',');
    assert_eq!(
        dialect_of(b"Name\tQty\nLathe\t2\nMill\t1\n").separator,
        '\t'
    );
}

#[test]
fn utf8_with_and_without_bom_and_windows_1252_read_the_same() {
    let expected = vec![
        (1, vec![text("Qté"), text("État")]),
        (2, vec![text("3"), text("Très bon")]),
    ];
    let utf8 = "Qté;État\n3;Très bon\n".as_bytes().to_vec();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(&utf8);
    let (windows_1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode("Qté;État\n3;Très bon\n");
    assert!(!unmappable);
    for (bytes, encoding) in [
        (utf8, TextEncoding::Utf8),
        (with_bom, TextEncoding::Utf8WithBom),
        (windows_1252.into_owned(), TextEncoding::Windows1252),
    ] {
        let workbook = read(&bytes, "inventaire.csv").unwrap();
        assert_eq!(rows_of(&workbook), expected, "{encoding:?}");
        assert_eq!(workbook.csv_dialect().unwrap().encoding, encoding);
    }
}

#[test]
fn windows_1252_euro_signs_and_curly_quotes_decode() {
    let workbook = read(
        b"Co\xFBt;Remarque\n12 \x80;\x93neuf\x94\n",
        "inventaire.csv",
    )
    .unwrap();
    assert_eq!(rows_of(&workbook)[1].1, [text("12 €"), text("“neuf”")]);
}

#[test]
fn excel_unicode_text_in_utf16_is_read() {
    let mut bytes = b"\xFF\xFE".to_vec();
    for unit in "Nom\tQté\r\nTour\t2\r\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let workbook = read(&bytes, "inventaire.txt").unwrap();
    assert_eq!(
        workbook.csv_dialect().unwrap(),
        CsvDialect {
            encoding: TextEncoding::Utf16,
            separator: '\t'
        }
    );
    assert_eq!(rows_of(&workbook)[1], (2, vec![text("Tour"), text("2")]));
}

#[test]
fn quoted_fields_keep_their_separators_quotes_and_line_breaks() {
    let file = "Nom;Adresse;Note\n\"Atelier; bois\";\"Rue Haute, 12\nTournai\";\"dit \"\"le grand\"\"\"\nGarage;Ath;ok\n";
    let workbook = read(file.as_bytes(), "inventaire.csv").unwrap();
    assert_eq!(
        rows_of(&workbook),
        [
            (1, vec![text("Nom"), text("Adresse"), text("Note")]),
            (
                2,
                vec![
                    text("Atelier; bois"),
                    text("Rue Haute, 12\nTournai"),
                    text("dit \"le grand\"")
                ]
            ),
            // The record before spans two lines: this one starts on line 4.
            (4, vec![text("Garage"), text("Ath"), text("ok")]),
        ]
    );
}

#[test]
fn empty_lines_and_empty_columns_are_dropped_but_numbers_kept() {
    let file = "Nom;;Qté;;\r\n\r\n;;;;\r\nTour;;2;;\r\n   ;  ;\r\nFraiseuse;;1;;\r\n";
    let workbook = read(file.as_bytes(), "inventaire.csv").unwrap();
    assert_eq!(
        rows_of(&workbook),
        [
            (1, vec![text("Nom"), Cell::Empty, text("Qté")]),
            (4, vec![text("Tour"), Cell::Empty, text("2")]),
            (6, vec![text("Fraiseuse"), Cell::Empty, text("1")]),
        ]
    );
}

#[test]
fn an_excel_sep_line_sets_the_separator_and_is_not_a_row() {
    let workbook = read(b"sep=,\nNom,Prix\nTour,\"1,5\"\n", "inventaire.csv").unwrap();
    assert_eq!(
        rows_of(&workbook),
        [
            (2, vec![text("Nom"), text("Prix")]),
            (3, vec![text("Tour"), text("1,5")])
        ]
    );
}

#[test]
fn old_mac_line_endings_count_lines() {
    let workbook = read(b"Nom;Qte\rTour;2\rFraiseuse;1\r", "inventaire.csv").unwrap();
    let numbers: Vec<u32> = rows_of(&workbook)
        .iter()
        .map(|(number, _)| *number)
        .collect();
    assert_eq!(numbers, [1, 2, 3]);
}

#[test]
fn the_sheet_of_a_csv_file_is_named_after_the_file() {
    let named = read(b"a;b\n", "C:\\Users\\pole\\Inventaire 2024.csv").unwrap();
    assert_eq!(named.sheets()[0].name(), "Inventaire 2024");
    let unnamed = read_workbook(b"a;b\n", None, &ReadLimits::default()).unwrap();
    assert_eq!(unnamed.sheets()[0].name(), "CSV");
}

#[test]
fn a_field_escaped_against_formulas_reads_back_without_its_apostrophe() {
    let workbook = read(
        b"Nom;Remarque\nTour;'=1+1\nFraiseuse;'plain\n",
        "inventaire.csv",
    )
    .unwrap();
    assert_eq!(rows_of(&workbook)[1].1[1], text("=1+1"));
    assert_eq!(rows_of(&workbook)[2].1[1], text("'plain"));
}
