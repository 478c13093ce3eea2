//! Finding the table in the caller's vocabulary: past title rows and
//! merged cells, whatever the accents, case and spacing, in the right
//! sheet, with every column problem reported.

use rust_xlsxwriter::Format;
use sheets::{ColumnProblem, ColumnRef, ExpectedColumn, HeaderError, HeaderSpec, Workbook};

use crate::support::{read, xlsx, xlsx_of_strings};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Name,
    Quantity,
    Condition,
    Year,
    Shareable,
}

fn inventory_spec() -> HeaderSpec<Column> {
    HeaderSpec::new(vec![
        ExpectedColumn::new(Column::Name, &["Désignation", "Nom", "Équipement"]).required(),
        ExpectedColumn::new(Column::Quantity, &["Quantité", "Qté", "Nombre"]),
        ExpectedColumn::new(Column::Condition, &["État", "Etat"]),
        ExpectedColumn::new(Column::Year, &["Année d'acquisition", "Année"]),
        ExpectedColumn::new(
            Column::Shareable,
            &["Mutualisable (oui/non)", "Mutualisable"],
        ),
    ])
}

fn csv(text: &str) -> Workbook {
    read(text.as_bytes(), "inventaire.csv").unwrap()
}

fn column(index: usize, header: &str) -> ColumnRef {
    ColumnRef {
        index,
        header: header.to_owned(),
    }
}

#[test]
fn the_header_is_found_below_title_rows_whatever_the_spelling() {
    let workbook = csv("INVENTAIRE DES ÉQUIPEMENTS;;;\n\
         Pôle Installation & Maintenance;;;\n\
         \n\
         ; DESIGNATION ;qte.;ANNEE D’ACQUISITION;mutualisable\n\
         ;Tour CNC;2;2019;oui\n");
    let table = workbook.find_table(&inventory_spec()).unwrap();
    assert_eq!(table.header_row(), 4);
    let mapped: Vec<(Column, usize)> = table
        .columns()
        .iter()
        .map(|mapped| (mapped.key, mapped.column.index))
        .collect();
    assert_eq!(
        mapped,
        [
            (Column::Name, 1),
            (Column::Quantity, 2),
            (Column::Year, 3),
            (Column::Shareable, 4)
        ]
    );
    let row = table.rows().next().unwrap();
    assert_eq!(
        (
            row.number(),
            row.text(Column::Name),
            row.integer(Column::Quantity),
            row.boolean(Column::Shareable)
        ),
        (5, Some("Tour CNC".to_owned()), Ok(Some(2)), Ok(Some(true)))
    );
    assert_eq!(row.integer(Column::Year), Ok(Some(2019)));
}

#[test]
fn a_merged_title_above_the_header_is_skipped() {
    let bytes = xlsx(|workbook| {
        let sheet = workbook.add_worksheet().set_name("Inventaire").unwrap();
        sheet
            .merge_range(
                0,
                0,
                1,
                3,
                "Inventaire 2024 — Institut Saint-Luc",
                &Format::new(),
            )
            .unwrap();
        for (index, header) in ["Nom", "Quantité (pièces)", "État", "Année"]
            .iter()
            .enumerate()
        {
            sheet.write_string(2, index as u16, *header).unwrap();
        }
        sheet.write_string(3, 0, "Pont élévateur").unwrap();
        sheet.write_number(3, 1, 1.0).unwrap();
    });
    let workbook = read(&bytes, "inventaire.xlsx").unwrap();
    let table = workbook.find_table(&inventory_spec()).unwrap();
    assert_eq!((table.sheet_name(), table.header_row()), ("Inventaire", 3));
    // "Quantité (pièces)" names the quantity once its remark is set aside.
    assert_eq!(
        table.column(Column::Quantity),
        Some(&column(1, "Quantité (pièces)"))
    );
    let row = table.rows().next().unwrap();
    assert_eq!(
        (row.number(), row.integer(Column::Quantity)),
        (4, Ok(Some(1)))
    );
}

#[test]
fn a_bad_cell_is_reported_with_its_sheet_row_and_column() {
    let bytes = xlsx(|workbook| {
        workbook
            .add_worksheet()
            .set_name("Lisez-moi")
            .unwrap()
            .write_string(0, 0, "Mode d'emploi")
            .unwrap();
        let sheet = workbook.add_worksheet().set_name("Inventaire").unwrap();
        for (index, header) in ["Désignation", "Marque", "Qté"].iter().enumerate() {
            sheet.write_string(12, index as u16, *header).unwrap();
        }
        sheet.write_string(13, 0, "Banc d'automatisme").unwrap();
        sheet.write_string(13, 2, "deux").unwrap();
    });
    let workbook = read(&bytes, "inventaire.xlsx").unwrap();
    let table = workbook.find_table(&inventory_spec()).unwrap();
    let row = table.rows().next().unwrap();
    assert_eq!(
        row.integer(Column::Quantity).unwrap_err().to_string(),
        "sheet 'Inventaire', row 14, column 'Qté' (C): expected a whole number, got 'deux'"
    );
    assert_eq!(
        row.problem(Column::Condition, "is required when the quantity is given")
            .to_string(),
        "sheet 'Inventaire', row 14, column 'État': is required when the quantity is given"
    );
    assert_eq!(table.unknown_columns(), [column(1, "Marque")]);
}

