//! `wapi user …` and `wapi token …`: account administration from scripts.
//! Passwords are read from `WAPI_PASSWORD` or standard input, never from the
//! command line (which other users of the machine can see).

use std::io::BufRead;

use anyhow::{Context, bail};
use chrono::{Duration, Utc};
use domain::account::{Email, Password, Role};
use domain::codes::OperatorCode;
use storage::{NewAccount, Store};

/// Reads the password: `WAPI_PASSWORD`, else the first line of standard input.
fn read_password() -> anyhow::Result<Password> {
    let raw = match std::env::var("WAPI_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("reading the password from standard input")?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    Password::parse(&raw).map_err(|e| anyhow::anyhow!("password: {e}"))
}

/// Creates an account; returns a line for the operator of the script.
pub(crate) async fn create_user(
    store: &Store,
    email: &str,
    display_name: &str,
    role: &str,
    operators: &[String],
) -> anyhow::Result<String> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("email: {e}"))?;
    let role: Role = role
        .to_uppercase()
        .parse()
        .map_err(|e| anyhow::anyhow!("role: {e}"))?;
    let operators: Vec<OperatorCode> = operators
        .iter()
        .map(|code| OperatorCode::parse(code).map_err(|e| anyhow::anyhow!("operator: {e}")))
        .collect::<Result<_, _>>()?;
    if role == Role::Partner && operators.is_empty() {
        bail!("a PARTNER account needs at least one --operator");
    }
    let password = read_password()?;
    let password_hash = tokio::task::spawn_blocking(move || api::auth::hash_password(&password))
        .await?
        .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?;
    let account = store
        .create_account(NewAccount {
            email: &email,
            display_name,
            password_hash,
            role,
            operators: &operators,
        })
        .await?;
    Ok(format!(
        "created {} account #{}",
        account.role, account.id.0
    ))
}

/// Disables an account and revokes its tokens.
pub(crate) async fn disable_user(store: &Store, email: &str) -> anyhow::Result<String> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("email: {e}"))?;
    if !store.disable_account(&email).await? {
        bail!("no account has this e-mail address");
    }
    Ok("disabled the account and revoked its tokens".to_owned())
}

/// Creates a token for an account; returns only the token.
pub(crate) async fn create_token(
    store: &Store,
    email: &str,
    days: u32,
    label: &str,
) -> anyhow::Result<String> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("user: {e}"))?;
    let Some((account, _)) = store.account_credentials(&email).await? else {
        bail!("no account has this e-mail address");
    };
    if account.disabled {
        bail!("the account is disabled");
    }
    if !(1..=366).contains(&days) {
        bail!("days: must be between 1 and 366");
    }
    let (token, digest) = api::auth::new_token();
    store
        .create_token(
            account.id,
            &digest,
            label,
            Utc::now() + Duration::days(i64::from(days)),
        )
        .await?;
    Ok(token)
}

/// Revokes a token.
pub(crate) async fn revoke_token(store: &Store, token: &str) -> anyhow::Result<String> {
    if !store
        .revoke_token(&api::auth::token_sha256(token.trim()))
        .await?
    {
        bail!("no active token matches");
    }
    Ok("revoked".to_owned())
}
