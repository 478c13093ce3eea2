//! Web Mercator projection onto the unit square: the space in which marker
//! clustering measures its radii, because there a radius in screen pixels at a
//! given zoom is the same distance wherever the markers are on the map.

use crate::location::Point;

/// A position in the Web Mercator unit square. `x` is the longitude (0 at
/// 180° W, 1 at 180° E); `y` grows southwards as on a screen (0 at about
/// 85.05° N, 1 at about 85.05° S).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Projected {
    pub x: f64,
    pub y: f64,
}

/// Projects a WGS84 point. Latitudes beyond ±85.05° (where Mercator runs off
/// to infinity) are pinned to the top or bottom edge of the square.
pub(super) fn project(point: Point) -> Projected {
    let sin_lat = point.lat().to_radians().sin();
    let y = 0.5 - ((1.0 + sin_lat) / (1.0 - sin_lat)).ln() / (4.0 * std::f64::consts::PI);
    Projected {
        x: point.lon() / 360.0 + 0.5,
        y: y.clamp(0.0, 1.0),
    }
}

/// The inverse of [`project`]. Positions are first clamped to the unit square,
/// so that rounding in a weighted centroid cannot produce a longitude past
/// ±180°.
pub(super) fn unproject(position: Projected) -> Point {
    let x = position.x.clamp(0.0, 1.0);
    let y = position.y.clamp(0.0, 1.0);
    let lon = (x - 0.5) * 360.0;
    let lat = ((0.5 - y) * 2.0 * std::f64::consts::PI)
        .exp()
        .atan()
        .to_degrees()
        * 2.0
        - 90.0;
    Point::parse(lat, lon).expect(
        "atan keeps the latitude within ±90° and the clamp keeps the longitude within ±180°",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longitude_is_x_and_north_is_up() {
        let greenwich_equator = project(Point::parse(0.0, 0.0).unwrap());
        assert_eq!(greenwich_equator, Projected { x: 0.5, y: 0.5 });

        let tournai = project(Point::parse(50.6071, 3.3893).unwrap());
        assert!((tournai.x - (0.5 + 3.3893 / 360.0)).abs() < 1e-15);
        assert!(tournai.y < 0.5, "north of the equator is above the middle");
    }

    #[test]
    fn unproject_inverts_project() {
        for (lat, lon) in [
            (50.6071, 3.3893),
            (-33.9, 151.2),
            (0.0, -180.0),
            (85.0, 180.0),
        ] {
            let back = unproject(project(Point::parse(lat, lon).unwrap()));
            assert!(
                (back.lat() - lat).abs() < 1e-9,
                "{lat} came back as {}",
                back.lat()
            );
            assert!(
                (back.lon() - lon).abs() < 1e-9,
                "{lon} came back as {}",
                back.lon()
            );
        }
    }

    #[test]
    fn poles_are_pinned_to_the_edges_of_the_square() {
        assert_eq!(project(Point::parse(90.0, 0.0).unwrap()).y, 0.0);
        assert_eq!(project(Point::parse(-90.0, 0.0).unwrap()).y, 1.0);
        let top = unproject(Projected { x: 0.5, y: -0.1 });
        assert!((85.0..85.1).contains(&top.lat()), "{}", top.lat());
    }
}
