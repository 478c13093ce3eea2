//! Unique values are guarded by the database's unique keys, and a value
//! taken is refused as `Taken` naming the input field, on both databases,
//! also when concurrent writers race for it.

use chrono::{Duration, Utc};
use domain::account::{Email, Role};
use domain::audience::Audience;
use domain::operator::Operator;
use domain::revision::AuditAction;
use storage::testing::TestDatabase;
use storage::{NewAccount, NewInvitation, StorageError, Store, WriteError, on_both_databases};

use crate::support::*;

/// How many writers race for one value.
const RACERS: usize = 8;

/// Opens one store per racer, as separate instances would: on SQLite they
/// do not share a write gate, on PostgreSQL nothing queues them.
async fn separate_stores(db: &TestDatabase) -> Vec<Store> {
    let mut stores = Vec::new();
    for _ in 0..RACERS {
        stores.push(Store::connect(&db.url).await.expect("connect"));
    }
    stores
}

/// Checks that exactly one writer won and every other was told `field` is
/// taken (none got a storage error).
fn assert_one_won_and_the_rest_were_taken<T: std::fmt::Debug>(
    outcomes: &[Result<T, WriteError>],
    field: &str,
) {
    let won = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
    assert_eq!(won, 1, "{outcomes:#?}");
    for outcome in outcomes.iter().filter(|outcome| outcome.is_err()) {
        assert!(
            matches!(outcome, Err(WriteError::Taken { field: f, .. }) if *f == field),
            "{outcome:?}"
        );
    }
}

on_both_databases!(
    concurrent_creations_of_one_operator_code_leave_one_operator_and_refuse_the_rest_as_taken,
    |db: TestDatabase| async move {
        let (store, _) = store_with_reference_data(&db).await;
        let stores = separate_stores(&db).await;
        let versions = store.data_versions().await.unwrap();
        let start = std::sync::Arc::new(tokio::sync::Barrier::new(RACERS));

        let racers: Vec<_> = stores
            .into_iter()
            .enumerate()
            .map(|(i, store)| {
                let start = std::sync::Arc::clone(&start);
                tokio::spawn(async move {
                    start.wait().await;
                    store
                        .create_operator(
                            &admin(),
                            &code("ecole-convoitee"),
                            school_details(&format!("Racer {i}")),
                        )
                        .await
                })
            })
            .collect();
        let mut outcomes: Vec<Result<Operator, WriteError>> = Vec::new();
        for racer in racers {
            outcomes.push(racer.await.unwrap());
        }

        assert_one_won_and_the_rest_were_taken(&outcomes, "code");
        let catalog = store.load_catalog().await.unwrap();
        let winner = outcomes.iter().find_map(|o| o.as_ref().ok()).unwrap();
        assert_eq!(catalog.operator(winner.id), Some(winner));
        assert_eq!(whole_audit_trail(&store).await.len(), 1);
        assert_eq!(
            store.data_versions().await.unwrap().catalog,
            versions.catalog + 1
        );
    }
);

