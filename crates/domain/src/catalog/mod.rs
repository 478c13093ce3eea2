//! The catalogue: an immutable, in-memory read model of everything the
//! public may read, rebuilt from the database after each committed write and
//! shared behind an `Arc`. Reads never touch the database.

mod clusters;
mod equipment_search;
mod offer_search;
mod operator_search;

use std::collections::HashMap;

use crate::codes::{NisCode, PoleCode, TradeCode};
use crate::equipment::{
    EquipmentCategory, EquipmentCategoryCode, EquipmentId, EquipmentItem, EquipmentVocabulary,
};
use crate::geocode::{GeocodeCandidate, Geocoder};
use crate::location::{LocationError, Point, ServiceArea};
use crate::offer::{Offer, OfferError, OfferId, OfferKind, ProgrammeId, TrainingProgramme};
use crate::operator::{Operator, OperatorId, Site, SiteId};
use crate::pole::Pole;
use crate::spatial::SpatialIndex;
use crate::territory::{Commune, Territory};
use crate::text::{SearchableText, fold};
use crate::trade::Trade;

pub use clusters::{OfferClusters, OfferMarker};
pub use equipment_search::{
    EquipmentFilterError, EquipmentFilterInput, EquipmentHit, EquipmentOrder, EquipmentPage,
    EquipmentPosition, EquipmentQuery,
};
pub use offer_search::{
    BBoxInput, FilterError, NearInput, OfferFilterInput, OfferHit, OfferOrder, OfferPage,
    OfferPosition, OfferQuery,
};
pub use operator_search::{OperatorFilterInput, OperatorPage, OperatorPosition, OperatorQuery};

/// Everything a catalogue is built from, as loaded from storage.
#[derive(Debug, Default)]
pub struct CatalogParts {
    pub communes: Vec<Commune>,
    pub poles: Vec<Pole>,
    pub trades: Vec<Trade>,
    pub operators: Vec<Operator>,
    pub sites: Vec<Site>,
    pub programmes: Vec<TrainingProgramme>,
    pub offers: Vec<Offer>,
    pub equipment_categories: Vec<EquipmentCategory>,
    pub equipment: Vec<EquipmentItem>,
}

/// A reference between the parts that does not hold. Storage enforces these
/// with foreign keys, so one of these means a bug or a hand-edited database.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogError {
    #[error("site {site:?} belongs to unknown operator {operator:?}")]
    SiteOperator { site: SiteId, operator: OperatorId },
    #[error("site {site:?} lies in unknown commune {nis}")]
    SiteCommune { site: SiteId, nis: NisCode },
    #[error("offer {offer:?} is at site {site:?}, which is not one of its operator's")]
    OfferSite { offer: OfferId, site: SiteId },
    #[error("offer {offer:?} names unknown trade {trade}")]
    OfferTrade { offer: OfferId, trade: TradeCode },
    #[error(
        "offer {offer:?} is a session of programme {programme:?}, which is not one of its operator's"
    )]
    OfferProgramme {
        offer: OfferId,
        programme: ProgrammeId,
    },
    #[error("offer {offer:?}: {source}")]
    InvalidOffer { offer: OfferId, source: OfferError },
    #[error("equipment item {item:?} is at site {site:?}, which is not one of its operator's")]
    EquipmentSite { item: EquipmentId, site: SiteId },
    #[error("equipment item {item:?} names unknown trade {trade}")]
    EquipmentTrade { item: EquipmentId, trade: TradeCode },
    #[error("equipment item {item:?} is in unknown category {category}")]
    EquipmentCategory {
        item: EquipmentId,
        category: EquipmentCategoryCode,
    },
    #[error("equipment category {category} names unknown trade {trade}")]
    CategoryTrade {
        category: EquipmentCategoryCode,
        trade: TradeCode,
    },
    #[error("trade {trade} names unknown pole {pole}")]
    TradePole { trade: TradeCode, pole: PoleCode },
}

/// An offer with what searching it needs, computed once.
#[derive(Debug)]
struct IndexedOffer {
    offer: Offer,
    pole_codes: Vec<PoleCode>,
    commune_nis: NisCode,
    text: SearchableText,
}

