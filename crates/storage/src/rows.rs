//! Domain values turned into rows for writing, shared by the seed and by
//! partners' writes so both store an offer the same way.

use domain::audience::Audience;
use domain::offer::{Offer, OfferDetails};
use sea_orm::ActiveValue::Set;

use crate::entities::offer;

/// The row of an offer, with every kind's columns set (those of other
/// kinds to null) and `id`, `version` and `created_at` left for the caller.
pub(crate) fn offer_row(offer: &Offer) -> offer::ActiveModel {
    let as_i32 = |v: Option<u32>| v.map(|v| i32::try_from(v).unwrap_or(i32::MAX));
    let mut row = offer::ActiveModel {
        kind: Set(offer.kind().code().to_owned()),
        operator_id: Set(offer.operator_id.0),
        site_id: Set(offer.site_id.0),
        reference: Set(offer.reference.clone()),
        title: Set(offer.title.clone()),
        description: Set(offer.description.clone()),
        status: Set(offer.status.code().to_owned()),
        recruitment_state: Set(offer.recruitment_state.code().to_owned()),
        start_date: Set(offer.start_date),
        end_date: Set(offer.end_date),
        places: Set(as_i32(offer.places)),
        programme_id: Set(None),
        schedule: Set(None),
        daily_start_time: Set(None),
        daily_end_time: Set(None),
        session_weekdays: Set(None),
        expected_profile: Set(None),
        duration_weeks: Set(None),
        contract_type: Set(None),
        working_time: Set(None),
        requirements: Set(None),
        discovery_format: Set(None),
        capacity: Set(None),
        duration_hours: Set(None),
        is_demo: Set(offer.is_demo),
        updated_at: Set(offer.updated_at),
        ..Default::default()
    };
    match &offer.details {
        OfferDetails::Training(t) => {
            row.programme_id = Set(Some(t.programme_id.0));
            row.schedule = Set(t.schedule.clone());
            row.daily_start_time = Set(t.daily_start_time);
            row.daily_end_time = Set(t.daily_end_time);
            row.session_weekdays = Set(t.weekdays.map(|w| w.bits()));
        }
        OfferDetails::Internship(i) => {
            row.expected_profile = Set(i.expected_profile.clone());
            row.duration_weeks = Set(as_i32(i.duration_weeks));
        }
        OfferDetails::Job(j) => {
            row.contract_type = Set(Some(j.contract_type.code().to_owned()));
            row.working_time = Set(Some(j.working_time.code().to_owned()));
            row.requirements = Set(j.requirements.clone());
        }
        OfferDetails::Discovery(d) => {
            row.discovery_format = Set(Some(d.format.code().to_owned()));
            row.capacity = Set(as_i32(Some(d.capacity)));
            row.duration_hours = Set(as_i32(d.duration_hours));
        }
    }
    row
}

/// Audiences as `operators.contact_audiences` stores them: codes separated
/// by commas, empty for "every audience of the offer".
pub(crate) fn audience_list(audiences: &[Audience]) -> String {
    audiences
        .iter()
        .map(|audience| audience.code())
        .collect::<Vec<_>>()
        .join(",")
}
