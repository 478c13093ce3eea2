//! Files built to hurt: each is refused with a typed error before the work
//! it would cause is done.

use std::io::{Cursor, Read};

use sheets::{ReadError, ReadLimits, read_workbook};

use crate::support::{
    RawEntry, ods, ods_empty, ods_row, ods_text, raw_zip, read, xlsx, xlsx_markers, zeros_deflate,
};

/// A zip entry of `repeats` × 258 + 1 zero bytes, deflated about 1000:1,
/// declaring `declared_size`.
fn bomb_entry(name: &str, repeats: u64, declared_size: u32) -> RawEntry {
    RawEntry {
        name: name.to_owned(),
        method: 8,
        data: zeros_deflate(repeats),
        // Nothing may ever inflate this entry to its end, where the CRC is
        // checked, so it is not computed.
        crc32: 0,
        declared_size,
        encrypted: false,
    }
}

/// 15 million repeats: 3.87 GB of zeros in 3.75 MB.
const GIGABYTES_OF_ZEROS: u64 = 15_000_000;

#[test]
fn the_bomb_fixture_really_inflates_far_past_its_own_size() {
    let bomb = raw_zip(&[bomb_entry("zeros", GIGABYTES_OF_ZEROS, 3_870_000_001)]);
    let mut archive = zip::ZipArchive::new(Cursor::new(&bomb)).unwrap();
    let mut inflated = Vec::new();
    archive
        .by_index(0)
        .unwrap()
        .take(20_000_000)
        .read_to_end(&mut inflated)
        .unwrap();
    assert_eq!(bomb.len(), 3_750_122);
    assert_eq!(inflated.len(), 20_000_000);
    assert!(inflated.iter().all(|byte| *byte == 0));
}

#[test]
fn a_zip_bomb_disguised_as_xlsx_is_refused_from_its_directory() {
    let mut entries = xlsx_markers();
    entries.push(bomb_entry(
        "xl/worksheets/sheet1.xml",
        GIGABYTES_OF_ZEROS,
        3_870_000_001,
    ));
    let error = read(&raw_zip(&entries), "inventaire.xlsx").unwrap_err();
    assert_eq!(
        error,
        ReadError::ZipEntryTooLarge {
            entry: "xl/worksheets/sheet1.xml".to_owned(),
            declared: 3_870_000_001,
            limit: 200_000_000
        }
    );
    assert_eq!(
        error.to_string(),
        "the part 'xl/worksheets/sheet1.xml' of the file would inflate to 3.8 GB, \
         more than the 200 MB accepted for one part; it was not opened"
    );
}

#[test]
fn an_entry_compressed_like_a_bomb_is_refused_for_its_ratio() {
    let mut entries = xlsx_markers();
    // 51.6 MB in 50 kB: within the size limits, not within the ratio.
    entries.push(bomb_entry("xl/sharedStrings.xml", 200_000, 51_600_001));
    let error = read(&raw_zip(&entries), "inventaire.xlsx").unwrap_err();
    let ReadError::ZipCompressionRatio {
        entry,
        ratio,
        limit,
    } = error
    else {
        panic!("{error:?}");
    };
    assert_eq!((entry.as_str(), limit), ("xl/sharedStrings.xml", 250));
    assert!(ratio > 1000, "{ratio}");
}

#[test]
fn entries_too_large_together_are_refused() {
    let mut entries = xlsx_markers();
    entries.push(bomb_entry("xl/worksheets/sheet1.xml", 600_000, 154_800_001));
    entries.push(bomb_entry("xl/worksheets/sheet2.xml", 600_000, 154_800_001));
    let limits = ReadLimits {
        max_compression_ratio: 2_000,
        ..ReadLimits::default()
    };
    assert_eq!(
        read_workbook(&raw_zip(&entries), Some("inventaire.xlsx"), &limits).unwrap_err(),
        ReadError::ZipTooLarge {
            // Both parts, and the two small ones that make it look like XLSX.
            declared: 309_600_021,
            limit: 300_000_000
        }
    );
}

#[test]
fn an_entry_that_inflates_past_what_it_declares_is_refused_after_one_byte_more() {
    let mut entries = xlsx_markers();
    // It declares 2 kB and would inflate to 3.87 GB: the directory looks
    // harmless, the inflating counter stops at 2,001 bytes.
    entries.push(bomb_entry(
        "xl/worksheets/sheet1.xml",
        GIGABYTES_OF_ZEROS,
        2_000,
    ));
    assert_eq!(
        read(&raw_zip(&entries), "inventaire.xlsx").unwrap_err(),
        ReadError::ZipEntryLargerThanDeclared {
            entry: "xl/worksheets/sheet1.xml".to_owned()
        }
    );
}

#[test]
fn a_zip_with_too_many_entries_is_refused() {
    let mut entries = xlsx_markers();
    entries.extend(
        (1..=4).map(|number| RawEntry::stored(&format!("xl/media/image{number}.png"), b"x")),
    );
    let limits = ReadLimits {
        max_zip_entries: 5,
        ..ReadLimits::default()
    };
    assert_eq!(
        read_workbook(&raw_zip(&entries), None, &limits).unwrap_err(),
        ReadError::TooManyZipEntries {
            entries: 6,
            limit: 5
        }
    );
}

