//! Sites: where an operator receives people. The commune is computed from
//! the location by the caller's domain rule, never taken from input.

use domain::operator::{NewSite, OperatorId, Site, SiteId};
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject, FieldChange, changes};
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;

use super::versioned::{Assigned, Creation, VersionedTable};
use super::{Actor, WriteError, WriteTransaction};
use crate::Store;
use crate::entities::{operator, site};
use crate::load::site_from_row;

struct Sites;

impl VersionedTable for Sites {
    type Entity = site::Entity;
    type Value = Site;

    const OBJECT: AuditedObject = AuditedObject::Site;
    const NAME: &'static str = "site";
    const ID: site::Column = site::Column::Id;
    const VERSION: site::Column = site::Column::Version;
    const UPDATED_AT: site::Column = site::Column::UpdatedAt;
    const CREATED_AT: Option<site::Column> = None;

    async fn load(txn: &WriteTransaction, id: i64) -> Result<Option<Site>, WriteError> {
        let row = site::Entity::find_by_id(id).one(&**txn).await?;
        Ok(row.map(site_from_row).transpose()?)
    }

    fn columns(site: &Site) -> site::ActiveModel {
        site::ActiveModel {
            operator_id: Set(site.operator_id.0),
            name: Set(site.name.clone()),
            street: Set(site.address.street.clone()),
            postcode: Set(site.address.postcode.as_str().to_owned()),
            locality: Set(site.address.locality.clone()),
            latitude: Set(site.location.lat()),
            longitude: Set(site.location.lon()),
            commune_nis: Set(site.commune_nis.as_str().to_owned()),
            ..Default::default()
        }
    }

    fn version(site: &Site) -> i64 {
        site.version
    }

    fn operator_id(site: &Site) -> OperatorId {
        site.operator_id
    }

    fn assign(site: &mut Site, assigned: Assigned) {
        site.id = SiteId(assigned.id);
        site.version = assigned.version;
        site.updated_at = assigned.updated_at;
    }

    fn changes(before: Option<&Site>, after: &Site) -> Vec<FieldChange> {
        changes(before, after)
    }
}

impl Store {
    /// Creates a site of an operator, placed by the domain; its reference
    /// must be free for this operator ([`WriteError::Taken`] on `reference`
    /// otherwise).
    pub async fn create_site(&self, actor: &Actor, new: NewSite) -> Result<Site, WriteError> {
        let reference = new.reference().to_owned();
        let operator_id = new.operator_id();
        let mut site = new.into_site();
        let txn = self.begin_write().await?;
        operator::Entity::find_by_id(operator_id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", operator_id.0)))?;
        let reference = site::ActiveModel {
            reference: Set(reference),
            ..Default::default()
        };
        txn.insert_versioned::<Sites>(
            actor,
            &mut site,
            Creation::new(AuditAction::Create).with_fixed_columns(reference),
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
        self.update_versioned::<Sites>(actor, id.0, expected_version, |site| {
            let owner = site.operator_id;
            edit(site)?;
            // A site never moves to another operator.
            site.operator_id = owner;
            Ok(AuditAction::Update)
        })
        .await
    }
}
