use std::collections::HashSet;

use domain::catalog::{Catalog, OfferFilterInput, OperatorFilterInput};
use domain::offer::OfferKind;
use domain::operator::OperatorKind;
use domain::page::PageSize;
use storage::testing::TestDatabase;
use storage::{SeedSelection, Store, on_both_databases};

async fn seeded(db: &TestDatabase) -> (Store, Catalog) {
    let store = Store::connect(&db.url).await.expect("connect");
    store.migrate().await.expect("migrate");
    store
        .seed(SeedSelection { demo: true })
        .await
        .expect("seed");
    let catalog = store.load_catalog().await.expect("load the catalogue");
    (store, catalog)
}

fn area(catalog: &Catalog) -> domain::location::ServiceArea {
    catalog.default_service_area().expect("a service area")
}

fn published_count(catalog: &Catalog, filter: OfferFilterInput) -> usize {
    let query = catalog
        .parse_offer_filter(filter, &area(catalog))
        .expect("valid filter");
    catalog.matching_offers(&query).len()
}

on_both_databases!(
    a_fresh_database_holds_the_reference_data_and_the_demo_set,
    |db: TestDatabase| async move {
        let (_store, catalog) = seeded(&db).await;

        assert_eq!(catalog.communes().len(), 23);
        assert_eq!(catalog.poles().len(), 5);
        assert_eq!(catalog.trades().len(), 15);
        let tournai = catalog
            .commune(&domain::codes::NisCode::parse("57081").unwrap())
            .unwrap();
        assert_eq!(tournai.name_fr, "Tournai");
        assert!(tournai.postcodes().iter().any(|p| p.as_str() == "7500"));
        assert!(tournai.contains(tournai.centroid));

        let all = catalog
            .parse_operator_filter(OperatorFilterInput::default(), &area(&catalog))
            .unwrap();
        let operators = catalog.search_operators(&all, PageSize::parse(Some(100)).unwrap(), None);
        let operator_count = operators.total_count.unwrap_or_default();
        assert!(operator_count >= 40, "{operator_count} operators");
        for &kind in OperatorKind::ALL {
            let query = catalog
                .parse_operator_filter(
                    OperatorFilterInput {
                        kinds: vec![kind],
                        ..Default::default()
                    },
                    &area(&catalog),
                )
                .unwrap();
            assert!(
                catalog
                    .search_operators(&query, PageSize::DEFAULT, None)
                    .total_count
                    .unwrap_or_default()
                    >= 1,
                "no {kind}"
            );
        }
        let communes_with_sites: HashSet<_> = operators
            .items
            .iter()
            .flat_map(|(operator, _)| catalog.sites_of(operator.id))
            .map(|site| site.commune_nis.clone())
            .collect();
        assert!(
            communes_with_sites.len() >= 15,
            "{} communes",
            communes_with_sites.len()
        );

        assert!(published_count(&catalog, OfferFilterInput::default()) >= 300);
        for trade in catalog.trades() {
            for &kind in OfferKind::ALL {
                let filter = OfferFilterInput {
                    kinds: vec![kind],
                    trade_codes: vec![trade.code.to_string()],
                    ..Default::default()
                };
                assert!(
                    published_count(&catalog, filter) >= 1,
                    "no published {kind} in {}",
                    trade.code
                );
            }
        }
    }
);

on_both_databases!(
    seeding_twice_loads_nothing_new,
    |db: TestDatabase| async move {
        let (store, before) = seeded(&db).await;
        let outcome = store.seed(SeedSelection { demo: true }).await.unwrap();
        assert!(outcome.loaded.is_empty(), "{outcome}");
        assert_eq!(
            outcome.already_present,
            vec![
                "reference",
                "equipment-categories",
                "wapi-demo",
                "wapi-demo-equipment"
            ]
        );
        store.migrate().await.expect("migrating again is a no-op");
        let after = store.load_catalog().await.unwrap();
        assert_eq!(
            published_count(&after, OfferFilterInput::default()),
            published_count(&before, OfferFilterInput::default())
        );
    }
);

