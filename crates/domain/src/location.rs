//! Coordinates. Everything is WGS84 (EPSG:4326) in decimal degrees; latitude
//! and longitude are always named, never positional, so they cannot be
//! swapped silently.

use std::fmt;

use geo::{Distance, Haversine};

/// An error for a coordinate that cannot be a place on Earth or is not where
/// the service works.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LocationError {
    #[error("latitude must be a finite number between -90 and 90, got {0}")]
    LatitudeOutOfRange(f64),
    #[error("longitude must be a finite number between -180 and 180, got {0}")]
    LongitudeOutOfRange(f64),
    #[error("minLat must not be greater than maxLat ({min_lat} > {max_lat})")]
    InvertedLatitudes { min_lat: f64, max_lat: f64 },
    #[error("minLon must not be greater than maxLon ({min_lon} > {max_lon})")]
    InvertedLongitudes { min_lon: f64, max_lon: f64 },
}

/// A latitude in degrees, north positive, within [-90, 90].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Latitude(f64);

impl Latitude {
    pub fn parse(degrees: f64) -> Result<Self, LocationError> {
        if degrees.is_finite() && (-90.0..=90.0).contains(&degrees) {
            Ok(Self(degrees))
        } else {
            Err(LocationError::LatitudeOutOfRange(degrees))
        }
    }

    pub fn degrees(self) -> f64 {
        self.0
    }
}

/// A longitude in degrees, east positive, within [-180, 180].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Longitude(f64);

impl Longitude {
    pub fn parse(degrees: f64) -> Result<Self, LocationError> {
        if degrees.is_finite() && (-180.0..=180.0).contains(&degrees) {
            Ok(Self(degrees))
        } else {
            Err(LocationError::LongitudeOutOfRange(degrees))
        }
    }

    pub fn degrees(self) -> f64 {
        self.0
    }
}

/// A WGS84 point.
///
/// ```
/// use domain::location::Point;
/// let tournai = Point::parse(50.6071, 3.3893).unwrap();
/// assert_eq!(tournai.lat(), 50.6071);
/// assert_eq!(tournai.to_geo().x(), 3.3893); // geo's x is the longitude
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub latitude: Latitude,
    pub longitude: Longitude,
}

impl Point {
    /// Parses a point from named latitude and longitude in degrees.
    pub fn parse(lat: f64, lon: f64) -> Result<Self, LocationError> {
        Ok(Self {
            latitude: Latitude::parse(lat)?,
            longitude: Longitude::parse(lon)?,
        })
    }

    pub fn lat(self) -> f64 {
        self.latitude.degrees()
    }

    pub fn lon(self) -> f64 {
        self.longitude.degrees()
    }

    /// The `geo` point, whose `x` is the longitude and `y` the latitude.
    pub fn to_geo(self) -> geo::Point<f64> {
        geo::Point::new(self.lon(), self.lat())
    }

    /// Converts from a `geo` point (`x` = longitude, `y` = latitude).
    pub fn from_geo(point: geo::Point<f64>) -> Result<Self, LocationError> {
        Self::parse(point.y(), point.x())
    }

    /// Great-circle distance in metres (Haversine, mean Earth radius).
    pub fn distance_meters(self, other: Point) -> f64 {
        Haversine.distance(self.to_geo(), other.to_geo())
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lat {:.6}, lon {:.6}", self.lat(), self.lon())
    }
}

/// A rectangle on the map in WGS84 degrees, for map viewports and the
/// service area. It does not cross the antimeridian (Wallonie picarde is far
/// from it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    pub min_lat: Latitude,
    pub min_lon: Longitude,
    pub max_lat: Latitude,
    pub max_lon: Longitude,
}

impl BoundingBox {
    pub fn parse(
        min_lon: f64,
        min_lat: f64,
        max_lon: f64,
        max_lat: f64,
    ) -> Result<Self, LocationError> {
        let bbox = Self {
            min_lat: Latitude::parse(min_lat)?,
            min_lon: Longitude::parse(min_lon)?,
            max_lat: Latitude::parse(max_lat)?,
            max_lon: Longitude::parse(max_lon)?,
        };
        if min_lat > max_lat {
            return Err(LocationError::InvertedLatitudes { min_lat, max_lat });
        }
        if min_lon > max_lon {
            return Err(LocationError::InvertedLongitudes { min_lon, max_lon });
        }
        Ok(bbox)
    }

