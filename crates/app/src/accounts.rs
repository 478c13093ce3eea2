//! Accounts and sessions: signing in and out, admins inviting partners and
//! partners accepting, and the administration commands (`wapi user …`,
//! `wapi token …`). One function per use case, whichever door calls it, so
//! the rules hold the same from GraphQL and from the command line.

use chrono::{DateTime, Duration, Utc};
use domain::account::{Account, DisplayName, Email, MAX_OPERATORS_PER_PARTNER, Password, Role};
use domain::codes::OperatorCode;
use domain::operator::OperatorId;
use domain::sets::first_repeated;
use storage::{NewAccount, NewInvitation};

use crate::credentials::{decoy_hash, hash_password_off_thread, new_token, token_sha256};
use crate::policy::{self, Action};
use crate::viewer::Viewer;
use crate::{App, AppError, AppResult};

/// How long a token from signing in lasts.
pub const SIGN_IN_DAYS: i64 = 30;
/// How long an invitation may wait before it is accepted.
pub const INVITATION_DAYS: i64 = 14;
/// The longest a token made for a script may last.
pub const MAX_SCRIPT_TOKEN_DAYS: u32 = 366;

/// A session: the bearer token, shown once and stored only as a digest.
#[derive(Debug)]
pub struct Session {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub account: Account,
}

/// An invitation made: the one-time token to hand to the partner.
#[derive(Debug)]
pub struct Invitation {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub account: Account,
}

/// A partner to invite, as an admin typed it.
#[derive(Debug)]
pub struct InvitationRequest<'a> {
    /// Personal data: never logged (`Email` redacts itself).
    pub email: &'a str,
    pub display_name: &'a str,
    /// The operators the partner acts for; at least one.
    pub operators: Vec<OperatorId>,
}

/// Checks an address and a password and opens a session. Every failure
/// gives the same answer, after the same Argon2 work, so that neither the
/// message nor the timing tells whether an address has an account; too many
/// failures for one address are refused before any work.
pub async fn sign_in(
    app: &App,
    viewer: &Viewer,
    email: &str,
    password: &str,
) -> AppResult<Session> {
    policy::allow(viewer, Action::LogIn)?;
    let throttle = app.login_throttle();
    let wrong =
        || AppError::Unauthenticated("the e-mail address or the password is wrong".to_owned());
    let now = std::time::Instant::now();
    if let Err(retry_after_seconds) = throttle.check(email, now) {
        return Err(AppError::RateLimited {
            message: format!(
                "too many failed sign-ins for this address; retry in {retry_after_seconds} seconds"
            ),
            retry_after_seconds,
        });
    }
    let (Ok(address), Ok(password)) = (Email::parse(email), Password::parse(password)) else {
        throttle.failed(email, now);
        return Err(wrong());
    };
    let found = app.store().account_credentials(&address).await?;
    // An invited account has no password until it accepts: it verifies
    // against the decoy too, so it cannot be told apart by timing.
    let stored_hash = found
        .as_ref()
        .map(|(_, hash)| hash.clone())
        .filter(|hash| !hash.is_empty())
        .unwrap_or_else(|| decoy_hash().to_owned());
    // Verified in every case, on a blocking thread: Argon2id is slow on purpose.
    let matches = tokio::task::spawn_blocking(move || {
        crate::credentials::verify_password(&password, &stored_hash)
    })
    .await
    .map_err(AppError::internal)?;
    let account = match found {
        Some((account, _)) if matches && !account.disabled => account,
        _ => {
            throttle.failed(email, now);
            return Err(wrong());
        }
    };
    throttle.succeeded(email);
    open_session(app, account, "login", Duration::days(SIGN_IN_DAYS)).await
}

/// Opens a session for an account that proved who it is.
async fn open_session(
    app: &App,
    account: Account,
    label: &str,
    lifetime: Duration,
) -> AppResult<Session> {
    let (token, digest) = new_token();
    let expires_at = Utc::now() + lifetime;
    app.store()
        .create_token(account.id, &digest, label, expires_at)
        .await?;
    Ok(Session {
        token,
        expires_at,
        account,
    })
}

