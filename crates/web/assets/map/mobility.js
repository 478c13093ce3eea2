// Wapi Synergies — the Mobility tab of the map ("Mobilité").
//
// From a place a person says (a postcode, a locality, a commune), arriving
// by a time: the offers matching the filters, coloured by their travel time
// by bus and train in bands, those out of reach in grey; a click on one
// draws the journey there and the journey back; the stops in view, with
// their next departures. Built only on the public GraphQL API, so partner
// widgets can do the same:
//   geocode(query)                          the place typed;
//   offers(filter: { reachable: … })        travel times (edges' travelMinutes);
//   offers(filter: …)                       the same offers, reachable or not;
//   journeyPlan(from, to, arriveBy|departAt) the journeys drawn;
//   stopsNear(point), departures(stopId)    the stops layer.
//
// After each render `window.wapiMobility` describes what is drawn and a
// `wapi:mobility` event is dispatched on `window` (the browser test reads
// both).
(function () {
  'use strict';

  var map = window.wapiMap && window.wapiMap.map;
  var offersLayer = window.wapiOffersLayer;
  if (!map || !offersLayer) return;

  /** Travel-time bands, the last one open-ended. */
  var BANDS = [
    { max: 15, label: '15 min ou moins', color: '#1a9850' },
    { max: 30, label: '16 à 30 min', color: '#66bd63' },
    { max: 45, label: '31 à 45 min', color: '#fdae61' },
    { max: 60, label: '46 à 60 min', color: '#f46d43' },
    { max: Infinity, label: 'plus d’une heure', color: '#a50026' },
  ];
  var UNREACHABLE = { label: 'hors d’atteinte', color: '#9aa3ad' };
  var MODES = { WALK: 'À pied', BUS: 'Bus', TRAIN: 'Train', TRAM: 'Tram', METRO: 'Métro', OTHER: 'Transport' };
  var PAGE = 100;
  var MAX_PAGES = 20;

  var form = document.getElementById('mobility');
  var fromInput = document.getElementById('mobility-from');
  var places = document.getElementById('mobility-places');
  var dateInput = document.getElementById('mobility-date');
  var arriveInput = document.getElementById('mobility-arrive');
  var maxSelect = document.getElementById('mobility-max');
  var returnInput = document.getElementById('mobility-return');
  var clearButton = document.getElementById('mobility-clear');
  var stopsBox = document.getElementById('mobility-stops');
  var status = document.getElementById('mobility-status');
  var legend = document.getElementById('mobility-legend');
  var journeyBox = document.getElementById('mobility-journey');

  var offersDrawn = L.layerGroup().addTo(map);
  var journeyDrawn = L.layerGroup().addTo(map);
  var stopsDrawn = L.layerGroup().addTo(map);

  var state = { active: false, markers: [], journey: null, stops: 0 };

  function publish() {
    window.wapiMobility = state;
    window.dispatchEvent(new CustomEvent('wapi:mobility', { detail: state }));
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function graphql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    }).then(function (response) {
      return response.json();
    }).then(function (body) {
      if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
      return body.data;
    });
  }

  // ---- times -----------------------------------------------------------

  /** The next school day (Monday to Friday), as yyyy-mm-dd. */
  function nextWeekday() {
    var day = new Date();
    do { day.setDate(day.getDate() + 1); } while (day.getDay() === 0 || day.getDay() === 6);
    var pad = function (n) { return String(n).padStart(2, '0'); };
    return day.getFullYear() + '-' + pad(day.getMonth() + 1) + '-' + pad(day.getDate());
  }
  dateInput.value = nextWeekday();

  /** Brussels' UTC offset on a day at a time, as "+01:00". */
  function brusselsOffset(date, time) {
    var probe = new Date(date + 'T' + time + ':00Z');
    var name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', timeZoneName: 'shortOffset' })
      .formatToParts(probe)
      .find(function (part) { return part.type === 'timeZoneName'; });
    var match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ? name.value : '');
    if (!match) return '+01:00';
    return match[1] + match[2].padStart(2, '0') + ':' + (match[3] || '00');
  }

  function brusselsTime(date, time) {
    return date + 'T' + time + ':00' + brusselsOffset(date, time);
  }

  /** "07:42" from an RFC 3339 time with its offset (already Brussels' wall clock). */
  function clock(iso) {
    return iso.slice(11, 16);
  }

  function band(minutes) {
    if (minutes === null || minutes === undefined) return UNREACHABLE;
    for (var i = 0; i < BANDS.length; i++) if (minutes <= BANDS[i].max) return BANDS[i];
    return BANDS[BANDS.length - 1];
  }

  // ---- the place typed -------------------------------------------------

  var suggestTimer = null;
  fromInput.addEventListener('input', function () {
    clearTimeout(suggestTimer);
    var typed = fromInput.value.trim();
    if (typed.length < 2) return;
    suggestTimer = setTimeout(function () {
      graphql('query($q: String!) { geocode(query: $q, first: 8) { label } }', { q: typed })
        .then(function (data) {
          places.replaceChildren();
          data.geocode.forEach(function (candidate) {
            var option = el('option');
            option.value = candidate.label;
            places.appendChild(option);
          });
        })
        .catch(function () {});
    }, 200);
  });

  /** The place typed, as a PlaceInput and a name to show; the geocoder's best candidate. */
  function resolvePlace(typed) {
    return graphql(
      'query($q: String!) { geocode(query: $q, first: 1) { label kind name postcode location { lat lon } commune { nis } } }',
      { q: typed },
    ).then(function (data) {
      var best = data.geocode[0];
      if (!best) throw new Error('Lieu inconnu en Wallonie picarde : « ' + typed + ' »');
      var place = best.kind === 'COMMUNE'
        ? { communeNis: best.commune.nis }
        : { postcode: best.postcode, locality: best.name };
      return { input: place, label: best.label, location: best.location };
    });
  }

  // ---- offers with travel times ----------------------------------------

  var OFFERS = 'query($filter: OfferFilter, $after: String) { offers(first: ' + PAGE + ', after: $after, filter: $filter) {' +
    ' edges { travelMinutes node { id title kind operator { name } site { id name location { lat lon } } } }' +
    ' pageInfo { hasNextPage endCursor } } }';

  function allOffers(filter) {
    var edges = [];
    function page(after, n) {
      return graphql(OFFERS, { filter: filter, after: after }).then(function (data) {
        edges = edges.concat(data.offers.edges);
        if (data.offers.pageInfo.hasNextPage && n < MAX_PAGES) return page(data.offers.pageInfo.endCursor, n + 1);
        return edges;
      });
    }
    return page(null, 1);
  }

  function baseFilter() {
    var chosen = offersLayer.filters();
    var filter = { kinds: chosen.kinds };
    if (chosen.trade) filter.tradeCodes = [chosen.trade];
    if (chosen.audience) filter.audiences = [chosen.audience];
    if (chosen.text) filter.text = chosen.text;
    return filter;
  }

  var request = 0;
  var current = null;

  function show() {
    var typed = fromInput.value.trim();
    if (!typed) return;
    var mine = ++request;
    status.classList.remove('wapi-error');
    status.textContent = 'Calcul des temps de trajet…';
    var arriveBy = brusselsTime(dateInput.value, arriveInput.value);
    var maxMinutes = Number(maxSelect.value);
    resolvePlace(typed).then(function (place) {
      var reachable = baseFilter();
      reachable.reachable = { from: place.input, maxMinutes: maxMinutes, arriveBy: arriveBy };
      return Promise.all([allOffers(reachable), allOffers(baseFilter())]).then(function (results) {
        if (mine !== request) return;
        current = { place: place, arriveBy: arriveBy, maxMinutes: maxMinutes, date: dateInput.value };
        draw(place, results[0], results[1]);
      });
    }).catch(function (error) {
      if (mine !== request) return;
      status.classList.add('wapi-error');
      status.textContent = error.message;
      state = { active: false, markers: [], journey: null, stops: state.stops, error: error.message };
      publish();
    });
  }

  function draw(place, reachableEdges, allEdges) {
    offersLayer.pause();
    offersDrawn.clearLayers();
    journeyDrawn.clearLayers();
    journeyBox.hidden = true;
    var minutes = {};
    reachableEdges.forEach(function (edge) { minutes[edge.node.id] = edge.travelMinutes; });
    var markers = [];
    allEdges.forEach(function (edge) {
      var offer = edge.node;
      var travel = Object.prototype.hasOwnProperty.call(minutes, offer.id) ? minutes[offer.id] : null;
      var colour = band(travel);
      var marker = L.circleMarker([offer.site.location.lat, offer.site.location.lon], {
        className: 'wapi-travel',
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: colour.color,
        fillOpacity: travel === null ? 0.6 : 0.95,
      });
      marker.on('add', function () {
        var node = marker.getElement();
        node.setAttribute('data-offer-id', offer.id);
        node.setAttribute('data-travel-minutes', travel === null ? '' : String(travel));
      });
      marker.bindTooltip(offer.title + (travel === null ? ' — hors d’atteinte' : ' — ' + travel + ' min'),
        { direction: 'top', offset: [0, -6] });
      marker.on('click', function () { showJourney(offer); });
      offersDrawn.addLayer(marker);
      markers.push({ offerId: offer.id, minutes: travel, color: colour.color });
    });
    var origin = L.circleMarker([place.location.lat, place.location.lon], {
      className: 'wapi-origin', radius: 10, color: '#17324d', weight: 3, fillColor: '#ffffff', fillOpacity: 1,
    }).bindTooltip('Départ : ' + place.label);
    offersDrawn.addLayer(origin);
    drawLegend();
    status.textContent = reachableEdges.length + ' offre(s) sur ' + allEdges.length +
      ' à ' + current.maxMinutes + ' min au plus de ' + place.label + ', arrivée avant ' + arriveInput.value;
    // `place` (the PlaceInput) lets the equipment layer ask the same reach.
    state = { active: true, from: place.label, place: place.input, arriveBy: current.arriveBy,
      maxMinutes: current.maxMinutes, markers: markers, journey: null, stops: state.stops };
    publish();
  }

  function drawLegend() {
    legend.replaceChildren();
    BANDS.concat([UNREACHABLE]).forEach(function (b) {
      var item = el('li');
      var swatch = el('span', 'wapi-band-swatch');
      swatch.style.background = b.color;
      item.appendChild(swatch);
      item.appendChild(el('span', null, b.label));
      legend.appendChild(item);
    });
    legend.hidden = false;
  }

  // ---- a journey there and back ----------------------------------------

  var PLAN = 'query($from: PlaceInput!, $to: PlaceInput!, $at: DateTime, $by: DateTime) {' +
    ' journeyPlan(from: $from, to: $to, departAt: $at, arriveBy: $by, first: 1) { noJourneyReason' +
    ' journeys { departure arrival durationMinutes legs { mode routeName headsign walkMeters departure arrival' +
    ' fromStop { name location { lat lon } } toStop { name location { lat lon } } } } } }';

  function showJourney(offer) {
    if (!current) return;
    var site = { point: { lat: offer.site.location.lat, lon: offer.site.location.lon } };
    var back = returnInput.value ? brusselsTime(current.date, returnInput.value) : null;
    var there = graphql(PLAN, { from: current.place.input, to: site, by: current.arriveBy });
    var home = back ? graphql(PLAN, { from: site, to: current.place.input, at: back }) : Promise.resolve(null);
    Promise.all([there, home]).then(function (plans) {
      journeyDrawn.clearLayers();
      journeyBox.replaceChildren();
      journeyBox.appendChild(el('h3', null, offer.title));
      var drawn = 0;
      var legs = 0;
      [['Aller', plans[0], current.place.location, offer.site.location],
        ['Retour', plans[1], offer.site.location, current.place.location]].forEach(function (part) {
        var plan = part[1] && part[1].journeyPlan;
        if (!plan) return;
        var journey = plan.journeys[0];
        journeyBox.appendChild(el('h3', null, part[0] + (journey
          ? ' : ' + clock(journey.departure) + ' → ' + clock(journey.arrival) + ' (' + journey.durationMinutes + ' min)'
          : '')));
        if (!journey) {
          journeyBox.appendChild(el('p', null, plan.noJourneyReason || 'Pas de trajet.'));
          return;
        }
        var list = el('ol');
        journey.legs.forEach(function (leg) {
          legs += 1;
          var start = leg.fromStop ? leg.fromStop.location : part[2];
          var end = leg.toStop ? leg.toStop.location : part[3];
          var walk = leg.mode === 'WALK';
          journeyDrawn.addLayer(L.polyline([[start.lat, start.lon], [end.lat, end.lon]], {
            className: 'wapi-leg wapi-leg--' + leg.mode,
            color: walk ? '#5f6b7a' : part[0] === 'Aller' ? '#17324d' : '#7b3294',
            weight: walk ? 3 : 5,
            dashArray: walk ? '4 6' : null,
          }));
          drawn += 1;
          var what = walk
            ? 'À pied ' + Math.round(leg.walkMeters || 0) + ' m'
            : (MODES[leg.mode] || leg.mode) + ' ' + (leg.routeName || '') + (leg.headsign ? ' vers ' + leg.headsign : '');
          var where = (leg.fromStop ? leg.fromStop.name : 'départ') + ' → ' + (leg.toStop ? leg.toStop.name : 'arrivée');
          list.appendChild(el('li', null, clock(leg.departure) + ' ' + what + ' : ' + where));
        });
        journeyBox.appendChild(list);
      });
      journeyBox.hidden = false;
      state.journey = { offerId: offer.id, legs: legs, drawn: drawn };
      publish();
    }).catch(function (error) {
      journeyBox.hidden = false;
      journeyBox.textContent = error.message;
      state.journey = { offerId: offer.id, legs: 0, drawn: 0, error: error.message };
      publish();
    });
  }

  // ---- stops in view ---------------------------------------------------

  function drawStops() {
    stopsDrawn.clearLayers();
    if (!stopsBox.checked) {
      state.stops = 0;
      publish();
      return;
    }
    var centre = map.getCenter();
    graphql('query($p: PointInput!) { stopsNear(point: $p, radiusMeters: 5000, first: 100) { stop { id name location { lat lon } } } }',
      { p: { lat: centre.lat, lon: centre.lng } })
      .then(function (data) {
        stopsDrawn.clearLayers();
        data.stopsNear.forEach(function (near) {
          var stop = near.stop;
          var marker = L.circleMarker([stop.location.lat, stop.location.lon], {
            className: 'wapi-stop-marker', radius: 5, weight: 2, color: '#17324d', fillColor: '#ffd400', fillOpacity: 1,
          });
          marker.bindPopup(function () {
            var box = el('div', 'wapi-popup', 'Chargement des départs…');
            var at = brusselsTime(dateInput.value, arriveInput.value);
            graphql('query($id: String!, $at: DateTime) { departures(stopId: $id, at: $at, first: 5) { time routeShortName headsign } }',
              { id: stop.id, at: at })
              .then(function (d) {
                box.replaceChildren(el('h3', 'wapi-popup-title', stop.name));
                var list = el('ul');
                d.departures.forEach(function (dep) {
                  list.appendChild(el('li', null, clock(dep.time) + ' ' + (dep.routeShortName || '') + ' → ' + (dep.headsign || '')));
                });
                if (!d.departures.length) list.appendChild(el('li', null, 'Aucun départ ce jour-là.'));
                box.appendChild(list);
              })
              .catch(function (error) { box.textContent = error.message; });
            return box;
          });
          stopsDrawn.addLayer(marker);
        });
        state.stops = data.stopsNear.length;
        publish();
      })
      .catch(function (error) { console.error('stops', error); });
  }

  // ---- wiring ----------------------------------------------------------

  function clear() {
    request += 1;
    current = null;
    offersDrawn.clearLayers();
    journeyDrawn.clearLayers();
    legend.hidden = true;
    journeyBox.hidden = true;
    status.textContent = '';
    state = { active: false, markers: [], journey: null, stops: state.stops };
    offersLayer.resume();
    publish();
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); show(); });
  maxSelect.addEventListener('change', function () { if (current) show(); });
  clearButton.addEventListener('click', clear);
  stopsBox.addEventListener('change', drawStops);
  map.on('moveend', function () { if (stopsBox.checked) drawStops(); });
  offersLayer.onChange(function () { if (current) show(); });

  // An embedding page (widget.js) may give the place and the time in the URL.
  var asked = new URLSearchParams(window.location.search);
  if (/^\d\d:\d\d$/.test(asked.get('arrive') || '')) arriveInput.value = asked.get('arrive');
  if (asked.get('from')) {
    fromInput.value = asked.get('from');
    window.addEventListener('wapi:filters-ready', show, { once: true });
  }
  publish();
})();
