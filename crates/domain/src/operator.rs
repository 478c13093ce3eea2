//! Operators (schools, training centres, companies…) and their sites.

use chrono::{DateTime, Utc};

use crate::coded_enum::coded_enum;
use crate::codes::{NisCode, OperatorCode, Postcode};
use crate::email::Email;
use crate::location::Point;

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
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DetailsError {
    #[error("name must not be empty and at most {MAX_NAME_CHARS} characters")]
    Name,
    #[error("description must be at most {MAX_OPERATOR_DESCRIPTION_CHARS} characters")]
    Description,
    #[error("website must be an http:// or https:// address of at most 300 characters")]
    Website,
    #[error("email must be an address such as contact@example.be")]
    Email,
    #[error(
        "phone must be a phone number such as +32 69 12 34 56 or 069 12 34 56 (8 to 15 digits)"
    )]
    Phone,
    #[error("street must not be empty and at most 300 characters")]
    Street,
    #[error("locality must not be empty and at most 300 characters")]
    Locality,
}

fn within(text: &str, max_chars: usize) -> bool {
    let chars = text.trim().chars().count();
    chars > 0 && chars <= max_chars
}

/// Checks a public website address: absolute http(s), no spaces.
pub fn check_website(website: &str) -> Result<(), DetailsError> {
    let valid = within(website, MAX_LINE_CHARS)
        && (website.starts_with("https://") || website.starts_with("http://"))
        && website.split_once("://").is_some_and(|(_, rest)| {
            rest.split('/')
                .next()
                .is_some_and(|host| host.contains('.'))
        })
        && !website.chars().any(char::is_whitespace);
    if valid {
        Ok(())
    } else {
        Err(DetailsError::Website)
    }
}

/// Checks a public contact phone number: digits with the usual separators,
/// an optional leading `+`, 8 to 15 digits (E.164's maximum).
pub fn check_phone(phone: &str) -> Result<(), DetailsError> {
    let phone = phone.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " ./-()".contains(c) || (c == '+' && i == 0));
    if allowed && (8..=15).contains(&digits) {
        Ok(())
    } else {
        Err(DetailsError::Phone)
    }
}

/// What describes an operator, as a partner or an admin writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct OperatorDetails {
    pub name: String,
    pub kind: OperatorKind,
    pub description: String,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl OperatorDetails {
    /// Checks the rules every operator obeys, whoever writes it.
    pub fn validate(&self) -> Result<(), DetailsError> {
        if !within(&self.name, MAX_NAME_CHARS) {
            return Err(DetailsError::Name);
        }
        if self.description.chars().count() > MAX_OPERATOR_DESCRIPTION_CHARS {
            return Err(DetailsError::Description);
        }
        if let Some(website) = &self.website {
            check_website(website)?;
        }
        if let Some(email) = &self.email {
            Email::parse(email).map_err(|_| DetailsError::Email)?;
        }
        if let Some(phone) = &self.phone {
            check_phone(phone)?;
        }
        Ok(())
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
        details.validate()?;
        let OperatorDetails {
            name,
            kind,
            description,
            website,
            email,
            phone,
        } = details;
        self.name = name.trim().to_owned();
        self.kind = kind;
        self.description = description;
        self.website = website;
        self.email = email.map(|e| e.trim().to_lowercase());
        self.phone = phone.map(|p| p.trim().to_owned());
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
    pub website: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub phone: Option<Option<String>>,
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
        if !within(&self.name, MAX_NAME_CHARS) {
            return Err(DetailsError::Name);
        }
        if !within(&self.address.street, MAX_LINE_CHARS) {
            return Err(DetailsError::Street);
        }
        if !within(&self.address.locality, MAX_LINE_CHARS) {
            return Err(DetailsError::Locality);
        }
        Ok(())
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
    /// A new site of an operator, placed in the commune its location lies
    /// in (never taken from input); its id, version and time are given when
    /// it is stored.
    pub fn place(
        operator_id: OperatorId,
        details: SiteDetails,
        territory: &crate::territory::Territory,
        now: DateTime<Utc>,
    ) -> Result<Site, crate::rejection::Rejection> {
        details.validate()?;
        let commune = territory.place_site(details.location, &details.address.postcode)?;
        Ok(Site {
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
            updated_at: now,
            version: 1,
        })
    }

    pub fn details(&self) -> SiteDetails {
        SiteDetails {
            name: self.name.clone(),
            address: self.address.clone(),
            location: self.location,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_checked_for_shape_not_invented_digits() {
        for valid in [
            "+32 69 12 34 56",
            "069/12.34.56",
            "0470 12 34 56",
            "(069) 123456",
        ] {
            assert_eq!(check_phone(valid), Ok(()), "{valid}");
        }
        for invalid in [
            "12 34",
            "+32 69 12 34 56 78 90 12 34",
            "069 12 34 5a",
            "32+69123456",
        ] {
            assert_eq!(check_phone(invalid), Err(DetailsError::Phone), "{invalid}");
        }
    }

    #[test]
    fn websites_must_be_absolute_http_addresses() {
        assert_eq!(check_website("https://www.ecole.be/stages"), Ok(()));
        for invalid in [
            "www.ecole.be",
            "ftp://ecole.be",
            "https://localhost",
            "https://a b.be",
        ] {
            assert_eq!(
                check_website(invalid),
                Err(DetailsError::Website),
                "{invalid}"
            );
        }
    }

    #[test]
    fn operator_details_name_the_field_at_fault() {
        let mut details = OperatorDetails {
            name: "Institut Saint-Luc".to_owned(),
            kind: OperatorKind::QualifyingSchool,
            description: String::new(),
            website: None,
            email: Some("not an address".to_owned()),
            phone: None,
        };
        assert_eq!(details.validate(), Err(DetailsError::Email));
        details.email = Some("info@example.be".to_owned());
        assert_eq!(details.validate(), Ok(()));
        details.name = "  ".to_owned();
        assert_eq!(details.validate(), Err(DetailsError::Name));
    }
}
