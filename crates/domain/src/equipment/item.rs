//! An equipment item, its sharing terms, and the rules a write obeys.

use chrono::{DateTime, Utc};

use super::category::{EquipmentCategoryCode, EquipmentVocabulary};
use super::refrigerant::Refrigerant;
use crate::coded_enum::coded_enum;
use crate::codes::{CompetenceCode, TradeCode};
use crate::operator::{OperatorId, SiteId};
use crate::plain_text::{multi_line, single_line};
use crate::rejection::Rejection;
use crate::sets::first_repeated;
use crate::text::fold;

/// Database identifier of an equipment item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EquipmentId(pub i64);

coded_enum! {
    /// The state an item is in.
    pub enum EquipmentCondition ("equipment condition") {
        /// New, or as new.
        New = "NEW",
        /// In good working order.
        Good = "GOOD",
        /// Works, with wear that a user should know of.
        Worn = "WORN",
        /// Does not work at the moment; it cannot be used or shared.
        OutOfService = "OUT_OF_SERVICE",
    }
}

coded_enum! {
    /// Whether an item is still in the inventory.
    pub enum EquipmentStatus ("equipment status") {
        /// In the inventory.
        Active = "ACTIVE",
        /// Gone (sold, scrapped, lent for good): kept for history and
        /// indicators, shown to nobody but its owner.
        Retired = "RETIRED",
    }
}

/// On what terms an item is lent to other operators' groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharingTerms {
    /// A trainer of the owner must be present.
    pub supervision_required: bool,
    /// The training or qualification the borrowing trainer must have.
    pub prerequisite: Option<String>,
    /// The largest group it takes at once.
    pub max_group_size: Option<u32>,
    /// What half a day costs, in euro cents; 0 is free.
    pub cost_per_half_day_cents: u32,
    /// How many days ahead a request must come.
    pub notice_days: u32,
}

/// Whether an item is shared, and on what terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sharing {
    NotShared,
    Shared(SharingTerms),
}

impl Sharing {
    pub fn terms(&self) -> Option<&SharingTerms> {
        match self {
            Sharing::NotShared => None,
            Sharing::Shared(terms) => Some(terms),
        }
    }
}

/// An equipment item at a site of its operator.
#[derive(Debug, Clone, PartialEq)]
pub struct EquipmentItem {
    pub id: EquipmentId,
    pub operator_id: OperatorId,
    pub site_id: SiteId,
    /// The owner's inventory reference, unique per operator.
    pub inventory_reference: Option<String>,
    pub name: String,
    pub category: EquipmentCategoryCode,
    pub brand: Option<String>,
    pub model: Option<String>,
    pub quantity: u32,
    pub condition: EquipmentCondition,
    pub year_acquired: Option<i32>,
    /// The trades it serves, at least one, each once.
    pub trade_codes: Vec<TradeCode>,
    /// The competence units it lets learners practise, each once.
    pub competence_codes: Vec<CompetenceCode>,
    /// For the categories that use one.
    pub refrigerant: Option<Refrigerant>,
    pub notes: Option<String>,
    pub sharing: Sharing,
    /// Shown to the public; otherwise only to its owner's partners and admins.
    pub is_public: bool,
    pub status: EquipmentStatus,
    /// Invented data from the demo seed set.
    pub is_demo: bool,
    pub updated_at: DateTime<Utc>,
    /// Raised by one on every update: a write naming an older version is refused.
    pub version: i64,
}

/// Longest item name.
pub const MAX_EQUIPMENT_NAME_CHARS: usize = 200;
/// Longest inventory reference, brand or model.
const MAX_SHORT_TEXT_CHARS: usize = 100;
/// Longest notes.
pub const MAX_EQUIPMENT_NOTES_CHARS: usize = 2_000;
/// Longest prerequisite of the sharing terms.
const MAX_PREREQUISITE_CHARS: usize = 500;
/// The largest quantity one line of an inventory holds: beyond it, a
/// number is a typing error (a price, a reference), not a quantity.
pub const MAX_QUANTITY: u32 = 10_000;
/// The earliest year an item can have been acquired.
pub const EARLIEST_YEAR_ACQUIRED: i32 = 1900;
/// Most trades one item names (the pole has seven).
pub const MAX_TRADES_PER_ITEM: usize = 15;
/// Most competence units one item names.
pub const MAX_COMPETENCES_PER_ITEM: usize = 50;
/// The largest group a sharing term may state.
const MAX_GROUP_SIZE: u32 = 500;
/// The highest cost per half-day, in cents (100,000 €).
const MAX_COST_CENTS: u32 = 10_000_000;
/// The longest notice period, in days.
const MAX_NOTICE_DAYS: u32 = 366;

