//! Equipment inventories over HTTP: a member's own spreadsheet imported as
//! it is (all or nothing, row by row, idempotent), exported back in the
//! columns the import reads, searched on the map and by public transport,
//! and edited one item at a time under the same policy as offers.

use domain::account::Role;
use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::helpers::account;

/// A refrigeration company of the demo set with one site (Estaimpuis).
const OWNER: &str = "estaimpuis-frigotech-picardie";
const OTHER: &str = "ath-athenee-professionnel-des-collines";

async fn operator_id(app: &TestApp, code: &str) -> (String, String) {
    let data = app
        .data(
            "query($text: String) { operators(filter: { text: $text }, first: 50) { edges { node { id code sites { id } } } } }",
            json!({ "text": code.replace('-', " ") }),
        )
        .await;
    let node = data["operators"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .find(|n| n["code"] == code)
        .unwrap_or_else(|| panic!("operator {code}: {data:#}"))
        .clone();
    (
        node["id"].as_str().unwrap().to_owned(),
        node["sites"][0]["id"].as_str().unwrap().to_owned(),
    )
}

/// Uploads a file as `multipart/form-data`, as a browser form would.
async fn upload(
    app: &TestApp,
    token: Option<&str>,
    query: &str,
    file_name: &str,
    bytes: &[u8],
) -> (u16, Value) {
    let boundary = "----wapi-test-boundary-7d3f";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut request = app
        .client
        .post(format!("{}/imports/equipment?{query}", app.address))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, json)
}

fn query_for(operator: &str) -> String {
    format!("operator={}", operator)
}

/// Encodes text as Windows-1252, as Excel on a Belgian PC saves "CSV (;)".
fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// The inventory a school keeps: a title and a blank line above the
/// header, French headers in their own order and spelling, an empty
/// column, decimal commas, yes/no in words, a misspelt category.
const SCHOOL_FILE: &str = "\
Inventaire du matériel — atelier froid;;;;;;;;;\r
;;;;;;;;;\r
Désignation;Qté;Réf.;Catégorie;;Etat;Année d'acquisition;Mutualisable (oui/non);Coût demi-journée;Fluide\r
Banc frigorifique à détente électronique;2;FT-001;Banc de froid;;bon;2019;oui;12,50;R32\r
Pompe à chaleur air-eau didactique;1;FT-002;pompe a chaleur;;neuf;2024;non;;r-410a\r
Caméra thermique portable;3;FT-003;Camera thermique;;usé;2015;oui;gratuit;\r
;;;;;;;;;\r
Détecteur de fuites;1;FT-004;Détecteur de fuite;;HS;2010;non;;\r
";

/// An operator's public items, as one of its partners sees them (with
/// their inventory references, which the public does not see).
async fn public_items_of(app: &TestApp, token: &str, operator: &str) -> Vec<Value> {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .bearer_auth(token)
        .json(&json!({
            "query": "query($id: ID!) { node(id: $id) { ... on Operator { equipment { id name quantity condition inventoryReference refrigerant shareable sharing { costPerHalfDayCents free noticeDays } category { code } } } } }",
            "variables": { "id": operator },
        }))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    body["data"]["node"]["equipment"]
        .as_array()
        .unwrap_or_else(|| panic!("{body:#}"))
        .clone()
}

/// The newest audit entries about an operator's data.
async fn newest_audit(app: &TestApp, admin: &str, operator: &str) -> Value {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .bearer_auth(admin)
        .json(&json!({
            "query": "query($op: ID) { auditEntries(first: 5, filter: { operatorId: $op }) { edges { node { occurredAt actor action objectType changes { field to } } } } }",
            "variables": { "op": operator },
        }))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    body["data"]["auditEntries"]["edges"].clone()
}

