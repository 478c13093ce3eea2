//! Searching the public inventory: filters, a `reachable` part turned into
//! travel times to the candidate sites (one one-to-many search, the same
//! planner as offers'), orders and pages.

use domain::catalog::{
    EquipmentFilterInput, EquipmentHit, EquipmentOrder, EquipmentPage, EquipmentQuery,
};

use crate::error::equipment_filter_error;
use crate::pages::page_size;
use crate::travel::ReachableInput;
use crate::{AppResult, Snapshot, ids};

/// What a search of equipment asks for.
#[derive(Debug, Clone)]
pub struct EquipmentSearch {
    pub filter: EquipmentFilterInput,
    pub reachable: Option<ReachableInput>,
    pub order: EquipmentOrder,
    pub first: Option<i32>,
    pub after: Option<String>,
}

/// Checks an equipment filter; a `reachable` part becomes travel times to
/// the sites of the items the rest of the filter keeps.
pub fn equipment_query(
    snapshot: &Snapshot,
    mut filter: EquipmentFilterInput,
    reachable: Option<&ReachableInput>,
) -> AppResult<EquipmentQuery> {
    if let Some(reachable) = reachable {
        let timetable = crate::travel::loaded(snapshot.timetable.as_deref())?;
        let candidates = snapshot
            .catalog
            .parse_equipment_filter(filter.clone(), &snapshot.service_area)
            .map_err(equipment_filter_error)?;
        let sites = snapshot
            .catalog
            .matching_equipment(&candidates)
            .iter()
            .map(|hit| hit.item.site_id)
            .collect();
        filter.travel_minutes = Some(crate::travel::reachable_equipment_sites(
            snapshot, timetable, sites, reachable,
        )?);
    }
    snapshot
        .catalog
        .parse_equipment_filter(filter, &snapshot.service_area)
        .map_err(equipment_filter_error)
}

/// Public items matching a filter, in order, a page at a time.
pub fn equipment<'a>(
    snapshot: &'a Snapshot,
    search: EquipmentSearch,
) -> AppResult<EquipmentPage<'a>> {
    let size = page_size(search.first)?;
    let after = search
        .after
        .as_deref()
        .map(|c| ids::parse_equipment_cursor(c, search.order))
        .transpose()?;
    let query = equipment_query(snapshot, search.filter, search.reachable.as_ref())?;
    snapshot
        .catalog
        .search_equipment(&query, search.order, size, after.as_ref())
        .map_err(equipment_filter_error)
}

/// Every public item matching a filter, in category-and-name order (for
/// GeoJSON layers and exports).
pub fn all_equipment<'a>(
    snapshot: &'a Snapshot,
    filter: EquipmentFilterInput,
    reachable: Option<&ReachableInput>,
) -> AppResult<Vec<EquipmentHit<'a>>> {
    let query = equipment_query(snapshot, filter, reachable)?;
    let hits = snapshot.catalog.matching_equipment(&query);
    Ok(hits)
}