/// A rule an item breaks. [`EquipmentError::field`] names the input field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EquipmentError {
    #[error("{field}: {message}")]
    Text {
        field: &'static str,
        message: String,
    },
    #[error("quantity must be between 1 and {MAX_QUANTITY}, got {0}")]
    Quantity(u64),
    #[error(
        "yearAcquired must be between {EARLIEST_YEAR_ACQUIRED} and this year ({this_year}), got {year}"
    )]
    Year { year: i64, this_year: i32 },
    #[error("tradeCodes must name at least one trade")]
    NoTrade,
    #[error("tradeCodes[{0}] names a trade already in the list")]
    RepeatedTrade(usize),
    #[error("tradeCodes must name at most {MAX_TRADES_PER_ITEM} trades")]
    TooManyTrades,
    #[error("competenceCodes[{0}] names a competence already in the list")]
    RepeatedCompetence(usize),
    #[error("competenceCodes must name at most {MAX_COMPETENCES_PER_ITEM} competences")]
    TooManyCompetences,
    #[error("category {0} is not in the vocabulary; the `equipmentCategories` query lists them")]
    UnknownCategory(String),
    #[error("refrigerant is only for the categories that use one ({category} does not)")]
    RefrigerantNotUsed { category: String },
    #[error("sharing.maxGroupSize must be between 1 and {MAX_GROUP_SIZE}, got {0}")]
    GroupSize(u64),
    #[error("sharing.costPerHalfDayCents must be at most {MAX_COST_CENTS}, got {0}")]
    Cost(u64),
    #[error("sharing.noticeDays must be at most {MAX_NOTICE_DAYS}, got {0}")]
    Notice(u64),
}

impl EquipmentError {
    pub fn field(&self) -> &'static str {
        match self {
            EquipmentError::Text { field, .. } => field,
            EquipmentError::Quantity(_) => "quantity",
            EquipmentError::Year { .. } => "yearAcquired",
            EquipmentError::NoTrade
            | EquipmentError::RepeatedTrade(_)
            | EquipmentError::TooManyTrades => "tradeCodes",
            EquipmentError::RepeatedCompetence(_) | EquipmentError::TooManyCompetences => {
                "competenceCodes"
            }
            EquipmentError::UnknownCategory(_) => "category",
            EquipmentError::RefrigerantNotUsed { .. } => "refrigerant",
            EquipmentError::GroupSize(_) => "sharing.maxGroupSize",
            EquipmentError::Cost(_) => "sharing.costPerHalfDayCents",
            EquipmentError::Notice(_) => "sharing.noticeDays",
        }
    }
}

impl From<EquipmentError> for Rejection {
    fn from(error: EquipmentError) -> Self {
        let message = match &error {
            // The field is in `field`; the message need not say it twice.
            EquipmentError::Text { message, .. } => message.clone(),
            other => other.to_string(),
        };
        Rejection::new(error.field(), message)
    }
}

fn text_error(field: &'static str) -> impl Fn(crate::plain_text::TextError) -> EquipmentError {
    move |error| EquipmentError::Text {
        field,
        message: error.to_string(),
    }
}

/// An optional one-line text: an empty one is none.
fn optional_line(
    raw: Option<&str>,
    field: &'static str,
    max_chars: usize,
) -> Result<Option<String>, EquipmentError> {
    match raw.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => single_line(text, max_chars)
            .map(Some)
            .map_err(text_error(field)),
    }
}

/// An item as a partner or a spreadsheet gives it, its codes already read.
#[derive(Debug, Clone, PartialEq)]
pub struct EquipmentDraft {
    pub operator_id: OperatorId,
    pub site_id: SiteId,
    pub inventory_reference: Option<String>,
    pub name: String,
    pub category: EquipmentCategoryCode,
    pub brand: Option<String>,
    pub model: Option<String>,
    /// Wider than the item's, so that 10⁹ is refused rather than wrapped.
    pub quantity: u64,
    pub condition: EquipmentCondition,
    pub year_acquired: Option<i64>,
    pub trade_codes: Vec<TradeCode>,
    pub competence_codes: Vec<CompetenceCode>,
    pub refrigerant: Option<Refrigerant>,
    pub notes: Option<String>,
    pub sharing: Sharing,
    pub is_public: bool,
}

