// The embeddable widget: a partner's page on another origin puts the map in
// its page with one script tag; the map appears in an iframe, filtered as
// the tag asks, with travel times from the tag's place, and the partner's
// styles do not reach it.
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

const TIMEOUT_MS = 60_000;

// A partner's page, with styles that would wreck an unprotected widget.
const PARTNER_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>École partenaire</title>
<style>* { font-family: serif !important; color: hotpink !important; } select, input { display: none !important; }</style>
</head><body>
<h1>Nos stages en menuiserie</h1>
<script src="${WAPI_URL}/widget.js" data-trade="menuiserie" data-kind="INTERNSHIP" data-from="7860" data-height="600"></script>
<p id="after">Texte du partenaire après la carte.</p>
</body></html>`;

describe('the widget on a partner page of another origin', () => {
  let page;
  let pageErrors;
  let close;
  let partner;
  let partnerUrl;

  before(async () => {
    partner = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PARTNER_PAGE);
    });
    await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
    // "localhost" and another port: another origin than the server's.
    partnerUrl = `http://localhost:${partner.address().port}/`;
    ({ page, pageErrors, close } = await openBrowser({ height: 900, timeoutMs: TIMEOUT_MS }));
    const response = await page.goto(partnerUrl, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
  });

  after(async () => {
    await close?.();
    await new Promise((resolve) => partner?.close(resolve));
  });

  it('puts the map in an iframe right after the tag', async () => {
    const frameHandle = await page.waitForSelector('iframe[data-wapi-widget]');
    const placed = await page.evaluate(() => {
      const frame = document.querySelector('iframe[data-wapi-widget]');
      return { next: frame.nextElementSibling?.id, src: frame.src, height: frame.style.height };
    });
    assert.equal(placed.next, 'after');
    assert.equal(placed.height, '600px');
    assert.ok(placed.src.startsWith(`${WAPI_URL}/map?`), placed.src);
    const frame = await frameHandle.contentFrame();
    await frame.waitForFunction(() => window.wapiMobility && window.wapiMobility.active === true, { timeout: TIMEOUT_MS });
    const inside = await frame.evaluate(() => ({
      trade: document.getElementById('trade').value,
      kinds: [...document.querySelectorAll('input[name=kind]:checked')].map((b) => b.value),
      from: window.wapiMobility.from,
      markers: window.wapiMobility.markers.length,
      selectShown: getComputedStyle(document.getElementById('trade')).display !== 'none',
      embedded: document.body.classList.contains('wapi-embedded'),
    }));
    assert.equal(inside.trade, 'menuiserie');
    assert.deepEqual(inside.kinds, ['INTERNSHIP']);
    assert.match(inside.from, /7860|Lessines/);
    assert.ok(inside.markers > 0, 'travel times drawn');
    assert.equal(inside.selectShown, true, 'the partner’s styles do not reach the widget');
    assert.equal(inside.embedded, true);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'widget.png') });
  });

  it('raised no error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
