//! Operators: created by admins, kept current by their partners.

use app::ids;
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object};
use domain::codes::OperatorCode;
use domain::email::Email;
use domain::operator::{OperatorDetails, OperatorPatch};
use domain::phone::PhoneNumber;
use domain::website::WebsiteUrl;

use super::super::contacts::ContactMode;
use super::super::enums::{Audience, OperatorKind};
use super::super::objects::Operator;
use super::{maybe_text, optional_text};
use crate::context::request;
use crate::error::{ApiResult, Located, bad_input};

/// A new operator (admins only).
#[derive(InputObject, Debug)]
pub struct CreateOperatorInput {
    /// Stable code: lowercase letters, digits and dashes, such as "tournai-institut-saint-luc".
    pub code: String,
    /// Name.
    pub name: String,
    /// What kind of organisation it is.
    pub kind: OperatorKind,
    /// Presentation, in French (at most 5,000 characters).
    #[graphql(default)]
    pub description: String,
    /// Public website, `https://…`.
    pub website: Option<String>,
    /// Public contact e-mail address of the organisation.
    pub email: Option<String>,
    /// Public phone number of the organisation.
    pub phone: Option<String>,
}

/// Changes to an operator: fields left out stay as they are; `null` clears an optional one.
#[derive(InputObject, Debug)]
pub struct UpdateOperatorInput {
    /// Name.
    pub name: Option<String>,
    /// What kind of organisation it is.
    pub kind: Option<OperatorKind>,
    /// Presentation, in French (at most 5,000 characters).
    pub description: Option<String>,
    /// Public website, `https://…`.
    pub website: MaybeUndefined<String>,
    /// Public contact e-mail address of the organisation.
    pub email: MaybeUndefined<String>,
    /// Public phone number of the organisation.
    pub phone: MaybeUndefined<String>,
}

/// How an operator wants to be contacted through `requestContact`.
#[derive(InputObject, Debug)]
pub struct ContactSettingsInput {
    /// E-mail forwarded, phone shown, or address shown.
    pub mode: ContactMode,
    /// The audiences it accepts requests from; empty: every audience each offer names.
    pub accepted_audiences: Vec<Audience>,
}

/// An optional typed value: blank is none, anything else must parse.
fn typed<T, E: std::fmt::Display>(
    raw: Option<String>,
    argument: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> ApiResult<Option<T>> {
    optional_text(raw)
        .map(|text| parse(&text).map_err(|e| bad_input(argument, e)))
        .transpose()
}

/// Writes to operators.
#[derive(Debug, Default)]
pub struct OperatorMutation;

/// Writes to operators.
#[Object]
impl OperatorMutation {
    /// Creates an operator (admins only).
    async fn create_operator(
        &self,
        ctx: &Context<'_>,
        input: CreateOperatorInput,
    ) -> ApiResult<Operator> {
        let context = request(ctx);
        let code =
            OperatorCode::parse(input.code.trim()).map_err(|e| bad_input("input.code", e))?;
        let details = OperatorDetails {
            name: input.name,
            kind: input.kind.into(),
            description: input.description,
            website: typed(input.website, "input.website", WebsiteUrl::parse)?,
            email: typed(input.email, "input.email", Email::parse)?,
            phone: typed(input.phone, "input.phone", PhoneNumber::parse)?,
        };
        let operator = app::partners::operators::create_operator(
            &context.app,
            &context.viewer,
            &code,
            details,
        )
        .await
        .at("input")?;
        context.saw_write();
        Ok(Operator(operator))
    }

    /// Changes an operator's details, if it is still at `version`; CONFLICT otherwise.
    async fn update_operator(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operator (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
        input: UpdateOperatorInput,
    ) -> ApiResult<Operator> {
        let context = request(ctx);
        let id = ids::parse_operator_id(&id, "id").located()?;
        let patch = OperatorPatch {
            name: input.name,
            kind: input.kind.map(Into::into),
            description: input.description,
            website: maybe_text(input.website)
                .map(|w| typed(w, "input.website", WebsiteUrl::parse))
                .transpose()?,
            email: maybe_text(input.email)
                .map(|e| typed(e, "input.email", Email::parse))
                .transpose()?,
            phone: maybe_text(input.phone)
                .map(|p| typed(p, "input.phone", PhoneNumber::parse))
                .transpose()?,
        };
        let operator = app::partners::operators::update_operator(
            &context.app,
            &context.viewer,
            id,
            version,
            patch,
        )
        .await
        .at("input")?;
        context.saw_write();
        Ok(Operator(operator))
    }

    /// Changes how an operator wants to be contacted, if it is still at `version`.
    async fn update_contact_settings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operator (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
        input: ContactSettingsInput,
    ) -> ApiResult<Operator> {
        let context = request(ctx);
        let id = ids::parse_operator_id(&id, "id").located()?;
        let settings = domain::contact::ContactSettings {
            mode: input.mode.into(),
            accepted_audiences: input
                .accepted_audiences
                .into_iter()
                .map(Into::into)
                .collect(),
        };
        let operator = app::partners::operators::update_contact_settings(
            &context.app,
            &context.viewer,
            id,
            version,
            &settings,
        )
        .await
        .at("input")?;
        context.saw_write();
        Ok(Operator(operator))
    }
}
