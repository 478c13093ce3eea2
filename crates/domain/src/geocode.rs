//! Offline geocoding: what a person typed ("7500", "Froyennes",
//! "mont de l enclus", "Tournai 7500") becomes ranked places of Wallonie
//! picarde, found among the communes and postal localities of the
//! [`Territory`] alone. No external service is called, so a search costs a
//! linear scan over about 210 places and never fails for lack of network.
//!
//! A query is folded like every other search text ([`fold`]: no accents, no
//! case), and hyphens, apostrophes and spaces all become one separator, so
//! "mont de l enclus" is "Mont-de-l'Enclus". A word of four digits that is a
//! valid postcode is read as the postcode; the other words form the name.
//!
//! # Scores and ordering rule
//!
//! Candidates are sorted by score, highest first, then by label (compared
//! without accents or case). A score is how well the name matches times how
//! well the place fits the postcode typed, if any.
//!
//! How well the name matches:
//! - exactly: 1.0;
//! - as a prefix of at least three letters: from 0.6 to just under 0.9,
//!   growing with the share of the name typed;
//! - with typos (Damerau distance, at most one edit for names of five to
//!   seven letters and two from eight letters): 0.4 for one edit, 0.3 for two.
//!
//! How well the place fits:
//! - with no postcode typed, a locality bearing its commune's name (Tournai
//!   in Tournai) keeps 0.95 of its score: the commune and its homonymous
//!   locality both come back, the commune first, because a bare commune
//!   name most likely means the whole commune;
//! - with a postcode typed, a locality with that postcode keeps its score, a
//!   commune having that postcode keeps 0.95 (the locality is the more
//!   precise answer to "7500 Tournai"), and any other place keeps a quarter
//!   of what it would score without the postcode: it is still offered, since
//!   postcodes get misremembered, but after every place that fits.
//!
//! These factors never let a prefix overtake an exact match, nor a typo a
//! prefix, among places that fit the postcode equally well.
//!
//! A postcode alone finds its localities: the one bearing its commune's name,
//! or the only one of its postcode, scores 1.0; the others 0.9.

use std::collections::{HashMap, HashSet};

use crate::codes::{NisCode, Postcode};
use crate::location::Point;
use crate::territory::{Commune, PostalLocality, Territory};
use crate::text::{MAX_QUERY_CHARS, fold};

const EXACT_SCORE: f64 = 1.0;
const PREFIX_BASE_SCORE: f64 = 0.6;
const PREFIX_SPAN_SCORE: f64 = 0.3;
const FUZZY_BASE_SCORE: f64 = 0.5;
const FUZZY_SCORE_PER_EDIT: f64 = 0.1;
/// Score of a postcode's localities other than its leading one.
const OTHER_LOCALITY_OF_POSTCODE_SCORE: f64 = 0.9;
/// Share kept by a locality bearing its commune's name, with no postcode typed.
const HOMONYMOUS_LOCALITY_FACTOR: f64 = 0.95;
/// Share kept by a commune that has the typed postcode.
const COMMUNE_OF_TYPED_POSTCODE_FACTOR: f64 = 0.95;
/// Share kept by a place that does not have the typed postcode. It keeps
/// such places below the lowest fitting score (a two-edit typo on a commune
/// having the postcode, 0.285).
const OUTSIDE_TYPED_POSTCODE_FACTOR: f64 = 0.25;

/// Fewer letters than this are too ambiguous to match as a prefix.
const MIN_PREFIX_LETTERS: usize = 3;
/// Names shorter than this must be typed exactly: one edit away from "Ath"
/// or "Ogy" is too much of the word.
const MIN_FUZZY_LETTERS: usize = 5;
/// From this length on, two edits are forgiven instead of one.
const TWO_EDITS_FROM_LETTERS: usize = 8;

/// What kind of place a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A whole commune, located at its main locality, where its people are
    /// (`Commune::town_point`).
    Commune,
    /// A postal locality (a section of a commune), located at its own point.
    Locality,
}