/// An equipment item with what searching it needs.
#[derive(Debug)]
struct IndexedEquipment {
    item: EquipmentItem,
    commune_nis: NisCode,
    text: SearchableText,
    /// Its place in the order by category label, then name, then id.
    rank: usize,
}

/// An operator with what searching it needs.
#[derive(Debug)]
struct IndexedOperator {
    operator: Operator,
    sort_name: String,
    site_ids: Vec<SiteId>,
    commune_nis: Vec<NisCode>,
    text: SearchableText,
}

/// The read model. Build it with [`Catalog::build`].
#[derive(Debug)]
pub struct Catalog {
    territory: Territory,
    poles: Vec<Pole>,
    trades: Vec<Trade>,
    trade_index: HashMap<TradeCode, usize>,
    /// Sorted by folded name, then id.
    operators: Vec<IndexedOperator>,
    operator_index: HashMap<OperatorId, usize>,
    sites: HashMap<SiteId, Site>,
    geocoder: Geocoder,
    site_index: SpatialIndex<SiteId>,
    /// Positions in `offers` of the offers at each site.
    offers_by_site: HashMap<SiteId, Vec<usize>>,
    programmes: HashMap<ProgrammeId, TrainingProgramme>,
    offers: Vec<IndexedOffer>,
    offer_index: HashMap<OfferId, usize>,
    equipment_vocabulary: EquipmentVocabulary,
    /// In category-and-name order (each one's `rank` is its position).
    equipment: Vec<IndexedEquipment>,
    equipment_index: HashMap<EquipmentId, usize>,
    /// Positions in `equipment` of the items at each site.
    equipment_by_site: HashMap<SiteId, Vec<usize>>,
}

impl Catalog {
    /// Checks every reference between the parts and indexes them.
    pub fn build(parts: CatalogParts) -> Result<Self, CatalogError> {
        let CatalogParts {
            communes,
            poles,
            trades,
            operators,
            sites,
            programmes,
            offers,
            equipment_categories,
            equipment,
        } = parts;
        let territory = Territory::new(communes);

        for trade in &trades {
            if let Some(pole) = trade
                .pole_codes
                .iter()
                .find(|p| !poles.iter().any(|known| &known.code == *p))
            {
                return Err(CatalogError::TradePole {
                    trade: trade.code.clone(),
                    pole: pole.clone(),
                });
            }
        }
        let trade_index = trades
            .iter()
            .enumerate()
            .map(|(i, t)| (t.code.clone(), i))
            .collect();

        let mut sites_by_operator: HashMap<OperatorId, Vec<SiteId>> = HashMap::new();
        let operator_ids: HashMap<OperatorId, ()> = operators.iter().map(|o| (o.id, ())).collect();
        for site in &sites {
            if !operator_ids.contains_key(&site.operator_id) {
                return Err(CatalogError::SiteOperator {
                    site: site.id,
                    operator: site.operator_id,
                });
            }
            if territory.get(&site.commune_nis).is_none() {
                return Err(CatalogError::SiteCommune {
                    site: site.id,
                    nis: site.commune_nis.clone(),
                });
            }
            sites_by_operator
                .entry(site.operator_id)
                .or_default()
                .push(site.id);
        }
        let site_index = SpatialIndex::new(sites.iter().map(|s| (s.id, s.location)));
        let sites: HashMap<SiteId, Site> = sites.into_iter().map(|s| (s.id, s)).collect();
        let programmes: HashMap<ProgrammeId, TrainingProgramme> =
            programmes.into_iter().map(|p| (p.id, p)).collect();

        let mut indexed_operators: Vec<IndexedOperator> = operators
            .into_iter()
            .map(|operator| {
                let mut site_ids = sites_by_operator.remove(&operator.id).unwrap_or_default();
                site_ids.sort();
                let mut commune_nis: Vec<NisCode> = site_ids
                    .iter()
                    .map(|id| sites[id].commune_nis.clone())
                    .collect();
                commune_nis.sort();
                commune_nis.dedup();
                let commune_names: Vec<&str> = commune_nis
                    .iter()
                    .filter_map(|nis| territory.get(nis))
                    .map(|c| c.name_fr.as_str())
                    .collect();
                let text = SearchableText::new(
                    [operator.name.as_str(), operator.description.as_str()]
                        .into_iter()
                        .chain(commune_names),
                );
                IndexedOperator {
                    sort_name: fold(&operator.name),
                    operator,
                    site_ids,
                    commune_nis,
                    text,
                }
            })
            .collect();
        indexed_operators.sort_by(|a, b| {
            (a.sort_name.as_str(), a.operator.id).cmp(&(b.sort_name.as_str(), b.operator.id))
        });
        let operator_index = indexed_operators
            .iter()
            .enumerate()
            .map(|(i, o)| (o.operator.id, i))
            .collect();

        let geocoder = Geocoder::new(&territory);
        let mut catalog = Catalog {
            geocoder,
            territory,
            poles,
            trades,
            trade_index,
            operators: indexed_operators,
            operator_index,
            sites,
            site_index,
            offers_by_site: HashMap::new(),
            programmes,
            offers: Vec::with_capacity(offers.len()),
            offer_index: HashMap::with_capacity(offers.len()),
            equipment_vocabulary: EquipmentVocabulary::default(),
            equipment: Vec::new(),
            equipment_index: HashMap::new(),
            equipment_by_site: HashMap::new(),
        };
        for offer in offers {
            let indexed = catalog.index_offer(offer)?;
            let position = catalog.offers.len();
            catalog.offer_index.insert(indexed.offer.id, position);
            catalog
                .offers_by_site
                .entry(indexed.offer.site_id)
                .or_default()
                .push(position);
            catalog.offers.push(indexed);
        }
        catalog.index_equipment(equipment_categories, equipment)?;
        Ok(catalog)
    }

