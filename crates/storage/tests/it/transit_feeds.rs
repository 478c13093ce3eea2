use storage::testing::TestDatabase;
use storage::{Store, on_both_databases};

on_both_databases!(
    an_imported_feed_is_kept_replaced_by_name_and_removed,
    |db: TestDatabase| async move {
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        let empty = store.transit_feeds_version().await.unwrap();
        assert_eq!(empty.count, 0);

        // Bytes that are not UTF-8 must come back unchanged.
        let zip: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
        store
            .save_transit_feed("tec", "/tmp/tec.zip", zip.clone())
            .await
            .unwrap();
        let feeds = store.transit_feeds().await.unwrap();
        assert_eq!(feeds.len(), 1);
        assert_eq!(feeds[0].name, "tec");
        assert_eq!(feeds[0].zip, zip);
        let first = store.transit_feeds_version().await.unwrap();
        assert_eq!(first.count, 1);

        store
            .save_transit_feed("tec", "https://example.org/tec.zip", vec![1, 2, 3])
            .await
            .unwrap();
        let feeds = store.transit_feeds().await.unwrap();
        assert_eq!(feeds.len(), 1, "same name replaces");
        assert_eq!(feeds[0].zip, vec![1, 2, 3]);
        assert_eq!(feeds[0].source, "https://example.org/tec.zip");
        assert_ne!(store.transit_feeds_version().await.unwrap(), empty);

        assert!(store.remove_transit_feed("tec").await.unwrap());
        assert!(!store.remove_transit_feed("tec").await.unwrap());
        assert_eq!(store.transit_feeds_version().await.unwrap().count, 0);
    }
);