/// One answer to a geocoding query.
#[derive(Debug, Clone, PartialEq)]
pub struct GeocodeCandidate {
    /// What to show: "Froyennes (7503 Tournai)", "Péruwelz (commune)",
    /// "7500 Tournai" (a locality bearing its commune's name).
    pub label: String,
    pub kind: PlaceKind,
    /// The commune or locality name as officially written, with accents.
    pub name: String,
    /// The locality's point, or the commune's main locality's point
    /// (`Commune::town_point`): usable as the place of a journey.
    pub location: Point,
    pub commune_nis: NisCode,
    pub commune_name: String,
    /// The locality's postcode; `None` for a commune, which may have several.
    pub postcode: Option<Postcode>,
    /// From 0 to 1, higher is better; see the module documentation.
    pub score: f64,
}

/// Finds places of the territory from what a person typed. Built once,
/// immutable, shareable between threads.
///
/// ```
/// use domain::codes::{NisCode, Postcode};
/// use domain::geocode::{Geocoder, PlaceKind};
/// use domain::location::Point;
/// use domain::territory::{Commune, PostalLocality, Territory, parse_boundary};
///
/// let square = parse_boundary(
///     r#"{"type":"Polygon","coordinates":[[[3.3,50.5],[3.5,50.5],[3.5,50.7],[3.3,50.7],[3.3,50.5]]]}"#,
/// )
/// .unwrap();
/// let froyennes = PostalLocality {
///     postcode: Postcode::parse("7503").unwrap(),
///     name: "Froyennes".to_owned(),
///     location: Point::parse(50.62, 3.36).unwrap(),
/// };
/// let tournai = Commune::new(
///     NisCode::parse("57081").unwrap(),
///     "Tournai".to_owned(),
///     Some("Doornik".to_owned()),
///     square,
///     vec![froyennes],
/// )
/// .unwrap();
/// let geocoder = Geocoder::new(&Territory::new(vec![tournai]));
///
/// let found = geocoder.search("froyenes", 5);
/// assert_eq!(found[0].label, "Froyennes (7503 Tournai)");
/// assert_eq!(found[0].kind, PlaceKind::Locality);
/// assert_eq!(geocoder.search("Doornik", 5)[0].label, "Tournai (commune)");
/// assert!(geocoder.search("7000", 5).is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct Geocoder {
    places: Vec<Place>,
}

/// A searchable place, with everything a search needs computed up front.
#[derive(Debug, Clone)]
struct Place {
    /// The answer to give, with a score of zero.
    candidate: GeocodeCandidate,
    /// The label without accents or case, to break score ties.
    sort_label: String,
    /// The names it answers to: a commune's French and Dutch names, a
    /// locality's name.
    names: Vec<SearchKey>,
    /// A commune's postcodes, or a locality's one.
    postcodes: Vec<Postcode>,
    /// A locality bearing its commune's name.
    bears_commune_name: bool,
    /// The locality a bare postcode most likely means: the one bearing its
    /// commune's name, or the only one with that postcode.
    leads_its_postcode: bool,
}

/// A name folded for comparison: words without accents or case, separated
/// by single spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SearchKey {
    text: String,
    chars: Vec<char>,
    letters: usize,
}

impl SearchKey {
    fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let text = words.into_iter().collect::<Vec<_>>().join(" ");
        let chars: Vec<char> = text.chars().collect();
        let letters = chars.iter().filter(|c| **c != ' ').count();
        Self {
            text,
            chars,
            letters,
        }
    }

    fn new(name: &str) -> Self {
        Self::from_words(words(&fold(name)))
    }
}

