//! The `offer_audiences` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_audiences")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub audience: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
