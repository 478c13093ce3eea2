//! The `equipment_categories` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "equipment_categories")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub label: String,
    /// The order categories are listed in.
    pub position: i32,
    /// Trade codes separated by commas, most typical first.
    #[sea_orm(column_type = "Text")]
    pub trade_codes: String,
    pub uses_refrigerant: bool,
    /// One synonym per line.
    #[sea_orm(column_type = "Text")]
    pub synonyms: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
