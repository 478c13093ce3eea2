//! The `communes` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "communes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub nis: String,
    pub name_fr: String,
    pub name_nl: Option<String>,
    pub centroid_latitude: f64,
    pub centroid_longitude: f64,
    #[sea_orm(column_type = "Text")]
    pub boundary_geojson: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