/// Revokes the token the viewer presented; `false` for the public.
pub async fn sign_out(app: &App, viewer: &Viewer) -> AppResult<bool> {
    policy::allow(viewer, Action::LogOut)?;
    let Viewer::Account { token_sha256, .. } = viewer else {
        return Ok(false);
    };
    Ok(app.store().revoke_token(token_sha256).await?)
}

/// The signed-in account; `None` for the public.
pub fn own_account(viewer: &Viewer) -> Option<&Account> {
    policy::allow(viewer, Action::ReadOwnAccount).ok()?;
    match viewer {
        Viewer::Account { account, .. } => Some(account),
        Viewer::Public => None,
    }
}

/// The address, name and operators of a new partner, checked.
fn partner_identity(
    email: &str,
    display_name: &str,
    operators_named: bool,
) -> AppResult<(Email, DisplayName)> {
    let email = Email::parse(email).map_err(|e| AppError::bad_input("email", e))?;
    let display_name =
        DisplayName::parse(display_name).map_err(|e| AppError::bad_input("displayName", e))?;
    if !operators_named {
        return Err(AppError::bad_input(
            "operatorIds",
            "must name at least one operator",
        ));
    }
    Ok((email, display_name))
}

/// Opens a PARTNER account for operators (admins only) and returns a
/// one-time invitation token, valid [`INVITATION_DAYS`] days, with which the
/// partner chooses a password.
pub async fn invite_partner(
    app: &App,
    viewer: &Viewer,
    request: InvitationRequest<'_>,
) -> AppResult<Invitation> {
    policy::allow(viewer, Action::InvitePartner)?;
    let (email, display_name) = partner_identity(
        request.email,
        request.display_name,
        !request.operators.is_empty(),
    )?;
    if request.operators.len() > MAX_OPERATORS_PER_PARTNER {
        return Err(AppError::bad_input(
            "operatorIds",
            format!("must name at most {MAX_OPERATORS_PER_PARTNER} operators"),
        ));
    }
    if let Some(position) = first_repeated(&request.operators) {
        return Err(AppError::bad_input(
            format!("operatorIds[{position}]"),
            "names an operator already in the list",
        ));
    }
    let (token, digest) = new_token();
    let expires_at = Utc::now() + Duration::days(INVITATION_DAYS);
    let account = app
        .store()
        .invite_partner(
            &crate::partners::actor(viewer),
            NewInvitation {
                email: &email,
                display_name: display_name.as_str(),
                operators: &request.operators,
                token_sha256: &digest,
                expires_at,
            },
        )
        .await?;
    Ok(Invitation {
        token,
        expires_at,
        account,
    })
}

/// Accepts an invitation: sets the account's password and signs in.
pub async fn accept_invitation(
    app: &App,
    viewer: &Viewer,
    token: &str,
    password: &str,
) -> AppResult<Session> {
    policy::allow(viewer, Action::AcceptInvitation)?;
    let password = Password::parse(password).map_err(|e| AppError::bad_input("password", e))?;
    let hash = hash_password_off_thread(password).await?;
    let account = app
        .store()
        .accept_invitation(&token_sha256(token), hash, Utc::now())
        .await?
        .ok_or_else(|| {
            AppError::Unauthenticated(
                "the invitation is unknown, expired or already accepted; ask an administrator for a new one"
                    .to_owned(),
            )
        })?;
    open_session(app, account, "login", Duration::days(SIGN_IN_DAYS)).await
}

/// An account to create from the command line.
#[derive(Debug)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    /// `ADMIN` or `PARTNER`, in any case.
    pub role: &'a str,
    /// The codes of the operators a partner acts for.
    pub operators: &'a [String],
    pub password: Password,
}

