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
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const WAPI_URL = (process.env.WAPI_URL || 'http://127.0.0.1:18282').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || 'target';
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
  let browser;
  let page;
  let profile;
  const foreignRequests = [];
  const pageErrors = [];

  before(async () => {
    profile = await mkdtemp(path.join(tmpdir(), 'wapi-chromium-'));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: profile,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
      ],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.setDefaultTimeout(TIMEOUT_MS);
    // Offline: anything not from this server fails, as without internet.
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(`${WAPI_URL}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
        request.continue();
      } else {
        foreignRequests.push(url);
        request.abort('internetdisconnected');
      }
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const response = await page.goto(`${WAPI_URL}/graphql`, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    await page.waitForSelector('.graphiql-container', { timeout: TIMEOUT_MS });
  });

  after(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
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
