//! How much of a file this crate agrees to read. Uploaded files are hostile
//! until parsed: every limit is checked before the work it bounds is done
//! (file size first, then the zip's central directory, then rows and cells
//! as they are read), so a refusal costs little and the server is never at
//! the mercy of one upload.

/// The limits of one read. [`ReadLimits::default`] fits the inventories of
/// the Installation & Maintenance pole with a wide margin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadLimits {
    /// The largest file accepted, in bytes (default 10 MB).
    pub max_file_bytes: u64,
    /// The most rows holding something, per sheet (default 100,000).
    pub max_rows_per_sheet: usize,
    /// The last column that may hold something, counted from 1 (default
    /// 256, column IV).
    pub max_columns: usize,
    /// The most cells kept in memory for the whole file, counting every row
    /// up to its last filled cell (default 3,000,000: 100,000 rows of 30).
    pub max_cells: usize,
    /// The longest cell, in characters (default 32,767, Excel's own limit).
    pub max_cell_chars: usize,
    /// The most entries a zipped file (XLSX, ODS) may hold (default 10,000).
    pub max_zip_entries: usize,
    /// The largest uncompressed size of one entry of a zipped file (default
    /// 200 MB).
    pub max_inflated_entry_bytes: u64,
    /// The largest uncompressed size of all entries together (default 300 MB).
    pub max_inflated_total_bytes: u64,
    /// The highest compression ratio of an entry larger than
    /// [`ReadLimits::RATIO_CHECKED_FROM_BYTES`] (default 250). Spreadsheet
    /// XML compresses 5 to 50 times, an entry of identical rows near 150;
    /// zip bombs are built near deflate's maximum of about 1,000.
    pub max_compression_ratio: u64,
}

impl ReadLimits {
    /// Entries smaller than this are not held to the compression ratio: a
    /// small file of repeated characters is harmless whatever its ratio.
    pub const RATIO_CHECKED_FROM_BYTES: u64 = 1_000_000;
}

impl Default for ReadLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: 10_000_000,
            max_rows_per_sheet: 100_000,
            max_columns: 256,
            max_cells: 3_000_000,
            max_cell_chars: 32_767,
            max_zip_entries: 10_000,
            max_inflated_entry_bytes: 200_000_000,
            max_inflated_total_bytes: 300_000_000,
            max_compression_ratio: 250,
        }
    }
}

/// A byte count for messages: "10 MB", "3.9 GB", "512 bytes".
pub(crate) fn show_bytes(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "kB")];
    for (size, unit) in UNITS {
        if bytes >= size {
            let whole = bytes / size;
            let tenth = (bytes % size) * 10 / size;
            return if tenth == 0 {
                format!("{whole} {unit}")
            } else {
                format!("{whole}.{tenth} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// A size over a limit, exact when rounding would make it look equal to
/// the limit ("10000001 bytes", not "10 MB" over "10 MB").
pub(crate) fn show_bytes_over(bytes: u64, limit: u64) -> String {
    let shown = show_bytes(bytes);
    if shown == show_bytes(limit) {
        format!("{bytes} bytes")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_read_like_a_person_writes_them() {
        assert_eq!(show_bytes(10_000_000), "10 MB");
        assert_eq!(show_bytes(3_870_000_001), "3.8 GB");
        assert_eq!(show_bytes(1_500), "1.5 kB");
        assert_eq!(show_bytes(512), "512 bytes");
        assert_eq!(show_bytes_over(10_000_001, 10_000_000), "10000001 bytes");
        assert_eq!(show_bytes_over(12_500_000, 10_000_000), "12.5 MB");
    }
}
