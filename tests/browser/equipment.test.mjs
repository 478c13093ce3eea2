// The equipment layer of /map in a real browser, offline: off at first so
// the offers stay the first view, turned on it draws the clusters and items
// /geo/equipment.geojson serves, an item's popup says what it is in French,
// the "mutualisable uniquement" filter, a category and the page's trade
// change the request, and the Mobility tab narrows it to what is in reach.
// Then the widget, asked for the equipment layer alone.
//
//   WAPI_URL=http://127.0.0.1:18282 node --test tests/browser/
//
// Environment: WAPI_URL (a running `wapi serve`), CHROMIUM (default
// /usr/bin/chromium), SCREENSHOT_DIR (default `target`).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOT_DIR, WAPI_URL, openBrowser } from './support.mjs';

const TIMEOUT_MS = 90_000;
const CONDITIONS = { NEW: 'Neuf', GOOD: 'Bon état', WORN: 'Usé', OUT_OF_SERVICE: 'Hors service' };

async function getJson(pathOrUrl) {
  const response = await fetch(new URL(pathOrUrl, WAPI_URL));
  assert.equal(response.status, 200, `GET ${pathOrUrl}`);
  return response.json();
}

const paramOf = (url, name) => new URL(url, WAPI_URL).searchParams.get(name);

function withoutZoom(url) {
  const u = new URL(url, WAPI_URL);
  u.searchParams.delete('zoom');
  return u.pathname + u.search;
}

const itemsIn = (collection) =>
  collection.features.reduce((n, f) => n + (f.properties.cluster === true ? f.properties.point_count : 1), 0);

