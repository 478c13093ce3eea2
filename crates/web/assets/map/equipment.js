// Wapi Synergies — the equipment layer of the map ("Équipements").
//
// The public equipment inventory of Wallonie picarde (benches, rigs and
// tools of schools, centres and companies), built only on the public API
// like the offers layer, so partner widgets can do the same:
//   GET  /geo/equipment.geojson  items in the viewport, clustered by the
//                                server at the map's zoom (`zoom` + `bbox`),
//                                with the page's trade, a category and
//                                `shareable=true`; while the Mobility tab
//                                shows travel times, only the items within
//                                its reach (`from`, `maxMinutes`, `arriveBy`);
//   POST /graphql                `equipmentCategories` for the filter.
//
// Off by default, so the offers stay the first view; `layers=equipment` in
// the URL (widget.js's data-layers) turns it on, `category` and
// `shareable=true` preset its filters.
//
// After each render `window.wapiEquipment` describes what is drawn and a
// `wapi:equipment` event is dispatched on `window` (the browser test reads
// both).
(function () {
  'use strict';

  var map = window.wapiMap && window.wapiMap.map;
  var offersLayer = window.wapiOffersLayer;
  if (!map || !offersLayer) return;

  var CONDITIONS = { NEW: 'Neuf', GOOD: 'Bon état', WORN: 'Usé', OUT_OF_SERVICE: 'Hors service' };

  var toggle = document.getElementById('layer-equipment');
  var section = document.getElementById('equipment');
  var form = document.getElementById('equipment-filters');
  var categorySelect = document.getElementById('equipment-category');
  var shareableBox = document.getElementById('equipment-shareable');
  var countLine = document.getElementById('equipment-count');
  var tradeSelect = document.getElementById('trade');

  var colour = getComputedStyle(document.documentElement).getPropertyValue('--wapi-equipment').trim() || '#00796b';
  var drawn = L.layerGroup().addTo(map);
  /** The Mobility tab's place and time while it shows travel times, else null. */
  var reach = null;
  /**
   * The item marker whose popup is open. It outlives refreshes: a popup near
   * the edge pans the map, and the refetch that follows would close it.
   */
  var openMarker = null;

  function publish(state) {
    window.wapiEquipment = state;
    window.dispatchEvent(new CustomEvent('wapi:equipment', { detail: state }));
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function plural(n, one, many) {
    return n + '\u00a0' + (n === 1 ? one : many);
  }

  var euros = new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' });

  /** Trade names as the offers' trade filter lists them (codes otherwise). */
  function tradeNames(codes) {
    return (codes || []).map(function (code) {
      var option = tradeSelect && tradeSelect.querySelector('option[value="' + CSS.escape(code) + '"]');
      return option ? option.textContent : code;
    }).join(', ');
  }

  // ---- legend ----------------------------------------------------------

  // Squares, where offers are circles, in a colour of their own.
  var legendItems = [
    ['wapi-legend-swatch wapi-legend-swatch--eq', null, 'Équipement mutualisable'],
    ['wapi-legend-swatch wapi-legend-swatch--eq-own', null, 'Équipement non mutualisable'],
    ['wapi-legend-swatch wapi-legend-swatch--eq-cluster', '12', 'Groupe d’équipements (nombre)'],
  ].map(function (entry) {
    var item = el('li');
    item.appendChild(el('span', entry[0], entry[1]));
    item.appendChild(el('span', null, entry[2]));
    item.hidden = true;
    document.getElementById('legend').appendChild(item);
    return item;
  });

  // ---- request ---------------------------------------------------------

  function layerUrl() {
    var view = offersLayer.viewport();
    var params = new URLSearchParams();
    params.set('zoom', String(view.zoom));
    params.set('bbox', view.bbox);
    var trade = offersLayer.filters().trade;
    if (trade) params.set('trade', trade);
    if (categorySelect.value) params.set('category', categorySelect.value);
    if (shareableBox.checked) params.set('shareable', 'true');
    if (reach) {
      params.set('from', reach.from);
      params.set('maxMinutes', String(reach.maxMinutes));
      params.set('arriveBy', reach.arriveBy);
    }
    return '/geo/equipment.geojson?' + params.toString();
  }

  /**
   * The Mobility tab's reach as the layer's `from`: a commune's NIS code, or
   * a locality's name rather than its postcode, which may cover several.
   */
  function reachOf(mobility) {
    var place = mobility && mobility.active && mobility.place;
    var from = place && (place.communeNis || place.locality || place.postcode);
    if (!from) return null;
    return { from: from, label: mobility.from, maxMinutes: mobility.maxMinutes, arriveBy: mobility.arriveBy };
  }

  // ---- markers ---------------------------------------------------------

  function clusterMarker(feature, latlng) {
    var p = feature.properties;
    var count = p.point_count;
    var size = count < 10 ? 28 : count < 100 ? 34 : 40;
    var marker = L.marker(latlng, {
      icon: L.divIcon({ className: 'wapi-eq-cluster', html: '<span>' + Number(count) + '</span>', iconSize: [size, size] }),
      title: plural(count, 'équipement', 'équipements') + ' — cliquer pour zoomer',
      keyboard: true,
    });
    marker.on('add', function () {
      marker.getElement().setAttribute('data-equipment-cluster-id', String(p.cluster_id));
    });
    marker.on('click', function () {
      var target = Math.max(Number(p.expansion_zoom) || 0, map.getZoom() + 1);
      map.setView(latlng, Math.min(target, map.getMaxZoom()));
    });
    return marker;
  }

  function popupContent(p) {
    var box = el('div', 'wapi-popup wapi-eq-popup');
    box.appendChild(el('h3', 'wapi-popup-title', p.name));
    var badges = el('div');
    badges.appendChild(el('span', 'wapi-eq-category', p.categoryLabel || p.category));
    if (p.shareable) badges.appendChild(el('span', 'wapi-eq-shared', 'mutualisable'));
    if (p.isDemo) badges.appendChild(el('span', 'wapi-demo', 'données de démonstration'));
    box.appendChild(badges);
    function list(rows) {
      var details = el('dl');
      rows.forEach(function (row) {
        if (row[1] === null || row[1] === undefined || row[1] === '') return;
        details.appendChild(el('dt', null, row[0]));
        details.appendChild(el('dd', null, row[1]));
      });
      return details;
    }
    var travel = typeof p.travelMinutes === 'number'
      ? p.travelMinutes + ' min en bus ou en train' + (reach ? ' depuis ' + reach.label : '')
      : null;
    box.appendChild(list([
      ['Marque, modèle', [p.brand, p.model].filter(Boolean).join(' ')],
      ['Quantité', p.quantity],
      ['État', CONDITIONS[p.condition] || p.condition],
      ['Fluide', p.refrigerant],
      ['Métiers', tradeNames(p.tradeCodes)],
      ['Opérateur', p.operator],
      ['Site', p.site],
      ['Adresse', p.address],
      ['Trajet', travel],
    ]));
    if (!p.shareable) {
      box.appendChild(el('p', 'wapi-eq-note', 'Pas proposé à la mutualisation.'));
      return box;
    }
    box.appendChild(el('h4', null, 'Conditions de mutualisation'));
    var cents = p.costPerHalfDayCents;
    box.appendChild(list([
      ['Encadrement', p.supervisionRequired === true ? 'requis' : p.supervisionRequired === false ? 'non requis' : null],
      ['Groupe max.', typeof p.maxGroupSize === 'number' ? plural(p.maxGroupSize, 'personne', 'personnes') : null],
      ['Coût par demi-journée', cents === 0 ? 'gratuit' : typeof cents === 'number' ? euros.format(cents / 100) : null],
      ['Délai de prévenance', typeof p.noticeDays === 'number' ? plural(p.noticeDays, 'jour', 'jours') : null],
    ]));
    return box;
  }

  function itemMarker(feature, latlng) {
    var p = feature.properties;
    var kind = p.shareable ? 'shared' : 'own';
    var marker = L.marker(latlng, {
      icon: L.divIcon({
        className: 'wapi-eq wapi-eq--' + kind + (p.condition === 'OUT_OF_SERVICE' ? ' wapi-eq--out' : ''),
        iconSize: [16, 16],
      }),
      keyboard: true,
    });
    marker.on('add', function () {
      var node = marker.getElement();
      node.setAttribute('data-equipment-id', String(feature.id));
      node.setAttribute('aria-label', p.name);
    });
    // As for offers: the tooltip first, and the popup hides it.
    marker.bindTooltip(p.name, { direction: 'top', offset: [0, -8] });
    marker.bindPopup(function () { return popupContent(p); }, { maxWidth: 320 });
    marker.featureId = feature.id;
    marker.on('popupopen', function () {
      marker.closeTooltip();
      openMarker = marker;
    });
    marker.on('popupclose', function () {
      if (openMarker !== marker) return;
      openMarker = null;
      // Kept after the layer had left it out (filtered, clustered): gone now.
      if (marker.stale) drawn.removeLayer(marker);
    });
    return marker;
  }

  // A site's items share its point: once they no longer cluster, they are
  // set in a ring around it (a dot marks the site) so that each can be
  // clicked; the ring is drawn again at every zoom.
  function ringed(latlng, i, n) {
    var radius = Math.max(18, 3.5 * n); // pixels: some 22 between neighbours
    var angle = (2 * Math.PI * i) / n - Math.PI / 2;
    var offset = L.point(radius * Math.cos(angle), radius * Math.sin(angle));
    return map.layerPointToLatLng(map.latLngToLayerPoint(latlng).add(offset));
  }

  function siteDot(latlng) {
    return L.circleMarker(latlng, {
      className: 'wapi-eq-site', radius: 3, weight: 1, color: '#ffffff', fillColor: colour, fillOpacity: 1,
      interactive: false,
    });
  }

  // ---- loading ---------------------------------------------------------

  var sequence = 0;
  var inFlight = null;

  function refresh() {
    var mine = ++sequence;
    if (inFlight) inFlight.abort();
    inFlight = null;
    if (!toggle.checked) {
      openMarker = null;
      drawn.clearLayers();
      countLine.textContent = '';
      publish({ active: false, url: null, markers: 0, items: 0 });
      return;
    }
    var url = layerUrl();
    var controller = new AbortController();
    inFlight = controller;
    countLine.classList.remove('wapi-error');
    countLine.textContent = 'Chargement…';
    fetch(url, { headers: { Accept: 'application/geo+json' }, signal: controller.signal })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (collection) {
        if (mine !== sequence) return; // a newer request is on its way
        inFlight = null;
        drawn.eachLayer(function (layer) { if (layer !== openMarker) drawn.removeLayer(layer); });
        if (openMarker) openMarker.stale = true;
        var items = 0;
        var atSpot = {};
        var placed = {};
        collection.features.forEach(function (feature) {
          if (feature.properties.cluster === true) return;
          var spot = feature.geometry.coordinates.join(',');
          atSpot[spot] = (atSpot[spot] || 0) + 1;
        });
        collection.features.forEach(function (feature) {
          var c = feature.geometry.coordinates;
          var latlng = L.latLng(c[1], c[0]);
          if (feature.properties.cluster === true) {
            drawn.addLayer(clusterMarker(feature, latlng));
            items += Number(feature.properties.point_count) || 0;
            return;
          }
          var spot = c.join(',');
          var n = atSpot[spot];
          var i = placed[spot] = (placed[spot] || 0) + 1;
          if (n > 1 && i === 1) drawn.addLayer(siteDot(latlng));
          items += 1;
          if (openMarker && openMarker.featureId === feature.id) {
            openMarker.stale = false;
            return;
          }
          drawn.addLayer(itemMarker(feature, n > 1 ? ringed(latlng, i - 1, n) : latlng));
        });
        var where = reach ? ' à ' + reach.maxMinutes + '\u00a0min au plus de ' + reach.label : ' dans la vue';
        countLine.textContent = items === 0
          ? 'Aucun équipement' + where
          : plural(items, 'équipement', 'équipements') + where;
        publish({ active: true, url: url, markers: collection.features.length, items: items, reachable: !!reach });
      })
      .catch(function (error) {
        if (error.name === 'AbortError' || mine !== sequence) return;
        console.error(error);
        countLine.classList.add('wapi-error');
        countLine.textContent = 'Impossible de charger les équipements.';
        publish({ active: true, url: url, markers: 0, items: 0, error: String(error) });
      });
  }

  function showToggle() {
    section.hidden = !toggle.checked;
    legendItems.forEach(function (item) { item.hidden = !toggle.checked; });
    refresh();
  }

  // ---- wiring ----------------------------------------------------------

  var categoriesLoaded = fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query: '{ equipmentCategories { code label } }' }),
  }).then(function (response) {
    if (!response.ok) throw new Error('GraphQL: HTTP ' + response.status);
    return response.json();
  }).then(function (body) {
    if (body.errors && body.errors.length) throw new Error('GraphQL: ' + body.errors[0].message);
    body.data.equipmentCategories.forEach(function (category) {
      var option = el('option', null, category.label);
      option.value = category.code;
      categorySelect.appendChild(option);
    });
  }).catch(function (error) { console.error('equipment categories', error); });

  // map.js says when its filters (the trade above all) are set from the URL.
  var filtersReady = new Promise(function (resolve) {
    window.addEventListener('wapi:filters-ready', resolve, { once: true });
  });

  publish({ active: false, url: null, markers: 0, items: 0 });

  Promise.all([categoriesLoaded, filtersReady]).then(function () {
    var asked = new URLSearchParams(window.location.search);
    toggle.checked = (asked.get('layers') || '').split(',').indexOf('equipment') !== -1;
    var category = asked.get('category');
    if (category && categorySelect.querySelector('option[value="' + CSS.escape(category) + '"]')) {
      categorySelect.value = category;
    }
    shareableBox.checked = asked.get('shareable') === 'true';

    toggle.addEventListener('change', showToggle);
    form.addEventListener('change', refresh);
    form.addEventListener('submit', function (event) { event.preventDefault(); refresh(); });
    map.on('moveend', function () { if (toggle.checked) refresh(); });
    // Only the trade of the offers' filters applies to equipment.
    var trade = offersLayer.filters().trade;
    offersLayer.onChange(function () {
      var now = offersLayer.filters().trade;
      if (now === trade) return;
      trade = now;
      if (toggle.checked) refresh();
    });
    window.addEventListener('wapi:mobility', function (event) {
      var next = reachOf(event.detail);
      if (JSON.stringify(next) === JSON.stringify(reach)) return;
      reach = next;
      if (toggle.checked) refresh();
    });
    reach = reachOf(window.wapiMobility);
    showToggle();
  });
})();