    /// Checks what each item points to and indexes the inventory in
    /// category-and-name order.
    fn index_equipment(
        &mut self,
        categories: Vec<EquipmentCategory>,
        items: Vec<EquipmentItem>,
    ) -> Result<(), CatalogError> {
        for category in &categories {
            if let Some(trade) = category
                .trade_codes
                .iter()
                .find(|t| self.trade(t).is_none())
            {
                return Err(CatalogError::CategoryTrade {
                    category: category.code.clone(),
                    trade: trade.clone(),
                });
            }
        }
        self.equipment_vocabulary = EquipmentVocabulary::new(categories);
        let mut indexed = Vec::with_capacity(items.len());
        for item in items {
            indexed.push(self.index_item(item)?);
        }
        let mut sort_keys: Vec<(String, String, EquipmentId, usize)> = indexed
            .iter()
            .enumerate()
            .map(|(i, entry): (usize, &IndexedEquipment)| {
                let label = self
                    .equipment_vocabulary
                    .get(&entry.item.category)
                    .map_or("", |c| c.label.as_str());
                (fold(label), fold(&entry.item.name), entry.item.id, i)
            })
            .collect();
        sort_keys.sort();
        let mut slots: Vec<Option<IndexedEquipment>> = indexed.into_iter().map(Some).collect();
        for (rank, (_, _, _, i)) in sort_keys.into_iter().enumerate() {
            let mut entry = slots[i].take().expect("each item is placed once");
            entry.rank = rank;
            self.equipment_index.insert(entry.item.id, rank);
            self.equipment_by_site
                .entry(entry.item.site_id)
                .or_default()
                .push(rank);
            self.equipment.push(entry);
        }
        Ok(())
    }

