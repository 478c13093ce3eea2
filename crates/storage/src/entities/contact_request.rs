//! The `contact_requests` table: personal data, purged after the retention period.

use sea_orm::entity::prelude::*;

#[derive(Clone, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "contact_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub offer_id: i64,
    pub operator_id: i64,
    pub requester_name: String,
    pub requester_email: String,
    pub requester_phone: Option<String>,
    pub audience: String,
    pub desired_period: String,
    #[sea_orm(column_type = "Text")]
    pub message: String,
    pub contact_mode: String,
    pub created_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
}

/// Rows hold personal data: only their keys are printed.
impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("contact_request::Model")
            .field("id", &self.id)
            .field("offer_id", &self.offer_id)
            .finish_non_exhaustive()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