describe('the equipment layer of the map', () => {
  let page;
  let foreignRequests;
  let pageErrors;
  let close;
  const layerRequests = [];

  const equipment = () => page.evaluate(() => window.wapiEquipment);
  const renders = () => page.evaluate(() => window.__wapiEquipmentRenders);

  /** Runs `action`, then waits for the layer to render once more and stay quiet. */
  async function afterRender(action) {
    const before = await renders();
    await action();
    await page.waitForFunction((n) => window.__wapiEquipmentRenders > n, {}, before);
    let seen = await renders();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const now = await renders();
      const loading = await page.$eval('#equipment-count', (node) => node.textContent.includes('Chargement'));
      if (now === seen && !loading) break;
      seen = now;
    }
    return equipment();
  }

  /** Asserts the page draws exactly what its layer URL serves. */
  async function assertMatchesLayer(state) {
    assert.equal(state.active, true);
    assert.equal(state.error, undefined, state.error);
    const layer = await getJson(state.url);
    assert.equal(layer.features.length, state.markers, `every feature of ${state.url}`);
    assert.equal(itemsIn(layer), state.items);
    const drawn = await page.$$eval('[data-equipment-id], [data-equipment-cluster-id]', (nodes) =>
      nodes.map((n) => (n.dataset.equipmentClusterId ? `cluster-${n.dataset.equipmentClusterId}` : n.dataset.equipmentId)).sort(),
    );
    assert.deepEqual(drawn, layer.features.map((f) => f.id).sort());
    const flat = await getJson(withoutZoom(state.url));
    assert.equal(flat.features.length, state.items, 'clusters hold every item of the viewport');
    return { layer, flat };
  }

  /** The centre of the first marker matching `selector` that a click would really reach. */
  const clickable = (selector) =>
    page.evaluate((selector) => {
      const found = [...document.querySelectorAll(selector)]
        .map((node) => {
          const box = node.getBoundingClientRect();
          const x = box.left + box.width / 2;
          const y = box.top + box.height / 2;
          const hit = document.elementFromPoint(x, y);
          return { node, x, y, ok: hit && node.contains(hit), count: Number(node.textContent) || 0 };
        })
        .filter((c) => c.ok)
        .sort((a, b) => b.count - a.count)[0];
      return found ? { id: found.node.dataset.equipmentId || found.node.dataset.equipmentClusterId, x: found.x, y: found.y } : null;
    }, selector);

  before(async () => {
    ({ page, foreignRequests, pageErrors, close } = await openBrowser({ height: 900, timeoutMs: TIMEOUT_MS, offline: true }));
    page.on('request', (request) => {
      if (request.url().includes('/geo/equipment.geojson')) layerRequests.push(request.url());
    });
    await page.evaluateOnNewDocument(() => {
      window.__wapiEquipmentRenders = 0;
      window.addEventListener('wapi:equipment', () => {
        window.__wapiEquipmentRenders += 1;
      });
    });
    const response = await page.goto(`${WAPI_URL}/map`, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    await page.waitForFunction(() => window.wapiMap && window.wapiMap.ready === true && window.wapiEquipment);
    // The category list is in once the layer's first (empty) render is done.
    await page.waitForFunction(() => document.querySelectorAll('#equipment-category option').length > 1);
  });

  after(async () => {
    await close?.();
  });

  it('is off at first: the offers are the first view', async () => {
    const state = await equipment();
    assert.equal(state.active, false);
    assert.equal(await page.$eval('#layer-equipment', (n) => n.checked), false);
    assert.equal(await page.$eval('#layer-offers', (n) => n.checked), true);
    assert.equal(await page.$eval('#equipment', (n) => n.hidden), true, 'its filters are hidden');
    assert.equal(await page.$$eval('.wapi-eq, .wapi-eq-cluster', (n) => n.length), 0);
    assert.deepEqual(layerRequests, [], 'nothing asked yet');
    assert.ok((await page.evaluate(() => window.wapiMap.markers)) > 0, 'offers drawn');
  });

  it('turned on, draws the clusters and items the layer serves', async () => {
    const state = await afterRender(() => page.click('#layer-equipment'));
    assert.match(state.url, /^\/geo\/equipment\.geojson\?/);
    assert.ok(paramOf(state.url, 'zoom') && paramOf(state.url, 'bbox'), state.url);
    assert.ok(state.markers > 0, 'something drawn');
    assert.ok(state.markers < state.items, `clustered at this zoom: ${state.markers} markers, ${state.items} items`);
    await assertMatchesLayer(state);
    assert.ok(await page.$$eval('.wapi-eq-cluster', (n) => n.length) > 0, 'clusters');
    assert.equal(await page.$eval('#equipment', (n) => n.hidden), false, 'its filters are shown');
    const categories = await page.$$eval('#equipment-category option', (nodes) => nodes.length);
    assert.ok(categories > 10, `${categories} categories listed`);
    const count = await page.$eval('#equipment-count', (n) => n.textContent.replace(/\s/g, ' '));
    assert.ok(count.includes(`${state.items} équipements`), count);
    assert.ok(await page.$$eval('.wapi-legend li:not([hidden])', (n) => n.length) >= 8, 'legend with equipment');
  });

  it('opens an item popup with its category label, condition and operator', async () => {
    let item = await clickable('.wapi-eq');
    for (let i = 0; !item && i < 10; i++) {
      const cluster = await clickable('.wapi-eq-cluster');
      if (cluster) await afterRender(() => page.mouse.click(cluster.x, cluster.y));
      else await afterRender(() => page.evaluate(() => window.wapiMap.map.zoomIn()));
      item = await clickable('.wapi-eq');
    }
    assert.ok(item, 'an item marker to click');
    const state = await equipment();
    await assertMatchesLayer(state);
    const feature = (await getJson(state.url)).features.find((f) => f.id === item.id);
    assert.ok(feature, `item ${item.id} in the layer`);
    await page.mouse.click(item.x, item.y);
    await page.waitForSelector('.leaflet-popup-content .wapi-eq-popup', { visible: true });
    const p = feature.properties;
    assert.equal(await page.$eval('.wapi-eq-popup .wapi-popup-title', (n) => n.textContent), p.name);
    const popup = await page.$eval('.leaflet-popup-content', (n) => n.textContent);
    assert.ok(p.categoryLabel && popup.includes(p.categoryLabel), popup);
    assert.ok(popup.includes(CONDITIONS[p.condition]), popup);
    assert.ok(popup.includes(p.operator) && popup.includes(p.address), popup);
    assert.equal(popup.includes('Conditions de mutualisation'), p.shareable, popup);
    if (p.shareable && p.costPerHalfDayCents === 0) assert.ok(popup.includes('gratuit'), popup);
    // Leaflet fades popups in.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1');
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'equipment-popup.png') });
    // A popup near the edge pans the map, which fetches the layer again: the popup stays open.
    await afterRender(() => page.evaluate(() => window.wapiMap.map.panBy([60, 0], { animate: false })));
    assert.equal(await page.$$eval('.leaflet-popup .wapi-eq-popup', (n) => n.length), 1, 'the popup survives a refresh');
    await page.evaluate(() => window.wapiMap.map.closePopup());
  });

  it('asks only shareable items with "mutualisable uniquement"', async () => {
    const all = await afterRender(() =>
      page.evaluate(() => window.wapiMap.map.fitBounds([[50.45, 2.84], [50.82, 4.15]])),
    );
    assert.equal(paramOf(all.url, 'shareable'), null);
    const shared = await afterRender(() => page.click('#equipment-shareable'));
    assert.equal(paramOf(shared.url, 'shareable'), 'true');
    assert.equal(paramOf(layerRequests.at(-1), 'shareable'), 'true', 'the request the page sent');
    assert.ok(shared.items > 0 && shared.items < all.items, `${shared.items} of ${all.items}`);
    const { flat } = await assertMatchesLayer(shared);
    assert.ok(flat.features.every((f) => f.properties.shareable === true));
    await page.mouse.move(5, 5); // no hover tooltip in the picture
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'equipment.png') });
    const back = await afterRender(() => page.click('#equipment-shareable'));
    assert.equal(back.url, all.url);
  });

  it('follows a category and the page’s trade filter', async () => {
    const all = await equipment();
    const { flat } = await assertMatchesLayer(all);
    const category = flat.features[0].properties.category;
    const one = await afterRender(() => page.select('#equipment-category', category));
    assert.equal(paramOf(one.url, 'category'), category);
    assert.ok((await assertMatchesLayer(one)).flat.features.every((f) => f.properties.category === category));
    await afterRender(() => page.select('#equipment-category', ''));

    const trade = 'froid-climatisation';
    const traded = await afterRender(() => page.select('#trade', trade));
    assert.equal(paramOf(traded.url, 'trade'), trade);
    assert.ok(traded.items > 0 && traded.items < all.items, `${traded.items} of ${all.items}`);
    const { flat: tradeItems } = await assertMatchesLayer(traded);
    assert.ok(tradeItems.features.every((f) => f.properties.tradeCodes.includes(trade)));
    const back = await afterRender(() => page.select('#trade', ''));
    assert.equal(back.url, all.url);
  });

  it('shows only what is in reach while the Mobility tab shows travel times', async () => {
    const all = await equipment();
    await page.type('#mobility-from', 'Lessines');
    await page.$eval('#mobility-date', (node) => { node.value = '2027-03-09'; });
    const reached = await afterRender(() => page.click('#mobility-show'));
    assert.equal(reached.reachable, true);
    assert.equal(paramOf(reached.url, 'from'), '55023');
    assert.equal(paramOf(reached.url, 'maxMinutes'), '60');
    assert.match(paramOf(reached.url, 'arriveBy'), /^2027-03-09T08:30:00\+0[12]:00$/);
    assert.ok(reached.items > 0 && reached.items < all.items, `${reached.items} of ${all.items}`);
    const { flat } = await assertMatchesLayer(reached);
    assert.ok(flat.features.every((f) => typeof f.properties.travelMinutes === 'number' && f.properties.travelMinutes <= 60));
    const cleared = await afterRender(() => page.click('#mobility-clear'));
    assert.equal(cleared.url, all.url);
  });

  it('loads nothing from other hosts and logs no error', () => {
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(pageErrors, []);
  });
});

