//! The columns of an inventory spreadsheet, as the import reads them and
//! the export writes them: one list, so that an exported file imports
//! again. The first name of each column is the header the export writes;
//! the others are the words members' own files use for it (compared
//! folded: accents, case, spaces and remarks in brackets ignored).

use domain::equipment::EquipmentCondition;
use domain::text::fold;
use sheets::{ExpectedColumn, HeaderSpec};

/// One column of an inventory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InventoryColumn {
    Reference,
    Name,
    Category,
    Brand,
    Model,
    Quantity,
    Condition,
    YearAcquired,
    Site,
    Trades,
    Competences,
    Refrigerant,
    Shareable,
    SupervisionRequired,
    Prerequisite,
    MaxGroupSize,
    CostPerHalfDay,
    NoticeDays,
    Public,
    Notes,
}

impl InventoryColumn {
    /// Every column, in the order the export writes them.
    pub const ALL: [InventoryColumn; 20] = [
        InventoryColumn::Reference,
        InventoryColumn::Name,
        InventoryColumn::Category,
        InventoryColumn::Brand,
        InventoryColumn::Model,
        InventoryColumn::Quantity,
        InventoryColumn::Condition,
        InventoryColumn::YearAcquired,
        InventoryColumn::Site,
        InventoryColumn::Trades,
        InventoryColumn::Competences,
        InventoryColumn::Refrigerant,
        InventoryColumn::Shareable,
        InventoryColumn::SupervisionRequired,
        InventoryColumn::Prerequisite,
        InventoryColumn::MaxGroupSize,
        InventoryColumn::CostPerHalfDay,
        InventoryColumn::NoticeDays,
        InventoryColumn::Public,
        InventoryColumn::Notes,
    ];

    /// The header the export writes, then the synonyms the import reads.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            InventoryColumn::Reference => &[
                "Référence inventaire",
                "Référence",
                "Réf.",
                "N° inventaire",
                "Numéro d'inventaire",
                "Code inventaire",
                "N° d'inventaire",
                "Inventaire",
            ],
            InventoryColumn::Name => &[
                "Désignation",
                "Nom",
                "Équipement",
                "Libellé",
                "Matériel",
                "Description",
            ],
            InventoryColumn::Category => &[
                "Catégorie",
                "Type d'équipement",
                "Type",
                "Famille",
                "Code catégorie",
            ],
            InventoryColumn::Brand => &["Marque", "Fabricant", "Constructeur"],
            InventoryColumn::Model => &["Modèle", "Référence fabricant", "Type / modèle"],
            InventoryColumn::Quantity => &["Quantité", "Qté", "Nombre", "Nb", "Nbre"],
            InventoryColumn::Condition => &["État", "Condition", "État général"],
            InventoryColumn::YearAcquired => &[
                "Année d'acquisition",
                "Année",
                "Année d'achat",
                "Date d'acquisition",
                "Date d'achat",
                "Acquis en",
            ],
            InventoryColumn::Site => &["Site", "Implantation", "Lieu", "Bâtiment"],
            InventoryColumn::Trades => {
                &["Métiers", "Métier", "Filières", "Filière", "Codes métiers"]
            }
            InventoryColumn::Competences => {
                &["Compétences", "Codes compétences", "Unités de compétence"]
            }
            InventoryColumn::Refrigerant => &[
                "Fluide frigorigène",
                "Fluide",
                "Réfrigérant",
                "Gaz frigorigène",
            ],
            InventoryColumn::Shareable => &[
                "Mutualisable",
                "Partageable",
                "Mutualisation",
                "Prêt possible",
            ],
            InventoryColumn::SupervisionRequired => &[
                "Encadrement requis",
                "Encadrement",
                "Supervision",
                "Accompagnement requis",
            ],
            InventoryColumn::Prerequisite => &[
                "Prérequis",
                "Formation préalable",
                "Prérequis formateur",
                "Qualification requise",
            ],
            InventoryColumn::MaxGroupSize => &[
                "Groupe max.",
                "Taille max. du groupe",
                "Taille du groupe",
                "Nombre max. de participants",
                "Participants max.",
                "Max participants",
            ],
            InventoryColumn::CostPerHalfDay => &[
                "Coût par demi-jour (€)",
                "Coût par demi-jour",
                "Coût demi-journée",
                "Tarif demi-journée",
                "Prix demi-journée",
                "Coût",
                "Tarif",
            ],
            InventoryColumn::NoticeDays => &[
                "Délai de prévenance (jours)",
                "Délai de prévenance",
                "Préavis",
                "Délai",
                "Préavis (jours)",
            ],
            InventoryColumn::Public => &["Public", "Visible", "Visible publiquement", "Publié"],
            InventoryColumn::Notes => &[
                "Remarques",
                "Commentaires",
                "Observations",
                "Notes",
                "Remarque",
            ],
        }
    }

    /// The header the export writes.
    pub fn header(self) -> &'static str {
        self.names()[0]
    }
}