/// Hyphens, apostrophes, spaces and any other punctuation all separate words.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl Geocoder {
    /// Indexes the communes of the territory and their postal localities. A
    /// locality listed twice with the same postcode and name is kept once.
    pub fn new(territory: &Territory) -> Self {
        let mut seen = HashSet::new();
        let mut localities: Vec<(&Commune, &PostalLocality)> = Vec::new();
        for commune in territory.communes() {
            for locality in &commune.localities {
                let key = (
                    locality.postcode.clone(),
                    SearchKey::new(&locality.name).text,
                );
                if seen.insert(key) {
                    localities.push((commune, locality));
                }
            }
        }
        let mut localities_per_postcode: HashMap<&Postcode, usize> = HashMap::new();
        for (_, locality) in &localities {
            *localities_per_postcode
                .entry(&locality.postcode)
                .or_default() += 1;
        }

        let mut places: Vec<Place> = territory.communes().iter().map(commune_place).collect();
        places.extend(localities.into_iter().map(|(commune, locality)| {
            let only_one = localities_per_postcode[&locality.postcode] == 1;
            locality_place(commune, locality, only_one)
        }));
        Self { places }
    }

    /// Ranked candidates for what a person typed, best first, at most
    /// `limit`. An empty query, a query longer than [`MAX_QUERY_CHARS`] or a
    /// limit of zero finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<GeocodeCandidate> {
        if limit == 0 {
            return Vec::new();
        }
        let Some(query) = Query::parse(query) else {
            return Vec::new();
        };
        let mut scored: Vec<(&Place, f64)> = self
            .places
            .iter()
            .filter_map(|place| place.score(&query).map(|score| (place, score)))
            .collect();
        scored.sort_by(|(a, a_score), (b, b_score)| {
            b_score
                .total_cmp(a_score)
                .then_with(|| a.sort_label.cmp(&b.sort_label))
                .then_with(|| a.candidate.label.cmp(&b.candidate.label))
        });
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(place, score)| GeocodeCandidate {
                score,
                ..place.candidate.clone()
            })
            .collect()
    }
}

fn commune_place(commune: &Commune) -> Place {
    let label = format!("{} (commune)", commune.name_fr);
    let mut names = vec![SearchKey::new(&commune.name_fr)];
    names.extend(commune.name_nl.as_deref().map(SearchKey::new));
    Place {
        sort_label: fold(&label),
        candidate: GeocodeCandidate {
            label,
            kind: PlaceKind::Commune,
            name: commune.name_fr.clone(),
            location: commune.town_point(),
            commune_nis: commune.nis.clone(),
            commune_name: commune.name_fr.clone(),
            postcode: None,
            score: 0.0,
        },
        names,
        postcodes: commune.postcodes().into_iter().cloned().collect(),
        bears_commune_name: false,
        leads_its_postcode: false,
    }
}

fn locality_place(
    commune: &Commune,
    locality: &PostalLocality,
    only_one_of_postcode: bool,
) -> Place {
    let key = SearchKey::new(&locality.name);
    let bears_commune_name = key == SearchKey::new(&commune.name_fr);
    // bpost capitalises every word ("Mont-De-L'enclus"); the commune's own
    // spelling is the official one when the two are the same name.
    let name = if bears_commune_name {
        commune.name_fr.clone()
    } else {
        locality.name.clone()
    };
    let label = if bears_commune_name {
        format!("{} {name}", locality.postcode)
    } else {
        format!("{name} ({} {})", locality.postcode, commune.name_fr)
    };
    Place {
        sort_label: fold(&label),
        candidate: GeocodeCandidate {
            label,
            kind: PlaceKind::Locality,
            name,
            location: locality.location,
            commune_nis: commune.nis.clone(),
            commune_name: commune.name_fr.clone(),
            postcode: Some(locality.postcode.clone()),
            score: 0.0,
        },
        names: vec![key],
        postcodes: vec![locality.postcode.clone()],
        bears_commune_name,
        leads_its_postcode: bears_commune_name || only_one_of_postcode,
    }
}

/// What a person typed, split into a postcode and a name; at least one of
/// them is present.
#[derive(Debug)]
struct Query {
    postcode: Option<Postcode>,
    name: Option<SearchKey>,
}

