//! Contact requests: the public writes to an operator about an offer
//! (`requestContact`), partners read and answer theirs (`contactRequests`,
//! `markContactAnswered`), everyone sees the counts (`contactCounts`).
//! Personal data is `secret` on the way in (async-graphql keeps it out of
//! its logs) and readable only after `policy::allow`.

use app::contacts::Submission;
use app::ids;
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use domain::contact::{ContactRoute, RawContactRequest};
use storage::StoredContactRequest;

use super::connections::PageInfo;
use super::enums::Audience;
use super::objects::Offer;
use super::operators::Address;
use crate::context::{catalog, request};
use crate::cost;
use crate::error::{ApiResult, Located};

/// How an operator wants to be contacted.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::contact::ContactMode")]
pub enum ContactMode {
    /// The request is e-mailed to the operator, who answers the requester.
    EmailForward,
    /// The requester calls the operator's phone number.
    Phone,
    /// The requester comes by the site's address.
    InPerson,
}

/// Who writes. Personal data: shown only to the operator and admins.
#[derive(InputObject)]
pub struct RequesterInput {
    /// Their name, 1 to 100 characters.
    #[graphql(secret)]
    pub name: String,
    /// Their e-mail address, for the answer.
    #[graphql(secret)]
    pub email: String,
    /// Their phone number, Belgian (`069 22 33 44`, `0470 12 34 56`) or international (`+33 …`).
    #[graphql(secret)]
    pub phone: Option<String>,
}

impl std::fmt::Debug for RequesterInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RequesterInput(<redacted>)")
    }
}

/// A request to contact the operator of an offer.
#[derive(InputObject)]
pub struct ContactRequestInput {
    /// The offer, a published one (its `id`).
    pub offer_id: ID,
    /// Who writes.
    pub requester: RequesterInput,
    /// Which public the requester belongs to; the offer and its operator must accept it.
    pub audience: Audience,
    /// When they would like to start or come ("septembre 2027"), 1 to 100 characters.
    pub desired_period: String,
    /// What they want to say, 1 to 2000 characters.
    #[graphql(secret)]
    pub message: String,
    /// Leave empty. Forms hide this field from people; bots fill it in.
    pub website: Option<String>,
}

impl std::fmt::Debug for ContactRequestInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContactRequestInput")
            .field("offer_id", &self.offer_id)
            .field("audience", &self.audience)
            .finish_non_exhaustive()
    }
}

/// What the requester does next, by the operator's contact mode.
#[derive(SimpleObject, Debug)]
pub struct RequestContactPayload {
    /// The mode the request went through.
    pub mode: ContactMode,
    /// With PHONE: the number to call.
    pub phone: Option<String>,
    /// With IN_PERSON: where to go.
    pub address: Option<Address>,
}

impl From<ContactRoute> for RequestContactPayload {
    fn from(route: ContactRoute) -> Self {
        let mode = route.mode().into();
        match route {
            ContactRoute::Forward { .. } => Self {
                mode,
                phone: None,
                address: None,
            },
            ContactRoute::Phone(phone) => Self {
                mode,
                phone: Some(phone),
                address: None,
            },
            ContactRoute::InPerson(address) => Self {
                mode,
                phone: None,
                address: Some(Address {
                    street: address.street,
                    postcode: address.postcode.to_string(),
                    locality: address.locality,
                }),
            },
        }
    }
}

/// A request someone sent to an operator. Visible to its partners and admins only.
pub struct ContactRequest(pub StoredContactRequest);

impl std::fmt::Debug for ContactRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A request someone sent to an operator. Visible to its partners and admins only.
#[Object]
impl ContactRequest {
    /// Its id, for `markContactAnswered`.
    async fn id(&self) -> ID {
        ID(ids::contact_request_id(self.0.id))
    }

    /// The offer it is about, while it is published.
    async fn offer(&self, ctx: &Context<'_>) -> Option<Offer> {
        catalog(ctx)
            .published_offer(self.0.request.offer_id)
            .cloned()
            .map(Offer)
    }

    /// The requester's name.
    async fn requester_name(&self) -> &str {
        &self.0.request.name
    }

    /// The requester's e-mail address.
    async fn requester_email(&self) -> &str {
        self.0.request.email.as_str()
    }

    /// The requester's phone number (international form), if given.
    async fn requester_phone(&self) -> Option<&str> {
        self.0.request.phone.as_ref().map(|p| p.as_str())
    }

    /// Which public the requester belongs to.
    async fn audience(&self) -> Audience {
        self.0.request.audience.into()
    }

    /// When they would like to start or come.
    async fn desired_period(&self) -> &str {
        &self.0.request.desired_period
    }

    /// What they wrote.
    async fn message(&self) -> &str {
        &self.0.request.message
    }

    /// The mode it went through.
    async fn mode(&self) -> ContactMode {
        self.0.mode.into()
    }

    /// When it was sent.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When the operator marked it answered; null while it waits.
    async fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.0.answered_at
    }
}

