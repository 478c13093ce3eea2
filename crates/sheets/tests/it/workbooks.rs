//! XLSX and ODS workbooks: typed cells, sheets in order, rows and columns
//! numbered as the spreadsheet shows them.

use rust_xlsxwriter::{ExcelDateTime, Format};
use sheets::{Cell, Format as SheetFormat};

use crate::support::{
    date, ods, ods_empty, ods_number, ods_row, ods_text, read, rows_of, text, xlsx,
};

#[test]
fn xlsx_cells_keep_their_types() {
    let bytes = xlsx(|workbook| {
        let sheet = workbook.add_worksheet().set_name("Inventaire").unwrap();
        let day = Format::new().set_num_format("dd/mm/yyyy");
        let instant = Format::new().set_num_format("dd/mm/yyyy hh:mm");
        let clock = Format::new().set_num_format("hh:mm");
        sheet.write_string(0, 0, "Tour").unwrap();
        sheet.write_number(0, 1, 2.5).unwrap();
        sheet.write_boolean(0, 2, true).unwrap();
        let march = ExcelDateTime::from_ymd(2024, 3, 15).unwrap();
        sheet
            .write_datetime_with_format(0, 3, &march, &day)
            .unwrap();
        let afternoon = ExcelDateTime::from_ymd(2024, 3, 15)
            .unwrap()
            .and_hms(14, 30, 0)
            .unwrap();
        sheet
            .write_datetime_with_format(0, 4, &afternoon, &instant)
            .unwrap();
        sheet.write_number_with_format(0, 5, 0.5, &clock).unwrap();
        sheet.write_formula(0, 6, "=1/0").unwrap();
    });
    let workbook = read(&bytes, "inventaire.xlsx").unwrap();
    assert_eq!(workbook.format(), SheetFormat::Xlsx);
    assert_eq!(
        rows_of(&workbook),
        [(
            1,
            vec![
                text("Tour"),
                Cell::Number(2.5),
                Cell::Bool(true),
                Cell::Date(date(2024, 3, 15)),
                Cell::DateTime(date(2024, 3, 15).and_hms_opt(14, 30, 0).unwrap()),
                text("12:00"),
                // rust_xlsxwriter stores no cached result: the formula reads as 0.
                Cell::Number(0.0),
            ]
        )]
    );
}

#[test]
fn xlsx_rows_and_columns_are_numbered_as_excel_shows_them() {
    let bytes = xlsx(|workbook| {
        let sheet = workbook.add_worksheet().set_name("Inventaire").unwrap();
        sheet.write_string(4, 2, "C5").unwrap();
        sheet.write_string(9_999, 0, "A10000").unwrap();
    });
    let workbook = read(&bytes, "inventaire.xlsx").unwrap();
    assert_eq!(
        rows_of(&workbook),
        [
            (5, vec![Cell::Empty, Cell::Empty, text("C5")]),
            (10_000, vec![text("A10000")])
        ]
    );
}

#[test]
fn xlsx_sheets_come_in_workbook_order_with_their_index() {
    let bytes = xlsx(|workbook| {
        for name in ["Lisez-moi", "Inventaire", "Listes"] {
            workbook
                .add_worksheet()
                .set_name(name)
                .unwrap()
                .write_string(0, 0, name)
                .unwrap();
        }
    });
    let workbook = read(&bytes, "inventaire.xlsx").unwrap();
    let sheets: Vec<(&str, usize)> = workbook
        .sheets()
        .iter()
        .map(|sheet| (sheet.name(), sheet.index()))
        .collect();
    assert_eq!(sheets, [("Lisez-moi", 0), ("Inventaire", 1), ("Listes", 2)]);
    assert_eq!(
        workbook.sheet("Listes").unwrap().rows()[0].cell(0),
        &text("Listes")
    );
}

#[test]
fn xlsx_merged_cells_give_their_value_to_the_first_cell_only() {
    let bytes = xlsx(|workbook| {
        let sheet = workbook.add_worksheet();
        sheet
            .merge_range(0, 0, 0, 3, "Inventaire du pôle", &Format::new())
            .unwrap();
        sheet.write_string(1, 0, "Nom").unwrap();
    });
    let workbook = read(&bytes, "inventaire.xlsx").unwrap();
    assert_eq!(
        rows_of(&workbook),
        [
            (1, vec![text("Inventaire du pôle")]),
            (2, vec![text("Nom")])
        ]
    );
}

#[test]
fn ods_cells_keep_their_types_and_positions() {
    let rows = [
        ods_row(&[ods_text("Désignation"), ods_empty(2), ods_text("Qté")]),
        r#"<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="5"/></table:table-row>"#.to_owned(),
        ods_row(&[
            ods_text("Tour"),
            ods_number(1.5),
            r#"<table:table-cell office:value-type="date" office:date-value="2024-03-15"><text:p>15/03/2024</text:p></table:table-cell>"#.to_owned(),
            r#"<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell>"#.to_owned(),
            r#"<table:table-cell office:value-type="date" office:date-value="2024-03-15T14:30:00"><text:p>15/03/2024 14:30</text:p></table:table-cell>"#.to_owned(),
        ]),
    ]
    .concat();
    let workbook = read(&ods(&[("Inventaire", rows)]), "inventaire.ods").unwrap();
    assert_eq!(workbook.format(), SheetFormat::Ods);
    assert_eq!(
        rows_of(&workbook),
        [
            (
                1,
                vec![text("Désignation"), Cell::Empty, Cell::Empty, text("Qté")]
            ),
            (
                5,
                vec![
                    text("Tour"),
                    Cell::Number(1.5),
                    Cell::Date(date(2024, 3, 15)),
                    Cell::Bool(true),
                    Cell::DateTime(date(2024, 3, 15).and_hms_opt(14, 30, 0).unwrap()),
                ]
            ),
        ]
    );
}

#[test]
fn ods_positions_stay_absolute_when_the_table_starts_lower_and_further_right() {
    let rows = [
        r#"<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>"#
            .to_owned(),
        ods_row(&[ods_empty(2), ods_text("C3")]),
        r#"<table:table-row table:number-rows-repeated="2">"#.to_owned()
            + &ods_empty(1)
            + &ods_text("B4 et B5")
            + "</table:table-row>",
    ]
    .concat();
    let workbook = read(&ods(&[("Feuille1", rows)]), "inventaire.ods").unwrap();
    assert_eq!(
        rows_of(&workbook),
        [
            (3, vec![Cell::Empty, Cell::Empty, text("C3")]),
            (4, vec![Cell::Empty, text("B4 et B5")]),
            (5, vec![Cell::Empty, text("B4 et B5")]),
        ]
    );
}

#[test]
fn ods_sheets_come_in_document_order() {
    let bytes = ods(&[
        ("Zéro", ods_row(&[ods_text("a")])),
        ("Alpha", ods_row(&[ods_text("b")])),
    ]);
    let workbook = read(&bytes, "inventaire.ods").unwrap();
    let names: Vec<&str> = workbook.sheets().iter().map(|sheet| sheet.name()).collect();
    assert_eq!(names, ["Zéro", "Alpha"]);
}