on_both_databases!(
    a_school_spreadsheet_imports_as_it_is_and_again_changes_nothing,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(&app, "froid@frigotech.example", Role::Partner, &[OWNER]).await;
        let admin = account(&app, "admin@ibefe.example", Role::Admin, &[]).await;
        let (operator, _) = operator_id(&app, OWNER).await;
        let demo_items = public_items_of(&app, &partner, &operator).await.len();
        assert!(demo_items > 0);
        let file = windows_1252(SCHOOL_FILE);

        // A dry run says what would change and writes nothing.
        let (status, report) = upload(
            &app,
            Some(&partner),
            &format!("{}&dryRun=true", query_for(&operator)),
            "inventaire atelier.csv",
            &file,
        )
        .await;
        assert_eq!(status, 200, "{report:#}");
        assert_eq!(report["applied"], false);
        assert_eq!(report["created"], 4);
        assert_eq!(report["headerRow"], 3);
        assert_eq!(
            public_items_of(&app, &partner, &operator).await.len(),
            demo_items
        );

        let (status, report) = upload(
            &app,
            Some(&partner),
            &query_for(&operator),
            "inventaire atelier.csv",
            &file,
        )
        .await;
        assert_eq!(status, 200, "{report:#}");
        assert_eq!(report["applied"], true);
        assert_eq!(report["rows"], 4);
        assert_eq!(report["created"], 4);
        // The file is the operator's inventory: the demo items it does not list leave.
        assert!(report["retired"].as_u64().unwrap() >= 1, "{report:#}");
        assert_eq!(report["problems"], json!([]));
        // "Camera thermique" and "pompe a chaleur" are names folded; nothing was guessed.
        let items = public_items_of(&app, &partner, &operator).await;
        assert_eq!(items.len(), 4, "{items:#?}");
        let rig = items
            .iter()
            .find(|i| i["inventoryReference"] == "FT-001")
            .unwrap();
        assert_eq!(rig["quantity"], 2);
        assert_eq!(rig["category"]["code"], "REFRIGERATION_RIG");
        assert_eq!(rig["refrigerant"], "R-32");
        assert_eq!(rig["sharing"]["costPerHalfDayCents"], 1250);
        let camera = items
            .iter()
            .find(|i| i["inventoryReference"] == "FT-003")
            .unwrap();
        assert_eq!(camera["condition"], "WORN");
        assert_eq!(camera["sharing"]["free"], true);
        assert_eq!(camera["sharing"]["noticeDays"], 7);
        let detector = items
            .iter()
            .find(|i| i["inventoryReference"] == "FT-004")
            .unwrap();
        assert_eq!(detector["condition"], "OUT_OF_SERVICE");

        // The same file again: nothing changes, nothing is written.
        let audited = newest_audit(&app, &admin, &operator).await;
        let (status, report) = upload(
            &app,
            Some(&partner),
            &query_for(&operator),
            "inventaire atelier.csv",
            &file,
        )
        .await;
        assert_eq!(status, 200, "{report:#}");
        assert_eq!(
            (
                &report["created"],
                &report["updated"],
                &report["unchanged"],
                &report["retired"]
            ),
            (&json!(0), &json!(0), &json!(4), &json!(0)),
            "{report:#}"
        );
        assert_eq!(newest_audit(&app, &admin, &operator).await, audited);

        // A second version: a quantity changed, a line gone, a line added.
        let second = SCHOOL_FILE
            .replace("électronique;2;FT-001", "électronique;3;FT-001")
            .replace(
                "Détecteur de fuites;1;FT-004;Détecteur de fuite;;HS;2010;non;;\r\n",
                "",
            )
            + "Station de récupération de fluides;1;FT-005;REFRIGERANT_RECOVERY_UNIT;;bon;2022;oui;25;R-1234yf\r\n";
        let (status, report) = upload(
            &app,
            Some(&partner),
            &query_for(&operator),
            "inventaire atelier v2.csv",
            &windows_1252(&second),
        )
        .await;
        assert_eq!(status, 200, "{report:#}");
        assert_eq!(
            (
                &report["created"],
                &report["updated"],
                &report["unchanged"],
                &report["retired"]
            ),
            (&json!(1), &json!(1), &json!(2), &json!(1)),
            "{report:#}"
        );
        // The audit trail names the partner and the file.
        let body = newest_audit(&app, &admin, &operator).await;
        let entries = body.as_array().unwrap();
        assert!(
            entries.iter().any(|e| e["node"]["action"] == "UPDATE"
                && e["node"]["objectType"] == "EQUIPMENT"
                && e["node"]["actor"] == "Compte de test"
                && e["node"]["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(
                        |c| c["field"] == "importedFrom" && c["to"] == "inventaire atelier v2.csv"
                    )),
            "{body:#}"
        );
    }
);

