//! The `trade_classification_codes` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "trade_classification_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub trade_code: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub scheme: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
