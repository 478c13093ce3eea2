//! What a file really is, from its content: magic bytes, the entries of a
//! zip, or text. The name a file arrives with is only a claim, checked
//! against the content (a PDF renamed .csv, a Word document renamed .xlsx).

use std::fmt;

use crate::error::ReadError;
use crate::limits::ReadLimits;
use crate::text_encoding::{DecodedText, decode_text};
use crate::zip_guard::{ZipListing, inspect_zip};

/// The formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Xlsx,
    Ods,
}

impl Format {
    pub(crate) fn kind(self) -> FileKind {
        match self {
            Format::Csv => FileKind::Csv,
            Format::Xlsx => FileKind::Xlsx,
            Format::Ods => FileKind::Ods,
        }
    }
}

/// What a file's content, or its name, says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Csv,
    Xlsx,
    Ods,
    /// An Office 97–2003 file (.xls, .doc) or a password-protected Office
    /// file: both are OLE compound files.
    LegacyOffice,
    /// Excel's binary workbook.
    Xlsb,
    WordDocument,
    Presentation,
    /// An OpenDocument text, presentation or drawing.
    OtherOpenDocument,
    /// A zip that is no office document.
    Archive,
    Pdf,
    Html,
    Xml,
    Image,
    /// Bytes that are neither text nor any of the above.
    Binary,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Csv => "CSV text",
            FileKind::Xlsx => "an Excel workbook (.xlsx)",
            FileKind::Ods => "an OpenDocument spreadsheet (.ods)",
            FileKind::LegacyOffice => {
                "an Excel 97-2003 workbook (.xls), another old Office file or a password-protected workbook"
            }
            FileKind::Xlsb => "an Excel binary workbook (.xlsb)",
            FileKind::WordDocument => "a Word document (.docx)",
            FileKind::Presentation => "a PowerPoint presentation (.pptx)",
            FileKind::OtherOpenDocument => "an OpenDocument text or presentation (.odt, .odp)",
            FileKind::Archive => "a compressed archive",
            FileKind::Pdf => "a PDF document",
            FileKind::Html => "a web page (HTML)",
            FileKind::Xml => "an XML file",
            FileKind::Image => "an image",
            FileKind::Binary => "binary data",
        })
    }
}

/// What the name's extension announces; `None` for an extension this crate
/// does not know, in which case the content alone decides.
pub(crate) fn kind_named(file_name: &str) -> Option<FileKind> {
    let (_, extension) = file_name.rsplit_once('.')?;
    Some(match extension.to_ascii_lowercase().as_str() {
        "csv" | "txt" | "tsv" | "tab" => FileKind::Csv,
        "xlsx" | "xlsm" => FileKind::Xlsx,
        "ods" => FileKind::Ods,
        "xls" | "doc" | "ppt" => FileKind::LegacyOffice,
        "xlsb" => FileKind::Xlsb,
        "docx" | "docm" => FileKind::WordDocument,
        "pptx" => FileKind::Presentation,
        "odt" | "odp" | "odg" => FileKind::OtherOpenDocument,
        "zip" | "gz" | "7z" | "rar" => FileKind::Archive,
        "pdf" => FileKind::Pdf,
        "html" | "htm" => FileKind::Html,
        "xml" => FileKind::Xml,
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "heic" => FileKind::Image,
        _ => return None,
    })
}

/// A file identified by its content, with what was learnt on the way.
#[derive(Debug)]
pub(crate) enum Identified<'a> {
    Csv(DecodedText),
    /// With the zip's listing, already held to the declared-size limits.
    Xlsx(ZipListing<'a>),
    Ods(ZipListing<'a>),
    Other(FileKind),
}

impl Identified<'_> {
    pub(crate) fn kind(&self) -> FileKind {
        match self {
            Identified::Csv(_) => FileKind::Csv,
            Identified::Xlsx(_) => FileKind::Xlsx,
            Identified::Ods(_) => FileKind::Ods,
            Identified::Other(kind) => *kind,
        }
    }
}

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// Identifies the content. A zip's central directory is read and held to
/// the limits here, before anything inflates, because classifying it needs
/// its entry names anyway.
pub(crate) fn identify<'a>(
    bytes: &'a [u8],
    limits: &ReadLimits,
) -> Result<Identified<'a>, ReadError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let listing = inspect_zip(bytes, limits)?;
        return Ok(match classify_zip(&listing) {
            FileKind::Xlsx => Identified::Xlsx(listing),
            FileKind::Ods => Identified::Ods(listing),
            other => Identified::Other(other),
        });
    }
    if let Some(kind) = binary_kind(bytes) {
        return Ok(Identified::Other(kind));
    }
    match decode_text(bytes) {
        Some(text) => Ok(match markup_kind(&text.text) {
            Some(kind) => Identified::Other(kind),
            None => Identified::Csv(text),
        }),
        None => Ok(Identified::Other(FileKind::Binary)),
    }
}

fn binary_kind(bytes: &[u8]) -> Option<FileKind> {
    const IMAGES: [&[u8]; 3] = [b"\x89PNG\r\n\x1a\n", b"\xFF\xD8\xFF", b"GIF8"];
    const ARCHIVES: [&[u8]; 4] = [b"\x1f\x8b", b"7z\xBC\xAF\x27\x1C", b"Rar!", b"PK\x07\x08"];
    if bytes.starts_with(OLE_MAGIC) {
        Some(FileKind::LegacyOffice)
    } else if bytes.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if IMAGES.iter().any(|magic| bytes.starts_with(magic)) {
        Some(FileKind::Image)
    } else if ARCHIVES.iter().any(|magic| bytes.starts_with(magic)) {
        Some(FileKind::Archive)
    } else {
        None
    }
}

/// Text that is a web page or XML rather than CSV (some programs save
/// "Excel" files that are HTML tables or Excel 2003 XML).
fn markup_kind(text: &str) -> Option<FileKind> {
    let start: String = text
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<table")
    {
        Some(FileKind::Html)
    } else if start.starts_with("<?xml") {
        Some(FileKind::Xml)
    } else {
        None
    }
}

/// Which office document a zip is, by the entries each format requires.
fn classify_zip(listing: &ZipListing<'_>) -> FileKind {
    if listing.has("[Content_Types].xml") {
        if listing.has("xl/workbook.xml") {
            return FileKind::Xlsx;
        }
        if listing.has("xl/workbook.bin") {
            return FileKind::Xlsb;
        }
        if listing.has("word/document.xml") {
            return FileKind::WordDocument;
        }
        if listing.has("ppt/presentation.xml") {
            return FileKind::Presentation;
        }
    }
    match listing.small_entry("mimetype") {
        Some(mimetype) if mimetype.trim_ascii() == ODS_MIMETYPE => FileKind::Ods,
        Some(mimetype) if mimetype.starts_with(b"application/vnd.oasis.opendocument.") => {
            FileKind::OtherOpenDocument
        }
        _ => FileKind::Archive,
    }
}

/// Refuses a file whose name announces another kind than its content.
pub(crate) fn check_name(file_name: Option<&str>, found: FileKind) -> Result<(), ReadError> {
    let Some(file_name) = file_name else {
        return Ok(());
    };
    match kind_named(file_name) {
        Some(named) if named != found => Err(ReadError::NameMismatch {
            file_name: crate::error::shown_name(file_name),
            named,
            found,
        }),
        _ => Ok(()),
    }
}
