//! The content decides the format; a name that says otherwise, and every
//! file that is no spreadsheet, is refused with what it is and what to send.

use sheets::{FileKind, Format, ReadError, ReadLimits, read_workbook};

use crate::support::{ods, ods_row, ods_text, read, xlsx_of_strings, zip_of};

#[test]
fn an_xlsx_is_recognised_by_its_entries_whatever_its_name() {
    let bytes = xlsx_of_strings("Inventaire", &[&["Désignation"]]);
    assert_eq!(
        read(&bytes, "inventaire.xlsx").unwrap().format(),
        Format::Xlsx
    );
    assert_eq!(
        read(&bytes, "inventaire.XLSM").unwrap().format(),
        Format::Xlsx
    );
    let unnamed = read_workbook(&bytes, None, &ReadLimits::default()).unwrap();
    assert_eq!(unnamed.format(), Format::Xlsx);
    assert_eq!(
        read(&bytes, "export sans extension").unwrap().format(),
        Format::Xlsx
    );
}

#[test]
fn an_ods_is_recognised_by_its_mimetype() {
    let bytes = ods(&[("Inventaire", ods_row(&[ods_text("Désignation")]))]);
    assert_eq!(
        read(&bytes, "inventaire.ods").unwrap().format(),
        Format::Ods
    );
}

#[test]
fn a_pdf_renamed_csv_is_refused_as_a_pdf() {
    let error = read(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "inventaire.csv").unwrap_err();
    assert_eq!(
        error,
        ReadError::NameMismatch {
            file_name: "inventaire.csv".to_owned(),
            named: FileKind::Csv,
            found: FileKind::Pdf
        }
    );
    assert_eq!(
        error.to_string(),
        "the file is named 'inventaire.csv', which announces CSV text, but it is a PDF document; \
         send an Excel workbook (.xlsx), an OpenDocument spreadsheet (.ods) or a CSV file \
         (separated by ';' or ',', in UTF-8 or Windows-1252)"
    );
}

#[test]
fn a_word_document_renamed_xlsx_is_refused_as_a_word_document() {
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("_rels/.rels", b"<Relationships/>"),
        ("word/document.xml", b"<w:document/>"),
    ]);
    assert_eq!(
        read(&docx, "inventaire.xlsx").unwrap_err(),
        ReadError::NameMismatch {
            file_name: "inventaire.xlsx".to_owned(),
            named: FileKind::Xlsx,
            found: FileKind::WordDocument
        }
    );
    assert_eq!(
        read(&docx, "rapport.docx").unwrap_err(),
        ReadError::NotASpreadsheet {
            found: FileKind::WordDocument
        }
    );
}

#[test]
fn an_old_binary_xls_is_refused_with_how_to_convert_it() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(512, 0);
    let error = read(&ole, "inventaire.xls").unwrap_err();
    assert_eq!(
        error,
        ReadError::NotASpreadsheet {
            found: FileKind::LegacyOffice
        }
    );
    assert_eq!(
        error.to_string(),
        "the file is an Excel 97-2003 workbook (.xls), another old Office file or a password-protected workbook, \
         not a spreadsheet; open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as CSV"
    );
}

#[test]
fn a_csv_named_xlsx_is_refused() {
    assert_eq!(
        read(b"Nom;Qte\nTour;2\n", "inventaire.xlsx").unwrap_err(),
        ReadError::NameMismatch {
            file_name: "inventaire.xlsx".to_owned(),
            named: FileKind::Xlsx,
            found: FileKind::Csv
        }
    );
}

#[test]
fn an_ods_named_xlsx_is_refused() {
    let bytes = ods(&[("Feuille1", ods_row(&[ods_text("Nom")]))]);
    assert_eq!(
        read(&bytes, "inventaire.xlsx").unwrap_err(),
        ReadError::NameMismatch {
            file_name: "inventaire.xlsx".to_owned(),
            named: FileKind::Xlsx,
            found: FileKind::Ods
        }
    );
}

#[test]
fn other_kinds_of_files_are_named_in_the_refusal() {
    let cases: [(&[u8], FileKind); 6] = [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", FileKind::Image),
        (b"<!DOCTYPE html><html><table><tr><td>1</td></tr></table>", FileKind::Html),
        (b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>", FileKind::Xml),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", FileKind::Archive),
        (b"binary\x00\x01\x02data", FileKind::Binary),
        (b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", FileKind::Archive),
    ];
    for (bytes, found) in cases {
        assert_eq!(
            read_workbook(bytes, None, &ReadLimits::default()).unwrap_err(),
            ReadError::NotASpreadsheet { found },
            "{found:?}"
        );
    }
}

#[test]
fn an_opendocument_text_is_not_a_spreadsheet() {
    let odt = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<office:document-content/>"),
    ]);
    assert_eq!(
        read(&odt, "inventaire.ods").unwrap_err(),
        ReadError::NameMismatch {
            file_name: "inventaire.ods".to_owned(),
            named: FileKind::Ods,
            found: FileKind::OtherOpenDocument
        }
    );
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(
        read(b"", "inventaire.csv").unwrap_err(),
        ReadError::EmptyFile
    );
    assert_eq!(
        read(b" \r\n\n", "inventaire.csv").unwrap_err(),
        ReadError::EmptyFile
    );
}

#[test]
fn a_damaged_workbook_is_unreadable_not_a_crash() {
    let mut bytes = xlsx_of_strings("Inventaire", &[&["Désignation"]]);
    let middle = bytes.len() / 2;
    bytes.truncate(middle);
    let error = read(&bytes, "inventaire.xlsx").unwrap_err();
    assert!(
        matches!(
            error,
            ReadError::Unreadable {
                kind: FileKind::Archive,
                ..
            }
        ),
        "{error:?}"
    );
}
