//! Operators (schools, training centres, companies…) and their sites.

use chrono::{DateTime, Utc};

use crate::coded_enum::coded_enum;
use crate::codes::{NisCode, OperatorCode, Postcode};
use crate::email::Email;
use crate::location::Point;
use crate::phone::PhoneNumber;
use crate::plain_text::{multi_line, single_line};
use crate::website::WebsiteUrl;

/// Database identifier of an operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OperatorId(pub i64);

/// Database identifier of a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SiteId(pub i64);

coded_enum! {
    /// What kind of organisation an operator is.
    pub enum OperatorKind ("operator kind") {
        /// A secondary school of qualifying education (including its CEFA).
        QualifyingSchool = "QUALIFYING_SCHOOL",
        /// An institution of social promotion (adult education).
        SocialPromotion = "SOCIAL_PROMOTION",
        /// A training centre of IFAPME (apprenticeship and SME training).
        Ifapme = "IFAPME",
        /// Le Forem, the Walloon public employment and training service.
        Forem = "FOREM",
        /// A competence centre (centre de compétence).
        CompetenceCentre = "COMPETENCE_CENTRE",
        /// A centre of advanced technologies (CTA), attached to a school.
        Cta = "CTA",
        /// A body of socio-professional insertion (CISP, EFT, OISP).
        InsertionBody = "INSERTION_BODY",
        /// A company.
        Company = "COMPANY",
        /// A public body (commune, CPAS, intercommunal, public hospital).
        PublicBody = "PUBLIC_BODY",
        /// An association (ASBL).
        Association = "ASSOCIATION",
    }
}

/// An organisation that publishes offers.
#[derive(Debug, Clone, PartialEq)]
pub struct Operator {
    pub id: OperatorId,
    pub code: OperatorCode,
    pub name: String,
    pub kind: OperatorKind,
    pub description: String,
    pub website: Option<WebsiteUrl>,
    pub email: Option<Email>,
    pub phone: Option<PhoneNumber>,
    /// Invented data from the demo seed set, not a real organisation.
    pub is_demo: bool,
    pub updated_at: DateTime<Utc>,
    /// Raised by one on every update: a write naming an older version is refused.
    pub version: i64,
}

/// A postal address in Belgium.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// Street and number.
    pub street: String,
    pub postcode: Postcode,
    pub locality: String,
}

/// A place where an operator receives people; every offer sits at one.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub id: SiteId,
    pub operator_id: OperatorId,
    pub name: String,
    pub address: Address,
    pub location: Point,
    /// Found by point-in-polygon from `location`, never taken from input.
    pub commune_nis: NisCode,
    pub updated_at: DateTime<Utc>,
    /// Raised by one on every update: a write naming an older version is refused.
    pub version: i64,
}

/// Longest operator or site name we accept.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest operator description we accept.
pub const MAX_OPERATOR_DESCRIPTION_CHARS: usize = 5000;
/// Longest street line, locality or website we accept.
const MAX_LINE_CHARS: usize = 300;

/// A rule an operator's or a site's details break. Each names the field.
/// Addresses, numbers and websites are typed values, checked when parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DetailsError {
    #[error("name {0}")]
    Name(crate::plain_text::TextError),
    #[error("description {0}")]
    Description(crate::plain_text::TextError),
    #[error("street {0}")]
    Street(crate::plain_text::TextError),
    #[error("locality {0}")]
    Locality(crate::plain_text::TextError),
}

/// What describes an operator, as a partner or an admin writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct OperatorDetails {
    pub name: String,
    pub kind: OperatorKind,
    pub description: String,
    pub website: Option<WebsiteUrl>,
    pub email: Option<Email>,
    pub phone: Option<PhoneNumber>,
}

impl OperatorDetails {
    /// Checks the rules every operator obeys, whoever writes it; returns
    /// the name and description as they are kept (trimmed).
    fn checked_texts(&self) -> Result<(String, String), DetailsError> {
        let name = single_line(&self.name, MAX_NAME_CHARS).map_err(DetailsError::Name)?;
        let description = multi_line(&self.description, MAX_OPERATOR_DESCRIPTION_CHARS)
            .map_err(DetailsError::Description)?;
        Ok((name, description))
    }

    /// Checks the rules every operator obeys, whoever writes it.
    pub fn validate(&self) -> Result<(), DetailsError> {
        self.checked_texts().map(|_| ())
    }
}

impl Operator {
    /// The operator's editable details.
    pub fn details(&self) -> OperatorDetails {
        OperatorDetails {
            name: self.name.clone(),
            kind: self.kind,
            description: self.description.clone(),
            website: self.website.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
        }
    }

    /// Replaces the editable details, after checking them.
    pub fn set_details(&mut self, details: OperatorDetails) -> Result<(), DetailsError> {
        let (name, description) = details.checked_texts()?;
        self.name = name;
        self.kind = details.kind;
        self.description = description;
        self.website = details.website;
        self.email = details.email;
        self.phone = details.phone;
        Ok(())
    }
}

/// A change to some of an operator's details: `None` leaves a field as it
/// is, `Some(None)` clears an optional one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OperatorPatch {
    pub name: Option<String>,
    pub kind: Option<OperatorKind>,
    pub description: Option<String>,
    pub website: Option<Option<WebsiteUrl>>,
    pub email: Option<Option<Email>>,
    pub phone: Option<Option<PhoneNumber>>,
}

