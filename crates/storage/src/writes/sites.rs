//! Sites: where an operator receives people. The commune is computed from
//! the location by the caller's domain rule, never taken from input.

use chrono::Utc;
use domain::operator::{OperatorId, Site, SiteDetails, SiteId};
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject, changes};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{Actor, WriteError, check_version};
use crate::Store;
use crate::entities::{operator, site};
use crate::load::site_from_row;

fn row_values(row: &mut site::ActiveModel, site: &Site) {
    row.name = Set(site.name.clone());
    row.street = Set(site.address.street.clone());
    row.postcode = Set(site.address.postcode.as_str().to_owned());
    row.locality = Set(site.address.locality.clone());
    row.latitude = Set(site.location.lat());
    row.longitude = Set(site.location.lon());
    row.commune_nis = Set(site.commune_nis.as_str().to_owned());
    row.updated_at = Set(site.updated_at);
    row.version = Set(site.version);
}

impl Store {
    /// Creates a site of an operator. `place` turns the details into a site
    /// (it finds the commune); `reference` must be free for this operator.
    pub async fn create_site(
        &self,
        actor: &Actor,
        operator_id: OperatorId,
        reference: &str,
        place: impl FnOnce(SiteDetails) -> Result<Site, Rejection>,
        details: SiteDetails,
    ) -> Result<Site, WriteError> {
        let txn = self.begin_write().await?;
        operator::Entity::find_by_id(operator_id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", operator_id.0)))?;
        let taken = site::Entity::find()
            .filter(site::Column::OperatorId.eq(operator_id.0))
            .filter(site::Column::Reference.eq(reference))
            .one(&*txn)
            .await?
            .is_some();
        if taken {
            return Err(WriteError::Taken {
                field: "reference",
                message: format!("this operator already has a site with reference {reference:?}"),
            });
        }
        let mut site = place(details)?;
        site.operator_id = operator_id;
        site.updated_at = Utc::now();
        site.version = 1;
        let mut row = site::ActiveModel {
            operator_id: Set(operator_id.0),
            reference: Set(reference.to_owned()),
            ..Default::default()
        };
        row_values(&mut row, &site);
        site.id = SiteId(site::Entity::insert(row).exec(&*txn).await?.last_insert_id);
        txn.audit(
            actor,
            AuditAction::Create,
            AuditedObject::Site,
            site.id.0,
            Some(operator_id.0),
            &changes(None, &site),
        )
        .await?;
        txn.commit_and_announce().await?;
        Ok(site)
    }

    /// Changes a site if it is still at `expected_version`. `edit` receives
    /// the stored site and must recompute its commune when it moves.
    pub async fn update_site(
        &self,
        actor: &Actor,
        id: SiteId,
        expected_version: i64,
        edit: impl FnOnce(&mut Site) -> Result<(), Rejection>,
    ) -> Result<Site, WriteError> {
        let txn = self.begin_write().await?;
        let row = site::Entity::find_by_id(id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("site {}", id.0)))?;
        let before = site_from_row(row.clone())?;
        check_version(expected_version, before.version)?;
        let mut after = before.clone();
        edit(&mut after)?;
        let changed = changes(Some(&before), &after);
        if changed.is_empty() {
            return Ok(before);
        }
        after.updated_at = Utc::now();
        after.version = before.version + 1;
        let mut active: site::ActiveModel = row.into();
        row_values(&mut active, &after);
        let updated = site::Entity::update_many()
            .set(active)
            .filter(site::Column::Id.eq(id.0))
            .filter(site::Column::Version.eq(expected_version))
            .exec(&*txn)
            .await?;
        if updated.rows_affected == 0 {
            let current = site::Entity::find_by_id(id.0)
                .one(&*txn)
                .await?
                .map_or(expected_version, |row| row.version);
            return Err(WriteError::StaleVersion {
                expected: expected_version,
                current,
            });
        }
        txn.audit(
            actor,
            AuditAction::Update,
            AuditedObject::Site,
            id.0,
            Some(after.operator_id.0),
            &changed,
        )
        .await?;
        txn.commit_and_announce().await?;
        Ok(after)
    }
}