on_both_databases!(
    a_file_with_a_wrong_row_writes_nothing_and_says_where,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(&app, "froid@frigotech.example", Role::Partner, &[OWNER]).await;
        let (operator, _) = operator_id(&app, OWNER).await;
        let before = public_items_of(&app, &partner, &operator).await;
        let file = "Désignation;Catégorie;Quantité;Année;Métiers;Réf.\n\
            Banc A;Banc de froid;0;2019;;A1\n\
            Banc B;Banc de froid;1000000000;2019;;A2\n\
            Banc C;Banc de froid;1;2031;;A3\n\
            Banc D;Machine à café;1;2019;;A4\n\
            Banc E;diagnostic;1;2019;;A5\n\
            Banc F;Banc de froid;1;2019;Astronautique;A6\n\
            Banc G;Banc de froid;1;2019;froid-climatisation;A7\n\
            Banc H;Banc de froid;1;2019;;A7\n";
        let (status, report) = upload(
            &app,
            Some(&partner),
            &query_for(&operator),
            "inventaire.csv",
            file.as_bytes(),
        )
        .await;
        assert_eq!(status, 422, "{report:#}");
        assert_eq!(report["applied"], false);
        let problems = report["problems"].as_array().unwrap();
        let at = |row: u64| {
            problems
                .iter()
                .find(|p| p["row"] == row)
                .unwrap_or_else(|| panic!("no problem on row {row}: {report:#}"))
        };
        assert_eq!(at(2)["column"], "Quantité");
        assert_eq!(at(2)["columnLetters"], "C");
        assert_eq!(at(3)["column"], "Quantité");
        assert_eq!(at(4)["column"], "Année");
        assert!(at(4)["message"].as_str().unwrap().contains("this year"));
        assert_eq!(at(5)["column"], "Catégorie");
        assert_eq!(at(5)["found"], "Machine à café");
        assert_eq!(at(6)["column"], "Catégorie");
        assert!(
            at(6)["message"]
                .as_str()
                .unwrap()
                .contains("could be any of")
        );
        assert_eq!(at(7)["column"], "Métiers");
        assert!(
            at(9)["message"]
                .as_str()
                .unwrap()
                .contains("same item as row 8")
        );
        assert!(problems.iter().all(|p| p["row"] != 8));
        // Nothing was written, not even the right rows.
        assert_eq!(public_items_of(&app, &partner, &operator).await, before);
    }
);

