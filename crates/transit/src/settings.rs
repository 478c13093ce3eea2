//! How people walk and change vehicles: the router's tunable assumptions.

/// The assumptions of the router. They are fixed when the [`crate::Timetable`]
/// is built, since footpaths between stops are computed once at import.
///
/// Every distance limit applies to the *walking* distance: the straight-line
/// (great-circle) distance times [`walking_detour_factor`](Self::walking_detour_factor).
#[derive(Debug, Clone, PartialEq)]
pub struct RouterSettings {
    /// Walking speed, km/h. Default 4.5.
    pub walking_speed_kmh: f64,
    /// Walking distance over straight-line distance. Default 1.3.
    pub walking_detour_factor: f64,
    /// Longest walk from a point to the first stop, from the last stop to a
    /// point, or directly between two places (the walking-only journey), in
    /// metres. Default 1,200.
    pub max_walk_meters: f64,
    /// Where no stop lies within [`max_walk_meters`](Self::max_walk_meters)
    /// of a point (a hamlet, a commune's edge), the walk to the nearest
    /// stops may be this long instead, so that the journey says how far
    /// one walks rather than finding nothing. Default 3,000.
    pub max_fallback_walk_meters: f64,
    /// Longest walk between two stops when changing vehicles, in metres.
    /// Default 400.
    pub footpath_max_meters: f64,
    /// Time to change vehicles at one stop when `transfers.txt` says nothing
    /// for it, in seconds. Default 120.
    pub min_transfer_seconds: u32,
    /// Most changes of vehicle in a journey. Default 4.
    pub max_transfers: u32,
}

impl Default for RouterSettings {
    fn default() -> Self {
        Self {
            walking_speed_kmh: 4.5,
            walking_detour_factor: 1.3,
            max_walk_meters: 1_200.0,
            max_fallback_walk_meters: 3_000.0,
            footpath_max_meters: 400.0,
            min_transfer_seconds: 120,
            max_transfers: 4,
        }
    }
}

/// More changes than this make no sense in a region and would make every
/// scan slower (the router keeps one label per number of vehicles).
pub(crate) const MAX_TRANSFERS_LIMIT: u32 = 8;

impl RouterSettings {
    /// The walking distance for a straight-line distance, in metres.
    ///
    /// ```
    /// let settings = transit::RouterSettings::default();
    /// assert_eq!(settings.walking_meters(100.0), 130.0);
    /// ```
    pub fn walking_meters(&self, straight_meters: f64) -> f64 {
        straight_meters * self.walking_detour_factor
    }

    /// Seconds to walk a walking distance, rounded up to the second.
    ///
    /// ```
    /// let settings = transit::RouterSettings::default();
    /// assert_eq!(settings.walking_seconds(75.0), 60); // 4.5 km/h is 1.25 m/s
    /// ```
    pub fn walking_seconds(&self, walking_meters: f64) -> u32 {
        let meters_per_second = self.walking_speed_kmh / 3.6;
        // The division is rounded to a millimetre first so that 75 m at
        // 1.25 m/s is 60 s, not 61 s through a floating-point residue.
        let seconds = ((walking_meters / meters_per_second) * 1000.0).round() / 1000.0;
        seconds.ceil() as u32
    }

    /// The longest walk between a point and its first or last stop: the
    /// fallback when it is the longer.
    pub fn longest_access_walk_meters(&self) -> f64 {
        self.max_walk_meters.max(self.max_fallback_walk_meters)
    }

    /// Every reason these settings cannot be used, empty when they can.
    pub(crate) fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let positive = [
            ("walking_speed_kmh", self.walking_speed_kmh),
            ("walking_detour_factor", self.walking_detour_factor),
        ];
        for (name, value) in positive {
            if !(value.is_finite() && value > 0.0) {
                problems.push(format!("{name} must be a positive number, got {value}"));
            }
        }
        if self.walking_detour_factor < 1.0 {
            problems.push(format!(
                "walking_detour_factor must be at least 1 (a walk is never shorter than the straight line), got {}",
                self.walking_detour_factor
            ));
        }
        let distances = [
            ("max_walk_meters", self.max_walk_meters),
            ("max_fallback_walk_meters", self.max_fallback_walk_meters),
            ("footpath_max_meters", self.footpath_max_meters),
        ];
        for (name, value) in distances {
            if !(value.is_finite() && (0.0..=20_000.0).contains(&value)) {
                problems.push(format!(
                    "{name} must be between 0 and 20,000 m, got {value}"
                ));
            }
        }
        if self.max_transfers > MAX_TRANSFERS_LIMIT {
            problems.push(format!(
                "max_transfers must be at most {MAX_TRANSFERS_LIMIT}, got {}",
                self.max_transfers
            ));
        }
        problems
    }
}
