//! Fixtures built in the tests themselves: XLSX written with
//! rust_xlsxwriter, ODS zipped by hand from a minimal `content.xml`, and
//! zips assembled byte by byte when a test needs what no writer produces
//! (a zip bomb, a forged size, an encrypted flag).

use std::io::{Cursor, Write};

use sheets::{Cell, ReadError, ReadLimits, Workbook, read_workbook};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub fn read(bytes: &[u8], file_name: &str) -> Result<Workbook, ReadError> {
    read_workbook(bytes, Some(file_name), &ReadLimits::default())
}

/// The cells of every row of the first sheet, with the row numbers.
pub fn rows_of(workbook: &Workbook) -> Vec<(u32, Vec<Cell>)> {
    workbook.sheets()[0]
        .rows()
        .iter()
        .map(|row| (row.number(), row.cells().to_vec()))
        .collect()
}

pub fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

pub fn date(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// An XLSX workbook written by `build` with rust_xlsxwriter.
pub fn xlsx(build: impl FnOnce(&mut rust_xlsxwriter::Workbook)) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    build(&mut workbook);
    workbook.save_to_buffer().unwrap()
}

/// Rows of strings in one XLSX sheet, from A1.
pub fn xlsx_of_strings(sheet_name: &str, rows: &[&[&str]]) -> Vec<u8> {
    xlsx(|workbook| {
        let sheet = workbook.add_worksheet().set_name(sheet_name).unwrap();
        for (row, cells) in rows.iter().enumerate() {
            for (column, value) in cells.iter().enumerate() {
                if !value.is_empty() {
                    sheet
                        .write_string(row as u32, column as u16, *value)
                        .unwrap();
                }
            }
        }
    })
}

