//! What the write-path tests share: a store with the reference data, and
//! small valid objects to write.

use chrono::Utc;
use domain::audience::Audience;
use domain::catalog::Catalog;
use domain::codes::{NisCode, OperatorCode};
use domain::offer::{
    InternshipDetails, Offer, OfferDetails, OfferId, OfferStatus, ProgrammeId, RecruitmentState,
    TrainingModality, TrainingProgramme,
};
use domain::operator::{
    Address, Operator, OperatorDetails, OperatorId, OperatorKind, Site, SiteDetails, SiteId,
};
use domain::rejection::Rejection;
use domain::revision::{AuditEntry, AuditedObject};
use storage::testing::TestDatabase;
use storage::{Actor, AuditFilter, SeedSelection, Store, WriteError};

/// A migrated store holding the reference data (communes, trades), and the
/// catalogue loaded from it.
pub async fn store_with_reference_data(db: &TestDatabase) -> (Store, Catalog) {
    let store = Store::connect(&db.url).await.expect("connect");
    store.migrate().await.expect("migrate");
    store
        .seed(SeedSelection { demo: false })
        .await
        .expect("seed the reference data");
    let catalog = store.load_catalog().await.expect("load the catalogue");
    (store, catalog)
}

pub fn admin() -> Actor {
    Actor {
        account_id: None,
        name: "test admin".to_owned(),
    }
}

pub fn code(code: &str) -> OperatorCode {
    OperatorCode::parse(code).expect("a valid operator code")
}

pub fn school_details(name: &str) -> OperatorDetails {
    OperatorDetails {
        name: name.to_owned(),
        kind: OperatorKind::QualifyingSchool,
        description: String::new(),
        website: None,
        email: None,
        phone: None,
    }
}

pub async fn create_school(store: &Store, operator_code: &str) -> Operator {
    store
        .create_operator(&admin(), &code(operator_code), school_details("École test"))
        .await
        .expect("create an operator")
}

/// A site at Tournai's centroid, which lies inside the commune (the seeding
/// tests check it), so it is placed there.
pub fn tournai_site_details(catalog: &Catalog, name: &str) -> SiteDetails {
    let tournai = catalog
        .commune(&NisCode::parse("57081").unwrap())
        .expect("Tournai is in the reference data");
    SiteDetails {
        name: name.to_owned(),
        address: Address {
            street: "Rue de la Wallonie 1".to_owned(),
            postcode: domain::codes::Postcode::parse("7500").unwrap(),
            locality: "Tournai".to_owned(),
        },
        location: tournai.centroid,
    }
}

/// The domain rule the API hands to `create_site`: the commune comes from
/// the location.
pub fn place_in(
    catalog: &Catalog,
    operator_id: OperatorId,
) -> impl FnOnce(SiteDetails) -> Result<Site, Rejection> + Send + '_ {
    move |details: SiteDetails| {
        details.validate()?;
        let commune = catalog
            .territory()
            .place_site(details.location, &details.address.postcode)?;
        Ok(Site {
            id: SiteId(0),
            operator_id,
            name: details.name,
            address: details.address,
            location: details.location,
            commune_nis: commune.nis.clone(),
            updated_at: Utc::now(),
            version: 1,
        })
    }
}

pub async fn create_site(
    store: &Store,
    catalog: &Catalog,
    operator_id: OperatorId,
    reference: &str,
) -> Result<Site, storage::WriteError> {
    store
        .create_site(
            &admin(),
            operator_id,
            reference,
            place_in(catalog, operator_id),
            tournai_site_details(catalog, "Implantation test"),
        )
        .await
}

/// A draft internship of an operator at one of its sites, in the first
/// trade of the reference data.
pub fn draft_internship(catalog: &Catalog, site: &Site, reference: Option<&str>) -> Offer {
    Offer {
        id: OfferId(0),
        operator_id: site.operator_id,
        site_id: site.id,
        reference: reference.map(str::to_owned),
        title: "Stage en menuiserie".to_owned(),
        description: String::new(),
        status: OfferStatus::Draft,
        recruitment_state: RecruitmentState::Open,
        trade_codes: vec![catalog.trades()[0].code.clone()],
        audiences: vec![Audience::SecondaryQualifying],
        start_date: None,
        end_date: None,
        places: Some(2),
        details: OfferDetails::Internship(InternshipDetails {
            expected_profile: None,
            duration_weeks: Some(4),
        }),
        is_demo: false,
        updated_at: Utc::now(),
        version: 1,
    }
}

pub fn programme_of(operator_id: OperatorId) -> TrainingProgramme {
    TrainingProgramme {
        id: ProgrammeId(0),
        operator_id,
        title: "Menuisier".to_owned(),
        objective: "Devenir menuisier".to_owned(),
        certification: None,
        modality: TrainingModality::FullTime,
        duration_hours: Some(600),
        version: 1,
    }
}

/// Every audit entry about one object, newest first.
pub async fn audit_of(store: &Store, object: AuditedObject, id: i64) -> Vec<AuditEntry> {
    store
        .audit_entries(
            &AuditFilter {
                object: Some((object, id)),
                ..AuditFilter::default()
            },
            None,
            100,
        )
        .await
        .expect("read the audit trail")
}

/// Every audit entry, newest first.
pub async fn whole_audit_trail(store: &Store) -> Vec<AuditEntry> {
    store
        .audit_entries(&AuditFilter::default(), None, 1_000)
        .await
        .expect("read the audit trail")
}

/// A school ("ecole-a") with a site ("main") and a draft internship there,
/// as their creations returned them.
pub struct SchoolWithADraft {
    pub store: Store,
    pub catalog: Catalog,
    pub operator: Operator,
    pub site: Site,
    pub offer: Offer,
}

pub async fn school_with_a_draft(db: &TestDatabase) -> SchoolWithADraft {
    let (store, catalog) = store_with_reference_data(db).await;
    let operator = create_school(&store, "ecole-a").await;
    let site = create_site(&store, &catalog, operator.id, "main")
        .await
        .expect("create a site");
    let offer = store
        .create_offer(&admin(), draft_internship(&catalog, &site, None))
        .await
        .expect("create an offer");
    SchoolWithADraft {
        store,
        catalog,
        operator,
        site,
        offer,
    }
}

/// Checks that a write was refused as stale, reporting `current`.
pub fn assert_stale<T: std::fmt::Debug>(
    outcome: &Result<T, WriteError>,
    expected: i64,
    current: i64,
) {
    assert!(
        matches!(
            outcome,
            Err(WriteError::StaleVersion { expected: e, current: c }) if *e == expected && *c == current
        ),
        "{outcome:?}"
    );
}
