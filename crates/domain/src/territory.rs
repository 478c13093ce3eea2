//! The communes of Wallonie picarde and the question "which commune is this
//! point in?", answered by point-in-polygon on their real boundaries.

use geo::{BoundingRect, Centroid, Contains, MultiPolygon, Rect};

use crate::codes::{NisCode, Postcode};
use crate::location::{LocationError, Point};

/// A postal locality (a section of a commune, as bpost names it) with a
/// representative point.
#[derive(Debug, Clone, PartialEq)]
pub struct PostalLocality {
    pub postcode: Postcode,
    pub name: String,
    pub location: Point,
}

/// A commune with its official names and real boundary.
#[derive(Debug, Clone)]
pub struct Commune {
    pub nis: NisCode,
    pub name_fr: String,
    /// The Dutch name where it is official (communes with language facilities).
    pub name_nl: Option<String>,
    pub localities: Vec<PostalLocality>,
    /// WGS84; `x` is the longitude.
    pub boundary: MultiPolygon<f64>,
    pub centroid: Point,
    bounds: Rect<f64>,
}

/// Reads a boundary from RFC 7946 GeoJSON geometry text: a Polygon or a
/// MultiPolygon in WGS84 `[lon, lat]` order.
pub fn parse_boundary(geojson_text: &str) -> Result<MultiPolygon<f64>, String> {
    let geometry: geojson::Geometry = geojson_text
        .parse()
        .map_err(|e| format!("not GeoJSON: {e}"))?;
    match &geometry.value {
        geojson::GeometryValue::MultiPolygon { .. } => {
            MultiPolygon::try_from(geometry).map_err(|e| e.to_string())
        }
        geojson::GeometryValue::Polygon { .. } => geo::Polygon::try_from(geometry)
            .map(|polygon| MultiPolygon::new(vec![polygon]))
            .map_err(|e| e.to_string()),
        _ => Err("a boundary must be a Polygon or a MultiPolygon".to_owned()),
    }
}

/// Writes a boundary as RFC 7946 GeoJSON geometry (`[lon, lat]`, WGS84).
pub fn boundary_geojson(boundary: &MultiPolygon<f64>) -> geojson::Geometry {
    geojson::Geometry::from(boundary)
}

/// Why a commune could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CommuneError {
    #[error("commune {0}: the boundary is empty")]
    EmptyBoundary(NisCode),
    #[error("commune {nis}: {source}")]
    Location { nis: NisCode, source: LocationError },
}

impl Commune {
    pub fn new(
        nis: NisCode,
        name_fr: String,
        name_nl: Option<String>,
        boundary: MultiPolygon<f64>,
        localities: Vec<PostalLocality>,
    ) -> Result<Self, CommuneError> {
        let (Some(centroid), Some(bounds)) = (boundary.centroid(), boundary.bounding_rect()) else {
            return Err(CommuneError::EmptyBoundary(nis));
        };
        let centroid = Point::from_geo(centroid).map_err(|source| CommuneError::Location {
            nis: nis.clone(),
            source,
        })?;
        Ok(Self {
            nis,
            name_fr,
            name_nl,
            localities,
            boundary,
            centroid,
            bounds,
        })
    }

    /// The distinct postcodes of the commune, in ascending order.
    pub fn postcodes(&self) -> Vec<&Postcode> {
        let mut postcodes: Vec<&Postcode> = self.localities.iter().map(|l| &l.postcode).collect();
        postcodes.sort();
        postcodes.dedup();
        postcodes
    }

    /// The commune's main locality, its chef-lieu: the postal locality
    /// bearing the commune's name (bpost names one so in each of the 23
    /// communes: "7800 Ath", "7860 Lessines", "7910 Frasnes-lez-Anvaing").
    pub fn main_locality(&self) -> Option<&PostalLocality> {
        let name = crate::text::fold(&self.name_fr);
        self.localities
            .iter()
            .find(|locality| crate::text::fold(&locality.name) == name)
    }

    /// Where the commune's people are, for a journey "from Ath" or a pin
    /// for "Ath": its main locality's point. A merged Belgian commune's
    /// centroid lies in fields, often farther than a walk from any stop;
    /// the centroid stays for drawing the commune on a map. A commune
    /// without a main locality stands at its centroid, or at a point inside
    /// it when its shape puts the centroid outside (Enghien's does).
    pub fn town_point(&self) -> Point {
        if let Some(locality) = self.main_locality() {
            return locality.location;
        }
        if self.contains(self.centroid) {
            return self.centroid;
        }
        geo::InteriorPoint::interior_point(&self.boundary)
            .and_then(|p| Point::from_geo(p).ok())
            .unwrap_or(self.centroid)
    }

    /// Whether the point lies inside the boundary. The cheap bounding-box test
    /// first skips most communes.
    pub fn contains(&self, point: Point) -> bool {
        let geo_point = point.to_geo();
        self.bounds.contains(&geo_point) && self.boundary.contains(&geo_point)
    }
}