/// Creates an account (`wapi user create`), with the rules of
/// [`invite_partner`] for the address, the name and a partner's operators.
pub async fn create_user(store: &storage::Store, user: NewUser<'_>) -> AppResult<Account> {
    let role: Role = user
        .role
        .trim()
        .to_uppercase()
        .parse()
        .map_err(|e| AppError::bad_input("role", e))?;
    let operators: Vec<OperatorCode> = user
        .operators
        .iter()
        .enumerate()
        .map(|(i, code)| {
            OperatorCode::parse(code.trim())
                .map_err(|e| AppError::bad_input(format!("operator[{i}]"), e))
        })
        .collect::<Result<_, _>>()?;
    if role == Role::Admin && !operators.is_empty() {
        return Err(AppError::bad_input(
            "operator",
            "an ADMIN acts for every operator; leave --operator out",
        ));
    }
    let (email, display_name) = partner_identity(
        user.email,
        user.display_name,
        role == Role::Admin || !operators.is_empty(),
    )
    .map_err(|error| match error {
        AppError::BadInput { field, message } if field == "operatorIds" => AppError::BadInput {
            field: "operator".to_owned(),
            message: format!("{message} (a PARTNER needs at least one --operator)"),
        },
        other => other,
    })?;
    if operators.len() > MAX_OPERATORS_PER_PARTNER {
        return Err(AppError::bad_input(
            "operator",
            format!("must name at most {MAX_OPERATORS_PER_PARTNER} operators"),
        ));
    }
    if let Some(position) = first_repeated(&operators) {
        return Err(AppError::bad_input(
            format!("operator[{position}]"),
            "names an operator already in the list",
        ));
    }
    let password_hash = hash_password_off_thread(user.password).await?;
    store
        .create_account(NewAccount {
            email: &email,
            display_name: display_name.as_str(),
            password_hash,
            role,
            operators: &operators,
        })
        .await
        .map_err(|error| match error {
            storage::StorageError::Conflict(message) => AppError::bad_input("email", message),
            storage::StorageError::NotFound(message) => AppError::bad_input("operator", message),
            other => AppError::internal(other),
        })
}

/// Disables an account and revokes its tokens (`wapi user disable`).
pub async fn disable_user(store: &storage::Store, email: &str) -> AppResult<()> {
    let email = Email::parse(email).map_err(|e| AppError::bad_input("email", e))?;
    if store.disable_account(&email).await? {
        Ok(())
    } else {
        Err(AppError::NotFound(
            "no account has this e-mail address".to_owned(),
        ))
    }
}

/// Creates a bearer token for an account (`wapi token create`); returns
/// only the token.
pub async fn create_script_token(
    store: &storage::Store,
    email: &str,
    days: u32,
    label: &str,
) -> AppResult<String> {
    let email = Email::parse(email).map_err(|e| AppError::bad_input("user", e))?;
    if !(1..=MAX_SCRIPT_TOKEN_DAYS).contains(&days) {
        return Err(AppError::bad_input(
            "days",
            format!("must be between 1 and {MAX_SCRIPT_TOKEN_DAYS}"),
        ));
    }
    let label =
        domain::plain_text::single_line(label, 100).map_err(|e| AppError::bad_input("label", e))?;
    let Some((account, _)) = store.account_credentials(&email).await? else {
        return Err(AppError::NotFound(
            "no account has this e-mail address".to_owned(),
        ));
    };
    if account.disabled {
        return Err(AppError::Forbidden("the account is disabled".to_owned()));
    }
    let (token, digest) = new_token();
    store
        .create_token(
            account.id,
            &digest,
            &label,
            Utc::now() + Duration::days(i64::from(days)),
        )
        .await?;
    Ok(token)
}

/// Revokes a token (`wapi token revoke`).
pub async fn revoke_token(store: &storage::Store, token: &str) -> AppResult<()> {
    if store.revoke_token(&token_sha256(token.trim())).await? {
        Ok(())
    } else {
        Err(AppError::NotFound("no active token matches".to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partners_need_an_address_a_name_and_an_operator() {
        assert!(partner_identity("marie@ecole.be", "Marie", true).is_ok());
        let field = |e: AppError| match e {
            AppError::BadInput { field, .. } => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(partner_identity("marie", "Marie", true).unwrap_err()),
            "email"
        );
        assert_eq!(
            field(partner_identity("marie@ecole.be", "  ", true).unwrap_err()),
            "displayName"
        );
        assert_eq!(
            field(partner_identity("marie@ecole.be", "Ma\u{0}rie", true).unwrap_err()),
            "displayName"
        );
        assert_eq!(
            field(partner_identity("marie@ecole.be", "Marie", false).unwrap_err()),
            "operatorIds"
        );
    }
}
