//! A large, deterministic equipment inventory of 15 columns, shaped like
//! the pole members' spreadsheets (text, numbers, yes/no, dates), for the
//! benchmark and the memory example.

use chrono::NaiveDate;
use sheets::{Cell, SheetToWrite};

const NAMES: [&str; 8] = [
    "Banc d'automatisme",
    "Rack automate programmable",
    "Tour à commande numérique",
    "Cellule robotisée",
    "Banc frigorifique pompe à chaleur",
    "Station de diagnostic VE",
    "Pont élévateur",
    "Tableau d'installation électrique",
];
const CONDITIONS: [&str; 4] = ["neuf", "bon", "usé", "hors service"];
const SITES: [&str; 5] = ["Tournai", "Ath", "Mouscron", "Lessines", "Péruwelz"];

pub const HEADER: [&str; 15] = [
    "Référence",
    "Désignation",
    "Catégorie",
    "Marque",
    "Modèle",
    "Quantité",
    "État",
    "Année d'acquisition",
    "Site",
    "Mutualisable (oui/non)",
    "Conditions",
    "Encadrement requis",
    "Taille max. du groupe",
    "Coût par demi-jour",
    "Date d'inventaire",
];

pub fn inventory(rows: usize) -> SheetToWrite {
    let mut seed = 0x2545_f491_u64;
    let mut next = move |bound: u64| {
        // A linear congruential generator: the same rows on every run.
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % bound
    };
    let first_day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let rows = (0..rows)
        .map(|index| {
            let name = NAMES[next(NAMES.len() as u64) as usize];
            vec![
                Cell::Text(format!("INV-{index:06}")),
                Cell::Text(name.to_owned()),
                Cell::Text(format!("CAT-{:02}", next(24))),
                Cell::Text(format!("Marque {}", next(40))),
                Cell::Text(format!("Modèle {}-{}", next(900), next(90))),
                Cell::Number((1 + next(12)) as f64),
                Cell::Text(CONDITIONS[next(4) as usize].to_owned()),
                Cell::Number((2000 + next(26)) as f64),
                Cell::Text(SITES[next(5) as usize].to_owned()),
                Cell::Bool(next(2) == 0),
                Cell::Text("Sur réservation, formation préalable".to_owned()),
                Cell::Bool(next(3) == 0),
                Cell::Number((4 + next(12)) as f64),
                Cell::Number(next(20_000) as f64 / 100.0),
                Cell::Date(first_day + chrono::Days::new(next(700))),
            ]
        })
        .collect();
    SheetToWrite {
        name: "Inventaire".to_owned(),
        header: HEADER.map(str::to_owned).to_vec(),
        rows,
    }
}