/// An XLSX workbook as the pole's members make them: a notes sheet first,
/// merged title cells above the header, typed cells.
fn member_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes
        .write_string(0, 0, "Mis à jour par l'atelier")
        .unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Inventaire 2026").unwrap();
    sheet
        .merge_range(
            0,
            0,
            0,
            5,
            "Centre — inventaire des équipements",
            &Format::new(),
        )
        .unwrap();
    let header = [
        "N° inventaire",
        "Matériel",
        "Type d'équipement",
        "Nombre",
        "État",
        "Date d'achat",
    ];
    for (column, title) in header.iter().enumerate() {
        sheet.write_string(2, column as u16, *title).unwrap();
    }
    let rows: [(&str, &str, &str, f64, &str); 2] = [
        (
            "X-10",
            "Cellule robot de palettisation",
            "INDUSTRIAL_ROBOT_CELL",
            1.0,
            "Neuf",
        ),
        (
            "X-11",
            "Banc d'automatisme Siemens-like",
            "Banc d'automatisme",
            4.0,
            "Bon état",
        ),
    ];
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (i, (reference, name, category, quantity, condition)) in rows.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write_string(row, 0, *reference).unwrap();
        sheet.write_string(row, 1, *name).unwrap();
        sheet.write_string(row, 2, *category).unwrap();
        sheet.write_number(row, 3, *quantity).unwrap();
        sheet.write_string(row, 4, *condition).unwrap();
        let acquired = rust_xlsxwriter::ExcelDateTime::from_ymd(2021, 3, 15).unwrap();
        sheet
            .write_datetime_with_format(row, 5, &acquired, &date)
            .unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

on_both_databases!(
    a_workbook_is_read_in_its_inventory_sheet_and_exports_round_trip,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(&app, "froid@frigotech.example", Role::Partner, &[OWNER]).await;
        let (operator, _) = operator_id(&app, OWNER).await;
        let (status, report) = upload(
            &app,
            Some(&partner),
            &query_for(&operator),
            "Inventaire.xlsx",
            &member_workbook(),
        )
        .await;
        assert_eq!(status, 200, "{report:#}");
        assert_eq!(report["sheet"], "Inventaire 2026");
        assert_eq!(report["headerRow"], 3);
        assert_eq!(report["created"], 2);
        let items = public_items_of(&app, &partner, &operator).await;
        assert_eq!(items.len(), 2, "{items:#?}");

        // The operator's own export, in both formats, imports back unchanged;
        // the same inventory gives the same bytes.
        for extension in ["xlsx", "csv"] {
            let path = format!("/exports/operators/{operator}/equipment.{extension}");
            let anonymous = app.get(&path).await;
            assert_eq!(anonymous.status(), 401);
            let get = || async {
                app.client
                    .get(format!("{}{path}", app.address))
                    .bearer_auth(&partner)
                    .send()
                    .await
                    .unwrap()
            };
            let first = get().await;
            assert_eq!(first.status(), 200);
            let exported = first.bytes().await.unwrap().to_vec();
            let (status, report) = upload(
                &app,
                Some(&partner),
                &query_for(&operator),
                &format!("export.{extension}"),
                &exported,
            )
            .await;
            assert_eq!(status, 200, "{report:#}");
            assert_eq!(report["unchanged"], 2, "{extension}: {report:#}");
            assert_eq!(report["created"], 0, "{extension}: {report:#}");
            assert_eq!(report["retired"], 0, "{extension}: {report:#}");
            assert_eq!(report["notes"], json!([]), "{extension}: {report:#}");
            let again = get().await.bytes().await.unwrap().to_vec();
            assert_eq!(again, exported, "{extension} export is not byte-stable");
        }

        // The public export lists public items only, with their operator.
        let public = app
            .get("/exports/equipment.csv?category=INDUSTRIAL_ROBOT_CELL")
            .await;
        assert_eq!(public.status(), 200);
        assert_eq!(public.headers()["content-type"], "text/csv; charset=utf-8");
        let text = String::from_utf8(public.bytes().await.unwrap().to_vec()).unwrap();
        assert!(text.contains("Cellule robot de palettisation"));
        assert!(text.contains("Opérateur"));
        assert!(
            !text.contains("X-10"),
            "the public export shows no inventory reference"
        );
    }
);