/// An item ready to be stored: every rule checked.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEquipment(EquipmentItem);

impl NewEquipment {
    /// Checks a new item; `this_year` bounds its year of acquisition.
    pub fn parse(
        draft: EquipmentDraft,
        vocabulary: &EquipmentVocabulary,
        this_year: i32,
    ) -> Result<Self, EquipmentError> {
        let item = EquipmentItem {
            id: EquipmentId(0),
            operator_id: draft.operator_id,
            site_id: draft.site_id,
            inventory_reference: optional_line(
                draft.inventory_reference.as_deref(),
                "inventoryReference",
                MAX_SHORT_TEXT_CHARS,
            )?,
            name: single_line(&draft.name, MAX_EQUIPMENT_NAME_CHARS).map_err(text_error("name"))?,
            category: draft.category,
            brand: optional_line(draft.brand.as_deref(), "brand", MAX_SHORT_TEXT_CHARS)?,
            model: optional_line(draft.model.as_deref(), "model", MAX_SHORT_TEXT_CHARS)?,
            quantity: quantity(draft.quantity)?,
            condition: draft.condition,
            year_acquired: draft
                .year_acquired
                .map(|year| year_acquired(year, this_year))
                .transpose()?,
            trade_codes: draft.trade_codes,
            competence_codes: draft.competence_codes,
            refrigerant: draft.refrigerant,
            notes: notes(draft.notes.as_deref())?,
            sharing: draft.sharing,
            is_public: draft.is_public,
            status: EquipmentStatus::Active,
            is_demo: false,
            updated_at: DateTime::UNIX_EPOCH,
            version: 1,
        };
        item.validate(vocabulary, this_year)?;
        Ok(Self(item.with_sorted_codes()))
    }

    pub fn item(&self) -> &EquipmentItem {
        &self.0
    }

    /// The item as it will be stored, once given an id.
    pub fn into_item(self) -> EquipmentItem {
        self.0
    }

    /// Marks the item as demo data (the seeds).
    pub fn as_demo(mut self) -> Self {
        self.0.is_demo = true;
        self
    }
}

fn quantity(raw: u64) -> Result<u32, EquipmentError> {
    u32::try_from(raw)
        .ok()
        .filter(|q| (1..=MAX_QUANTITY).contains(q))
        .ok_or(EquipmentError::Quantity(raw))
}

fn year_acquired(raw: i64, this_year: i32) -> Result<i32, EquipmentError> {
    i32::try_from(raw)
        .ok()
        .filter(|year| (EARLIEST_YEAR_ACQUIRED..=this_year).contains(year))
        .ok_or(EquipmentError::Year {
            year: raw,
            this_year,
        })
}

fn notes(raw: Option<&str>) -> Result<Option<String>, EquipmentError> {
    match raw {
        None => Ok(None),
        Some(text) => {
            let text = multi_line(text, MAX_EQUIPMENT_NOTES_CHARS).map_err(text_error("notes"))?;
            Ok(Some(text).filter(|t| !t.is_empty()))
        }
    }
}

