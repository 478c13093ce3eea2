//! The `trade_keywords` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "trade_keywords")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub trade_code: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub keyword: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
