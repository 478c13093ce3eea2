//! GraphQL enums, mirrors of the domain's coded enums (same variants, same
//! SCREAMING_CASE codes). `remote` makes the compiler check that both sides
//! keep the same variants.

use async_graphql::Enum;

/// The four kinds of offer.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::offer::OfferKind")]
pub enum OfferKind {
    /// A training session (school, adult education, vocational training).
    Training,
    /// An internship place (stage) in a company or organisation.
    Internship,
    /// A job vacancy.
    Job,
    /// A trade-discovery activity: essai métier, company visit, workshop, open day.
    Discovery,
}

/// Where an offer is in its editorial life. The public only ever sees PUBLISHED offers.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::offer::OfferStatus")]
pub enum OfferStatus {
    /// Being written; visible only to its operator and admins.
    Draft,
    /// Visible to everyone.
    Published,
    /// Kept for history and indicators; no longer shown.
    Archived,
}

/// Whether an offer takes people now (LHEO's "état du recrutement").
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::offer::RecruitmentState")]
pub enum RecruitmentState {
    /// Applications are welcome.
    Open,
    /// Full or finished recruiting.
    Closed,
    /// Temporarily not recruiting.
    Suspended,
}

/// A target public, as the IBEFE's poles name them.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::audience::Audience")]
pub enum Audience {
    /// Pupils of the 2nd to 4th degrees of technical and vocational secondary education, full time.
    SecondaryQualifying,
    /// Pupils in alternance (CEFA): school and workplace.
    SecondaryAlternance,
    /// Pupils of special education (enseignement spécialisé).
    SpecialEducation,
    /// Students of social promotion (adult education).
    SocialPromotion,
    /// Learners of IFAPME or SFPME.
    IfapmeLearners,
    /// Job seekers registered with the public employment services.
    JobSeekers,
    /// Pupils of the 5th and 6th primary years.
    PrimaryUpper,
    /// Pupils of the first degree of secondary education.
    SecondaryFirstDegree,
    /// Teachers and trainers.
    TeachersTrainers,
    /// Adults with few qualifications, little schooling or literacy needs.
    LowQualifiedAdults,
}

/// What kind of organisation an operator is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::operator::OperatorKind")]
pub enum OperatorKind {
    /// A secondary school of qualifying education (including its CEFA).
    QualifyingSchool,
    /// An institution of social promotion (adult education).
    SocialPromotion,
    /// A training centre of IFAPME.
    Ifapme,
    /// Le Forem, the Walloon public employment and training service.
    Forem,
    /// A competence centre (centre de compétence).
    CompetenceCentre,
    /// A centre of advanced technologies (CTA).
    Cta,
    /// A body of socio-professional insertion (CISP, EFT, OISP).
    InsertionBody,
    /// A company.
    Company,
    /// A public body (commune, CPAS, intercommunal, public hospital).
    PublicBody,
    /// An association (ASBL).
    Association,
}

/// Whether a pole gathers one sector or works across sectors.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::pole::PoleKind")]
pub enum PoleKind {
    /// Built around a sector, a professional field or a trade.
    Sectoral,
    /// Works across sectors.
    Transversal,
}

/// How a training is organised.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::offer::TrainingModality")]
pub enum TrainingModality {
    /// Full-time, on site.
    FullTime,
    /// Alternating school or centre and workplace.
    Alternance,
    /// Evening or weekend classes.
    Evening,
    /// Partly on site, partly at a distance.
    Blended,
    /// At a distance.
    Distance,
}

/// The contract a job offers.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::offer::ContractType")]
pub enum ContractType {
    /// Open-ended (CDI).
    Permanent,
    /// Fixed-term (CDD).
    FixedTerm,
    /// Temporary work (intérim).
    Temporary,
    /// Apprenticeship or alternance contract.
    Apprenticeship,
    /// Student job.
    Student,
}

/// Full or part time.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::offer::WorkingTime")]
pub enum WorkingTime {
    /// Full time.
    FullTime,
    /// Part time.
    PartTime,
}

/// The form of a trade-discovery activity.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::offer::DiscoveryFormat")]
pub enum DiscoveryFormat {
    /// An "essai métier": trying the trade's gestures in a workshop.
    TradeTrial,
    /// A visit of a company at work.
    CompanyVisit,
    /// A workshop or interactive game in class.
    Workshop,
    /// An open day of a school or training centre.
    OpenDay,
}

/// How a list of offers is sorted.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
#[graphql(remote = "domain::catalog::OfferOrder")]
pub enum OfferOrder {
    /// Soonest start first; offers without a start date last.
    #[default]
    StartDate,
    /// Most recently updated first.
    UpdatedAt,
    /// Nearest to `filter.near.point` first (requires `filter.near`).
    Distance,
    /// Quickest to reach by public transport first (requires `filter.reachable`).
    TravelTime,
}

/// A day of the week.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "chrono::Weekday")]
pub enum Weekday {
    /// Monday (lundi).
    #[graphql(name = "MONDAY")]
    Mon,
    /// Tuesday (mardi).
    #[graphql(name = "TUESDAY")]
    Tue,
    /// Wednesday (mercredi).
    #[graphql(name = "WEDNESDAY")]
    Wed,
    /// Thursday (jeudi).
    #[graphql(name = "THURSDAY")]
    Thu,
    /// Friday (vendredi).
    #[graphql(name = "FRIDAY")]
    Fri,
    /// Saturday (samedi).
    #[graphql(name = "SATURDAY")]
    Sat,
    /// Sunday (dimanche).
    #[graphql(name = "SUNDAY")]
    Sun,
}

/// The state an equipment item is in.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::equipment::EquipmentCondition")]
pub enum EquipmentCondition {
    /// New, or as new.
    New,
    /// In good working order.
    Good,
    /// Works, with wear that a user should know of.
    Worn,
    /// Does not work at the moment; it cannot be used or shared.
    OutOfService,
}

/// Whether an equipment item is still in the inventory.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::equipment::EquipmentStatus")]
pub enum EquipmentStatus {
    /// In the inventory.
    Active,
    /// Gone (sold, scrapped): kept for history, shown only to its owner.
    Retired,
}

/// How a list of equipment is sorted.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
#[graphql(remote = "domain::catalog::EquipmentOrder")]
pub enum EquipmentOrder {
    /// By category label, then name.
    #[default]
    Category,
    /// Most recently updated first.
    UpdatedAt,
    /// Nearest to `filter.near.point` first (requires `filter.near`).
    Distance,
    /// Quickest to reach by public transport first (requires `filter.reachable`).
    TravelTime,
}