#[test]
fn the_sheet_with_a_recognisable_header_is_chosen() {
    let bytes = xlsx(|workbook| {
        let notes = workbook.add_worksheet().set_name("Notes").unwrap();
        notes.write_string(0, 0, "Nom du responsable").unwrap();
        let inventory = workbook.add_worksheet().set_name("Équipements").unwrap();
        for (index, header) in ["Nom", "Qté", "Etat"].iter().enumerate() {
            inventory.write_string(0, index as u16, *header).unwrap();
        }
    });
    let workbook = read(&bytes, "inventaire.xlsx").unwrap();
    let table = workbook.find_table(&inventory_spec()).unwrap();
    assert_eq!(
        (table.sheet_name(), table.sheet_index()),
        ("Équipements", 1)
    );
}

#[test]
fn the_sheet_named_by_the_caller_is_used_even_with_a_better_one_elsewhere() {
    let bytes = xlsx(|workbook| {
        let first = workbook.add_worksheet().set_name("2023").unwrap();
        for (index, header) in ["Nom", "Qté", "État"].iter().enumerate() {
            first.write_string(0, index as u16, *header).unwrap();
        }
        let second = workbook
            .add_worksheet()
            .set_name("Inventaire 2024")
            .unwrap();
        second.write_string(0, 0, "Désignation").unwrap();
        second.write_string(0, 1, "Quantité").unwrap();
    });
    let workbook = read(&bytes, "inventaire.xlsx").unwrap();
    let table = workbook
        .find_table(&inventory_spec().in_sheet("inventaire 2024"))
        .unwrap();
    assert_eq!(table.sheet_name(), "Inventaire 2024");
    assert_eq!(
        workbook
            .find_table(&inventory_spec().in_sheet("2025"))
            .unwrap_err(),
        HeaderError::SheetNotFound {
            requested: "2025".to_owned(),
            available: vec!["2023".to_owned(), "Inventaire 2024".to_owned()]
        }
    );
}

#[test]
fn duplicate_ambiguous_and_missing_columns_are_all_reported() {
    let spec = HeaderSpec::new(vec![
        ExpectedColumn::new(Column::Name, &["Désignation"]).required(),
        ExpectedColumn::new(Column::Quantity, &["Quantité", "Qté", "Nombre"]),
        ExpectedColumn::new(Column::Condition, &["État"]).required(),
        ExpectedColumn::new(Column::Year, &["Année", "Nombre"]),
    ]);
    let workbook = csv("Qté;Quantité;Nombre;Année\n1;1;1;2020\n");
    let error = workbook.find_table(&spec).unwrap_err();
    assert_eq!(
        error,
        HeaderError::Columns {
            sheet: None,
            row: 1,
            problems: vec![
                ColumnProblem::Ambiguous {
                    column: column(2, "Nombre"),
                    labels: vec!["Quantité".to_owned(), "Année".to_owned()]
                },
                ColumnProblem::Missing {
                    label: "Désignation".to_owned()
                },
                ColumnProblem::Duplicate {
                    label: "Quantité".to_owned(),
                    columns: vec![column(0, "Qté"), column(1, "Quantité")]
                },
                ColumnProblem::Missing {
                    label: "État".to_owned()
                },
            ]
        }
    );
    assert_eq!(
        error.to_string(),
        "line 1: the column 'Nombre' (C) could be 'Quantité', 'Année'; rename it; \
         the column 'Désignation' is missing; \
         several columns are 'Quantité': 'Qté' (A), 'Quantité' (B); keep one; \
         the column 'État' is missing"
    );
}

#[test]
fn a_file_without_a_recognisable_header_is_refused_with_the_expected_columns() {
    let workbook = read(
        &xlsx_of_strings("Feuil1", &[&["Référence", "Prix"], &["A1", "12"]]),
        "x.xlsx",
    )
    .unwrap();
    assert_eq!(
        workbook
            .find_table(&inventory_spec())
            .unwrap_err()
            .to_string(),
        "no header row was found in the first 20 rows of 'Feuil1': a header names at least 2 of the columns \
         'Désignation', 'Quantité', 'État', 'Année d'acquisition', 'Mutualisable (oui/non)'"
    );
}

#[test]
fn empty_columns_and_rows_and_rows_without_expected_cells_are_skipped() {
    let workbook = csv("Nom;;Qté;Commentaire\n\
         Tour;;1;\n\
         ;;;\n\
         ;;;Total : 1 équipement\n\
         Fraiseuse;;2;à réviser\n");
    let table = workbook.find_table(&inventory_spec()).unwrap();
    let rows: Vec<(u32, Option<String>)> = table
        .rows()
        .map(|row| (row.number(), row.text(Column::Name)))
        .collect();
    assert_eq!(
        rows,
        [
            (2, Some("Tour".to_owned())),
            (5, Some("Fraiseuse".to_owned()))
        ]
    );
    assert_eq!(table.unknown_columns(), [column(3, "Commentaire")]);
}

#[test]
fn an_optional_column_the_file_lacks_reads_as_empty() {
    let workbook = csv("Nom;Qté\nTour;1\n");
    let table = workbook.find_table(&inventory_spec()).unwrap();
    let row = table.rows().next().unwrap();
    assert_eq!(row.boolean(Column::Shareable), Ok(None));
    assert_eq!(table.column(Column::Shareable), None);
}