on_both_databases!(
    hostile_uploads_are_refused_and_change_nothing,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(&app, "froid@frigotech.example", Role::Partner, &[OWNER]).await;
        let other = account(&app, "prof@athenee.example", Role::Partner, &[OTHER]).await;
        let (operator, _) = operator_id(&app, OWNER).await;
        let before = public_items_of(&app, &partner, &operator).await;
        let query = query_for(&operator);

        // Not signed in, or a partner of another operator.
        let (status, _) = upload(&app, None, &query, "a.csv", SCHOOL_FILE.as_bytes()).await;
        assert_eq!(status, 401);
        let (status, body) =
            upload(&app, Some(&other), &query, "a.csv", SCHOOL_FILE.as_bytes()).await;
        assert_eq!(status, 403, "{body:#}");

        // A PDF renamed .csv.
        let (status, body) = upload(
            &app,
            Some(&partner),
            &query,
            "inventaire.csv",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        )
        .await;
        assert_eq!(status, 400, "{body:#}");
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("PDF"),
            "{body:#}"
        );

        // A zip bomb disguised as XLSX: refused from its directory, never inflated.
        let bomb = {
            use std::io::Write;
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zip.start_file("[Content_Types].xml", options).unwrap();
            zip.write_all(b"<Types/>").unwrap();
            zip.start_file("xl/workbook.xml", options).unwrap();
            zip.write_all(b"<workbook/>").unwrap();
            zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
            zip.write_all(&vec![b'0'; 8_000_000]).unwrap();
            zip.finish().unwrap().into_inner()
        };
        let (status, body) = upload(&app, Some(&partner), &query, "inventaire.xlsx", &bomb).await;
        assert_eq!(status, 400, "{body:#}");
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("compress"),
            "{body:#}"
        );

        // Over the size limit (10 MB by default).
        let (status, _) = upload(
            &app,
            Some(&partner),
            &query,
            "big.csv",
            &vec![b'a'; 10_500_000],
        )
        .await;
        assert_eq!(status, 413);

        // 200,000 rows.
        let mut rows = String::from("Désignation;Catégorie\n");
        for i in 0..200_000 {
            rows.push_str(&format!("Banc {i};Banc de froid\n"));
        }
        let (status, body) =
            upload(&app, Some(&partner), &query, "rows.csv", rows.as_bytes()).await;
        assert_eq!(status, 400, "{body:#}");
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("rows"),
            "{body:#}"
        );

        // Nothing changed, and the server still answers.
        assert_eq!(public_items_of(&app, &partner, &operator).await, before);
    }
);

