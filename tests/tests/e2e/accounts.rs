//! Signing in and out over HTTP: Argon2id passwords, bearer tokens stored
//! hashed, revocation, disabled accounts, and the same answer for an unknown
//! address as for a wrong password.

use domain::account::{Email, Password, Role};
use domain::codes::OperatorCode;
use e2e::TestApp;
use serde_json::{Value, json};
use storage::testing::TestDatabase;
use storage::{NewAccount, on_both_databases};

const PASSWORD: &str = "un mot de passe solide";
const LOGIN: &str = "mutation($email: String!, $password: String!) {
    login(email: $email, password: $password) { token expiresAt account { email role operators { code } } } }";

async fn with_partner(app: &TestApp) -> Email {
    let email = Email::parse("Marie.Dupont@ecole.example").unwrap();
    let password_hash =
        app::credentials::hash_password(&Password::parse(PASSWORD).unwrap()).unwrap();
    app.state
        .store()
        .create_account(NewAccount {
            email: &email,
            display_name: "Marie Dupont",
            password_hash,
            role: Role::Partner,
            operators: &[OperatorCode::parse("antoing-calcaires-de-l-escaut").unwrap()],
        })
        .await
        .unwrap();
    email
}

async fn post_as(app: &TestApp, token: Option<&str>, query: &str) -> (u16, Value) {
    let mut request = app
        .client
        .post(format!("{}/graphql", app.address))
        .json(&json!({ "query": query }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

on_both_databases!(
    a_partner_signs_in_reads_its_account_and_signs_out,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        with_partner(&app).await;

        let data = app
            .data(
                LOGIN,
                json!({ "email": " marie.dupont@ECOLE.example", "password": PASSWORD }),
            )
            .await;
        let token = data["login"]["token"].as_str().unwrap().to_owned();
        assert!(token.starts_with("wapi_"));
        assert_eq!(data["login"]["account"]["role"], "PARTNER");
        assert_eq!(
            data["login"]["account"]["operators"],
            json!([{ "code": "antoing-calcaires-de-l-escaut" }])
        );

        let (status, me) = post_as(&app, Some(&token), "{ me { email displayName role } }").await;
        assert_eq!(status, 200);
        assert_eq!(me["data"]["me"]["email"], "marie.dupont@ecole.example");
        let (_, public) = post_as(&app, None, "{ me { email } }").await;
        assert_eq!(public["data"]["me"], Value::Null);

        let (_, logout) = post_as(&app, Some(&token), "mutation { logout }").await;
        assert_eq!(logout["data"]["logout"], true);
        let (status, after) = post_as(&app, Some(&token), "{ me { email } }").await;
        assert_eq!(status, 401, "a revoked token is refused");
        assert_eq!(after["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
        let (status, _) = post_as(&app, Some("wapi_forged"), "{ poles { code } }").await;
        assert_eq!(status, 401);
        let (_, anonymous_logout) = post_as(&app, None, "mutation { logout }").await;
        assert_eq!(
            anonymous_logout["errors"][0]["extensions"]["code"],
            "UNAUTHENTICATED"
        );
    }
);

on_both_databases!(
    wrong_credentials_and_disabled_accounts_get_the_same_refusal,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let email = with_partner(&app).await;
        let wrong_password = app.error(LOGIN, json!({ "email": "marie.dupont@ecole.example", "password": "pas le bon mot de passe" })).await;
        let unknown = app
            .error(
                LOGIN,
                json!({ "email": "personne@ecole.example", "password": PASSWORD }),
            )
            .await;
        for error in [&wrong_password, &unknown] {
            assert_eq!(error["extensions"]["code"], "UNAUTHENTICATED");
            assert_eq!(
                error["message"],
                "the e-mail address or the password is wrong"
            );
        }
        assert!(
            !wrong_password.to_string().contains("pas le bon"),
            "the password is never echoed"
        );

        assert!(app.state.store().disable_account(&email).await.unwrap());
        let disabled = app
            .error(
                LOGIN,
                json!({ "email": "marie.dupont@ecole.example", "password": PASSWORD }),
            )
            .await;
        assert_eq!(
            disabled["message"],
            "the e-mail address or the password is wrong"
        );
    }
);

on_both_databases!(
    repeated_failed_sign_ins_are_rate_limited,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        with_partner(&app).await;
        for _ in 0..5 {
            let error = app.error(LOGIN, json!({ "email": "marie.dupont@ecole.example", "password": "pas le bon mot de passe" })).await;
            assert_eq!(error["extensions"]["code"], "UNAUTHENTICATED");
        }
        // Even the right password waits now: guessing cannot go on.
        let limited = app
            .error(
                LOGIN,
                json!({ "email": "marie.dupont@ecole.example", "password": PASSWORD }),
            )
            .await;
        assert_eq!(limited["extensions"]["code"], "RATE_LIMITED", "{limited}");
        assert!(limited["extensions"]["retryAfter"].as_u64().unwrap() > 0);
        assert!(
            !limited.to_string().contains("marie"),
            "the address is not echoed"
        );
        let other = app
            .error(
                LOGIN,
                json!({ "email": "autre@ecole.example", "password": PASSWORD }),
            )
            .await;
        assert_eq!(
            other["extensions"]["code"], "UNAUTHENTICATED",
            "other addresses are unaffected"
        );
    }
);