    fn index_item(&self, item: EquipmentItem) -> Result<IndexedEquipment, CatalogError> {
        let site = self
            .sites
            .get(&item.site_id)
            .filter(|s| s.operator_id == item.operator_id)
            .ok_or(CatalogError::EquipmentSite {
                item: item.id,
                site: item.site_id,
            })?;
        let category = self
            .equipment_vocabulary
            .get(&item.category)
            .ok_or_else(|| CatalogError::EquipmentCategory {
                item: item.id,
                category: item.category.clone(),
            })?;
        let mut trades = Vec::with_capacity(item.trade_codes.len());
        for code in &item.trade_codes {
            trades.push(
                self.trade(code)
                    .ok_or_else(|| CatalogError::EquipmentTrade {
                        item: item.id,
                        trade: code.clone(),
                    })?,
            );
        }
        let operator_name = self.operator(item.operator_id).map(|o| o.name.as_str());
        let commune_name = self
            .territory
            .get(&site.commune_nis)
            .map(|c| c.name_fr.as_str());
        let text = SearchableText::new(
            [
                item.name.as_str(),
                category.label.as_str(),
                site.address.locality.as_str(),
            ]
            .into_iter()
            .chain(category.synonyms.iter().map(String::as_str))
            .chain(item.brand.as_deref())
            .chain(item.model.as_deref())
            .chain(item.refrigerant.as_ref().map(|r| r.as_str()))
            .chain(operator_name)
            .chain(commune_name)
            .chain(trades.iter().map(|t| t.name.as_str())),
        );
        Ok(IndexedEquipment {
            commune_nis: site.commune_nis.clone(),
            item,
            text,
            rank: 0,
        })
    }

    fn index_offer(&self, offer: Offer) -> Result<IndexedOffer, CatalogError> {
        offer
            .validate()
            .map_err(|source| CatalogError::InvalidOffer {
                offer: offer.id,
                source,
            })?;
        let site = self
            .sites
            .get(&offer.site_id)
            .filter(|s| s.operator_id == offer.operator_id)
            .ok_or(CatalogError::OfferSite {
                offer: offer.id,
                site: offer.site_id,
            })?;
        let mut trades = Vec::with_capacity(offer.trade_codes.len());
        for code in &offer.trade_codes {
            let trade = self.trade(code).ok_or_else(|| CatalogError::OfferTrade {
                offer: offer.id,
                trade: code.clone(),
            })?;
            trades.push(trade);
        }
        let programme = match &offer.details {
            crate::offer::OfferDetails::Training(session) => Some(
                self.programmes
                    .get(&session.programme_id)
                    .filter(|p| p.operator_id == offer.operator_id)
                    .ok_or(CatalogError::OfferProgramme {
                        offer: offer.id,
                        programme: session.programme_id,
                    })?,
            ),
            _ => None,
        };
        let mut pole_codes: Vec<PoleCode> = trades
            .iter()
            .flat_map(|t| t.pole_codes.iter().cloned())
            .collect();
        pole_codes.sort();
        pole_codes.dedup();

        let operator_name = self.operator(offer.operator_id).map(|o| o.name.as_str());
        let commune_name = self
            .territory
            .get(&site.commune_nis)
            .map(|c| c.name_fr.as_str());
        let text = SearchableText::new(
            [
                offer.title.as_str(),
                offer.description.as_str(),
                site.address.locality.as_str(),
            ]
            .into_iter()
            .chain(operator_name)
            .chain(commune_name)
            .chain(trades.iter().map(|t| t.name.as_str()))
            .chain(
                trades
                    .iter()
                    .flat_map(|t| t.keywords.iter().map(String::as_str)),
            )
            .chain(programme.map(|p| p.title.as_str()))
            .chain(programme.and_then(|p| p.certification.as_deref())),
        );
        Ok(IndexedOffer {
            commune_nis: site.commune_nis.clone(),
            offer,
            pole_codes,
            text,
        })
    }

