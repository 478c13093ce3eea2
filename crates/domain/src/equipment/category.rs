//! The controlled vocabulary of equipment categories: a stable code, a
//! French label, the trades it serves, whether it works with a refrigerant,
//! and the words inventories use for it (read by the spreadsheet import).

use std::fmt;

use crate::codes::TradeCode;
use crate::vocabulary::{Vocabulary, VocabularyMatch};

/// The code of an equipment category: 2 to 64 uppercase ASCII letters,
/// digits and single underscores, for example `REFRIGERATION_RIG`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EquipmentCategoryCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "an equipment category code is 2 to 64 uppercase letters, digits and single underscores (for example \"REFRIGERATION_RIG\"), got {0:?}"
)]
pub struct CategoryCodeError(pub String);

impl EquipmentCategoryCode {
    pub fn parse(raw: &str) -> Result<Self, CategoryCodeError> {
        let value = raw.trim();
        let well_formed = (2..=64).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            && !value.starts_with('_')
            && !value.ends_with('_')
            && !value.contains("__");
        if well_formed {
            Ok(Self(value.to_owned()))
        } else {
            Err(CategoryCodeError(raw.chars().take(80).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EquipmentCategoryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One category of the vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct EquipmentCategory {
    pub code: EquipmentCategoryCode,
    /// The French name shown to people.
    pub label: String,
    /// The trades the category's equipment serves, most typical first.
    pub trade_codes: Vec<TradeCode>,
    /// Whether its items work with a refrigerant, which they then name.
    pub uses_refrigerant: bool,
    /// Other words inventories use for it.
    pub synonyms: Vec<String>,
}

/// How a written category was read.
pub type CategoryMatch = VocabularyMatch<EquipmentCategoryCode>;

/// The categories, looked up by code and read from what people write.
#[derive(Debug, Clone, Default)]
pub struct EquipmentVocabulary {
    categories: Vec<EquipmentCategory>,
    words: Vocabulary<EquipmentCategoryCode>,
}

impl EquipmentVocabulary {
    /// Categories in the order they are listed to people.
    pub fn new(categories: Vec<EquipmentCategory>) -> Self {
        let mut words = Vocabulary::new();
        for category in &categories {
            words.add(
                category.code.clone(),
                category.code.as_str(),
                std::iter::once(category.label.as_str())
                    .chain(category.synonyms.iter().map(String::as_str)),
            );
        }
        Self { categories, words }
    }

    pub fn categories(&self) -> &[EquipmentCategory] {
        &self.categories
    }

    pub fn get(&self, code: &EquipmentCategoryCode) -> Option<&EquipmentCategory> {
        self.categories.iter().find(|c| &c.code == code)
    }

    /// Reads a category written as its code, its label, a synonym or a
    /// close spelling of one (the rule of [`crate::vocabulary`]).
    pub fn find(&self, written: &str) -> CategoryMatch {
        self.words.find(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_screaming_snake_case() {
        assert!(EquipmentCategoryCode::parse("REFRIGERATION_RIG").is_ok());
        assert!(EquipmentCategoryCode::parse("CNC_LATHE").is_ok());
        for bad in ["refrigeration_rig", "A", "_X", "X_", "A__B", "É", "A-B"] {
            assert!(EquipmentCategoryCode::parse(bad).is_err(), "{bad}");
        }
    }
}