describe('the widget asked for the equipment layer', () => {
  let page;
  let pageErrors;
  let close;
  let partner;

  before(async () => {
    partner = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title></head><body>
<script src="${WAPI_URL}/widget.js" data-layers="equipment" data-shareable="true"></script></body></html>`);
    });
    await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
    ({ page, pageErrors, close } = await openBrowser({ timeoutMs: TIMEOUT_MS }));
    await page.goto(`http://localhost:${partner.address().port}/`, { waitUntil: 'load' });
  });

  after(async () => {
    await close?.();
    await new Promise((resolve) => partner?.close(resolve));
  });

  it('shows shareable equipment and no offers', async () => {
    const frameHandle = await page.waitForSelector('iframe[data-wapi-widget]');
    const src = await page.evaluate(() => document.querySelector('iframe[data-wapi-widget]').src);
    assert.equal(paramOf(src, 'layers'), 'equipment');
    const frame = await frameHandle.contentFrame();
    await frame.waitForFunction(() => window.wapiEquipment && window.wapiEquipment.active && window.wapiEquipment.markers > 0);
    const inside = await frame.evaluate(() => ({
      url: window.wapiEquipment.url,
      offersShown: document.getElementById('layer-offers').checked,
      offers: window.wapiMap.markers,
      drawn: document.querySelectorAll('.wapi-eq, .wapi-eq-cluster').length,
    }));
    assert.equal(paramOf(inside.url, 'shareable'), 'true');
    assert.equal(inside.offersShown, false);
    assert.equal(inside.offers, 0);
    assert.ok(inside.drawn > 0);
    assert.deepEqual(pageErrors, []);
  });
});