on_both_databases!(
    items_are_written_one_by_one_under_the_offers_policy,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(&app, "froid@frigotech.example", Role::Partner, &[OWNER]).await;
        let other = account(&app, "prof@athenee.example", Role::Partner, &[OTHER]).await;
        let (operator, site) = operator_id(&app, OWNER).await;
        let (_, other_site) = operator_id(&app, OTHER).await;
        let create = "mutation($input: CreateEquipmentItemInput!) { createEquipmentItem(input: $input) { id version name isPublic trades { code } sharing { noticeDays } } }";
        let input = |extra: Value| {
            let mut input = json!({
                "operatorId": operator, "siteId": site, "name": "Banc PAC géothermique",
                "category": "HEAT_PUMP_RIG", "refrigerant": "R290", "isPublic": false,
                "sharing": { "maxGroupSize": 6 },
            });
            input
                .as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            json!({ "input": input })
        };
        let post = |token: &str, query: &'static str, variables: Value| {
            let request = app
                .client
                .post(format!("{}/graphql", app.address))
                .bearer_auth(token.to_owned())
                .json(&json!({ "query": query, "variables": variables }));
            async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
        };
        for (extra, field) in [
            (json!({ "quantity": 0 }), "input.quantity"),
            (json!({ "quantity": 1_000_000_000i64 }), "input.quantity"),
            (json!({ "yearAcquired": 2031 }), "input.yearAcquired"),
            (json!({ "category": "TIME_MACHINE" }), "input.category"),
            (
                json!({ "tradeCodes": ["astronautique"] }),
                "input.tradeCodes[0]",
            ),
            (json!({ "siteId": other_site }), "input.siteId"),
            (json!({ "category": "CNC_LATHE" }), "input.refrigerant"),
        ] {
            let body = post(&partner, create, input(extra.clone())).await;
            let error = &body["errors"][0];
            assert_eq!(
                error["extensions"]["code"], "BAD_USER_INPUT",
                "{extra}: {body:#}"
            );
            assert_eq!(error["extensions"]["argument"], field, "{extra}: {body:#}");
        }
        let body = post(&other, create, input(json!({}))).await;
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "FORBIDDEN",
            "{body:#}"
        );

        let body = post(&partner, create, input(json!({}))).await;
        let item = body["data"]["createEquipmentItem"].clone();
        assert_eq!(
            item["trades"],
            json!([{ "code": "froid-climatisation" }]),
            "{body:#}"
        );
        assert_eq!(item["sharing"]["noticeDays"], 7);
        let id = item["id"].as_str().unwrap().to_owned();
        // Private: the public does not know it, its owner does.
        let node = "query($id: ID!) { node(id: $id) { ... on EquipmentItem { name status } } }";
        assert_eq!(
            app.data(node, json!({ "id": id })).await["node"],
            Value::Null
        );
        assert_eq!(
            post(&partner, node, json!({ "id": id })).await["data"]["node"]["name"],
            "Banc PAC géothermique"
        );
        // A stale version is a conflict; retiring and restoring are audited edits.
        let update = "mutation($id: ID!, $v: Int!) { updateEquipmentItem(id: $id, version: $v, input: { isPublic: true, quantity: 2 }) { version isPublic } }";
        let body = post(&partner, update, json!({ "id": id, "v": 1 })).await;
        assert_eq!(
            body["data"]["updateEquipmentItem"]["version"], 2,
            "{body:#}"
        );
        let body = post(&partner, update, json!({ "id": id, "v": 1 })).await;
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "CONFLICT",
            "{body:#}"
        );
        assert_eq!(
            app.data(node, json!({ "id": id })).await["node"]["status"],
            "ACTIVE"
        );
        let retire = "mutation($id: ID!, $v: Int!) { retireEquipmentItem(id: $id, version: $v) { status version } }";
        let body = post(&other, retire, json!({ "id": id, "v": 2 })).await;
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "FORBIDDEN",
            "{body:#}"
        );
        let body = post(&partner, retire, json!({ "id": id, "v": 2 })).await;
        assert_eq!(
            body["data"]["retireEquipmentItem"]["status"], "RETIRED",
            "{body:#}"
        );
        assert_eq!(
            app.data(node, json!({ "id": id })).await["node"],
            Value::Null
        );
        let restore = "mutation($id: ID!, $v: Int!) { restoreEquipmentItem(id: $id, version: $v) { status } }";
        let body = post(&partner, restore, json!({ "id": id, "v": 3 })).await;
        assert_eq!(
            body["data"]["restoreEquipmentItem"]["status"], "ACTIVE",
            "{body:#}"
        );
    }
);