    pub fn contains(&self, point: Point) -> bool {
        (self.min_lat.degrees()..=self.max_lat.degrees()).contains(&point.lat())
            && (self.min_lon.degrees()..=self.max_lon.degrees()).contains(&point.lon())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latitude_and_longitude_are_range_checked() {
        assert!(Point::parse(91.0, 3.0).is_err());
        assert!(Point::parse(50.0, 181.0).is_err());
        assert!(Point::parse(f64::NAN, 3.0).is_err());
        assert_eq!(
            Point::parse(50.0, -200.0),
            Err(LocationError::LongitudeOutOfRange(-200.0))
        );
    }

    #[test]
    fn distance_between_tournai_and_mouscron_stations_is_about_nineteen_km() {
        let tournai = Point::parse(50.613_349, 3.396_739).unwrap();
        let mouscron = Point::parse(50.741_12, 3.221_349).unwrap();
        let km = tournai.distance_meters(mouscron) / 1000.0;
        assert!((18.0..19.5).contains(&km), "{km}");
    }

    #[test]
    fn geo_conversion_keeps_lat_and_lon_in_their_places() {
        let point = Point::parse(50.5, 3.7).unwrap();
        let geo_point = point.to_geo();
        assert_eq!((geo_point.x(), geo_point.y()), (3.7, 50.5));
        assert_eq!(Point::from_geo(geo_point).unwrap(), point);
    }

    #[test]
    fn bounding_box_rejects_inverted_corners() {
        assert!(BoundingBox::parse(3.5, 50.7, 3.2, 50.5).is_err());
        let bbox = BoundingBox::parse(3.2, 50.5, 3.5, 50.7).unwrap();
        assert!(bbox.contains(Point::parse(50.6, 3.4).unwrap()));
        assert!(!bbox.contains(Point::parse(50.8, 3.4).unwrap()));
    }
}

/// Where the service's places are: points given to place searches must fall
/// inside, and search radii are capped, so a swapped or mistyped coordinate
/// is refused instead of silently finding nothing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ServiceArea {
    pub bounds: BoundingBox,
    pub max_radius_km: f64,
}

/// A point or radius outside what the service covers.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ServiceAreaError {
    #[error(
        "{point} is outside the service area (lat {min_lat}..{max_lat}, lon {min_lon}..{max_lon}); check that lat and lon are not swapped"
    )]
    OutsideArea {
        point: Point,
        min_lat: f64,
        max_lat: f64,
        min_lon: f64,
        max_lon: f64,
    },
    #[error("must be a number of kilometres greater than 0 and at most {max}, got {got}")]
    Radius { got: f64, max: f64 },
}

impl ServiceArea {
    /// Roughly 10 km, in degrees of latitude, added around the communes.
    const MARGIN_DEGREES: f64 = 0.09;
    pub const DEFAULT_MAX_RADIUS_KM: f64 = 100.0;

    /// The bounding box of the given boundaries plus a margin of about 10 km.
    pub fn around(bounds: geo::Rect<f64>) -> Result<Self, LocationError> {
        let margin = Self::MARGIN_DEGREES;
        Ok(Self {
            bounds: BoundingBox::parse(
                bounds.min().x - margin * 1.6,
                bounds.min().y - margin,
                bounds.max().x + margin * 1.6,
                bounds.max().y + margin,
            )?,
            max_radius_km: Self::DEFAULT_MAX_RADIUS_KM,
        })
    }

    pub fn check_point(&self, point: Point) -> Result<Point, ServiceAreaError> {
        if self.bounds.contains(point) {
            Ok(point)
        } else {
            Err(ServiceAreaError::OutsideArea {
                point,
                min_lat: self.bounds.min_lat.degrees(),
                max_lat: self.bounds.max_lat.degrees(),
                min_lon: self.bounds.min_lon.degrees(),
                max_lon: self.bounds.max_lon.degrees(),
            })
        }
    }

    /// Checks a search radius and returns it in metres.
    pub fn check_radius_km(&self, radius_km: f64) -> Result<f64, ServiceAreaError> {
        if radius_km.is_finite() && radius_km > 0.0 && radius_km <= self.max_radius_km {
            Ok(radius_km * 1000.0)
        } else {
            Err(ServiceAreaError::Radius {
                got: radius_km,
                max: self.max_radius_km,
            })
        }
    }
}
