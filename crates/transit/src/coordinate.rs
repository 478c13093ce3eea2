//! WGS84 coordinates and distances on the sphere.
//!
//! Latitude and longitude are named, never positional, and checked once when
//! a [`Coordinate`] is made: a function that receives one never re-checks it.

use std::fmt;

/// Mean Earth radius in metres (IUGG), the one the haversine formula uses.
pub(crate) const EARTH_RADIUS_METERS: f64 = 6_371_008.8;

/// A point on Earth in WGS84 decimal degrees.
///
/// ```
/// use transit::Coordinate;
/// let tournai = Coordinate::new(50.6134, 3.3977).unwrap();
/// assert_eq!(tournai.lat(), 50.6134);
/// assert!(Coordinate::new(95.0, 3.0).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coordinate {
    lat: f64,
    lon: f64,
}

/// A latitude or longitude that cannot be on Earth.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoordinateError {
    #[error("latitude must be a finite number between -90 and 90, got {0}")]
    Latitude(f64),
    #[error("longitude must be a finite number between -180 and 180, got {0}")]
    Longitude(f64),
}

impl Coordinate {
    /// Checks the ranges: latitude in [-90, 90], longitude in [-180, 180].
    pub fn new(lat: f64, lon: f64) -> Result<Self, CoordinateError> {
        if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
            return Err(CoordinateError::Latitude(lat));
        }
        if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
            return Err(CoordinateError::Longitude(lon));
        }
        Ok(Self { lat, lon })
    }

    /// Latitude in degrees, north positive.
    pub fn lat(self) -> f64 {
        self.lat
    }

    /// Longitude in degrees, east positive.
    pub fn lon(self) -> f64 {
        self.lon
    }

    /// Great-circle (haversine) distance in metres.
    ///
    /// ```
    /// use transit::Coordinate;
    /// let tournai = Coordinate::new(50.6134, 3.3977).unwrap();
    /// let celles = Coordinate::new(50.7110, 3.4580).unwrap();
    /// let meters = tournai.distance_meters(celles);
    /// assert!((11_000.0..12_500.0).contains(&meters), "{meters}");
    /// ```
    pub fn distance_meters(self, other: Coordinate) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let d_lat = lat2 - lat1;
        let d_lon = (other.lon - self.lon).to_radians();
        let a = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_METERS * a.sqrt().min(1.0).asin()
    }

    /// The point on a sphere of Earth's radius in Cartesian metres. The chord
    /// between two such points grows with their great-circle distance, so an
    /// R-tree over them answers radius and nearest queries exactly, anywhere
    /// on Earth, without a map projection.
    pub(crate) fn to_cartesian(self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [
            EARTH_RADIUS_METERS * lat.cos() * lon.cos(),
            EARTH_RADIUS_METERS * lat.cos() * lon.sin(),
            EARTH_RADIUS_METERS * lat.sin(),
        ]
    }
}

/// The squared chord length in metres² that matches a great-circle distance.
pub(crate) fn chord_squared(distance_meters: f64) -> f64 {
    let angle = (distance_meters / EARTH_RADIUS_METERS).min(std::f64::consts::PI);
    let chord = 2.0 * EARTH_RADIUS_METERS * (angle / 2.0).sin();
    chord * chord
}

impl fmt::Display for Coordinate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(lat {}, lon {})", self.lat, self.lon)
    }
}

/// A rectangle in degrees that holds every stop of a feed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    pub min_lat: f64,
    pub min_lon: f64,
    pub max_lat: f64,
    pub max_lon: f64,
}

impl BoundingBox {
    /// The smallest box around the points, `None` when there are none.
    pub(crate) fn around(points: impl IntoIterator<Item = Coordinate>) -> Option<Self> {
        points.into_iter().fold(None, |acc, p| {
            Some(match acc {
                None => Self {
                    min_lat: p.lat,
                    min_lon: p.lon,
                    max_lat: p.lat,
                    max_lon: p.lon,
                },
                Some(b) => Self {
                    min_lat: b.min_lat.min(p.lat),
                    min_lon: b.min_lon.min(p.lon),
                    max_lat: b.max_lat.max(p.lat),
                    max_lon: b.max_lon.max(p.lon),
                },
            })
        })
    }

    /// Whether the point lies in the box grown by `margin_meters` on every side.
    pub fn contains_with_margin(&self, point: Coordinate, margin_meters: f64) -> bool {
        let margin_lat = (margin_meters / EARTH_RADIUS_METERS).to_degrees();
        // Longitude degrees shrink towards the poles; use the box edge nearest
        // a pole so the margin is never smaller than asked.
        let widest_lat = self.min_lat.abs().max(self.max_lat.abs()).min(89.0);
        let margin_lon = margin_lat / widest_lat.to_radians().cos();
        point.lat >= self.min_lat - margin_lat
            && point.lat <= self.max_lat + margin_lat
            && point.lon >= self.min_lon - margin_lon
            && point.lon <= self.max_lon + margin_lon
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_degree_of_latitude_is_about_111_km() {
        let a = Coordinate::new(50.0, 3.0).unwrap();
        let b = Coordinate::new(51.0, 3.0).unwrap();
        assert!((a.distance_meters(b) - 111_195.0).abs() < 10.0);
    }

    #[test]
    fn chord_order_matches_great_circle_order() {
        let origin = Coordinate::new(50.6, 3.4).unwrap();
        let near = Coordinate::new(50.61, 3.4).unwrap();
        let [x, y, z] = origin.to_cartesian();
        let [a, b, c] = near.to_cartesian();
        let chord2 = (x - a).powi(2) + (y - b).powi(2) + (z - c).powi(2);
        let expected = chord_squared(origin.distance_meters(near));
        assert!((chord2 - expected).abs() / expected < 1e-6);
    }

    #[test]
    fn margin_grows_the_box_by_about_the_distance() {
        let b = BoundingBox::around([Coordinate::new(50.5, 3.3).unwrap()]).unwrap();
        let four_km_north = Coordinate::new(50.5 + 4_000.0 / 111_195.0, 3.3).unwrap();
        let six_km_east = Coordinate::new(50.5, 3.3 + 6_000.0 / 70_700.0).unwrap();
        assert!(b.contains_with_margin(four_km_north, 5_000.0));
        assert!(!b.contains_with_margin(six_km_east, 5_000.0));
    }

    #[test]
    fn out_of_range_coordinates_are_refused() {
        assert!(matches!(
            Coordinate::new(f64::NAN, 0.0),
            Err(CoordinateError::Latitude(_))
        ));
        assert_eq!(
            Coordinate::new(0.0, 180.5),
            Err(CoordinateError::Longitude(180.5))
        );
        assert_eq!(
            Coordinate::new(-90.5, 0.0),
            Err(CoordinateError::Latitude(-90.5))
        );
        assert!(Coordinate::new(-90.0, 180.0).is_ok());
    }
}