impl EquipmentItem {
    /// Checks every rule that holds between the item's fields; the catalogue
    /// and storage check what it points to.
    pub fn validate(
        &self,
        vocabulary: &EquipmentVocabulary,
        this_year: i32,
    ) -> Result<(), EquipmentError> {
        quantity(u64::from(self.quantity))?;
        if let Some(year) = self.year_acquired {
            year_acquired(i64::from(year), this_year)?;
        }
        if self.trade_codes.is_empty() {
            return Err(EquipmentError::NoTrade);
        }
        if self.trade_codes.len() > MAX_TRADES_PER_ITEM {
            return Err(EquipmentError::TooManyTrades);
        }
        if let Some(i) = first_repeated(&self.trade_codes) {
            return Err(EquipmentError::RepeatedTrade(i));
        }
        if self.competence_codes.len() > MAX_COMPETENCES_PER_ITEM {
            return Err(EquipmentError::TooManyCompetences);
        }
        if let Some(i) = first_repeated(&self.competence_codes) {
            return Err(EquipmentError::RepeatedCompetence(i));
        }
        let category = vocabulary
            .get(&self.category)
            .ok_or_else(|| EquipmentError::UnknownCategory(self.category.to_string()))?;
        if self.refrigerant.is_some() && !category.uses_refrigerant {
            return Err(EquipmentError::RefrigerantNotUsed {
                category: category.code.to_string(),
            });
        }
        if let Sharing::Shared(terms) = &self.sharing {
            if let Some(size) = terms.max_group_size
                && !(1..=MAX_GROUP_SIZE).contains(&size)
            {
                return Err(EquipmentError::GroupSize(u64::from(size)));
            }
            if terms.cost_per_half_day_cents > MAX_COST_CENTS {
                return Err(EquipmentError::Cost(u64::from(
                    terms.cost_per_half_day_cents,
                )));
            }
            if terms.notice_days > MAX_NOTICE_DAYS {
                return Err(EquipmentError::Notice(u64::from(terms.notice_days)));
            }
            if let Some(prerequisite) = &terms.prerequisite {
                single_line(prerequisite, MAX_PREREQUISITE_CHARS)
                    .map_err(text_error("sharing.prerequisite"))?;
            }
        }
        Ok(())
    }

    /// Trades and competences are sets: kept in code order, so that an item
    /// read back equals the one written.
    fn with_sorted_codes(mut self) -> Self {
        self.trade_codes.sort();
        self.competence_codes.sort();
        self
    }

    /// In the inventory and shown to the public.
    pub fn is_publicly_listed(&self) -> bool {
        self.is_public && self.status == EquipmentStatus::Active
    }

    /// Shared, in the inventory and in working order: what another operator
    /// may ask for now.
    pub fn is_available_for_sharing(&self) -> bool {
        matches!(self.sharing, Sharing::Shared(_))
            && self.status == EquipmentStatus::Active
            && self.condition != EquipmentCondition::OutOfService
    }

    /// The key an inventory line is recognised by from one file to the next.
    pub fn natural_key(&self) -> NaturalKey {
        NaturalKey::of(
            self.inventory_reference.as_deref(),
            self.site_id,
            &self.name,
            self.brand.as_deref(),
            self.model.as_deref(),
        )
    }
}

/// How an inventory line is recognised when it comes back: by the owner's
/// inventory reference, or, without one, by its site, name, brand and model
/// (compared folded, so "Tour CN" and "tour cn" are one item).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NaturalKey {
    Reference(String),
    Described {
        site_id: SiteId,
        name: String,
        brand: String,
        model: String,
    },
}

impl NaturalKey {
    pub fn of(
        reference: Option<&str>,
        site_id: SiteId,
        name: &str,
        brand: Option<&str>,
        model: Option<&str>,
    ) -> Self {
        match reference.map(str::trim).filter(|r| !r.is_empty()) {
            Some(reference) => NaturalKey::Reference(reference.to_owned()),
            None => {
                let folded = |text: Option<&str>| {
                    fold(text.unwrap_or(""))
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                NaturalKey::Described {
                    site_id,
                    name: folded(Some(name)),
                    brand: folded(brand),
                    model: folded(model),
                }
            }
        }
    }
}

/// Changes to an item: `None` leaves a field as it is, `Some(None)` clears
/// an optional one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EquipmentPatch {
    pub site_id: Option<SiteId>,
    pub inventory_reference: Option<Option<String>>,
    pub name: Option<String>,
    pub category: Option<EquipmentCategoryCode>,
    pub brand: Option<Option<String>>,
    pub model: Option<Option<String>>,
    pub quantity: Option<u64>,
    pub condition: Option<EquipmentCondition>,
    pub year_acquired: Option<Option<i64>>,
    pub trade_codes: Option<Vec<TradeCode>>,
    pub competence_codes: Option<Vec<CompetenceCode>>,
    pub refrigerant: Option<Option<Refrigerant>>,
    pub notes: Option<Option<String>>,
    pub sharing: Option<Sharing>,
    pub is_public: Option<bool>,
}

