//! The text of a CSV file, whatever encoding Excel or LibreOffice saved it
//! in: UTF-8 (with or without the byte-order mark Excel adds), UTF-16 with
//! its mark (Excel's "Unicode text"), or Windows-1252 (Excel's "CSV" in
//! Western European Windows).

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The encoding a CSV file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    Utf8,
    Utf8WithBom,
    Utf16,
    Windows1252,
}

/// A file's text and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodedText {
    pub(crate) text: String,
    pub(crate) encoding: TextEncoding,
}

/// Decodes a file as text, or `None` when it is not text (it holds control
/// characters no spreadsheet writes, such as NUL).
///
/// Bytes that are not valid UTF-8 are read as Windows-1252: every byte is a
/// character there, and it is what a Belgian or French Excel writes. The
/// five bytes Windows-1252 leaves undefined decode to C1 control
/// characters, which makes such a file binary rather than text.
pub(crate) fn decode_text(bytes: &[u8]) -> Option<DecodedText> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (
            String::from_utf8(rest.to_vec()).ok()?,
            TextEncoding::Utf8WithBom,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (decode_utf16(rest, UTF_16LE)?, TextEncoding::Utf16)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (decode_utf16(rest, UTF_16BE)?, TextEncoding::Utf16)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), TextEncoding::Utf8)
    } else {
        let (text, _had_errors) = WINDOWS_1252.decode_without_bom_handling(bytes);
        (text.into_owned(), TextEncoding::Windows1252)
    };
    text.chars()
        .all(is_text_character)
        .then_some(DecodedText { text, encoding })
}

fn decode_utf16(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Option<String> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// Characters a spreadsheet's text may hold: anything but control
/// characters, except tab, line breaks, and the vertical tab and form feed
/// some programs write for a line break inside a cell.
fn is_text_character(character: char) -> bool {
    !character.is_control() || matches!(character, '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_encoding_excel_writes() {
        let utf8 = decode_text("Qté;État\n".as_bytes()).unwrap();
        assert_eq!(
            (utf8.text.as_str(), utf8.encoding),
            ("Qté;État\n", TextEncoding::Utf8)
        );
        let bom = decode_text(b"\xEF\xBB\xBFQt\xC3\xA9").unwrap();
        assert_eq!(
            (bom.text.as_str(), bom.encoding),
            ("Qté", TextEncoding::Utf8WithBom)
        );
        let windows = decode_text(b"Qt\xE9;\x80").unwrap();
        assert_eq!(
            (windows.text.as_str(), windows.encoding),
            ("Qté;€", TextEncoding::Windows1252)
        );
        let utf16 = decode_text(b"\xFF\xFEQ\x00t\x00\xE9\x00").unwrap();
        assert_eq!(
            (utf16.text.as_str(), utf16.encoding),
            ("Qté", TextEncoding::Utf16)
        );
    }

    #[test]
    fn control_characters_mean_binary() {
        assert_eq!(decode_text(b"abc\x00def"), None);
        assert_eq!(decode_text(b"abc\x81def"), None);
    }
}
