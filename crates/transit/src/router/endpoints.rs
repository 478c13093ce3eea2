//! Where a journey starts and ends: the stops one can walk to from the
//! origin (access), from which one can walk to the destination (egress), and
//! the walk straight from one to the other when it is short enough.

use std::collections::HashMap;

use super::Place;
use crate::coordinate::Coordinate;
use crate::error::QueryError;
use crate::model::StopIdx;
use crate::timetable::Timetable;

/// A walk between a place and a stop; `seconds` is 0 for a stop of the place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Link {
    pub stop: StopIdx,
    pub seconds: u32,
    pub meters: f64,
    /// For a place that is a stop or station: which of its platforms the
    /// walk starts (access) or ends (egress) at.
    pub platform: Option<StopIdx>,
}

/// A place resolved against the timetable.
#[derive(Debug, Clone)]
pub(crate) struct Endpoint {
    pub point: Option<Coordinate>,
    /// The platforms of a stop place, empty for a point.
    pub platforms: Vec<StopIdx>,
    pub links: Vec<Link>,
}

/// A walk from origin to destination without any vehicle; a `None` end is
/// the place's point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DirectWalk {
    pub from: Option<StopIdx>,
    pub to: Option<StopIdx>,
    pub seconds: u32,
    pub meters: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Origin,
    Destination,
}

impl Timetable {
    /// Resolves a place: its stops and the walks to (origin) or from
    /// (destination) the stops around it.
    pub(crate) fn endpoint(&self, place: &Place, side: Side) -> Result<Endpoint, QueryError> {
        match place {
            Place::Point(point) => {
                if !self.covers(*point) {
                    return Err(QueryError::OutsideFeeds(*point));
                }
                Ok(Endpoint {
                    point: Some(*point),
                    platforms: Vec::new(),
                    links: self.walks_around(*point),
                })
            }
            Place::Stop(id) => {
                let platforms = self.platforms_of(id)?;
                let mut best: HashMap<StopIdx, Link> = HashMap::new();
                for &platform in &platforms {
                    let zero = Link {
                        stop: platform,
                        seconds: 0,
                        meters: 0.0,
                        platform: Some(platform),
                    };
                    best.insert(platform, zero);
                }
                for &platform in &platforms {
                    let paths = match side {
                        Side::Origin => self.footpaths_out.of(platform),
                        Side::Destination => self.footpaths_in.of(platform),
                    };
                    for path in paths {
                        let link = Link {
                            stop: path.stop,
                            seconds: path.seconds,
                            meters: f64::from(path.meters),
                            platform: Some(platform),
                        };
                        let entry = best.entry(path.stop).or_insert(link);
                        if link.seconds < entry.seconds {
                            *entry = link;
                        }
                    }
                }
                let mut links: Vec<Link> = best.into_values().collect();
                links.sort_by_key(|l| (l.seconds, l.stop));
                Ok(Endpoint {
                    point: None,
                    platforms,
                    links,
                })
            }
        }
    }

    /// Walks of at most `max_walk_meters` between a point and the stops;
    /// where there is none, the walks to the nearest stops within
    /// `max_fallback_walk_meters` (the nearest, and those at most a
    /// footpath farther).
    pub(crate) fn walks_around(&self, point: Coordinate) -> Vec<Link> {
        let settings = &self.settings;
        let link = |stop: StopIdx| {
            let straight = self.stops[stop as usize].location.distance_meters(point);
            let meters = settings.walking_meters(straight);
            Link {
                stop,
                seconds: settings.walking_seconds(meters),
                meters,
                platform: None,
            }
        };
        let straight_limit = settings.max_walk_meters / settings.walking_detour_factor;
        let mut links: Vec<Link> = self
            .tree
            .within(point, straight_limit)
            .map(link)
            .filter(|l| l.meters <= settings.max_walk_meters)
            .collect();
        if links.is_empty() {
            let nearest = self.tree.nearest(point).next().map(link);
            if let Some(nearest) = nearest.filter(|l| l.meters <= settings.max_fallback_walk_meters)
            {
                let reach = (nearest.meters + settings.footpath_max_meters)
                    .min(settings.max_fallback_walk_meters);
                links = self
                    .tree
                    .within(point, reach / settings.walking_detour_factor)
                    .map(link)
                    .filter(|l| l.meters <= reach)
                    .collect();
            }
        }
        links.sort_by_key(|l| (l.seconds, l.stop));
        links
    }

    /// The walk straight from origin to destination, when there is one: a
    /// footpath between two stop places, or at most `max_walk_meters` when
    /// either is a point. Refuses the same place at both ends.
    pub(crate) fn direct_walk(
        &self,
        from: &Endpoint,
        to: &Endpoint,
    ) -> Result<Option<DirectWalk>, QueryError> {
        if from.platforms.iter().any(|p| to.platforms.contains(p)) {
            return Err(QueryError::SamePlace);
        }
        let walk = match (from.point, to.point) {
            (Some(a), Some(b)) => {
                let meters = self.settings.walking_meters(a.distance_meters(b));
                if meters < 1.0 {
                    return Err(QueryError::SamePlace);
                }
                (meters <= self.settings.max_walk_meters).then(|| DirectWalk {
                    from: None,
                    to: None,
                    seconds: self.settings.walking_seconds(meters),
                    meters,
                })
            }
            // To a stop place: the origin's walks that end at one of its platforms.
            (_, None) => from
                .links
                .iter()
                .filter(|l| to.platforms.contains(&l.stop))
                .min_by_key(|l| l.seconds)
                .map(|l| DirectWalk {
                    from: l.platform,
                    to: Some(l.stop),
                    seconds: l.seconds,
                    meters: l.meters,
                }),
            // From a stop place to a point: the destination's walks from a platform.
            (None, Some(_)) => to
                .links
                .iter()
                .filter(|l| from.platforms.contains(&l.stop))
                .min_by_key(|l| l.seconds)
                .map(|l| DirectWalk {
                    from: Some(l.stop),
                    to: None,
                    seconds: l.seconds,
                    meters: l.meters,
                }),
        };
        Ok(walk)
    }
}