impl EquipmentPatch {
    /// Applies the changes and checks the result; the item is left as it
    /// was when a rule is broken.
    pub fn apply_to(
        self,
        item: &mut EquipmentItem,
        vocabulary: &EquipmentVocabulary,
        this_year: i32,
    ) -> Result<(), EquipmentError> {
        let mut next = item.clone();
        if let Some(site) = self.site_id {
            next.site_id = site;
        }
        if let Some(reference) = self.inventory_reference {
            next.inventory_reference = optional_line(
                reference.as_deref(),
                "inventoryReference",
                MAX_SHORT_TEXT_CHARS,
            )?;
        }
        if let Some(name) = self.name {
            next.name = single_line(&name, MAX_EQUIPMENT_NAME_CHARS).map_err(text_error("name"))?;
        }
        if let Some(category) = self.category {
            next.category = category;
        }
        if let Some(brand) = self.brand {
            next.brand = optional_line(brand.as_deref(), "brand", MAX_SHORT_TEXT_CHARS)?;
        }
        if let Some(model) = self.model {
            next.model = optional_line(model.as_deref(), "model", MAX_SHORT_TEXT_CHARS)?;
        }
        if let Some(raw) = self.quantity {
            next.quantity = quantity(raw)?;
        }
        if let Some(condition) = self.condition {
            next.condition = condition;
        }
        if let Some(year) = self.year_acquired {
            next.year_acquired = year.map(|y| year_acquired(y, this_year)).transpose()?;
        }
        if let Some(trades) = self.trade_codes {
            next.trade_codes = trades;
        }
        if let Some(competences) = self.competence_codes {
            next.competence_codes = competences;
        }
        if let Some(refrigerant) = self.refrigerant {
            next.refrigerant = refrigerant;
        }
        if let Some(text) = self.notes {
            next.notes = notes(text.as_deref())?;
        }
        if let Some(sharing) = self.sharing {
            next.sharing = sharing;
        }
        if let Some(public) = self.is_public {
            next.is_public = public;
        }
        next.validate(vocabulary, this_year)?;
        *item = next.with_sorted_codes();
        Ok(())
    }
}

