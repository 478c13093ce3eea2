// What every browser test shares: the server's address, a headless
// Chromium with a throw-away profile, and a page that records the requests
// it sends to other hosts and the errors it raises.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export const WAPI_URL = (process.env.WAPI_URL || 'http://127.0.0.1:18282').replace(/\/+$/, '');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || 'target';

/**
 * Starts Chromium and opens a page of the given size that records, in
 * `foreignRequests`, every request to another host than the server (with
 * `offline`, those requests also fail, as without internet) and, in
 * `pageErrors`, every script error and console error.
 */
export async function openBrowser({ width = 1280, height = 800, timeoutMs = 30_000, offline = false } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'wapi-chromium-'));
  const browser = await puppeteer.launch({
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
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  page.setDefaultTimeout(timeoutMs);
  const foreignRequests = [];
  const pageErrors = [];
  const ours = (url) => url.startsWith(`${WAPI_URL}/`) || url.startsWith('data:') || url.startsWith('blob:');
  if (offline) {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (ours(request.url())) {
        request.continue();
      } else {
        foreignRequests.push(request.url());
        request.abort('internetdisconnected');
      }
    });
  } else {
    page.on('request', (request) => {
      if (!ours(request.url())) foreignRequests.push(request.url());
    });
  }
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  const close = async () => {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { browser, page, foreignRequests, pageErrors, close };
}