impl Query {
    fn parse(raw: &str) -> Option<Self> {
        if raw.chars().count() > MAX_QUERY_CHARS {
            return None;
        }
        let folded = fold(raw);
        let mut postcode = None;
        let mut name_words = Vec::new();
        for word in words(&folded) {
            let looks_like_postcode = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
            if postcode.is_none()
                && looks_like_postcode
                && let Ok(parsed) = Postcode::parse(word)
            {
                postcode = Some(parsed);
                continue;
            }
            name_words.push(word);
        }
        let name = (!name_words.is_empty()).then(|| SearchKey::from_words(name_words));
        (postcode.is_some() || name.is_some()).then_some(Self { postcode, name })
    }
}

impl Place {
    fn score(&self, query: &Query) -> Option<f64> {
        match (&query.postcode, &query.name) {
            (typed, Some(name)) => {
                let name_score = self
                    .names
                    .iter()
                    .filter_map(|own| name_score(name, own))
                    .max_by(f64::total_cmp)?;
                Some(name_score * self.postcode_fit(typed.as_ref()))
            }
            (Some(typed), None) => self.postcode_score(typed),
            (None, None) => None,
        }
    }

    fn postcode_score(&self, typed: &Postcode) -> Option<f64> {
        let is_locality_of_postcode =
            self.candidate.kind == PlaceKind::Locality && self.postcodes.contains(typed);
        is_locality_of_postcode.then_some(if self.leads_its_postcode {
            EXACT_SCORE
        } else {
            OTHER_LOCALITY_OF_POSTCODE_SCORE
        })
    }

    fn postcode_fit(&self, typed: Option<&Postcode>) -> f64 {
        let without_postcode = if self.bears_commune_name {
            HOMONYMOUS_LOCALITY_FACTOR
        } else {
            1.0
        };
        match typed {
            None => without_postcode,
            Some(typed) if !self.postcodes.contains(typed) => {
                without_postcode * OUTSIDE_TYPED_POSTCODE_FACTOR
            }
            Some(_) if self.candidate.kind == PlaceKind::Commune => {
                COMMUNE_OF_TYPED_POSTCODE_FACTOR
            }
            Some(_) => 1.0,
        }
    }
}

/// How well a typed name matches one of a place's names, if at all.
fn name_score(typed: &SearchKey, own: &SearchKey) -> Option<f64> {
    if typed.text == own.text {
        return Some(EXACT_SCORE);
    }
    if typed.letters >= MIN_PREFIX_LETTERS && own.text.starts_with(&typed.text) {
        let share_typed = typed.letters as f64 / own.letters as f64;
        return Some(PREFIX_BASE_SCORE + PREFIX_SPAN_SCORE * share_typed);
    }
    // The shorter of the two decides, so that a short query cannot reach a
    // long name through the long name's larger allowance.
    let max_edits = match typed.letters.min(own.letters) {
        n if n >= TWO_EDITS_FROM_LETTERS => 2,
        n if n >= MIN_FUZZY_LETTERS => 1,
        _ => return None,
    };
    let edits = bounded_edit_distance(&typed.chars, &own.chars, max_edits)?;
    Some(FUZZY_BASE_SCORE - FUZZY_SCORE_PER_EDIT * edits as f64)
}

