//! The `training_programmes` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "training_programmes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub operator_id: i64,
    pub reference: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub objective: String,
    pub certification: Option<String>,
    pub modality: String,
    pub duration_hours: Option<i32>,
    pub updated_at: DateTimeUtc,
    /// Raised by one on every update; an update naming another version is refused.
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