on_both_databases!(
    every_site_lies_inside_the_boundary_of_its_commune,
    |db: TestDatabase| async move {
        let (_store, catalog) = seeded(&db).await;
        let all = catalog
            .parse_operator_filter(OperatorFilterInput::default(), &area(&catalog))
            .unwrap();
        let mut checked = 0;
        let mut after = None;
        loop {
            let page =
                catalog.search_operators(&all, PageSize::parse(Some(100)).unwrap(), after.as_ref());
            for (operator, _) in &page.items {
                for site in catalog.sites_of(operator.id) {
                    // Brute force over every commune, independent of the index.
                    let containing: Vec<_> = catalog
                        .communes()
                        .iter()
                        .filter(|c| c.contains(site.location))
                        .map(|c| c.nis.clone())
                        .collect();
                    assert_eq!(
                        containing,
                        vec![site.commune_nis.clone()],
                        "site {:?}",
                        site.id
                    );
                    checked += 1;
                }
            }
            if !page.has_next_page {
                break;
            }
            after = page.items.last().map(|(_, position)| position.clone());
        }
        assert!(checked >= 40);
    }
);

on_both_databases!(
    reference_data_alone_can_be_seeded_without_the_demo_set,
    |db: TestDatabase| async move {
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        let outcome = store.seed(SeedSelection { demo: false }).await.unwrap();
        assert_eq!(outcome.loaded.len(), 1, "{outcome}");
        let catalog = store.load_catalog().await.unwrap();
        assert_eq!(catalog.trades().len(), 15);
        assert_eq!(published_count(&catalog, OfferFilterInput::default()), 0);
    }
);

on_both_databases!(
    coordinates_reach_the_catalogue_exactly_as_the_seed_file_gives_them,
    |db: TestDatabase| async move {
        let (_store, catalog) = seeded(&db).await;
        let demo: serde_json::Value =
            serde_json::from_str(include_str!("../../../../seeds/demo.json")).unwrap();
        let query = catalog
            .parse_operator_filter(OperatorFilterInput::default(), &area(&catalog))
            .unwrap();
        let page = catalog.search_operators(&query, PageSize::parse(Some(100)).unwrap(), None);
        let mut compared = 0;
        for record in demo["operators"].as_array().unwrap() {
            let operator = page
                .items
                .iter()
                .find(|(o, _)| o.code.as_str() == record["code"].as_str().unwrap())
                .map(|(o, _)| *o)
                .expect("every seeded operator is listed");
            for site_record in record["sites"].as_array().unwrap() {
                let site = catalog
                    .sites_of(operator.id)
                    .into_iter()
                    .find(|s| s.name == site_record["name"].as_str().unwrap())
                    .expect("every seeded site is stored");
                // Named fields all the way: the file's lat is the stored latitude.
                assert_eq!(site.location.lat(), site_record["lat"].as_f64().unwrap());
                assert_eq!(site.location.lon(), site_record["lon"].as_f64().unwrap());
                compared += 1;
            }
        }
        assert!(compared >= 40);
    }
);

on_both_databases!(
    the_demo_inventories_are_seeded_in_the_vocabulary,
    |db: TestDatabase| async move {
        let (_store, catalog) = seeded(&db).await;
        let vocabulary = catalog.equipment_vocabulary();
        assert_eq!(vocabulary.categories().len(), 36);
        let everything = catalog
            .parse_equipment_filter(Default::default(), &area(&catalog))
            .unwrap();
        let public = catalog.matching_equipment(&everything);
        assert!(public.len() >= 300, "{} public items", public.len());
        let pole_trades = [
            "maintenance-electrique",
            "equipements-industriels",
            "maintenance-mecanique",
            "mecanique-automobile",
            "cycles-motos",
            "automatismes",
            "froid-climatisation",
        ];
        for trade in pole_trades {
            let code = domain::codes::TradeCode::parse(trade).unwrap();
            assert!(
                public
                    .iter()
                    .any(|hit| hit.item.trade_codes.contains(&code)),
                "no equipment for {trade}"
            );
        }
        for hit in &public {
            let item = hit.item;
            assert!(item.is_demo);
            let category = vocabulary.get(&item.category).unwrap();
            assert!(item.refrigerant.is_none() || category.uses_refrigerant);
            assert!(
                item.brand.as_deref().is_none_or(|b| b.starts_with("Démo")),
                "{:?} is not a demo brand",
                item.brand
            );
        }
    }
);