/// All the communes the service knows.
#[derive(Debug, Clone, Default)]
pub struct Territory {
    communes: Vec<Commune>,
}

impl Territory {
    /// Builds the territory; communes are kept in NIS order.
    pub fn new(mut communes: Vec<Commune>) -> Self {
        communes.sort_by(|a, b| a.nis.cmp(&b.nis));
        Self { communes }
    }

    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    pub fn get(&self, nis: &NisCode) -> Option<&Commune> {
        self.communes
            .binary_search_by(|c| c.nis.cmp(nis))
            .ok()
            .map(|i| &self.communes[i])
    }

    /// The commune whose boundary contains the point, if any. Boundaries do
    /// not overlap, so the first match is the only one.
    pub fn commune_at(&self, point: Point) -> Option<&Commune> {
        self.communes.iter().find(|c| c.contains(point))
    }

    /// The commune a site at `location` belongs to. The site's commune is
    /// never taken from input: it is where the point lies, and the postcode
    /// of its address must be one used in that commune, which catches a
    /// point placed in the wrong village (or with latitude and longitude
    /// swapped) before the public is sent there.
    pub fn place_site(
        &self,
        location: Point,
        postcode: &Postcode,
    ) -> Result<&Commune, SitePlacementError> {
        let commune = self
            .commune_at(location)
            .ok_or(SitePlacementError::OutsideTerritory { location })?;
        if !commune.postcodes().contains(&postcode) {
            return Err(SitePlacementError::PostcodeElsewhere {
                location,
                commune: commune.name_fr.clone(),
                postcode: postcode.clone(),
            });
        }
        Ok(commune)
    }
}

/// Why a site cannot be placed where its input says.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SitePlacementError {
    #[error(
        "{location} is outside every commune of Wallonie picarde; check the point, and that latitude and longitude are not swapped"
    )]
    OutsideTerritory { location: Point },
    #[error("{location} lies in {commune}, where postcode {postcode} is not used")]
    PostcodeElsewhere {
        location: Point,
        commune: String,
        postcode: Postcode,
    },
}

/// A broken rule, as the field at fault and the rule's message.
impl From<SitePlacementError> for crate::rejection::Rejection {
    fn from(error: SitePlacementError) -> Self {
        crate::rejection::Rejection::new("location", error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    fn square_commune(nis: &str, min_lon: f64, min_lat: f64) -> Commune {
        let square = polygon![
            (x: min_lon, y: min_lat),
            (x: min_lon + 0.1, y: min_lat),
            (x: min_lon + 0.1, y: min_lat + 0.1),
            (x: min_lon, y: min_lat + 0.1),
        ];
        Commune::new(
            NisCode::parse(nis).unwrap(),
            format!("Commune {nis}"),
            None,
            MultiPolygon::new(vec![square]),
            vec![],
        )
        .unwrap()
    }

    #[test]
    fn commune_at_finds_the_commune_containing_the_point() {
        let territory = Territory::new(vec![
            square_commune("57081", 3.3, 50.5),
            square_commune("54007", 3.2, 50.7),
        ]);
        let in_first = Point::parse(50.55, 3.35).unwrap();
        let in_second = Point::parse(50.75, 3.25).unwrap();
        let nowhere = Point::parse(50.65, 3.0).unwrap();
        assert_eq!(
            territory.commune_at(in_first).unwrap().nis.as_str(),
            "57081"
        );
        assert_eq!(
            territory.commune_at(in_second).unwrap().nis.as_str(),
            "54007"
        );
        assert!(territory.commune_at(nowhere).is_none());
    }

    #[test]
    fn swapped_coordinates_do_not_land_in_the_commune() {
        let territory = Territory::new(vec![square_commune("57081", 3.3, 50.5)]);
        // (lat 3.35, lon 50.55) is in the Indian Ocean, not in Tournai.
        let swapped = Point::parse(3.35, 50.55).unwrap();
        assert!(territory.commune_at(swapped).is_none());
    }

    #[test]
    fn boundaries_round_trip_through_geojson_in_lon_lat_order() {
        let commune = square_commune("57081", 3.3, 50.5);
        let geometry = boundary_geojson(&commune.boundary);
        let text = geometry.to_string();
        assert!(
            text.starts_with(r#"{"type":"MultiPolygon","coordinates":[[[[3.3,50.5]"#),
            "{text}"
        );
        assert_eq!(parse_boundary(&text).unwrap(), commune.boundary);
        assert!(parse_boundary(r#"{"type":"Point","coordinates":[3.3,50.5]}"#).is_err());
    }

    #[test]
    fn centroid_is_inside_a_square() {
        let commune = square_commune("57081", 3.3, 50.5);
        assert!((commune.centroid.lat() - 50.55).abs() < 1e-9);
        assert!((commune.centroid.lon() - 3.35).abs() < 1e-9);
    }
}