/// A zip of `(name, content)` entries, deflated, as office programs write.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// An ODS file with the given sheets, each `(name, rows XML)`. The mimetype
/// comes first and stored, as the OpenDocument specification requires.
pub fn ods(sheets: &[(&str, String)]) -> Vec<u8> {
    let tables: String = sheets
        .iter()
        .map(|(name, rows)| format!(r#"<table:table table:name="{name}">{rows}</table:table>"#))
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// An ODS row of cells.
pub fn ods_row(cells: &[String]) -> String {
    format!("<table:table-row>{}</table:table-row>", cells.concat())
}

pub fn ods_text(value: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>"#
    )
}

pub fn ods_number(value: f64) -> String {
    format!(
        r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>"#
    )
}

pub fn ods_empty(repeated: u32) -> String {
    format!(r#"<table:table-cell table:number-columns-repeated="{repeated}"/>"#)
}

/// One entry of a zip assembled by hand.
pub struct RawEntry {
    pub name: String,
    /// 0 stored, 8 deflated.
    pub method: u16,
    pub data: Vec<u8>,
    pub crc32: u32,
    /// What the directory says the entry inflates to.
    pub declared_size: u32,
    pub encrypted: bool,
}

impl RawEntry {
    pub fn stored(name: &str, content: &[u8]) -> Self {
        Self {
            name: name.to_owned(),
            method: 0,
            data: content.to_vec(),
            crc32: crc32(content),
            declared_size: content.len() as u32,
            encrypted: false,
        }
    }
}

/// A zip written byte by byte: local headers, data, central directory.
pub fn raw_zip(entries: &[RawEntry]) -> Vec<u8> {
    let mut file = Vec::new();
    let mut directory = Vec::new();
    for entry in entries {
        let offset = file.len() as u32;
        let flags: u16 = if entry.encrypted { 1 } else { 0 };
        let name = entry.name.as_bytes();
        let common = |out: &mut Vec<u8>| {
            out.extend(20_u16.to_le_bytes()); // version needed
            out.extend(flags.to_le_bytes());
            out.extend(entry.method.to_le_bytes());
            out.extend(0_u16.to_le_bytes()); // time
            out.extend(0x21_u16.to_le_bytes()); // date: 1980-01-01
            out.extend(entry.crc32.to_le_bytes());
            out.extend((entry.data.len() as u32).to_le_bytes());
            out.extend(entry.declared_size.to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(0_u16.to_le_bytes()); // extra field
        };
        file.extend(0x0403_4b50_u32.to_le_bytes());
        common(&mut file);
        file.extend(name);
        file.extend(&entry.data);

        directory.extend(0x0201_4b50_u32.to_le_bytes());
        directory.extend(20_u16.to_le_bytes()); // version made by
        common(&mut directory);
        directory.extend([0_u8; 8]); // comment length, disk, internal and external attributes (part)
        directory.extend([0_u8; 2]);
        directory.extend(offset.to_le_bytes());
        directory.extend(name);
    }
    let directory_offset = file.len() as u32;
    let count = entries.len() as u16;
    file.extend(&directory);
    file.extend(0x0605_4b50_u32.to_le_bytes());
    file.extend([0_u8; 4]); // disk numbers
    file.extend(count.to_le_bytes());
    file.extend(count.to_le_bytes());
    file.extend((directory.len() as u32).to_le_bytes());
    file.extend(directory_offset.to_le_bytes());
    file.extend(0_u16.to_le_bytes()); // comment
    file
}

/// The entries that make a zip look like an XLSX workbook.
pub fn xlsx_markers() -> Vec<RawEntry> {
    vec![
        RawEntry::stored("[Content_Types].xml", b"<Types/>"),
        RawEntry::stored("xl/workbook.xml", b"<workbook/>"),
    ]
}

/// A raw deflate stream of `1 + 258 * repeats` zero bytes in 2 bits per 258
/// bytes (about 1:1000, near deflate's maximum): one dynamic-Huffman block
/// whose only codes are the literal 0, "length 258" and end of block, each
/// pair "length 258, distance 1" being two zero bits. Building it costs
/// `repeats / 4` bytes, never the gigabytes it inflates to.
pub fn zeros_deflate(repeats: u64) -> Vec<u8> {
    let mut bits = BitWriter::default();
    bits.put(1, 1); // final block
    bits.put(2, 2); // dynamic Huffman codes
    bits.put(29, 5); // 286 literal/length codes
    bits.put(1, 5); // 2 distance codes
    bits.put(14, 4); // 18 code-length codes
    // Code lengths of the code-length alphabet, in the order deflate lists
    // them (16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1):
    // symbol 18 gets 1 bit, symbols 1 and 2 get 2 bits.
    for length in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] {
        bits.put(length, 3);
    }
    // Canonical codes: 18 → 0, 1 → 10, 2 → 11 (written most significant
    // bit first).
    let length_two = |bits: &mut BitWriter| bits.code(0b11, 2);
    let length_one = |bits: &mut BitWriter| bits.code(0b10, 2);
    let zeros = |bits: &mut BitWriter, count: u32| {
        bits.code(0, 1);
        bits.put(count - 11, 7);
    };
    length_two(&mut bits); // literal 0
    zeros(&mut bits, 138); // literals 1..=138
    zeros(&mut bits, 117); // literals 139..=255
    length_two(&mut bits); // end of block (256)
    zeros(&mut bits, 28); // lengths 257..=284
    length_one(&mut bits); // length 258 (285)
    length_one(&mut bits); // distance code 0
    length_one(&mut bits); // distance code 1
    // Literal/length codes: 285 → 0, literal 0 → 10, end of block → 11.
    // Distance codes: 0 → 0, 1 → 1.
    bits.code(0b10, 2); // the first zero byte
    bits.zeros(repeats * 2); // each repeat: length 258 (0), distance 1 (0)
    bits.code(0b11, 2); // end of block
    bits.finish()
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    current: u8,
    used: u32,
}

impl BitWriter {
    /// Bits of `value`, least significant first (deflate's header fields).
    fn put(&mut self, value: u32, count: u32) {
        for bit in 0..count {
            self.bit((value >> bit) & 1 == 1);
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u32, length: u32) {
        for bit in (0..length).rev() {
            self.bit((code >> bit) & 1 == 1);
        }
    }

    fn zeros(&mut self, mut count: u64) {
        while count > 0 && self.used != 0 {
            self.bit(false);
            count -= 1;
        }
        self.bytes
            .resize(self.bytes.len() + (count / 8) as usize, 0);
        for _ in 0..count % 8 {
            self.bit(false);
        }
    }

    fn bit(&mut self, set: bool) {
        if set {
            self.current |= 1 << self.used;
        }
        self.used += 1;
        if self.used == 8 {
            self.bytes.push(self.current);
            self.current = 0;
            self.used = 0;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.used > 0 {
            self.bytes.push(self.current);
        }
        self.bytes
    }
}

/// CRC-32 (IEEE), bit by bit: fixtures are small.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0_u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
