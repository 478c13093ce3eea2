//! The `postal_localities` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "postal_localities")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub commune_nis: String,
    pub postcode: String,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
