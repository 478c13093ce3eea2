//! The `sites` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sites")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub operator_id: i64,
    pub reference: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub locality: String,
    pub latitude: f64,
    pub longitude: f64,
    pub commune_nis: String,
    pub updated_at: DateTimeUtc,
    /// Raised by one on every update; an update naming another version is refused.
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
