//! The zip inside XLSX and ODS files, held to the limits before anything
//! inflates. A zip bomb is a small file whose entries inflate to gigabytes;
//! its central directory declares those sizes, so reading the directory
//! alone refuses it. A forged directory may declare less than an entry
//! really holds, and the deflate decoder does not stop at the declared
//! size, so every entry is then inflated once into a counter that stops one
//! byte past what it declared, before the spreadsheet reader opens the file.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};

use crate::detect::FileKind;
use crate::error::{ReadError, shown_name};
use crate::limits::ReadLimits;

/// The central directory of a zip that passed the declared-size limits.
#[derive(Debug)]
pub(crate) struct ZipListing<'a> {
    bytes: &'a [u8],
    entries: Vec<ZipEntry>,
}

#[derive(Debug)]
struct ZipEntry {
    name: String,
    declared_bytes: u64,
}

/// Reads the central directory and refuses the file if its entries are too
/// many, too large one by one or together, compressed suspiciously well,
/// encrypted, or compressed with a method the readers do not have.
pub(crate) fn inspect_zip<'a>(
    bytes: &'a [u8],
    limits: &ReadLimits,
) -> Result<ZipListing<'a>, ReadError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if archive.len() > limits.max_zip_entries {
        return Err(ReadError::TooManyZipEntries {
            entries: archive.len(),
            limit: limits.max_zip_entries,
        });
    }
    let mut entries = Vec::with_capacity(archive.len());
    let mut total_bytes = 0_u64;
    for index in 0..archive.len() {
        // The raw entry: its header only, nothing is decompressed.
        let entry = archive.by_index_raw(index).map_err(unreadable)?;
        let name = entry.name().to_owned();
        if entry.encrypted() {
            return Err(ReadError::PasswordProtected);
        }
        let method = entry.compression();
        if !matches!(
            method,
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(ReadError::UnsupportedCompression {
                entry: shown_name(&name),
                method: format!("{method:?}"),
            });
        }
        let declared_bytes = entry.size();
        check_entry(&name, declared_bytes, entry.compressed_size(), limits)?;
        total_bytes = total_bytes.saturating_add(declared_bytes);
        if total_bytes > limits.max_inflated_total_bytes {
            return Err(ReadError::ZipTooLarge {
                declared: total_bytes,
                limit: limits.max_inflated_total_bytes,
            });
        }
        entries.push(ZipEntry {
            name,
            declared_bytes,
        });
    }
    Ok(ZipListing { bytes, entries })
}

fn check_entry(
    name: &str,
    declared_bytes: u64,
    compressed_bytes: u64,
    limits: &ReadLimits,
) -> Result<(), ReadError> {
    if declared_bytes > limits.max_inflated_entry_bytes {
        return Err(ReadError::ZipEntryTooLarge {
            entry: shown_name(name),
            declared: declared_bytes,
            limit: limits.max_inflated_entry_bytes,
        });
    }
    if declared_bytes >= ReadLimits::RATIO_CHECKED_FROM_BYTES {
        let ratio = declared_bytes / compressed_bytes.max(1);
        if ratio > limits.max_compression_ratio {
            return Err(ReadError::ZipCompressionRatio {
                entry: shown_name(name),
                ratio,
                limit: limits.max_compression_ratio,
            });
        }
    }
    Ok(())
}

impl ZipListing<'_> {
    pub(crate) fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|entry| entry.name == name)
    }

    /// The content of a small entry (such as ODS's `mimetype`), or `None`
    /// when it is absent, larger than a kilobyte or unreadable.
    pub(crate) fn small_entry(&self, name: &str) -> Option<Vec<u8>> {
        const SMALL: u64 = 1_000;
        let entry = self.entries.iter().find(|entry| entry.name == name)?;
        if entry.declared_bytes > SMALL {
            return None;
        }
        let mut archive = ZipArchive::new(Cursor::new(self.bytes)).ok()?;
        let mut content = Vec::new();
        archive
            .by_name(name)
            .ok()?
            .take(SMALL + 1)
            .read_to_end(&mut content)
            .ok()?;
        Some(content)
    }

    /// Inflates every entry into a counter and refuses the file when one
    /// holds more than it declared (or is damaged: the CRC is checked at
    /// the end of each entry). The work is bounded by the declared sizes,
    /// which passed the limits.
    pub(crate) fn verify_inflated_sizes(&self, kind: FileKind) -> Result<(), ReadError> {
        let mut archive =
            ZipArchive::new(Cursor::new(self.bytes)).map_err(|error| unreadable_as(kind, error))?;
        let mut buffer = vec![0_u8; 64 * 1024];
        for (index, entry) in self.entries.iter().enumerate() {
            let file = archive
                .by_index(index)
                .map_err(|error| unreadable_as(kind, error))?;
            let mut bounded = file.take(entry.declared_bytes + 1);
            let mut inflated = 0_u64;
            loop {
                let read = bounded
                    .read(&mut buffer)
                    .map_err(|error| unreadable_as(kind, ZipError::Io(error)))?;
                if read == 0 {
                    break;
                }
                inflated += read as u64;
                if inflated > entry.declared_bytes {
                    return Err(ReadError::ZipEntryLargerThanDeclared {
                        entry: shown_name(&entry.name),
                    });
                }
            }
        }
        Ok(())
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.bytes
    }
}

fn unreadable(error: ZipError) -> ReadError {
    unreadable_as(FileKind::Archive, error)
}

fn unreadable_as(kind: FileKind, error: ZipError) -> ReadError {
    ReadError::Unreadable {
        kind,
        reason: shown_name(&error.to_string()),
    }
}