    /// The communes' bounding box plus a margin, with the default maximum
    /// radius: where searches may be centred when nothing else is configured.
    pub fn default_service_area(&self) -> Result<ServiceArea, LocationError> {
        let bounds = self
            .communes()
            .iter()
            .filter_map(|c| geo::BoundingRect::bounding_rect(&c.boundary))
            .reduce(|a, b| {
                geo::Rect::new(
                    geo::coord! { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
                    geo::coord! { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
                )
            })
            .unwrap_or_else(|| {
                geo::Rect::new(
                    geo::coord! { x: 0.0, y: 0.0 },
                    geo::coord! { x: 0.0, y: 0.0 },
                )
            });
        ServiceArea::around(bounds)
    }

    /// The sites nearest to `center`, nearest first, with their distance in
    /// metres. With a query, only sites holding a published offer it matches
    /// ("the closest places that teach this trade").
    pub fn sites_near(
        &self,
        center: Point,
        count: usize,
        query: Option<&OfferQuery>,
    ) -> Vec<(&Site, f64)> {
        self.site_index
            .nearest(center)
            .filter(|(site_id, _)| {
                let Some(query) = query else {
                    return true;
                };
                let offers = self
                    .offers_by_site
                    .get(site_id)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                offers
                    .iter()
                    .any(|&i| query.matches_attributes(&self.offers[i]))
            })
            .take(count)
            .filter_map(|(site_id, meters)| self.sites.get(&site_id).map(|site| (site, meters)))
            .collect()
    }

    /// Places (communes, postal localities) matching what a person typed:
    /// a postcode, a name with or without accents. Best first.
    pub fn geocode(&self, query: &str, limit: usize) -> Vec<GeocodeCandidate> {
        self.geocoder.search(query, limit)
    }

    pub fn territory(&self) -> &Territory {
        &self.territory
    }

    pub fn communes(&self) -> &[Commune] {
        self.territory.communes()
    }

    pub fn commune(&self, nis: &NisCode) -> Option<&Commune> {
        self.territory.get(nis)
    }

    pub fn poles(&self) -> &[Pole] {
        &self.poles
    }

    pub fn pole(&self, code: &PoleCode) -> Option<&Pole> {
        self.poles.iter().find(|p| &p.code == code)
    }

    /// All trades, in the order they were loaded (grouped by pole).
    pub fn trades(&self) -> &[Trade] {
        &self.trades
    }

    pub fn trade(&self, code: &TradeCode) -> Option<&Trade> {
        self.trade_index.get(code).map(|&i| &self.trades[i])
    }

    pub fn operator(&self, id: OperatorId) -> Option<&Operator> {
        self.operator_index
            .get(&id)
            .map(|&i| &self.operators[i].operator)
    }

    /// The sites of an operator, in id order.
    pub fn sites_of(&self, operator: OperatorId) -> Vec<&Site> {
        self.operator_index
            .get(&operator)
            .map(|&i| {
                self.operators[i]
                    .site_ids
                    .iter()
                    .filter_map(|id| self.sites.get(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every site, in no particular order.
    pub fn all_sites(&self) -> Vec<&Site> {
        self.sites.values().collect()
    }

    pub fn site(&self, id: SiteId) -> Option<&Site> {
        self.sites.get(&id)
    }

    pub fn programme(&self, id: ProgrammeId) -> Option<&TrainingProgramme> {
        self.programmes.get(&id)
    }

    /// An offer whatever its status: for its own operator's partners and
    /// admins only; the public gets [`Catalog::published_offer`].
    pub fn offer(&self, id: OfferId) -> Option<&Offer> {
        self.offer_index.get(&id).map(|&i| &self.offers[i].offer)
    }

    /// Every offer of an operator, drafts and archived ones included, most
    /// recently updated first: an operator's own back-office list.
    pub fn all_offers_of_operator(&self, operator: OperatorId) -> Vec<&Offer> {
        let sites = self
            .operator_index
            .get(&operator)
            .map(|&i| self.operators[i].site_ids.as_slice())
            .unwrap_or_default();
        let mut offers: Vec<&Offer> = self.offers_at_sites(sites).map(|o| &o.offer).collect();
        offers.sort_by_key(|o| std::cmp::Reverse((o.updated_at, o.id)));
        offers
    }

    /// The training programmes of an operator, by title.
    pub fn programmes_of(&self, operator: OperatorId) -> Vec<&TrainingProgramme> {
        let mut programmes: Vec<&TrainingProgramme> = self
            .programmes
            .values()
            .filter(|p| p.operator_id == operator)
            .collect();
        programmes.sort_by(|a, b| (a.title.as_str(), a.id).cmp(&(b.title.as_str(), b.id)));
        programmes
    }

    /// An offer the public may see: published ones only.
    pub fn published_offer(&self, id: OfferId) -> Option<&Offer> {
        self.offer_index
            .get(&id)
            .map(|&i| &self.offers[i].offer)
            .filter(|o| o.is_published())
    }

    /// The published offers of an operator, soonest start first.
    pub fn published_offers_of_operator(&self, operator: OperatorId) -> Vec<&Offer> {
        let sites = self
            .operator_index
            .get(&operator)
            .map(|&i| self.operators[i].site_ids.as_slice())
            .unwrap_or_default();
        Self::published_soonest_first(self.offers_at_sites(sites))
    }

    /// The published offers at a site, soonest start first.
    pub fn published_offers_at_site(&self, site: SiteId) -> Vec<&Offer> {
        Self::published_soonest_first(self.offers_at_sites(&[site]))
    }

    /// The offers at these sites, from the site index (an offer's site is
    /// always one of its operator's, so an operator's offers are those at
    /// its sites).
    fn offers_at_sites<'a, 's>(
        &'a self,
        sites: &'s [SiteId],
    ) -> impl Iterator<Item = &'a IndexedOffer> + use<'a, 's> {
        sites
            .iter()
            .filter_map(|site| self.offers_by_site.get(site))
            .flatten()
            .map(|&i| &self.offers[i])
    }

    fn published_soonest_first<'a>(
        offers: impl Iterator<Item = &'a IndexedOffer>,
    ) -> Vec<&'a Offer> {
        let mut offers: Vec<&Offer> = offers
            .map(|o| &o.offer)
            .filter(|o| o.is_published())
            .collect();
        offers.sort_by_key(|o| OfferOrder::StartDate.sort_key(o, None, None));
        offers
    }

    /// The equipment categories, in the order they are listed to people.
    pub fn equipment_vocabulary(&self) -> &EquipmentVocabulary {
        &self.equipment_vocabulary
    }

    /// An item whatever its visibility: for its owner's partners and admins
    /// only; the public gets [`Catalog::public_equipment_item`].
    pub fn equipment_item(&self, id: EquipmentId) -> Option<&EquipmentItem> {
        self.equipment_index
            .get(&id)
            .map(|&i| &self.equipment[i].item)
    }

    /// An item the public may see: public and in the inventory.
    pub fn public_equipment_item(&self, id: EquipmentId) -> Option<&EquipmentItem> {
        self.equipment_item(id)
            .filter(|item| item.is_publicly_listed())
    }

    /// The items of an operator in category-and-name order: its public ones,
    /// or (for its own partners) every one, retired ones included.
    pub fn equipment_of_operator(&self, operator: OperatorId, all: bool) -> Vec<&EquipmentItem> {
        let sites = self.sites_of(operator);
        let mut positions: Vec<usize> = sites
            .iter()
            .filter_map(|site| self.equipment_by_site.get(&site.id))
            .flatten()
            .copied()
            .collect();
        positions.sort_unstable();
        positions
            .into_iter()
            .map(|i| &self.equipment[i].item)
            .filter(|item| all || item.is_publicly_listed())
            .collect()
    }

    /// The public items at a site, in category-and-name order.
    pub fn public_equipment_at_site(&self, site: SiteId) -> Vec<&EquipmentItem> {
        self.equipment_by_site
            .get(&site)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|&i| &self.equipment[i].item)
            .filter(|item| item.is_publicly_listed())
            .collect()
    }

    /// How many public items serve a trade, and how many of them may be
    /// asked for now.
    pub fn public_equipment_counts(&self, trade: &TradeCode) -> (usize, usize) {
        self.equipment
            .iter()
            .map(|e| &e.item)
            .filter(|item| item.is_publicly_listed() && item.trade_codes.contains(trade))
            .fold((0, 0), |(all, shared), item| {
                (
                    all + 1,
                    shared + usize::from(item.is_available_for_sharing()),
                )
            })
    }

    /// How many published offers of each kind a trade has.
    pub fn published_offer_counts(&self, trade: &TradeCode) -> Vec<(OfferKind, usize)> {
        OfferKind::ALL
            .iter()
            .map(|&kind| {
                let count = self
                    .offers
                    .iter()
                    .filter(|o| {
                        o.offer.is_published()
                            && o.offer.kind() == kind
                            && o.offer.trade_codes.contains(trade)
                    })
                    .count();
                (kind, count)
            })
            .collect()
    }
}
