//! Sites of operators; the commune is computed from the location.

use app::ids;
use async_graphql::{Context, ID, InputObject, Object};
use domain::codes::Postcode;
use domain::location::Point;
use domain::operator::{Address, SiteDetails, SitePatch};

use super::super::inputs::PointInput;
use super::super::objects::Site;
use crate::context::request;
use crate::error::{ApiResult, Located, bad_input};

/// A new site of an operator. Its commune is found from `location`.
#[derive(InputObject, Debug)]
pub struct CreateSiteInput {
    /// The operator (global id).
    pub operator_id: ID,
    /// The operator's own reference for the site, unique per operator; generated when left out.
    pub reference: Option<String>,
    /// Name, such as "Implantation de Kain".
    pub name: String,
    /// Street and number.
    pub street: String,
    /// Belgian postcode; it must be one used in the commune where `location` lies.
    pub postcode: String,
    /// Locality as written on letters.
    pub locality: String,
    /// Where the entrance is.
    pub location: PointInput,
}

/// Changes to a site: fields left out stay as they are. Moving it recomputes its commune.
#[derive(InputObject, Debug)]
pub struct UpdateSiteInput {
    /// Name.
    pub name: Option<String>,
    /// Street and number.
    pub street: Option<String>,
    /// Belgian postcode; it must be one used in the commune where the site lies.
    pub postcode: Option<String>,
    /// Locality as written on letters.
    pub locality: Option<String>,
    /// Where the entrance is.
    pub location: Option<PointInput>,
}

fn point(argument: &str, input: PointInput) -> Result<Point, async_graphql::Error> {
    Point::parse(input.lat, input.lon).map_err(|e| bad_input(argument, e))
}

fn postcode(argument: &str, raw: &str) -> Result<Postcode, async_graphql::Error> {
    Postcode::parse(raw.trim()).map_err(|e| bad_input(argument, e))
}

/// Writes to sites.
#[derive(Debug, Default)]
pub struct SiteMutation;

/// Writes to sites.
#[Object]
impl SiteMutation {
    /// Adds a site to an operator; its commune is computed from its location.
    async fn create_site(&self, ctx: &Context<'_>, input: CreateSiteInput) -> ApiResult<Site> {
        let context = request(ctx);
        let operator = ids::parse_operator_id(&input.operator_id, "operatorId").at("input")?;
        let details = SiteDetails {
            name: input.name,
            address: Address {
                street: input.street,
                postcode: postcode("input.postcode", &input.postcode)?,
                locality: input.locality,
            },
            location: point("input.location", input.location)?,
        };
        let site = app::partners::sites::create_site(
            &context.app,
            &context.viewer,
            operator,
            input.reference,
            details,
        )
        .await
        .at("input")?;
        context.saw_write();
        Ok(Site(site))
    }

    /// Changes a site, if it is still at `version`; moving it recomputes its commune.
    async fn update_site(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The site (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
        input: UpdateSiteInput,
    ) -> ApiResult<Site> {
        let context = request(ctx);
        let id = ids::parse_site_id(&id, "id").located()?;
        let patch = SitePatch {
            name: input.name,
            street: input.street,
            postcode: input
                .postcode
                .as_deref()
                .map(|raw| postcode("input.postcode", raw))
                .transpose()?,
            locality: input.locality,
            location: input
                .location
                .map(|p| point("input.location", p))
                .transpose()?,
        };
        let site =
            app::partners::sites::update_site(&context.app, &context.viewer, id, version, patch)
                .await
                .at("input")?;
        context.saw_write();
        Ok(Site(site))
    }
}