/// The Damerau distance between two strings (insertions, deletions,
/// substitutions and swaps of two neighbours, each one edit; in its "optimal
/// string alignment" form, which never edits a substring twice), or `None`
/// when it exceeds `max_edits`. Gives up as soon as a whole row of the table
/// exceeds the bound, since no later cell can come back under it.
fn bounded_edit_distance(a: &[char], b: &[char], max_edits: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max_edits {
        return None;
    }
    let mut before_previous = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let substitution = usize::from(a[i - 1] != b[j - 1]);
            let mut distance = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                distance = distance.min(before_previous[j - 2] + 1);
            }
            current[j] = distance;
            row_min = row_min.min(distance);
        }
        if row_min > max_edits {
            return None;
        }
        std::mem::swap(&mut before_previous, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    (distance <= max_edits).then_some(distance)
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::OnceLock;

    use super::*;
    use crate::territory::parse_boundary;

    /// The real communes and postal localities (copies in `seeds/`).
    fn real_territory() -> &'static Territory {
        static TERRITORY: OnceLock<Territory> = OnceLock::new();
        TERRITORY.get_or_init(|| {
            let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
            let csv = std::fs::read_to_string(seeds.join("postal-localities.csv")).unwrap();
            let mut localities: HashMap<String, Vec<PostalLocality>> = HashMap::new();
            for line in csv.lines().skip(1) {
                let fields: Vec<&str> = line.split(',').collect();
                let [postcode, name, nis, _commune, lat, lon] = fields[..] else {
                    panic!("unexpected row {line:?}");
                };
                localities
                    .entry(nis.to_owned())
                    .or_default()
                    .push(PostalLocality {
                        postcode: Postcode::parse(postcode).unwrap(),
                        name: name.to_owned(),
                        location: Point::parse(lat.parse().unwrap(), lon.parse().unwrap()).unwrap(),
                    });
            }
            let geojson = std::fs::read_to_string(seeds.join("communes.geojson")).unwrap();
            let collection: serde_json::Value = serde_json::from_str(&geojson).unwrap();
            let communes = collection["features"]
                .as_array()
                .unwrap()
                .iter()
                .map(|feature| {
                    let properties = &feature["properties"];
                    let nis = properties["nis"].as_str().unwrap();
                    let geometry = serde_json::to_string(&feature["geometry"]).unwrap();
                    Commune::new(
                        NisCode::parse(nis).unwrap(),
                        properties["name"].as_str().unwrap().to_owned(),
                        properties["name_nl"].as_str().map(str::to_owned),
                        parse_boundary(&geometry).unwrap(),
                        localities.remove(nis).unwrap_or_default(),
                    )
                    .unwrap()
                })
                .collect();
            assert!(localities.is_empty(), "localities without a commune");
            Territory::new(communes)
        })
    }

    fn real_geocoder() -> &'static Geocoder {
        static GEOCODER: OnceLock<Geocoder> = OnceLock::new();
        GEOCODER.get_or_init(|| Geocoder::new(real_territory()))
    }

    fn search(query: &str) -> Vec<GeocodeCandidate> {
        real_geocoder().search(query, 10)
    }

    /// The labels and scores found for `query` on the real data.
    fn check(query: &str, expected: &[(&str, f64)]) {
        let found: Vec<(String, f64)> = search(query)
            .into_iter()
            .map(|c| (c.label, (c.score * 1000.0).round() / 1000.0))
            .collect();
        let expected: Vec<(String, f64)> = expected
            .iter()
            .map(|(l, s)| ((*l).to_owned(), *s))
            .collect();
        assert_eq!(found, expected, "query {query:?}");
    }

    fn first(query: &str) -> GeocodeCandidate {
        search(query)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing for {query:?}"))
    }

    #[test]
    fn a_postcode_finds_its_localities_the_one_named_after_the_commune_first() {
        check(
            "7500",
            &[
                ("7500 Tournai", 1.0),
                ("Ere (7500 Tournai)", 0.9),
                ("Saint-Maur (7500 Tournai)", 0.9),
            ],
        );
        let tournai = first("7500");
        assert_eq!(tournai.kind, PlaceKind::Locality);
        assert_eq!(tournai.name, "Tournai");
        assert_eq!(tournai.commune_nis.as_str(), "57081");
        assert_eq!(tournai.postcode, Some(Postcode::parse("7500").unwrap()));
    }

    #[test]
    fn the_only_locality_of_a_postcode_is_a_sure_match() {
        check("7503", &[("Froyennes (7503 Tournai)", 1.0)]);
    }

    #[test]
    fn a_postcode_with_spaces_around_is_understood() {
        assert_eq!(search("  7500 \t"), search("7500"));
    }

    #[test]
    fn an_unknown_or_malformed_postcode_finds_nothing() {
        for query in ["1000", "0750", "75000", "750"] {
            assert!(search(query).is_empty(), "{query:?}");
        }
    }

    #[test]
    fn names_match_without_accents_or_case() {
        check(
            "Peruwelz",
            &[("Péruwelz (commune)", 1.0), ("7600 Péruwelz", 0.95)],
        );
        assert_eq!(search("PÉRUWELZ"), search("peruwelz"));
    }

    #[test]
    fn hyphens_apostrophes_and_spaces_are_the_same_separator() {
        check(
            "mont de l enclus",
            &[
                ("Mont-de-l'Enclus (commune)", 1.0),
                ("7750 Mont-de-l'Enclus", 0.95),
            ],
        );
        assert_eq!(search("Mont-de-l’Enclus"), search("mont de l enclus"));
        assert_eq!(search("mont--de l'enclus"), search("mont de l enclus"));
    }

    #[test]
    fn a_locality_named_like_its_commune_takes_the_commune_s_spelling() {
        // bpost writes "Mont-De-L'enclus".
        let locality = first("7750");
        assert_eq!(locality.name, "Mont-de-l'Enclus");
        assert_eq!(locality.label, "7750 Mont-de-l'Enclus");
    }

    #[test]
    fn comines_finds_the_locality_before_the_commune_comines_warneton() {
        let found = search("comines");
        let labels: Vec<&str> = found.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Comines (7780 Comines-Warneton)",
                "Comines-Warneton (commune)",
                "7780 Comines-Warneton",
            ]
        );
        assert_eq!(found[0].kind, PlaceKind::Locality);
        assert_eq!(found[0].score, 1.0);
        assert_eq!(found[1].kind, PlaceKind::Commune);
    }

    #[test]
    fn a_section_is_found_in_its_commune() {
        let froyennes = first("Froyennes");
        assert_eq!(froyennes.label, "Froyennes (7503 Tournai)");
        assert_eq!(froyennes.kind, PlaceKind::Locality);
        assert_eq!(froyennes.commune_nis.as_str(), "57081");
        assert_eq!(froyennes.commune_name, "Tournai");
        assert_eq!(froyennes.score, 1.0);
    }

    #[test]
    fn dutch_commune_names_find_the_commune() {
        for (dutch, french) in [
            ("Edingen", "Enghien"),
            ("Moeskroen", "Mouscron"),
            ("komen-waasten", "Comines-Warneton"),
            ("Vloesberg", "Flobecq"),
        ] {
            let commune = first(dutch);
            assert_eq!(commune.kind, PlaceKind::Commune, "{dutch}");
            assert_eq!(commune.name, french);
            assert_eq!(commune.score, 1.0);
        }
    }

    #[test]
    fn three_letters_or_more_match_as_a_prefix() {
        let tournai = first("tourn");
        assert_eq!(tournai.label, "Tournai (commune)");
        assert!((0.6..0.9).contains(&tournai.score), "{}", tournai.score);
        assert_eq!(first("Leuze").name, "Leuze-en-Hainaut");
        assert_eq!(first("mont de").name, "Mont-de-l'Enclus");
        assert!(search("to").is_empty());
    }

    #[test]
    fn a_longer_prefix_scores_higher() {
        assert!(first("tourna").score > first("tourn").score);
    }

    #[test]
    fn a_one_letter_typo_in_a_name_of_five_letters_or_more_is_forgiven() {
        check(
            "Peruwels",
            &[("Péruwelz (commune)", 0.4), ("7600 Péruwelz", 0.38)],
        );
        assert_eq!(first("Tornai").name, "Tournai");
        assert_eq!(first("Tuornai").name, "Tournai"); // swapped letters
        assert_eq!(first("Froyenes").name, "Froyennes");
    }

    #[test]
    fn too_many_typos_or_a_typo_in_a_short_name_find_nothing() {
        assert!(search("Tornia").is_empty()); // two edits in seven letters
        assert!(search("Kian").is_empty()); // Kain has four letters
        assert!(search("Pirowels").is_empty()); // three edits
    }

    #[test]
    fn a_postcode_and_a_name_rank_the_matching_locality_first() {
        let expected = [("7500 Tournai", 1.0), ("Tournai (commune)", 0.95)];
        check("7500 Tournai", &expected);
        check("Tournai 7500", &expected);
        check("tournai, 7500", &expected);
        check("7500 Ere", &[("Ere (7500 Tournai)", 1.0)]);
    }

    #[test]
    fn a_place_outside_the_typed_postcode_comes_after_those_inside() {
        check(
            "7540 Tournai",
            &[("Tournai (commune)", 0.95), ("7500 Tournai", 0.238)],
        );
        // Kain is 7540: a misremembered postcode still finds it.
        check("7500 Kain", &[("Kain (7540 Tournai)", 0.25)]);
        // Outside the postcode, places keep the order they have without it.
        let labels: Vec<String> = search("7500 Mouscron")
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert_eq!(labels, ["Mouscron (commune)", "7700 Mouscron"]);
    }

    #[test]
    fn exact_beats_prefix_beats_typo() {
        let peruwelz = |query: &str| {
            search(query)
                .into_iter()
                .find(|c| c.label == "Péruwelz (commune)")
                .unwrap()
                .score
        };
        let (exact, prefix, typo) = (
            peruwelz("Péruwelz"),
            peruwelz("Péruwel"),
            peruwelz("Peruwels"),
        );
        assert!(exact > prefix && prefix > typo, "{exact} {prefix} {typo}");
        // Even the homonymous locality's exact match beats the best prefix.
        assert!(search("Péruwelz")[1].score > first("Péruwel").score);
    }

    #[test]
    fn a_commune_comes_before_its_homonymous_locality() {
        let found = search("Tournai");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, PlaceKind::Commune);
        assert_eq!(found[0].label, "Tournai (commune)");
        assert_eq!(found[0].score, 1.0);
        let tournai = real_territory().get(&found[0].commune_nis).unwrap();
        assert_eq!(found[0].location, tournai.main_locality().unwrap().location);
        assert_eq!(found[1].kind, PlaceKind::Locality);
        assert_eq!(found[1].label, "7500 Tournai");
        assert_eq!(found[1].score, HOMONYMOUS_LOCALITY_FACTOR);
    }

    #[test]
    fn empty_queries_and_a_zero_limit_find_nothing() {
        for query in ["", "   ", "\t\n", " - ' "] {
            assert!(search(query).is_empty(), "{query:?}");
        }
        assert!(real_geocoder().search("Tournai", 0).is_empty());
        let overlong = format!("Tournai{}", " ".repeat(MAX_QUERY_CHARS));
        assert!(search(&overlong).is_empty());
    }

    #[test]
    fn the_limit_keeps_the_best_candidates() {
        let all = real_geocoder().search("7522", 10);
        assert_eq!(all.len(), 4);
        assert_eq!(real_geocoder().search("7522", 2), all[..2]);
    }

    #[test]
    fn ties_are_ordered_by_label_without_accents() {
        let found = real_geocoder().search("7730", 10);
        let labels: Vec<&str> = found.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "7730 Estaimpuis",
                "Bailleul (7730 Estaimpuis)",
                "Estaimbourg (7730 Estaimpuis)",
                "Evregnies (7730 Estaimpuis)",
                "Leers-Nord (7730 Estaimpuis)",
                "Néchin (7730 Estaimpuis)",
                "Saint-Léger (7730 Estaimpuis)",
            ]
        );
    }

    /// A commune with a locality listed twice, as a hand-edited file could.
    fn territory_with_a_duplicated_locality() -> Territory {
        let square = parse_boundary(
            r#"{"type":"Polygon","coordinates":[[[3.3,50.5],[3.5,50.5],[3.5,50.7],[3.3,50.7],[3.3,50.5]]]}"#,
        )
        .unwrap();
        let locality = |name: &str| PostalLocality {
            postcode: Postcode::parse("7540").unwrap(),
            name: name.to_owned(),
            location: Point::parse(50.6, 3.4).unwrap(),
        };
        let commune = Commune::new(
            NisCode::parse("57081").unwrap(),
            "Tournai".to_owned(),
            None,
            square,
            vec![locality("Kain"), locality("KAIN"), locality("Kain")],
        )
        .unwrap();
        Territory::new(vec![commune])
    }

    #[test]
    fn results_never_repeat_a_place() {
        let geocoder = Geocoder::new(&territory_with_a_duplicated_locality());
        assert_eq!(geocoder.search("kain", 10).len(), 1);
        assert_eq!(geocoder.search("7540", 10).len(), 1);

        let geocoder = real_geocoder();
        for query in ["7500", "7780", "comines", "tournai", "fra", "leuze", "7911"] {
            let found = geocoder.search(query, 100);
            let mut places: Vec<_> = found
                .iter()
                .map(|c| {
                    (
                        c.kind == PlaceKind::Commune,
                        c.name.clone(),
                        c.postcode.clone(),
                    )
                })
                .collect();
            places.sort();
            places.dedup();
            assert_eq!(places.len(), found.len(), "{query:?}");
        }
    }

    #[test]
    fn every_candidate_lies_inside_its_commune() {
        let territory = real_territory();
        let mut queries: Vec<String> = Vec::new();
        for commune in territory.communes() {
            queries.push(commune.name_fr.clone());
            queries.extend(commune.name_nl.clone());
            for locality in &commune.localities {
                queries.push(locality.postcode.to_string());
                queries.push(locality.name.clone());
            }
        }
        let mut places = HashSet::new();
        for query in &queries {
            for candidate in real_geocoder().search(query, 100) {
                let commune = territory.get(&candidate.commune_nis).unwrap();
                assert!(
                    commune.contains(candidate.location),
                    "{} is outside {}",
                    candidate.label,
                    commune.name_fr
                );
                places.insert(candidate.label);
            }
        }
        // Every commune and every locality was checked.
        assert_eq!(places.len(), 23 + 186);
    }

    #[test]
    fn a_commune_whose_centroid_falls_outside_is_located_inside_it() {
        let enghien = first("Enghien");
        let commune = real_territory().get(&enghien.commune_nis).unwrap();
        assert_eq!(enghien.kind, PlaceKind::Commune);
        assert!(!commune.contains(commune.centroid));
        assert!(commune.contains(enghien.location));
    }

    #[test]
    fn every_commune_stands_at_its_main_locality() {
        for commune in real_territory().communes() {
            let main = commune
                .main_locality()
                .unwrap_or_else(|| panic!("{} has no main locality", commune.name_fr));
            assert_eq!(commune.town_point(), main.location, "{}", commune.name_fr);
            let candidate = first(&commune.name_fr);
            assert_eq!(candidate.kind, PlaceKind::Commune);
            assert_eq!(candidate.location, main.location, "{}", commune.name_fr);
        }
    }

    #[test]
    fn the_geocoder_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Geocoder>();
    }

    #[test]
    fn edit_distance_counts_a_swap_of_neighbours_as_one_edit() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let distance = |a: &str, b: &str, max| bounded_edit_distance(&chars(a), &chars(b), max);
        assert_eq!(distance("tournai", "tournai", 2), Some(0));
        assert_eq!(distance("tuornai", "tournai", 2), Some(1));
        assert_eq!(distance("tornai", "tournai", 2), Some(1));
        assert_eq!(distance("tournaii", "tournai", 2), Some(1));
        assert_eq!(distance("tornia", "tournai", 2), Some(2));
        assert_eq!(distance("tornia", "tournai", 1), None);
        assert_eq!(distance("ath", "tournai", 2), None);
        assert_eq!(distance("", "ab", 2), Some(2));
    }
}
