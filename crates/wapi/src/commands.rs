//! What the administration commands need beyond the use cases they call:
//! reading a password without putting it on the command line, and turning
//! a refusal into a message for the person at the terminal.

use std::io::BufRead;

use anyhow::Context;
use app::AppError;
use domain::account::Password;

/// Turns a refused use case into an error naming the flag at fault.
pub(crate) fn done<T>(result: Result<T, AppError>) -> anyhow::Result<T> {
    result.map_err(|error| match error {
        AppError::BadInput { field, message } => anyhow::anyhow!("{}: {message}", flag(&field)),
        AppError::Internal(source) => anyhow::anyhow!(source),
        other => anyhow::anyhow!(other.message()),
    })
}

/// The command-line flag a field of a use case comes from.
fn flag(field: &str) -> String {
    let base = field.split('[').next().unwrap_or(field);
    let flag = match base {
        "displayName" => "name",
        "requestsPerMinute" => "requests-per-minute",
        other => other,
    };
    format!("--{flag}")
}

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

/// `wapi user create`'s flags.
#[derive(Debug)]
pub(crate) struct NewUserArgs<'a> {
    pub(crate) email: &'a str,
    pub(crate) name: &'a str,
    pub(crate) role: &'a str,
    pub(crate) operators: &'a [String],
}

/// Creates an account with the rules partners' invitations follow; returns
/// a line for the person running the script.
pub(crate) async fn create_user(
    store: &storage::Store,
    args: NewUserArgs<'_>,
) -> anyhow::Result<String> {
    let password = read_password()?;
    let account = done(
        app::accounts::create_user(
            store,
            app::accounts::NewUser {
                email: args.email,
                display_name: args.name,
                role: args.role,
                operators: args.operators,
                password,
            },
        )
        .await,
    )?;
    Ok(format!(
        "created {} account #{}",
        account.role, account.id.0
    ))
}