/// One contact request and its cursor.
#[derive(SimpleObject, Debug)]
pub struct ContactRequestEdge {
    /// Pass it as `after` to get the requests after this one.
    pub cursor: String,
    /// The request.
    pub node: ContactRequest,
}

/// A page of contact requests, newest first.
#[derive(SimpleObject, Debug)]
pub struct ContactRequestConnection {
    /// The requests of this page.
    pub edges: Vec<ContactRequestEdge>,
    /// Where the page stands.
    pub page_info: PageInfo,
}

/// How many requests an offer received.
#[derive(SimpleObject, Debug)]
pub struct OfferContactCount {
    /// The offer's id.
    pub offer_id: ID,
    /// How many requests it received (within the retention period).
    pub requests: u64,
}

/// Contact requests received by an operator, as numbers: indicators, no personal data.
#[derive(SimpleObject, Debug)]
pub struct ContactCounts {
    /// Requests received (within the retention period).
    pub total: u64,
    /// Of which marked answered.
    pub answered: u64,
    /// Per published offer, most contacted first (the 100 most contacted); archived and draft
    /// offers are counted in the totals only.
    #[graphql(complexity = "cost::list(cost::COUNTED_OFFERS, child_complexity)")]
    pub per_offer: Vec<OfferContactCount>,
}

/// Queries about contact requests.
#[derive(Debug, Default)]
pub struct ContactQuery;

/// Queries about contact requests.
#[Object]
impl ContactQuery {
    /// The contact requests an operator received, newest first. Partners of the operator and admins only.
    #[graphql(complexity = "cost::page(first, 20, 100, child_complexity)")]
    async fn contact_requests(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operator (its `id`).")] operator_id: ID,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor after which the page starts (`pageInfo.endCursor`).")]
        after: Option<String>,
    ) -> ApiResult<ContactRequestConnection> {
        let context = request(ctx);
        let operator = ids::parse_operator_id(&operator_id, "operatorId").located()?;
        let size = app::pages::page_size(first).located()?;
        let after = after
            .as_deref()
            .map(ids::parse_contact_request_cursor)
            .transpose()
            .located()?;
        let page = app::contacts::requests_of(&context.app, &context.viewer, operator, size, after)
            .await
            .located()?;
        let page_info = PageInfo::of(&page, |id| ids::contact_request_cursor(*id));
        let edges = page
            .items
            .into_iter()
            .map(|(row, id)| ContactRequestEdge {
                cursor: ids::contact_request_cursor(id),
                node: ContactRequest(row),
            })
            .collect();
        Ok(ContactRequestConnection { edges, page_info })
    }

    /// How many contact requests an operator received and answered, in all and per offer. Public numbers.
    async fn contact_counts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operator (its `id`).")] operator_id: ID,
    ) -> ApiResult<ContactCounts> {
        let context = request(ctx);
        let operator = ids::parse_operator_id(&operator_id, "operatorId").located()?;
        let counts = app::contacts::counts(&context.app, &context.viewer, operator)
            .await
            .located()?;
        Ok(ContactCounts {
            total: counts.total,
            answered: counts.answered,
            per_offer: counts
                .per_offer
                .into_iter()
                .map(|(offer, requests)| OfferContactCount {
                    offer_id: super::objects::node_id(ids::NodeType::Offer, offer.0),
                    requests,
                })
                .collect(),
        })
    }
}

/// Mutations about contact requests.
#[derive(Debug, Default)]
pub struct ContactMutation;

/// Mutations about contact requests.
#[Object]
impl ContactMutation {
    /// Sends a request to the operator of a published offer, through the operator's contact mode. At most one per request, and a few per hour from one address.
    async fn request_contact(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request.")] input: ContactRequestInput,
    ) -> ApiResult<RequestContactPayload> {
        let context = request(ctx);
        let submission = Submission {
            offer_id: ids::parse_offer_id(&input.offer_id, "offerId").at("input")?,
            raw: RawContactRequest {
                name: &input.requester.name,
                email: &input.requester.email,
                phone: input.requester.phone.as_deref(),
                audience: input.audience.into(),
                desired_period: &input.desired_period,
                message: &input.message,
            },
            honeypot: input.website.as_deref(),
        };
        // Refusals are counted by code (RATE_LIMITED included) in the operation metrics.
        let route = app::contacts::submit(
            &context.app,
            &context.viewer,
            &context.client,
            submission,
            Utc::now(),
        )
        .await
        .at("input")?;
        Ok(route.into())
    }

    /// Marks a contact request answered. Partners of its operator and admins only.
    async fn mark_contact_answered(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request (its `id`).")] id: ID,
    ) -> ApiResult<ContactRequest> {
        let context = request(ctx);
        let id = ids::parse_contact_request_id(&id).located()?;
        let answered = app::contacts::mark_answered(&context.app, &context.viewer, id, Utc::now())
            .await
            .located()?;
        Ok(ContactRequest(answered))
    }
}