impl OperatorPatch {
    /// Applies the change, then checks every rule: the operator is valid
    /// afterwards or left as it was.
    pub fn apply_to(self, operator: &mut Operator) -> Result<(), DetailsError> {
        let mut details = operator.details();
        if let Some(name) = self.name {
            details.name = name;
        }
        if let Some(kind) = self.kind {
            details.kind = kind;
        }
        if let Some(description) = self.description {
            details.description = description;
        }
        if let Some(website) = self.website {
            details.website = website;
        }
        if let Some(email) = self.email {
            details.email = email;
        }
        if let Some(phone) = self.phone {
            details.phone = phone;
        }
        operator.set_details(details)
    }
}

/// What describes a site, as a partner writes it. Its commune is not here:
/// it is found from the location ([`crate::territory::Territory::place_site`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SiteDetails {
    pub name: String,
    pub address: Address,
    pub location: Point,
}

impl SiteDetails {
    pub fn validate(&self) -> Result<(), DetailsError> {
        single_line(&self.name, MAX_NAME_CHARS).map_err(DetailsError::Name)?;
        single_line(&self.address.street, MAX_LINE_CHARS).map_err(DetailsError::Street)?;
        single_line(&self.address.locality, MAX_LINE_CHARS).map_err(DetailsError::Locality)?;
        Ok(())
    }
}

/// A site ready to be stored: its details checked and its commune found
/// from its location (never taken from input), with the operator's own
/// reference for it; storage gives it its id, version and time.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSite {
    reference: String,
    site: Site,
}

impl NewSite {
    /// Places a new site of an operator.
    pub fn place(
        operator_id: OperatorId,
        reference: &str,
        details: SiteDetails,
        territory: &crate::territory::Territory,
    ) -> Result<Self, crate::rejection::Rejection> {
        let reference = single_line(reference, crate::offer::MAX_OWN_REFERENCE_CHARS)
            .map_err(|e| crate::rejection::Rejection::new("reference", e))?;
        details.validate()?;
        let commune = territory.place_site(details.location, &details.address.postcode)?;
        let site = Site {
            id: SiteId(0),
            operator_id,
            name: details.name.trim().to_owned(),
            address: Address {
                street: details.address.street.trim().to_owned(),
                postcode: details.address.postcode,
                locality: details.address.locality.trim().to_owned(),
            },
            location: details.location,
            commune_nis: commune.nis.clone(),
            updated_at: DateTime::UNIX_EPOCH,
            version: 1,
        };
        Ok(Self { reference, site })
    }

    /// The operator's own reference, unique per operator.
    pub fn reference(&self) -> &str {
        &self.reference
    }

    pub fn operator_id(&self) -> OperatorId {
        self.site.operator_id
    }

    /// The site as it will be stored, once given an id, a version and a time.
    pub fn into_site(self) -> Site {
        self.site
    }
}

/// A change to some of a site's details; moving it moves its commune.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SitePatch {
    pub name: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<Postcode>,
    pub locality: Option<String>,
    pub location: Option<Point>,
}

impl SitePatch {
    /// Applies the change, checks the details and places the site again in
    /// its commune: the site is valid afterwards or left as it was.
    pub fn apply_to(
        self,
        site: &mut Site,
        territory: &crate::territory::Territory,
    ) -> Result<(), crate::rejection::Rejection> {
        let mut details = site.details();
        if let Some(name) = self.name {
            details.name = name.trim().to_owned();
        }
        if let Some(street) = self.street {
            details.address.street = street.trim().to_owned();
        }
        if let Some(locality) = self.locality {
            details.address.locality = locality.trim().to_owned();
        }
        if let Some(postcode) = self.postcode {
            details.address.postcode = postcode;
        }
        if let Some(location) = self.location {
            details.location = location;
        }
        details.validate()?;
        let commune = territory.place_site(details.location, &details.address.postcode)?;
        site.name = details.name;
        site.address = details.address;
        site.location = details.location;
        site.commune_nis = commune.nis.clone();
        Ok(())
    }
}

impl Site {
    pub fn details(&self) -> SiteDetails {
        SiteDetails {
            name: self.name.clone(),
            address: self.address.clone(),
            location: self.location,
        }
    }
}

/// A broken rule, as the field at fault and the rule's message.
impl From<DetailsError> for crate::rejection::Rejection {
    fn from(error: DetailsError) -> Self {
        let field = match &error {
            DetailsError::Name(_) => "name",
            DetailsError::Description(_) => "description",
            DetailsError::Street(_) => "street",
            DetailsError::Locality(_) => "locality",
        };
        crate::rejection::Rejection::new(field, error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_details_name_the_field_at_fault() {
        let mut details = OperatorDetails {
            name: "Institut Saint-Luc".to_owned(),
            kind: OperatorKind::QualifyingSchool,
            description: String::new(),
            website: None,
            email: None,
            phone: None,
        };
        assert_eq!(details.validate(), Ok(()));
        details.description = "Une ligne\navec un \u{0}".to_owned();
        assert!(matches!(
            details.validate(),
            Err(DetailsError::Description(_))
        ));
        details.description = String::new();
        details.name = "  ".to_owned();
        assert!(matches!(details.validate(), Err(DetailsError::Name(_))));
    }
}
