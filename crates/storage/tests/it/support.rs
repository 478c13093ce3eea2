//! What the write-path tests share: a store with the reference data, and
//! small valid objects to write.

use domain::audience::Audience;
use domain::catalog::Catalog;
use domain::codes::{NisCode, OperatorCode};
use domain::offer::{
    InternshipDetails, NewOffer, NewProgramme, Offer, OfferDetails, OfferDraft, RecruitmentState,
    TrainingModality,
};
use domain::operator::{
    Address, NewSite, Operator, OperatorDetails, OperatorId, OperatorKind, Site, SiteDetails,
    SiteId,
};
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

pub async fn create_site(
    store: &Store,
    catalog: &Catalog,
    operator_id: OperatorId,
    reference: &str,
) -> Result<Site, storage::WriteError> {
    let new = NewSite::place(
        operator_id,
        reference,
        tournai_site_details(catalog, "Implantation test"),
        catalog.territory(),
    )
    .expect("the test site is placed in Tournai");
    store.create_site(&admin(), new).await
}

/// A draft internship of an operator at one of its sites, in the first
/// trade of the reference data.
pub fn draft_internship(catalog: &Catalog, site: &Site, reference: Option<&str>) -> NewOffer {
    draft_internship_at(catalog, site.operator_id, site.id, reference)
}

/// A draft internship of an operator at a site, which storage checks.
pub fn draft_internship_at(
    catalog: &Catalog,
    operator_id: OperatorId,
    site_id: SiteId,
    reference: Option<&str>,
) -> NewOffer {
    NewOffer::parse(OfferDraft {
        operator_id,
        site_id,
        reference: reference.map(str::to_owned),
        title: "Stage en menuiserie".to_owned(),
        description: String::new(),
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
    })
    .expect("the test internship obeys every rule")
}

pub fn programme_of(operator_id: OperatorId, reference: &str) -> NewProgramme {
    NewProgramme::parse(
        operator_id,
        reference,
        "Menuisier",
        "Devenir menuisier",
        None,
        TrainingModality::FullTime,
        Some(600),
    )
    .expect("the test programme obeys every rule")
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
