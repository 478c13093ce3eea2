//! The `data_versions` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "data_versions")]
pub struct Model {
    /// `catalog` or `timetable` (see `crate::data_versions::DataTopic`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub topic: String,
    /// Raised by one by every committed write that changes the topic.
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
