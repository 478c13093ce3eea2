//! Operators (schools, training centres, companies…) and their sites.

use chrono::{DateTime, Utc};

use crate::coded_enum::coded_enum;
use crate::codes::{NisCode, OperatorCode, Postcode};
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
}
