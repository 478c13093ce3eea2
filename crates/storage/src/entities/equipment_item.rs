//! The `equipment_items` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "equipment_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub operator_id: i64,
    pub site_id: i64,
    pub inventory_reference: Option<String>,
    pub name: String,
    pub category_code: String,
    pub brand: Option<String>,
    pub model: Option<String>,
    pub quantity: i32,
    pub condition: String,
    pub year_acquired: Option<i32>,
    /// Competence codes separated by commas.
    #[sea_orm(column_type = "Text")]
    pub competence_codes: String,
    pub refrigerant: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    pub shareable: bool,
    /// The sharing terms, set when `shareable`.
    pub supervision_required: Option<bool>,
    #[sea_orm(column_type = "Text", nullable)]
    pub sharing_prerequisite: Option<String>,
    pub max_group_size: Option<i32>,
    pub cost_per_half_day_cents: Option<i32>,
    pub notice_days: Option<i32>,
    pub is_public: bool,
    pub status: String,
    pub is_demo: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Raised by one on every update; an update naming another version is refused.
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
