//! The `offers` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub operator_id: i64,
    pub site_id: i64,
    pub reference: Option<String>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub status: String,
    pub recruitment_state: String,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub places: Option<i32>,
    pub programme_id: Option<i64>,
    pub schedule: Option<String>,
    pub daily_start_time: Option<Time>,
    pub daily_end_time: Option<Time>,
    pub session_weekdays: Option<i16>,
    #[sea_orm(column_type = "Text", nullable)]
    pub expected_profile: Option<String>,
    pub duration_weeks: Option<i32>,
    pub contract_type: Option<String>,
    pub working_time: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub requirements: Option<String>,
    pub discovery_format: Option<String>,
    pub capacity: Option<i32>,
    pub duration_hours: Option<i32>,
    pub is_demo: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Raised by one on every update; an update naming another version is refused.
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
