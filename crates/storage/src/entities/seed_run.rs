//! The `seed_runs` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "seed_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub dataset: String,
    pub version: i32,
    pub applied_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
