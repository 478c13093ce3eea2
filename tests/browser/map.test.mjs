// The map page at /map in a real browser: what it draws matches what the
// API serves, filters and zoom change it, popups open, and nothing is loaded
// from another host.
//
//   WAPI_URL=http://127.0.0.1:18282 node --test tests/browser/
//
// Environment: WAPI_URL (a running `wapi serve`), CHROMIUM (default
// /usr/bin/chromium), SCREENSHOT_DIR (default `target`).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOT_DIR, WAPI_URL, openBrowser } from './support.mjs';

const TIMEOUT_MS = 30_000;

/** GETs a path (or absolute URL) of the server as JSON. */
async function getJson(pathOrUrl) {
  const response = await fetch(new URL(pathOrUrl, WAPI_URL));
  assert.equal(response.status, 200, `GET ${pathOrUrl}`);
  return response.json();
}

async function graphql(query, variables = {}) {
  const response = await fetch(`${WAPI_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** The layer URL with one parameter changed or (with `null`) removed. */
function withParam(url, name, value) {
  const u = new URL(url, WAPI_URL);
  if (value === null) u.searchParams.delete(name);
  else u.searchParams.set(name, String(value));
  return u.pathname + u.search;
}

function offersIn(collection) {
  return collection.features.reduce(
    (n, f) => n + (f.properties.cluster === true ? f.properties.point_count : 1),
    0,
  );
}

describe('the map page', () => {
  let page;
  let foreignRequests;
  let pageErrors;
  let close;

  /** What the page says it rendered last (without the Leaflet map object). */
  const mapState = () =>
    page.evaluate(() => {
      const { map, ...state } = window.wapiMap;
      return state;
    });

  const renders = () => page.evaluate(() => window.__wapiRenders);

  /**
   * Runs `action`, then waits for the page to render at least once more and
   * to stay quiet (no further render, nothing loading) for a moment.
   */
  async function afterRender(action) {
    const before = await renders();
    await action();
    await page.waitForFunction((n) => window.__wapiRenders > n, { timeout: TIMEOUT_MS }, before);
    return settle();
  }

  /** Waits until nothing renders or loads for a moment. */
  async function settle() {
    let seen = await renders();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const now = await renders();
      const loading = await page.$eval('#count', (node) => node.textContent.includes('Chargement'));
      if (now === seen && !loading) break;
      seen = now;
    }
    return mapState();
  }

  /** Rendered markers, counted in the DOM. */
  const domMarkers = () => page.$$eval('.wapi-cluster, .wapi-offer', (nodes) => nodes.length);

  /** Asserts the page shows exactly the layer its URL serves. */
  async function assertMatchesLayer(state) {
    assert.equal(state.ready, true);
    assert.equal(state.error, undefined, state.error);
    assert.equal(await domMarkers(), state.markers, 'one DOM element per rendered marker');
    const layer = await getJson(state.url);
    assert.equal(layer.features.length, state.markers, `the page draws every feature of ${state.url}`);
    assert.equal(offersIn(layer), state.offers, 'cluster counts plus single offers');
    const flat = await getJson(withParam(state.url, 'zoom', null));
    assert.equal(flat.features.length, state.offers, 'clusters hold every offer of the viewport');
    const drawnIds = await page.$$eval('[data-cluster-id], [data-offer-id]', (nodes) =>
      nodes.map((n) => (n.dataset.clusterId ? `cluster-${n.dataset.clusterId}` : n.dataset.offerId)).sort(),
    );
    assert.deepEqual(drawnIds, layer.features.map((f) => f.id).sort());
    return { layer, flat };
  }

  /**
   * The biggest cluster whose centre is really clickable (not under a
   * control or another marker), or null.
   */
  const clickableCluster = () =>
    page.evaluate(() => {
      const candidates = [...document.querySelectorAll('.wapi-cluster')]
        .map((node) => {
          const box = node.getBoundingClientRect();
          const x = box.left + box.width / 2;
          const y = box.top + box.height / 2;
          const hit = document.elementFromPoint(x, y);
          return { node, x, y, hit, count: Number(node.textContent) };
        })
        .filter((c) => c.hit && c.node.contains(c.hit))
        .sort((a, b) => b.count - a.count);
      const best = candidates[0];
      return best ? { id: best.node.dataset.clusterId, x: best.x, y: best.y, count: best.count } : null;
    });

  const clickableOffer = () =>
    page.evaluate(() => {
      for (const node of document.querySelectorAll('.wapi-offer')) {
        const box = node.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        if (document.elementFromPoint(x, y) === node) return { id: node.dataset.offerId, x, y };
      }
      return null;
    });

  before(async () => {
    ({ page, foreignRequests, pageErrors, close } = await openBrowser());
    await page.evaluateOnNewDocument(() => {
      window.__wapiRenders = 0;
      window.addEventListener('wapi:rendered', () => {
        window.__wapiRenders += 1;
      });
    });
    const response = await page.goto(`${WAPI_URL}/map`, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    await page.waitForFunction(() => window.wapiMap && window.wapiMap.ready === true, { timeout: TIMEOUT_MS });
    await settle();
  });

  after(async () => {
    await close?.();
  });

  it('draws the communes and exactly the clusters and offers the layer serves', async () => {
    assert.equal(await page.title(), 'Wapi Synergies — carte des offres');
    assert.equal(await page.$$eval('path.wapi-commune', (nodes) => nodes.length), 23);
    const state = await mapState();
    assert.match(state.url, /^\/geo\/offers\.geojson\?/);
    assert.equal(new URL(state.url, WAPI_URL).searchParams.get('zoom'), String(state.zoom));
    assert.equal(new URL(state.url, WAPI_URL).searchParams.get('bbox'), state.bbox);
    const [west, south, east, north] = state.bbox.split(',').map(Number);
    assert.ok(west <= 2.84 && east >= 4.15 && south <= 50.45 && north >= 50.82, `Wallonie picarde in view: ${state.bbox}`);
    assert.ok(state.markers > 0, 'something on the map');
    assert.ok(state.markers < state.offers, 'offers are clustered at this zoom');
    await assertMatchesLayer(state);

    const data = await graphql(
      'query($bbox: BBoxInput!) { offers(first: 0, filter: { bbox: $bbox }) { totalCount } }',
      { bbox: { minLon: west, minLat: south, maxLon: east, maxLat: north } },
    );
    assert.equal(state.offers, data.offers.totalCount, 'as many offers as GraphQL finds in the viewport');
    const count = await page.$eval('#count', (node) => node.textContent);
    assert.ok(count.replace(/\s/g, ' ').includes(`${state.offers} offres`), count);
  });

  it('filters by trade', async () => {
    const before = await mapState();
    const { flat } = await assertMatchesLayer(before);
    // The trade with the most offers in view that still leaves some out.
    const perTrade = new Map();
    for (const feature of flat.features) {
      for (const code of feature.properties.tradeCodes) perTrade.set(code, (perTrade.get(code) || 0) + 1);
    }
    const [trade, expected] = [...perTrade].filter(([, n]) => n < before.offers).sort((a, b) => b[1] - a[1])[0];
    const options = await page.$$eval('#trade option', (nodes) => nodes.map((n) => n.value));
    assert.ok(options.includes(trade), `${trade} in ${options}`);
    assert.ok(await page.$$eval('#audience option', (nodes) => nodes.length) > 1, 'audiences listed');

    const after = await afterRender(() => page.select('#trade', trade));
    assert.equal(new URL(after.url, WAPI_URL).searchParams.get('trade'), trade);
    assert.equal(after.offers, expected);
    assert.ok(after.offers < before.offers);
    const { layer } = await assertMatchesLayer(after);
    for (const feature of layer.features) {
      if (feature.properties.cluster !== true) assert.ok(feature.properties.tradeCodes.includes(trade));
    }

    const reset = await afterRender(() => page.select('#trade', ''));
    assert.equal(reset.url, before.url);
    assert.equal(reset.markers, before.markers);
  });

  it('splits a cluster when it is clicked', async () => {
    const before = await mapState();
    const cluster = await clickableCluster();
    assert.ok(cluster, 'a cluster to click');
    const layer = await getJson(before.url);
    const feature = layer.features.find((f) => f.id === `cluster-${cluster.id}`);
    assert.ok(feature);
    const after = await afterRender(() => page.mouse.click(cluster.x, cluster.y));
    assert.equal(after.zoom, Math.min(18, Math.max(feature.properties.expansion_zoom, before.zoom + 1)));
    await assertMatchesLayer(after);
    // The same view at the previous zoom: fewer, bigger markers.
    const coarser = await getJson(withParam(after.url, 'zoom', before.zoom));
    assert.ok(
      after.markers > coarser.features.length,
      `${after.markers} markers at zoom ${after.zoom}, ${coarser.features.length} at zoom ${before.zoom}`,
    );
    assert.ok(after.markers >= 2);
  });

  it('opens an offer popup with its title', async () => {
    let offer = await clickableOffer();
    for (let i = 0; !offer && i < 8; i++) {
      const cluster = await clickableCluster();
      if (cluster) await afterRender(() => page.mouse.click(cluster.x, cluster.y));
      else await afterRender(() => page.evaluate(() => window.wapiMap.map.zoomIn()));
      offer = await clickableOffer();
    }
    assert.ok(offer, 'an offer marker to click');
    const state = await mapState();
    const feature = (await getJson(state.url)).features.find((f) => f.id === offer.id);
    assert.ok(feature, `offer ${offer.id} in the layer`);
    await page.mouse.click(offer.x, offer.y);
    await page.waitForSelector('.leaflet-popup-content .wapi-popup-title', { visible: true });
    // Leaflet fades popups in.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1');
    // A closed tooltip fades out for 200 ms before it leaves the page: count
    // only the ones a person can see.
    const visibleTooltips = () =>
      page.$$eval('.leaflet-tooltip', (nodes) => nodes.filter((n) => getComputedStyle(n).opacity !== '0').length);
    await page.waitForFunction(
      () => [...document.querySelectorAll('.leaflet-tooltip')].every((n) => getComputedStyle(n).opacity === '0'),
      { timeout: 2000 },
    ).catch(() => {});
    assert.equal(await visibleTooltips(), 0, 'no tooltip over the popup');
    assert.equal(await page.$eval('.wapi-popup-title', (n) => n.textContent), feature.properties.title);
    const popup = await page.$eval('.leaflet-popup-content', (n) => n.textContent);
    const kinds = { TRAINING: 'Formation', INTERNSHIP: 'Stage', JOB: 'Emploi', DISCOVERY: 'Découverte' };
    assert.ok(popup.includes(kinds[feature.properties.kind]), popup);
    assert.ok(popup.includes(feature.properties.operator), popup);
    assert.equal(popup.includes('données de démonstration'), feature.properties.isDemo === true);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-popup.png') });
  });

  it('looks right: screenshot of the whole area', async () => {
    await page.evaluate(() => window.wapiMap.map.closePopup());
    const state = await afterRender(() =>
      page.evaluate(() => window.wapiMap.map.fitBounds([[50.45, 2.84], [50.82, 4.15]])),
    );
    await assertMatchesLayer(state);
    assert.ok((await page.$$('.wapi-legend li')).length >= 5, 'legend');
    await page.mouse.move(5, 5); // no hover tooltip in the picture
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, 'map.png');
    await page.screenshot({ path: file });
    console.log(`screenshot: ${file}`);
  });

  it('loads nothing from other hosts and logs no error', () => {
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(pageErrors, []);
  });
});