#[test]
fn an_encrypted_entry_means_a_password_protected_file() {
    let mut entries = xlsx_markers();
    let mut secret = RawEntry::stored("xl/worksheets/sheet1.xml", b"....");
    secret.encrypted = true;
    entries.push(secret);
    assert_eq!(
        read(&raw_zip(&entries), "inventaire.xlsx").unwrap_err(),
        ReadError::PasswordProtected
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_anything_else() {
    let bytes = vec![b'a'; 10_000_001];
    let error = read(&bytes, "inventaire.csv").unwrap_err();
    assert_eq!(
        error,
        ReadError::FileTooLarge {
            bytes: 10_000_001,
            limit: 10_000_000
        }
    );
    assert_eq!(
        error.to_string(),
        "the file weighs 10000001 bytes, more than the 10 MB accepted; split it or remove what the import does not need"
    );
}

#[test]
fn a_csv_of_two_hundred_thousand_rows_is_refused() {
    let mut csv = String::from("Désignation;Quantité\n");
    for row in 0..200_000 {
        csv.push_str(&format!("Tour {row};1\n"));
    }
    let error = read(csv.as_bytes(), "inventaire.csv").unwrap_err();
    assert_eq!(
        error,
        ReadError::TooManyRows {
            sheet: None,
            limit: 100_000
        }
    );
    assert_eq!(
        error.to_string(),
        "the file holds more than 100000 rows, the most accepted; split the file"
    );
}

#[test]
fn an_xlsx_sheet_over_the_row_limit_is_refused_naming_the_sheet() {
    let bytes = xlsx(|workbook| {
        let sheet = workbook.add_worksheet().set_name("Inventaire").unwrap();
        for row in 0..1_001 {
            sheet.write_number(row, 0, f64::from(row)).unwrap();
        }
    });
    let limits = ReadLimits {
        max_rows_per_sheet: 1_000,
        ..ReadLimits::default()
    };
    assert_eq!(
        read_workbook(&bytes, None, &limits).unwrap_err(),
        ReadError::TooManyRows {
            sheet: Some("Inventaire".to_owned()),
            limit: 1_000
        }
    );
}

#[test]
fn an_ods_row_repeated_two_hundred_thousand_times_is_refused_before_expansion() {
    let repeated = format!(
        r#"<table:table-row table:number-rows-repeated="200000">{}</table:table-row>"#,
        ods_text("Tour")
    );
    let bytes = ods(&[("Inventaire", repeated)]);
    assert_eq!(
        read(&bytes, "inventaire.ods").unwrap_err(),
        ReadError::TooManyRows {
            sheet: Some("Inventaire".to_owned()),
            limit: 100_000
        }
    );
}

#[test]
fn an_ods_grid_of_repeated_cells_is_refused_for_its_cells() {
    // 90,000 rows of 200 filled columns: within the row and column limits,
    // 18 million cells once expanded.
    let row = r#"<table:table-row table:number-rows-repeated="90000"><table:table-cell table:number-columns-repeated="200" office:value-type="float" office:value="1"/></table:table-row>"#.to_owned();
    assert_eq!(
        read(&ods(&[("Inventaire", row)]), "inventaire.ods").unwrap_err(),
        ReadError::TooManyCells { limit: 3_000_000 }
    );
}

#[test]
fn an_ods_cell_past_the_last_column_is_refused() {
    let row = ods_row(&[ods_text("Nom"), ods_empty(400), ods_text("égaré")]);
    assert_eq!(
        read(&ods(&[("Inventaire", row)]), "inventaire.ods").unwrap_err(),
        ReadError::TooManyColumns {
            sheet: Some("Inventaire".to_owned()),
            row: 1,
            column: "OL".to_owned(),
            limit: 256
        }
    );
}

#[test]
fn an_xlsx_cell_in_the_last_possible_column_is_refused_not_allocated() {
    let bytes = xlsx(|workbook| {
        let sheet = workbook.add_worksheet().set_name("Inventaire").unwrap();
        sheet.write_string(0, 0, "Nom").unwrap();
        sheet
            .write_string(1_048_575, 16_383, "au bout du monde")
            .unwrap();
    });
    let error = read(&bytes, "inventaire.xlsx").unwrap_err();
    assert_eq!(
        error,
        ReadError::TooManyColumns {
            sheet: Some("Inventaire".to_owned()),
            row: 1_048_576,
            column: "XFD".to_owned(),
            limit: 256
        }
    );
    assert_eq!(
        error.to_string(),
        "sheet 'Inventaire', row 1048576: column XFD holds something, but columns stop at IV (the 256th); \
         remove what lies to the right of the table"
    );
}

#[test]
fn a_cell_longer_than_the_limit_is_refused_without_echoing_it() {
    let csv = format!("Nom;Description\nTour;{}\n", "x".repeat(40_000));
    let error = read(csv.as_bytes(), "inventaire.csv").unwrap_err();
    assert_eq!(
        error,
        ReadError::CellTooLong {
            sheet: None,
            row: 2,
            column: "B".to_owned(),
            chars: 40_000,
            limit: 32_767
        }
    );
    assert_eq!(
        error.to_string(),
        "line 2, column B: the cell holds 40000 characters, more than the 32767 accepted \
         (an unclosed quote in a CSV file does this)"
    );
}

#[test]
fn too_many_cells_across_sheets_are_refused() {
    let bytes = xlsx(|workbook| {
        for name in ["Un", "Deux"] {
            let sheet = workbook.add_worksheet().set_name(name).unwrap();
            for row in 0..60 {
                for column in 0..10 {
                    sheet.write_number(row, column, 1.0).unwrap();
                }
            }
        }
    });
    let limits = ReadLimits {
        max_cells: 1_000,
        ..ReadLimits::default()
    };
    assert_eq!(
        read_workbook(&bytes, None, &limits).unwrap_err(),
        ReadError::TooManyCells { limit: 1_000 }
    );
}