impl crate::revision::Audited for EquipmentItem {
    fn audited_fields(&self) -> Vec<(&'static str, Option<String>)> {
        let terms = self.sharing.terms();
        let text = |v: &dyn ToString| Some(v.to_string());
        let joined = |values: Vec<String>| Some(values.join(", "));
        vec![
            ("status", text(&self.status)),
            ("siteId", text(&self.site_id.0)),
            ("inventoryReference", self.inventory_reference.clone()),
            ("name", text(&self.name)),
            ("category", text(&self.category)),
            ("brand", self.brand.clone()),
            ("model", self.model.clone()),
            ("quantity", text(&self.quantity)),
            ("condition", text(&self.condition)),
            ("yearAcquired", self.year_acquired.map(|y| y.to_string())),
            (
                "tradeCodes",
                joined(self.trade_codes.iter().map(ToString::to_string).collect()),
            ),
            (
                "competenceCodes",
                joined(
                    self.competence_codes
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                ),
            ),
            (
                "refrigerant",
                self.refrigerant.as_ref().map(|r| r.to_string()),
            ),
            ("notes", self.notes.clone()),
            ("shareable", text(&terms.is_some())),
            (
                "sharing.supervisionRequired",
                terms.map(|t| t.supervision_required.to_string()),
            ),
            (
                "sharing.prerequisite",
                terms.and_then(|t| t.prerequisite.clone()),
            ),
            (
                "sharing.maxGroupSize",
                terms.and_then(|t| t.max_group_size).map(|s| s.to_string()),
            ),
            (
                "sharing.costPerHalfDayCents",
                terms.map(|t| t.cost_per_half_day_cents.to_string()),
            ),
            (
                "sharing.noticeDays",
                terms.map(|t| t.notice_days.to_string()),
            ),
            ("isPublic", text(&self.is_public)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::equipment::category::EquipmentCategory;

    fn vocabulary() -> EquipmentVocabulary {
        let category = |code: &str, refrigerant: bool| EquipmentCategory {
            code: EquipmentCategoryCode::parse(code).unwrap(),
            label: code.to_owned(),
            trade_codes: vec![TradeCode::parse("froid-climatisation").unwrap()],
            uses_refrigerant: refrigerant,
            synonyms: Vec::new(),
        };
        EquipmentVocabulary::new(vec![
            category("REFRIGERATION_RIG", true),
            category("CNC_LATHE", false),
        ])
    }

    fn draft() -> EquipmentDraft {
        EquipmentDraft {
            operator_id: OperatorId(1),
            site_id: SiteId(2),
            inventory_reference: Some("  INV-001 ".to_owned()),
            name: "Banc de froid".to_owned(),
            category: EquipmentCategoryCode::parse("REFRIGERATION_RIG").unwrap(),
            brand: Some(" ".to_owned()),
            model: None,
            quantity: 2,
            condition: EquipmentCondition::Good,
            year_acquired: Some(2019),
            trade_codes: vec![TradeCode::parse("froid-climatisation").unwrap()],
            competence_codes: Vec::new(),
            refrigerant: Some(Refrigerant::parse("R32").unwrap()),
            notes: None,
            sharing: Sharing::NotShared,
            is_public: true,
        }
    }

    #[test]
    fn a_draft_is_trimmed_and_checked() {
        let item = NewEquipment::parse(draft(), &vocabulary(), 2026)
            .unwrap()
            .into_item();
        assert_eq!(item.inventory_reference.as_deref(), Some("INV-001"));
        assert_eq!(item.brand, None);
        assert_eq!(item.quantity, 2);
    }

    #[test]
    fn each_rule_names_its_field() {
        type Change = fn(&mut EquipmentDraft);
        let cases: Vec<(Change, &str)> = vec![
            (|d| d.quantity = 0, "quantity"),
            (|d| d.quantity = 1_000_000_000, "quantity"),
            (|d| d.year_acquired = Some(2027), "yearAcquired"),
            (|d| d.year_acquired = Some(1850), "yearAcquired"),
            (|d| d.trade_codes.clear(), "tradeCodes"),
            (
                |d| d.category = EquipmentCategoryCode::parse("CNC_LATHE").unwrap(),
                "refrigerant",
            ),
            (
                |d| d.category = EquipmentCategoryCode::parse("UNKNOWN").unwrap(),
                "category",
            ),
            (|d| d.name = "  ".to_owned(), "name"),
            (|d| d.name = "Banc\u{0}".to_owned(), "name"),
            (
                |d| {
                    d.sharing = Sharing::Shared(SharingTerms {
                        supervision_required: true,
                        prerequisite: None,
                        max_group_size: Some(0),
                        cost_per_half_day_cents: 0,
                        notice_days: 5,
                    })
                },
                "sharing.maxGroupSize",
            ),
        ];
        for (change, field) in cases {
            let mut draft = draft();
            change(&mut draft);
            let error = NewEquipment::parse(draft, &vocabulary(), 2026).unwrap_err();
            assert_eq!(error.field(), field, "{error}");
        }
    }

    #[test]
    fn items_without_a_reference_are_known_by_their_description() {
        let mut item = NewEquipment::parse(draft(), &vocabulary(), 2026)
            .unwrap()
            .into_item();
        assert_eq!(
            item.natural_key(),
            NaturalKey::Reference("INV-001".to_owned())
        );
        item.inventory_reference = None;
        assert_eq!(
            item.natural_key(),
            NaturalKey::of(None, SiteId(2), "BANC de  Froid", None, Some(""))
        );
    }

    #[test]
    fn a_patch_breaking_a_rule_leaves_the_item_as_it_was() {
        let mut item = NewEquipment::parse(draft(), &vocabulary(), 2026)
            .unwrap()
            .into_item();
        let before = item.clone();
        let patch = EquipmentPatch {
            name: Some("Autre nom".to_owned()),
            quantity: Some(0),
            ..EquipmentPatch::default()
        };
        assert!(patch.apply_to(&mut item, &vocabulary(), 2026).is_err());
        assert_eq!(item, before);
    }

    #[test]
    fn out_of_service_items_cannot_be_shared_now() {
        let mut item = NewEquipment::parse(draft(), &vocabulary(), 2026)
            .unwrap()
            .into_item();
        item.sharing = Sharing::Shared(SharingTerms {
            supervision_required: false,
            prerequisite: None,
            max_group_size: None,
            cost_per_half_day_cents: 0,
            notice_days: 0,
        });
        assert!(item.is_available_for_sharing());
        item.condition = EquipmentCondition::OutOfService;
        assert!(!item.is_available_for_sharing());
    }
}
