//! Target publics, as the source document names them.

use crate::coded_enum::coded_enum;

coded_enum! {
    /// A public an offer is meant for.
    pub enum Audience ("audience") {
        /// Pupils of the 2nd to 4th degrees of technical and vocational
        /// secondary education, full time.
        SecondaryQualifying = "SECONDARY_QUALIFYING",
        /// Pupils in alternance (CEFA): school and workplace.
        SecondaryAlternance = "SECONDARY_ALTERNANCE",
        /// Pupils of special education (enseignement spécialisé).
        SpecialEducation = "SPECIAL_EDUCATION",
        /// Students of social promotion (adult education).
        SocialPromotion = "SOCIAL_PROMOTION",
        /// Learners of IFAPME or SFPME (apprenticeship, manager training).
        IfapmeLearners = "IFAPME_LEARNERS",
        /// Job seekers registered with the public employment services.
        JobSeekers = "JOB_SEEKERS",
        /// Pupils of the 5th and 6th primary years (trade discovery).
        PrimaryUpper = "PRIMARY_UPPER",
        /// Pupils of the first degree of secondary education (trade discovery).
        SecondaryFirstDegree = "SECONDARY_FIRST_DEGREE",
        /// Teachers and trainers.
        TeachersTrainers = "TEACHERS_TRAINERS",
        /// Adults with few qualifications, little schooling or literacy needs.
        LowQualifiedAdults = "LOW_QUALIFIED_ADULTS",
    }
}

impl Audience {
    /// The French label shown to people.
    pub fn label_fr(self) -> &'static str {
        match self {
            Audience::SecondaryQualifying => {
                "Élèves des 2e, 3e et 4e degrés du secondaire technique et professionnel"
            }
            Audience::SecondaryAlternance => "Élèves en alternance (CEFA)",
            Audience::SpecialEducation => "Élèves de l'enseignement spécialisé",
            Audience::SocialPromotion => "Étudiants de l'enseignement de promotion sociale",
            Audience::IfapmeLearners => "Apprenants de l'IFAPME ou du SFPME",
            Audience::JobSeekers => "Demandeurs d'emploi",
            Audience::PrimaryUpper => "Élèves de 5e et 6e primaire",
            Audience::SecondaryFirstDegree => "Élèves du 1er degré du secondaire",
            Audience::TeachersTrainers => "Enseignants et formateurs",
            Audience::LowQualifiedAdults => "Adultes peu qualifiés ou peu scolarisés",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_audience_code_parses_back() {
        for &audience in Audience::ALL {
            assert_eq!(audience.code().parse::<Audience>().unwrap(), audience);
        }
        let error = "PUPILS".parse::<Audience>().unwrap_err();
        assert!(error.to_string().contains("JOB_SEEKERS"), "{error}");
    }
}