on_both_databases!(
    concurrent_creations_of_one_site_reference_leave_one_site_and_refuse_the_rest_as_taken,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        let stores = separate_stores(&db).await;
        let catalog = std::sync::Arc::new(catalog);
        let start = std::sync::Arc::new(tokio::sync::Barrier::new(RACERS));

        let racers: Vec<_> = stores
            .into_iter()
            .map(|store| {
                let (start, catalog) = (
                    std::sync::Arc::clone(&start),
                    std::sync::Arc::clone(&catalog),
                );
                tokio::spawn(async move {
                    start.wait().await;
                    create_site(&store, &catalog, operator.id, "siege").await
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for racer in racers {
            outcomes.push(racer.await.unwrap());
        }

        assert_one_won_and_the_rest_were_taken(&outcomes, "reference");
        let reloaded = store.load_catalog().await.unwrap();
        assert_eq!(reloaded.sites_of(operator.id).len(), 1);
    }
);

on_both_databases!(
    a_taken_programme_or_offer_reference_is_refused_naming_the_reference,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        let other = create_school(&store, "ecole-b").await;
        let site = create_site(&store, &catalog, operator.id, "main")
            .await
            .unwrap();
        let other_site = create_site(&store, &catalog, other.id, "main").await;
        store
            .create_programme(&admin(), programme_of(operator.id, "menuisier"))
            .await
            .unwrap();
        store
            .create_offer(&admin(), draft_internship(&catalog, &site, Some("stage-1")))
            .await
            .unwrap();
        let second = store
            .create_offer(&admin(), draft_internship(&catalog, &site, Some("stage-2")))
            .await
            .unwrap();

        let programme = store
            .create_programme(&admin(), programme_of(operator.id, "menuisier"))
            .await;
        let offer = store
            .create_offer(&admin(), draft_internship(&catalog, &site, Some("stage-1")))
            .await;
        let renamed = store
            .update_offer(&admin(), second.id, 1, |o| {
                o.reference = Some("stage-1".to_owned());
                Ok(AuditAction::Update)
            })
            .await;

        for refused in [
            programme.map(|_| ()),
            offer.map(|_| ()),
            renamed.map(|_| ()),
        ] {
            assert!(
                matches!(
                    refused,
                    Err(WriteError::Taken {
                        field: "reference",
                        ..
                    })
                ),
                "{refused:?}"
            );
        }
        // References are unique per operator, not across operators.
        assert!(other_site.is_ok(), "{other_site:?}");
        store
            .create_programme(&admin(), programme_of(other.id, "menuisier"))
            .await
            .unwrap();
    }
);

on_both_databases!(
    a_list_naming_a_value_twice_is_refused_naming_the_list,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        let site = create_site(&store, &catalog, operator.id, "main")
            .await
            .unwrap();
        let trade = catalog.trades()[0].code.clone();

        // The domain refuses lists naming a value twice before a link row is
        // written; what reaches storage is refused naming the list either way.
        let offer = store
            .create_offer(&admin(), draft_internship(&catalog, &site, None))
            .await
            .unwrap();
        let trades = store
            .update_offer(&admin(), offer.id, offer.version, |offer| {
                offer.trade_codes = vec![trade.clone(), trade];
                Ok(domain::revision::AuditAction::Update)
            })
            .await;
        let audiences = store
            .update_offer(&admin(), offer.id, offer.version, |offer| {
                offer.audiences = vec![Audience::SecondaryQualifying; 2];
                Ok(domain::revision::AuditAction::Update)
            })
            .await;
        let email = Email::parse("partenaire@example.be").unwrap();
        let operators = store
            .invite_partner(
                &admin(),
                NewInvitation {
                    email: &email,
                    display_name: "Partenaire",
                    operators: &[operator.id, operator.id],
                    token_sha256: "invitation-digest",
                    expires_at: Utc::now() + Duration::days(7),
                },
            )
            .await;

        assert!(
            matches!(
                trades,
                Err(WriteError::Rejected(ref rejection)) if rejection.field == "tradeCodes"
            ),
            "{trades:?}"
        );
        assert!(
            matches!(
                audiences,
                Err(WriteError::Rejected(ref rejection)) if rejection.field == "audiences"
            ),
            "{audiences:?}"
        );
        assert!(
            matches!(
                operators,
                Err(WriteError::Taken {
                    field: "operatorIds",
                    ..
                })
            ),
            "{operators:?}"
        );
        let reloaded = store.load_catalog().await.unwrap();
        let offers = reloaded.all_offers_of_operator(operator.id);
        assert_eq!(offers.len(), 1);
        assert_eq!(
            offers[0].trade_codes.len(),
            1,
            "the links stay as they were"
        );
        assert_eq!(offers[0].version, offer.version);
        assert!(store.account_credentials(&email).await.unwrap().is_none());
    }
);

on_both_databases!(
    a_taken_email_or_api_key_label_is_refused_naming_it,
    |db: TestDatabase| async move {
        let (store, _) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        let email = Email::parse("partenaire@example.be").unwrap();
        let invitation = |token: &'static str| NewInvitation {
            email: &email,
            display_name: "Partenaire",
            operators: std::slice::from_ref(&operator.id),
            token_sha256: token,
            expires_at: Utc::now() + Duration::days(7),
        };
        store
            .invite_partner(&admin(), invitation("first"))
            .await
            .unwrap();

        let invited_twice = store.invite_partner(&admin(), invitation("second")).await;
        let account_twice = store
            .create_account(NewAccount {
                email: &email,
                display_name: "Partenaire",
                password_hash: "not a real hash".to_owned(),
                role: Role::Partner,
                operators: &[],
            })
            .await;
        store
            .create_api_key("ecole-a", "digest-1", None)
            .await
            .unwrap();
        let label_twice = store.create_api_key("ecole-a", "digest-2", None).await;

        assert!(
            matches!(invited_twice, Err(WriteError::Taken { field: "email", .. })),
            "{invited_twice:?}"
        );
        assert!(
            matches!(account_twice, Err(StorageError::Conflict(_))),
            "{account_twice:?}"
        );
        assert!(
            matches!(label_twice, Err(StorageError::Conflict(_))),
            "{label_twice:?}"
        );
    }
);
