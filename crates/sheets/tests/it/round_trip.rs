//! Export, edit, import: what is written reads back as the same cells
//! (XLSX) or as the same values through the typed readings (CSV, which has
//! no types), and the same rows always give the same bytes.

use std::io::{Cursor, Read};

use chrono::NaiveDateTime;
use sheets::{Cell, SheetToWrite, WriteError, write_csv, write_xlsx};

use crate::support::{date, read, text};

fn created() -> NaiveDateTime {
    date(2026, 1, 5).and_hms_opt(9, 0, 0).unwrap()
}

fn inventory() -> SheetToWrite {
    SheetToWrite {
        name: "Inventaire".to_owned(),
        header: [
            "Désignation",
            "Qté",
            "Coût par demi-jour",
            "Mutualisable",
            "Acquis le",
            "Révisé le",
            "Remarque",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: vec![
            vec![
                text("Banc d'automatisme; modèle \"A\""),
                Cell::Number(2.0),
                Cell::Number(12.5),
                Cell::Bool(true),
                Cell::Date(date(2019, 9, 1)),
                Cell::DateTime(date(2024, 3, 15).and_hms_milli_opt(14, 30, 5, 250).unwrap()),
                text("deux lignes\npour la remarque"),
            ],
            vec![
                text("Tour CNC"),
                Cell::Number(1.0),
                Cell::Number(0.1),
                Cell::Bool(false),
                Cell::Date(date(2021, 12, 31)),
                Cell::DateTime(date(2025, 6, 30).and_hms_opt(8, 0, 1).unwrap()),
                text("=HYPERLINK(\"http://exemple.invalid\")"),
            ],
            vec![
                text("  Pont élévateur  "),
                Cell::Number(-3.0),
                Cell::Number(1234567.891),
                Cell::Bool(true),
                Cell::Empty,
                Cell::Empty,
                text("0032"),
            ],
        ],
    }
}

/// The rows read back, header first, cells trimmed of trailing empties as
/// the reader gives them.
fn written_rows(sheet: &SheetToWrite) -> Vec<Vec<Cell>> {
    let header: Vec<Cell> = sheet.header.iter().map(|name| text(name)).collect();
    std::iter::once(header)
        .chain(sheet.rows.iter().cloned())
        .map(|mut cells| {
            while cells.last().is_some_and(Cell::is_empty) {
                cells.pop();
            }
            cells
        })
        .collect()
}

fn read_rows(bytes: &[u8], name: &str) -> Vec<Vec<Cell>> {
    read(bytes, name).unwrap().sheets()[0]
        .rows()
        .iter()
        .map(|row| row.cells().to_vec())
        .collect()
}

#[test]
fn xlsx_reads_back_the_same_cells() {
    let sheet = inventory();
    let bytes = write_xlsx(&sheet, created()).unwrap();
    assert_eq!(read_rows(&bytes, "export.xlsx"), written_rows(&sheet));
}

#[test]
fn csv_reads_back_each_cell_as_its_text_and_the_same_typed_value() {
    let sheet = inventory();
    let bytes = write_csv(&sheet).unwrap();
    let read_back = read_rows(&bytes, "export.csv");
    let expected: Vec<Vec<Cell>> = written_rows(&sheet)
        .into_iter()
        .map(|cells| {
            cells
                .iter()
                .map(|cell| Cell::from(cell.to_text()))
                .collect()
        })
        .collect();
    assert_eq!(read_back, expected);
    for (written, read) in written_rows(&sheet)
        .iter()
        .flatten()
        .zip(read_back.iter().flatten())
    {
        match written {
            Cell::Number(value) => assert_eq!(read.decimal(), Ok(Some(*value))),
            Cell::Bool(value) => assert_eq!(read.boolean(), Ok(Some(*value))),
            Cell::Date(value) => assert_eq!(read.date(), Ok(Some(*value))),
            Cell::DateTime(value) => assert_eq!(read.datetime(), Ok(Some(*value))),
            Cell::Text(value) => assert_eq!(read, &text(value)),
            Cell::Empty => assert_eq!(read, &Cell::Empty),
        }
    }
}

#[test]
fn csv_is_utf8_with_bom_semicolons_decimal_commas_and_crlf() {
    let sheet = SheetToWrite {
        name: "Inventaire".to_owned(),
        header: vec![
            "Désignation".to_owned(),
            "Qté".to_owned(),
            "Prix".to_owned(),
            "Acquis le".to_owned(),
        ],
        rows: vec![vec![
            text("Tour; CNC"),
            Cell::Number(2.0),
            Cell::Number(1234.5),
            Cell::Date(date(2019, 9, 1)),
        ]],
    };
    let bytes = write_csv(&sheet).unwrap();
    assert_eq!(
        bytes,
        "\u{feff}Désignation;Qté;Prix;Acquis le\r\n\"Tour; CNC\";2;1234,5;01/09/2019\r\n"
            .as_bytes()
    );
}

#[test]
fn csv_escapes_text_that_would_run_as_a_formula() {
    let sheet = SheetToWrite {
        name: "x".to_owned(),
        header: vec!["Remarque".to_owned()],
        rows: vec![
            vec![text("=1+1")],
            vec![text("@SUM(A1)")],
            vec![Cell::Number(-5.0)],
        ],
    };
    let bytes = write_csv(&sheet).unwrap();
    assert_eq!(
        bytes,
        "\u{feff}Remarque\r\n'=1+1\r\n'@SUM(A1)\r\n-5\r\n".as_bytes()
    );
}

#[test]
fn writing_the_same_rows_twice_gives_the_same_bytes() {
    let sheet = inventory();
    assert_eq!(write_csv(&sheet).unwrap(), write_csv(&sheet).unwrap());
    assert_eq!(
        write_xlsx(&sheet, created()).unwrap(),
        write_xlsx(&sheet, created()).unwrap()
    );
}

#[test]
fn xlsx_has_a_bold_frozen_header_and_columns_fitted_to_their_content() {
    let bytes = write_xlsx(&inventory(), created()).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut sheet_xml = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet_xml)
        .unwrap();
    assert!(
        sheet_xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet_xml}"
    );
    // "Banc d'automatisme; modèle "A"" is 30 characters: 32 wide; "Qté" and
    // its numbers are narrow: 8, the least.
    assert!(
        sheet_xml.contains(r#"<col min="1" max="1" width="32.7109375" customWidth="1"/>"#),
        "{sheet_xml}"
    );
    assert!(
        sheet_xml.contains(r#"<col min="2" max="2" width="8.7109375" customWidth="1"/>"#),
        "{sheet_xml}"
    );
    let mut styles = String::new();
    archive
        .by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("<b/>"), "{styles}");
}

#[test]
fn rows_wider_than_the_header_and_impossible_values_are_refused() {
    let wide = SheetToWrite {
        name: "x".to_owned(),
        header: vec!["A".to_owned()],
        rows: vec![vec![text("a"), text("b")]],
    };
    assert_eq!(
        write_csv(&wide).unwrap_err(),
        WriteError::RowWiderThanHeader {
            row: 1,
            cells: 2,
            columns: 1
        }
    );
    let not_a_number = SheetToWrite {
        name: "x".to_owned(),
        header: vec!["A".to_owned()],
        rows: vec![vec![Cell::Number(f64::NAN)]],
    };
    assert!(matches!(
        write_xlsx(&not_a_number, created()),
        Err(WriteError::NotFinite {
            row: 1,
            column: 1,
            ..
        })
    ));
    let medieval = SheetToWrite {
        name: "x".to_owned(),
        header: vec!["A".to_owned()],
        rows: vec![vec![Cell::Date(date(1850, 1, 1))]],
    };
    assert_eq!(
        write_xlsx(&medieval, created()).unwrap_err().to_string(),
        "row 1, column 1: the date 1850-01-01 is outside the years 1900 to 9999 an XLSX file can hold"
    );
}
