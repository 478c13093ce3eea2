// The Mobility tab of /map in a real browser, offline: from Lessines,
// arriving by 08:30 on a school Tuesday, the offers are coloured by the
// travel times the API gives, a click draws the journey there and back, and
// the stops in view show their departures.
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

const TIMEOUT_MS = 60_000;
const SCHOOL_TUESDAY = '2027-03-09';

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

/** Every offer reachable from Lessines by 08:30 within `max` minutes, by id: its minutes. */
async function travelMinutes(max) {
  const minutes = {};
  let after = null;
  for (;;) {
    const data = await graphql(
      `query($after: String, $by: DateTime!, $max: Int!) { offers(first: 100, after: $after, filter: {
         reachable: { from: { communeNis: "55023" }, maxMinutes: $max, arriveBy: $by } }) {
         edges { travelMinutes node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after, by: `${SCHOOL_TUESDAY}T08:30:00+01:00`, max },
    );
    for (const edge of data.offers.edges) minutes[edge.node.id] = edge.travelMinutes;
    if (!data.offers.pageInfo.hasNextPage) return minutes;
    after = data.offers.pageInfo.endCursor;
  }
}

describe('the Mobility tab of the map', () => {
  let page;
  let foreignRequests;
  let pageErrors;
  let close;

  const mobility = () => page.evaluate(() => window.wapiMobility);

  before(async () => {
    ({ page, foreignRequests, pageErrors, close } = await openBrowser({ height: 900, timeoutMs: TIMEOUT_MS }));
    const response = await page.goto(`${WAPI_URL}/map`, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    await page.waitForFunction(() => window.wapiMap && window.wapiMap.ready === true && window.wapiMobility);
  });

  after(async () => {
    await close?.();
  });

  it('colours the offers by the travel times the API gives, from Lessines by 08:30', async () => {
    await page.type('#mobility-from', 'Lessines');
    await page.$eval('#mobility-date', (node, day) => { node.value = day; }, SCHOOL_TUESDAY);
    await page.$eval('#mobility-arrive', (node) => { node.value = '08:30'; });
    const started = Date.now();
    await page.click('#mobility-show');
    await page.waitForFunction(() => window.wapiMobility.active === true && window.wapiMobility.markers.length > 0);
    const firstMarkersMs = Date.now() - started;
    const state = await mobility();
    assert.equal(state.maxMinutes, 60);
    assert.match(state.from, /Lessines/);

    const expected = await travelMinutes(60);
    const drawnMinutes = Object.fromEntries(
      state.markers.filter((m) => m.minutes !== null).map((m) => [m.offerId, m.minutes]),
    );
    assert.deepEqual(drawnMinutes, expected, 'every reachable offer with the API’s minutes, and no other');
    assert.ok(Object.keys(expected).length > 0, 'offers are reachable from Lessines');
    assert.ok(state.markers.some((m) => m.minutes === null), 'offers out of reach are shown in grey');
    // The DOM carries the same minutes as the state.
    const dom = await page.$$eval('.wapi-travel', (nodes) =>
      nodes.map((n) => [n.dataset.offerId, n.dataset.travelMinutes]),
    );
    assert.equal(dom.length, state.markers.length);
    for (const [id, minutes] of dom) {
      assert.equal(minutes === '' ? null : Number(minutes), expected[id] ?? null, id);
    }
    // One colour per band.
    const colourOf = (m) => state.markers.find((x) => x.minutes === m)?.color;
    const quick = Object.values(expected).find((m) => m <= 15);
    const slow = Object.values(expected).find((m) => m > 45);
    if (quick !== undefined && slow !== undefined) assert.notEqual(colourOf(quick), colourOf(slow));
    console.log(`time to first coloured markers: ${firstMarkersMs} ms`);
  });

  it('draws the journey there and back of an offer clicked', async () => {
    const target = await page.evaluate(() => {
      const state = window.wapiMobility;
      const reachable = state.markers.find((m) => m.minutes !== null);
      const node = document.querySelector(`.wapi-travel[data-offer-id="${reachable.offerId}"]`);
      const box = node.getBoundingClientRect();
      return { id: reachable.offerId, x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.evaluate((id) => {
      const node = document.querySelector(`.wapi-travel[data-offer-id="${id}"]`);
      node.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }, target.id);
    await page.waitForFunction((id) => window.wapiMobility.journey && window.wapiMobility.journey.offerId === id, {}, target.id);
    const journey = (await mobility()).journey;
    assert.equal(journey.error, undefined, journey.error);
    assert.ok(journey.legs > 0, 'the journey has legs');
    assert.equal(journey.drawn, journey.legs, 'every leg drawn');
    assert.equal(await page.$$eval('path.wapi-leg', (nodes) => nodes.length), journey.drawn);
    const text = await page.$eval('#mobility-journey', (node) => node.textContent);
    assert.match(text, /Aller : \d\d:\d\d → \d\d:\d\d/);
    assert.match(text, /Retour/);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-mobility.png') });
  });

  it('shows the stops in view with their departures', async () => {
    await page.click('#mobility-stops');
    await page.waitForFunction(() => window.wapiMobility.stops > 0);
    assert.ok((await page.$$('.wapi-stop-marker')).length > 0);
  });

  it('asked no other host for anything and raised no error', () => {
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(pageErrors, []);
  });
});
