// Wapi Synergies — carte des offres.
//
// A reference map widget built only on the public API:
//   GET  /geo/communes.geojson   the 23 commune outlines (drawn once);
//   GET  /geo/offers.geojson     offers in the viewport, clustered by the
//                                server at the map's zoom (`zoom` + `bbox`);
//   POST /graphql                the trade and audience lists of the filters;
//   GET  /map/config.json        the optional tile layer.
// The equipment layer (equipment.js) follows this page's trade filter
// through `window.wapiOffersLayer`.
//
// After each render, `window.wapiMap` describes what is on the map and a
// `wapi:rendered` event is dispatched on `window` (the browser test reads
// both).
(function () {
  'use strict';

  /** Wallonie picarde, with a little margin. */
  var AREA = L.latLngBounds([50.45, 2.84], [50.82, 4.15]);

  var KINDS = [
    { code: 'TRAINING', label: 'Formation', fallback: '#1f6fb2' },
    { code: 'INTERNSHIP', label: 'Stage', fallback: '#2e8b57' },
    { code: 'JOB', label: 'Emploi', fallback: '#c0392b' },
    { code: 'DISCOVERY', label: 'Découverte', fallback: '#d68910' },
  ];
  var RECRUITMENT = { OPEN: 'Recrutement ouvert', CLOSED: 'Recrutement clôturé', SUSPENDED: 'Recrutement suspendu' };

  var rootStyle = getComputedStyle(document.documentElement);
  var kindByCode = {};
  KINDS.forEach(function (kind) {
    var css = rootStyle.getPropertyValue('--wapi-' + kind.code.toLowerCase()).trim();
    kind.color = css || kind.fallback;
    kindByCode[kind.code] = kind;
  });

  var form = document.getElementById('filters');
  var tradeSelect = document.getElementById('trade');
  var audienceSelect = document.getElementById('audience');
  var textInput = document.getElementById('q');
  var countLine = document.getElementById('count');
  var offersBox = document.getElementById('layer-offers');

  var map = L.map('map', { minZoom: 7, maxZoom: 18, zoomSnap: 1, maxBounds: AREA.pad(1.5) });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Leaflet, une bibliothèque de cartes interactives">Leaflet</a>');
  map.fitBounds(AREA);

  var markersLayer = L.layerGroup().addTo(map);
  window.wapiMap = { ready: false, map: map };

  // ---- helpers ---------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function graphql(query) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: query }),
    }).then(function (response) {
      if (!response.ok) throw new Error('GraphQL: HTTP ' + response.status);
      return response.json();
    }).then(function (body) {
      if (body.errors && body.errors.length) throw new Error('GraphQL: ' + body.errors[0].message);
      return body.data;
    });
  }

  var dateFormat = new Intl.DateTimeFormat('fr-BE', { day: 'numeric', month: 'long', year: 'numeric' });
  function frenchDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!parts) return iso || '';
    return dateFormat.format(new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  }

  function dates(p) {
    if (p.startDate && p.endDate && p.startDate !== p.endDate) {
      return 'du ' + frenchDate(p.startDate) + ' au ' + frenchDate(p.endDate);
    }
    if (p.startDate) return 'le ' + frenchDate(p.startDate);
    if (p.endDate) return 'jusqu’au ' + frenchDate(p.endDate);
    return '';
  }

  function plural(n, one, many) {
    return n + '\u00a0' + (n === 1 ? one : many);
  }

  // ---- legend ----------------------------------------------------------

  (function legend() {
    var list = document.getElementById('legend');
    KINDS.forEach(function (kind) {
      var item = el('li');
      var swatch = el('span', 'wapi-legend-swatch');
      swatch.style.background = kind.color;
      item.appendChild(swatch);
      item.appendChild(el('span', null, kind.label));
      list.appendChild(item);
    });
    var item = el('li');
    item.appendChild(el('span', 'wapi-legend-swatch wapi-legend-swatch--cluster', '12'));
    item.appendChild(el('span', null, 'Groupe d’offres (nombre)'));
    list.appendChild(item);
  })();

  // ---- filters ---------------------------------------------------------

  function fillSelect(select, options) {
    options.forEach(function (option) {
      var node = el('option', null, option.label);
      node.value = option.value;
      select.appendChild(node);
    });
  }

  var filtersLoaded = graphql('{ trades { code name } audiences { audience label } }').then(function (data) {
    var seen = {};
    var trades = data.trades.filter(function (trade) {
      if (seen[trade.code]) return false;
      seen[trade.code] = true;
      return true;
    }).sort(function (a, b) { return a.name.localeCompare(b.name, 'fr'); });
    fillSelect(tradeSelect, trades.map(function (t) { return { value: t.code, label: t.name }; }));
    fillSelect(audienceSelect, data.audiences.map(function (a) { return { value: a.audience, label: a.label }; }));
  }).catch(function (error) {
    console.error(error);
  });

  function layerUrl() {
    var bounds = map.getBounds();
    var clamp = function (value, min, max) { return Math.min(max, Math.max(min, value)); };
    var bbox = [
      clamp(bounds.getWest(), -180, 180).toFixed(5),
      clamp(bounds.getSouth(), -85, 85).toFixed(5),
      clamp(bounds.getEast(), -180, 180).toFixed(5),
      clamp(bounds.getNorth(), -85, 85).toFixed(5),
    ].join(',');
    var params = new URLSearchParams();
    params.set('zoom', String(Math.round(map.getZoom())));
    params.set('bbox', bbox);
    var kinds = Array.prototype.filter.call(form.elements.kind, function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    if (kinds.length < KINDS.length) params.set('kind', kinds.join(','));
    if (tradeSelect.value) params.set('trade', tradeSelect.value);
    if (audienceSelect.value) params.set('audience', audienceSelect.value);
    var text = textInput.value.trim();
    if (text) params.set('q', text);
    return { url: '/geo/offers.geojson?' + params.toString(), bbox: bbox, zoom: Math.round(map.getZoom()), kinds: kinds };
  }

  // ---- markers ---------------------------------------------------------

  function clusterMarker(feature, latlng) {
    var p = feature.properties;
    var count = p.point_count;
    var size = count < 10 ? 30 : count < 100 ? 38 : count < 1000 ? 46 : 54;
    var marker = L.marker(latlng, {
      icon: L.divIcon({
        className: 'wapi-cluster',
        html: '<span>' + Number(count) + '</span>',
        iconSize: [size, size],
      }),
      title: plural(count, 'offre', 'offres') + ' — cliquer pour zoomer',
      keyboard: true,
    });
    marker.on('add', function () {
      marker.getElement().setAttribute('data-cluster-id', String(p.cluster_id));
    });
    marker.on('click', function () {
      var target = Math.max(Number(p.expansion_zoom) || 0, map.getZoom() + 1);
      map.setView(latlng, Math.min(target, map.getMaxZoom()));
    });
    return marker;
  }

  function popupContent(p) {
    var kind = kindByCode[p.kind];
    var box = el('div', 'wapi-popup');
    box.appendChild(el('h3', 'wapi-popup-title', p.title));
    var badges = el('div');
    var kindBadge = el('span', 'wapi-kind wapi-kind--' + p.kind, kind ? kind.label : p.kind);
    badges.appendChild(kindBadge);
    if (p.isDemo) badges.appendChild(el('span', 'wapi-demo', 'données de démonstration'));
    box.appendChild(badges);
    var details = el('dl');
    function row(label, value) {
      if (!value) return;
      details.appendChild(el('dt', null, label));
      details.appendChild(el('dd', null, value));
    }
    row('Métiers', (p.trades || []).join(', '));
    row('Opérateur', p.operator);
    row('Adresse', p.address);
    row('Commune', p.commune);
    row('Dates', dates(p));
    row('Places', p.places);
    row('Statut', RECRUITMENT[p.recruitmentState]);
    box.appendChild(details);
    return box;
  }

  function offerMarker(feature, latlng) {
    var p = feature.properties;
    var kind = kindByCode[p.kind];
    var marker = L.circleMarker(latlng, {
      className: 'wapi-offer wapi-offer--' + p.kind,
      radius: 8,
      color: '#ffffff',
      weight: 2,
      fillColor: kind ? kind.color : '#555555',
      fillOpacity: 0.95,
    });
    marker.on('add', function () {
      marker.getElement().setAttribute('data-offer-id', String(feature.id));
    });
    // The tooltip first: a click opens it too, then the popup, which hides it.
    marker.bindTooltip(p.title, { direction: 'top', offset: [0, -6] });
    marker.bindPopup(function () { return popupContent(p); }, { maxWidth: 320 });
    marker.on('popupopen', function () { marker.closeTooltip(); });
    return marker;
  }

  // ---- loading ---------------------------------------------------------

  var sequence = 0;
  var inFlight = null;

  function publish(state) {
    state.ready = true;
    state.map = map;
    window.wapiMap = state;
    window.dispatchEvent(new CustomEvent('wapi:rendered', { detail: state }));
  }

  // While the Mobility tab shows travel times (mobility.js), the offers
  // layer steps aside.
  var paused = false;

  function refresh() {
    if (paused) return;
    var request = layerUrl();
    var mine = ++sequence;
    if (inFlight) inFlight.abort();
    // The trade filter still serves the equipment layer when offers are hidden.
    if (!offersBox.checked) {
      inFlight = null;
      markersLayer.clearLayers();
      countLine.classList.remove('wapi-error');
      countLine.textContent = 'Offres masquées';
      publish({ zoom: request.zoom, bbox: request.bbox, url: null, markers: 0, offers: 0, hidden: true });
      return;
    }
    if (request.kinds.length === 0) {
      inFlight = null;
      markersLayer.clearLayers();
      countLine.classList.remove('wapi-error');
      countLine.textContent = 'Aucun type d’offre choisi';
      publish({ zoom: request.zoom, bbox: request.bbox, url: null, markers: 0, offers: 0 });
      return;
    }
    var controller = new AbortController();
    inFlight = controller;
    countLine.textContent = 'Chargement…';
    fetch(request.url, { headers: { Accept: 'application/geo+json' }, signal: controller.signal })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (collection) {
        if (mine !== sequence) return; // a newer request is on its way
        inFlight = null;
        markersLayer.clearLayers();
        var markers = 0;
        var offers = 0;
        collection.features.forEach(function (feature) {
          var c = feature.geometry.coordinates;
          var latlng = L.latLng(c[1], c[0]);
          if (feature.properties.cluster === true) {
            markersLayer.addLayer(clusterMarker(feature, latlng));
            offers += Number(feature.properties.point_count) || 0;
          } else {
            markersLayer.addLayer(offerMarker(feature, latlng));
            offers += 1;
          }
          markers += 1;
        });
        countLine.classList.remove('wapi-error');
        countLine.textContent = offers === 0
          ? 'Aucune offre dans la vue'
          : plural(offers, 'offre', 'offres') + ' dans la vue';
        publish({ zoom: request.zoom, bbox: request.bbox, url: request.url, markers: markers, offers: offers });
      })
      .catch(function (error) {
        if (error.name === 'AbortError' || mine !== sequence) return;
        console.error(error);
        countLine.classList.add('wapi-error');
        countLine.textContent = 'Impossible de charger les offres.';
        publish({ zoom: request.zoom, bbox: request.bbox, url: request.url, markers: 0, offers: 0, error: String(error) });
      });
  }

  window.wapiOffersLayer = {
    /** The filters as chosen, for other tabs' queries. */
    filters: function () {
      var request = layerUrl();
      return {
        kinds: request.kinds,
        trade: tradeSelect.value || null,
        audience: audienceSelect.value || null,
        text: textInput.value.trim() || null,
      };
    },
    /** The viewport as the layers ask for it, for other layers' requests. */
    viewport: function () {
      var request = layerUrl();
      return { bbox: request.bbox, zoom: request.zoom };
    },
    pause: function () {
      paused = true;
      sequence += 1;
      if (inFlight) inFlight.abort();
      markersLayer.clearLayers();
      countLine.classList.remove('wapi-error');
      countLine.textContent = 'Temps de trajet affichés (Mobilité ci-dessous)';
    },
    resume: function () {
      paused = false;
      refresh();
    },
    onChange: function (listener) { form.addEventListener('change', listener); },
  };

  var typing = null;
  offersBox.addEventListener('change', refresh);
  form.addEventListener('submit', function (event) { event.preventDefault(); refresh(); });
  form.addEventListener('change', function (event) {
    if (event.target === textInput) return; // handled by `input`
    refresh();
  });
  textInput.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(refresh, 300);
  });

  // ---- tooltips never cover an open popup -------------------------------

  // The mouse is still over a marker or a commune when its popup opens, and
  // Leaflet would show their tooltips on top of it.
  var popupOpen = false;
  map.on('popupopen', function () {
    popupOpen = true;
    map.eachLayer(function (layer) {
      if (layer.closeTooltip) layer.closeTooltip();
    });
  });
  map.on('popupclose', function () { popupOpen = false; });
  map.on('tooltipopen', function (event) {
    if (popupOpen) map.closeTooltip(event.tooltip);
  });

  // ---- layers ----------------------------------------------------------

  var communesLoaded = fetch('/geo/communes.geojson')
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(function (communes) {
      L.geoJSON(communes, {
        attribution: 'Limites communales&nbsp;: Datafable (MIT)',
        style: { className: 'wapi-commune', color: '#5a6b7d', weight: 1, fillColor: '#dfe7d8', fillOpacity: 0.55 },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(feature.properties.name, { sticky: true, className: 'wapi-commune-name' });
        },
      }).addTo(map).bringToBack();
    })
    .catch(function (error) { console.error('communes', error); });

  var configLoaded = fetch('/map/config.json')
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (config) {
      if (config && config.tileUrl) {
        L.tileLayer(config.tileUrl, { attribution: config.attribution || '', maxZoom: 19 }).addTo(map);
      }
    })
    .catch(function (error) { console.error('config', error); });

  // The first layer is fetched once the outlines are drawn (so markers sit
  // above them); afterwards, every move or zoom fetches the viewport again.
  // A page embedding the map (widget.js) chooses filters in the URL:
  // `kind` (codes, comma-separated), `trade`, `layers` (`offers`,
  // `equipment` or both; offers alone by default) and `embed` for a compact
  // page.
  var asked = new URLSearchParams(window.location.search);
  if (asked.get('embed') === '1') document.body.classList.add('wapi-embedded');
  function applyAskedFilters() {
    if (asked.has('layers')) offersBox.checked = asked.get('layers').split(',').indexOf('offers') !== -1;
    var kinds = (asked.get('kind') || '').split(',').filter(Boolean);
    if (kinds.length) {
      Array.prototype.forEach.call(form.elements.kind, function (box) {
        box.checked = kinds.indexOf(box.value) !== -1;
      });
    }
    var trade = asked.get('trade');
    if (trade && tradeSelect.querySelector('option[value="' + CSS.escape(trade) + '"]')) tradeSelect.value = trade;
  }

  Promise.all([communesLoaded, configLoaded, filtersLoaded]).then(function () {
    applyAskedFilters();
    map.on('moveend', refresh);
    refresh();
    window.dispatchEvent(new CustomEvent('wapi:filters-ready'));
  });
})();
