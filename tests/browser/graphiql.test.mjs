// GraphiQL at GET /graphql in a real browser with no internet: the editor
// starts from the vendored files, shows the schema's documentation, runs the
// README's example query and shows its result, and asks no other host for
// anything (requests elsewhere are refused, as offline).
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

// The README's example query.
const README_QUERY = `{
  offers(first: 5, filter: { text: "menuiserie", kinds: [TRAINING, INTERNSHIP] }) {
    totalCount
    edges { node { title kind startDate operator { name } site { location { lat lon } commune { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('GraphiQL at /graphql', () => {
  let page;
  let foreignRequests;
  let pageErrors;
  let close;

  before(async () => {
    ({ page, foreignRequests, pageErrors, close } = await openBrowser({ timeoutMs: TIMEOUT_MS, offline: true }));
    const response = await page.goto(`${WAPI_URL}/graphql`, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    await page.waitForSelector('.graphiql-container', { timeout: TIMEOUT_MS });
  });

  after(async () => {
    await close?.();
  });

  it('starts without internet, with the README example ready', async () => {
    assert.equal(await page.title(), 'Wapi Synergies — GraphiQL');
    const query = await page.evaluate(
      () => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue(),
    );
    assert.match(query, /offers\(first: 5/);
  });

  it('shows the schema documentation', async () => {
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.waitForFunction(
      () => document.querySelector('.graphiql-doc-explorer')?.textContent.includes('Query'),
      { timeout: TIMEOUT_MS },
    );
    const text = await page.$eval('.graphiql-doc-explorer', (node) => node.textContent);
    assert.match(text, /Root Types|query: Query/);
  });

  it('runs the README query and shows its result', async () => {
    await page.evaluate((text) => {
      document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(text);
    }, README_QUERY);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      () => {
        const result = document.querySelector('.result-window .CodeMirror');
        return result && result.CodeMirror.getValue().includes('totalCount');
      },
      { timeout: TIMEOUT_MS },
    );
    const shown = JSON.parse(
      await page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()),
    );
    assert.equal(shown.errors, undefined, JSON.stringify(shown.errors));
    // The same answer as the API gives directly.
    const direct = await fetch(`${WAPI_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: README_QUERY }),
    }).then((r) => r.json());
    assert.deepEqual(shown.data, direct.data);
    assert.ok(shown.data.offers.totalCount > 0, 'the demo data has menuiserie offers');

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'graphiql.png') });
  });

  it('asked no other host for anything and raised no error', () => {
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(pageErrors, []);
  });
});