on_both_databases!(
    equipment_is_found_by_trade_category_place_and_bus,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let query = "query($filter: EquipmentFilter, $order: EquipmentOrder) { equipment(filter: $filter, orderBy: $order, first: 100) {
            totalCount edges { travelMinutes distanceMeters node { name shareable availableForSharing isPublic status
              category { code } trades { code } site { commune { nis } } operator { name } } } } }";
        let everything = app.data(query, json!({})).await;
        let total = everything["equipment"]["totalCount"].as_u64().unwrap();
        assert!(total > 300, "{total}");
        let rigs = app
            .data(query, json!({ "filter": { "categories": ["REFRIGERATION_RIG"], "tradeCodes": ["froid-climatisation"] } }))
            .await;
        let edges = rigs["equipment"]["edges"].as_array().unwrap();
        assert!(!edges.is_empty());
        assert!(
            edges
                .iter()
                .all(|e| e["node"]["category"]["code"] == "REFRIGERATION_RIG"
                    && e["node"]["isPublic"] == true
                    && e["node"]["status"] == "ACTIVE")
        );
        let shareable = app
            .data(query, json!({ "filter": { "shareable": true } }))
            .await;
        assert!(
            shareable["equipment"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["node"]["availableForSharing"] == true)
        );

        // "A refrigeration rig within 45 minutes by bus from Lessines", one query.
        let reachable = app
            .data(
                query,
                json!({
                    "filter": {
                        "categories": ["REFRIGERATION_RIG"],
                        "reachable": { "from": { "locality": "Lessines" }, "maxMinutes": 45, "arriveBy": "2026-09-07T09:00:00+02:00" }
                    },
                    "order": "TRAVEL_TIME",
                }),
            )
            .await;
        let reached = reachable["equipment"]["edges"].as_array().unwrap();
        assert!(!reached.is_empty(), "{reachable:#}");
        assert!(
            reached.len() < edges.len(),
            "not every rig is within 45 minutes"
        );
        let minutes: Vec<u64> = reached
            .iter()
            .map(|e| e["travelMinutes"].as_u64().unwrap())
            .collect();
        assert!(minutes.iter().all(|m| *m <= 45));
        assert!(minutes.windows(2).all(|w| w[0] <= w[1]), "{minutes:?}");

        // returnAfter has no meaning for equipment: refused, naming it.
        let error = app
            .error(
                query,
                json!({ "filter": { "reachable": { "from": { "locality": "Lessines" }, "maxMinutes": 45, "arriveBy": "2026-09-07T09:00:00+02:00", "returnAfter": true } } }),
            )
            .await;
        assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT");
        assert!(error["message"].as_str().unwrap().contains("returnAfter"));

        // Unknown categories are refused, naming the field.
        let error = app
            .error(
                query,
                json!({ "filter": { "categories": ["TIME_MACHINE"] } }),
            )
            .await;
        assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT");
        assert!(
            error["extensions"]["argument"]
                .as_str()
                .unwrap()
                .contains("categories"),
            "{error:#}"
        );

        // The trade's own list and counts agree with the search.
        let trade = app
            .data(
                "{ trades(poleCode: \"installation-maintenance\") { code equipmentCounts { items shareable } equipment(first: 100) { name } } }",
                json!({}),
            )
            .await;
        let froid = trade["trades"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == "froid-climatisation")
            .unwrap();
        let by_search = app
            .data(
                query,
                json!({ "filter": { "tradeCodes": ["froid-climatisation"] } }),
            )
            .await["equipment"]["totalCount"]
            .clone();
        assert_eq!(froid["equipmentCounts"]["items"], by_search);

        // The GeoJSON layer: the same items, clustered at low zoom.
        let layer = app
            .get("/geo/equipment.geojson?category=REFRIGERATION_RIG")
            .await;
        assert_eq!(layer.status(), 200);
        assert_eq!(layer.headers()["content-type"], "application/geo+json");
        let layer: Value = layer.json().await.unwrap();
        assert_eq!(layer["features"].as_array().unwrap().len(), edges.len());
        let clustered: Value = app
            .get("/geo/equipment.geojson?zoom=8")
            .await
            .json()
            .await
            .unwrap();
        let features = clustered["features"].as_array().unwrap();
        assert!(features.iter().any(|f| f["properties"]["cluster"] == true));
        let counted: u64 = features
            .iter()
            .map(|f| f["properties"]["point_count"].as_u64().unwrap_or(1))
            .sum();
        assert_eq!(counted, total);
        let bad = app
            .get("/geo/equipment.geojson?category=TIME_MACHINE")
            .await;
        assert_eq!(bad.status(), 400);
    }
);