/// What the import looks for: a name and a category at least.
pub fn header_spec() -> HeaderSpec<InventoryColumn> {
    HeaderSpec::new(
        InventoryColumn::ALL
            .iter()
            .map(|&column| {
                let expected = ExpectedColumn::new(column, column.names());
                match column {
                    InventoryColumn::Name | InventoryColumn::Category => expected.required(),
                    _ => expected,
                }
            })
            .collect(),
    )
    .min_matches(2)
}

/// A condition as inventories write it: the code, or the French word.
pub fn read_condition(written: &str) -> Option<EquipmentCondition> {
    if let Ok(condition) = written.trim().parse() {
        return Some(condition);
    }
    let folded = fold(written);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        ["neuf"] | ["neuve"] | ["new"] | ["comme", "neuf"] | ["etat", "neuf"] => {
            Some(EquipmentCondition::New)
        }
        ["bon"]
        | ["bon", "etat"]
        | ["bonne"]
        | ["tres", "bon"]
        | ["tres", "bon", "etat"]
        | ["ok"]
        | ["good"]
        | ["correct"]
        | ["fonctionnel"] => Some(EquipmentCondition::Good),
        ["use"]
        | ["usee"]
        | ["usage"]
        | ["usagee"]
        | ["moyen"]
        | ["etat", "moyen"]
        | ["worn"]
        | ["vetuste"]
        | ["a", "renouveler"] => Some(EquipmentCondition::Worn),
        ["hs"]
        | ["hors", "service"]
        | ["hors", "d", "usage"]
        | ["en", "panne"]
        | ["panne"]
        | ["defectueux"]
        | ["a", "reparer"]
        | ["out", "of", "service"] => Some(EquipmentCondition::OutOfService),
        _ => None,
    }
}

/// The French word the export writes for a condition (read back above).
pub fn condition_label(condition: EquipmentCondition) -> &'static str {
    match condition {
        EquipmentCondition::New => "Neuf",
        EquipmentCondition::Good => "Bon état",
        EquipmentCondition::Worn => "Usé",
        EquipmentCondition::OutOfService => "Hors service",
    }
}

/// What a condition cell may say, for reports.
pub const CONDITION_EXPECTED: &str =
    "Neuf, Bon état, Usé or Hors service (or NEW, GOOD, WORN, OUT_OF_SERVICE)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_read_back_what_the_export_writes() {
        for condition in EquipmentCondition::ALL {
            assert_eq!(
                read_condition(condition_label(*condition)),
                Some(*condition)
            );
            assert_eq!(read_condition(condition.code()), Some(*condition));
        }
        assert_eq!(
            read_condition(" HS "),
            Some(EquipmentCondition::OutOfService)
        );
        assert_eq!(
            read_condition("Très bon état"),
            Some(EquipmentCondition::Good)
        );
        assert_eq!(read_condition("usagé"), Some(EquipmentCondition::Worn));
        assert_eq!(read_condition("moyennement"), None);
    }

    #[test]
    fn every_column_has_a_distinct_header() {
        let mut folded: Vec<String> = InventoryColumn::ALL
            .iter()
            .flat_map(|c| c.names().iter().map(|n| fold(n)))
            .collect();
        let count = folded.len();
        folded.sort();
        folded.dedup();
        assert_eq!(folded.len(), count, "a synonym names two columns");
    }
}
