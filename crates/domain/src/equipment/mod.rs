//! Equipment inventories: what the schools, centres and companies of the
//! Installation & Maintenance pole own at their sites (training benches,
//! machines, diagnostic stations…), so that learners find state-of-the-art
//! equipment and members pool it. An item is at one site of its operator,
//! in one category of a controlled vocabulary ([`category`]); it may be
//! shared on stated terms and shown to the public or kept to its owner.

pub mod category;
mod item;
pub mod refrigerant;

pub use category::{
    CategoryCodeError, CategoryMatch, EquipmentCategory, EquipmentCategoryCode, EquipmentVocabulary,
};
pub use item::{
    EARLIEST_YEAR_ACQUIRED, EquipmentCondition, EquipmentDraft, EquipmentError, EquipmentId,
    EquipmentItem, EquipmentPatch, EquipmentStatus, MAX_COMPETENCES_PER_ITEM,
    MAX_EQUIPMENT_NAME_CHARS, MAX_EQUIPMENT_NOTES_CHARS, MAX_QUANTITY, MAX_TRADES_PER_ITEM,
    NaturalKey, NewEquipment, Sharing, SharingTerms,
};
pub use refrigerant::{Refrigerant, RefrigerantError};
