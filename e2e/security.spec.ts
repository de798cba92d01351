// What another program on this machine can do to the browser host through the analyst's browser:
// a page served from another local port gets nothing from the app (no cookie to steal, no api, no
// events, no crash), two hosts do not lock each other's tabs out, and the launch code leaves the
// address bar and cannot be used twice.
import { expect, test } from '@playwright/test';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startAppHost, type AppHost } from './appHost';
import { createStore } from './appActions';
import { openStore } from '../db/store';

let app: AppHost;
let other: AppHost;
let hostile: Server;
const seenByHostile: IncomingHttpHeaders[] = [];

function hostilePage(appPort: number): string {
  return `<!doctype html><title>hostile</title><body><script>
  const app = 'http://127.0.0.1:${appPort}';
  const results = {};
  (async () => {
    try { const r = await fetch(app + '/api/app.state', { method: 'POST', body: '{}' }); results.fetch = r.status; } catch { results.fetch = 'blocked'; }
    try { const r = await fetch(app + '/api/store.close', { method: 'POST', mode: 'no-cors', body: '{}', credentials: 'include' }); results.noCors = r.type; } catch { results.noCors = 'blocked'; }
    try { const r = await fetch(app + '/session', { method: 'POST', mode: 'no-cors' }); results.session = r.type; } catch { results.session = 'blocked'; }
    await Promise.all(['/%E0', '//[', '/%', '/api/app.state'].map((t) => new Promise((ok) => {
      const img = new Image(); img.onload = img.onerror = ok; img.src = app + t; document.body.append(img);
    })));
    results.ws = await new Promise((ok) => {
      const ws = new WebSocket('ws://127.0.0.1:${appPort}/events', ['matchlab-events']);
      ws.onopen = () => ok('open'); ws.onerror = () => ok('refused');
    });
    results.cookie = document.cookie;
    window.results = results;
  })();
  </script></body>`;
}

test.beforeAll(async () => {
  app = await startAppHost();
  other = await startAppHost();
  hostile = createServer((req, res) => {
    seenByHostile.push(req.headers);
    const appPort = Number(new URL(app.url).port);
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(hostilePage(appPort));
  });
  await new Promise<void>((ok) => hostile.listen(0, '127.0.0.1', ok));
});
test.afterAll(async () => {
  await Promise.all([app.stop(), other.stop()]);
  await new Promise((ok) => hostile.close(ok));
});

test('a page on another local port gets nothing from the app; two hosts keep their own tabs; the launch code works once', async ({ page, context }) => {
  // The analyst's tab: signed in by the launch code, which leaves the address at once.
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Matchlab' })).toBeVisible();
  expect(page.url()).not.toContain('launch');
  expect(page.url()).toBe(new URL('/', app.url).href);

  // A second host in the same browser: its tab signs in too, and the first tab keeps working.
  const page2 = await context.newPage();
  await page2.goto(other.url);
  await expect(page2.getByRole('heading', { name: 'Matchlab' })).toBeVisible();

  // The hostile page, in the same browser, on another 127.0.0.1 port.
  const hostilePageTab = await context.newPage();
  await hostilePageTab.goto(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`);
  const results = await hostilePageTab.waitForFunction(() => (window as unknown as { results?: unknown }).results).then((h) => h.jsonValue());
  expect(results).toEqual({ fetch: 'blocked', noCors: 'opaque', session: 'opaque', ws: 'refused', cookie: '' });
  // Nothing of Matchlab's reached the other port's server: no cookie at all.
  expect(seenByHostile.length).toBeGreaterThan(0);
  expect(seenByHostile.filter((h) => h.cookie !== undefined)).toEqual([]);
  expect(await context.cookies()).toEqual([]);

  // Both tabs still work, each with its own host; the first survived the hostile requests.
  await createStore(page, app.dataDir, 'first.mlstore');
  await expect(page.getByText('This store holds no extract yet.')).toBeVisible();
  await createStore(page2, other.dataDir, 'second.mlstore');
  await expect(page2.getByText('This store holds no extract yet.')).toBeVisible();
  // A reload keeps this tab's session (the token is the tab's, not a cookie's).
  await page.reload();
  await expect(page.getByText('This store holds no extract yet.')).toBeVisible();

  // The same launch address a second time (from history, or read off a process list): refused.
  const replay = await context.newPage();
  await replay.goto(app.url);
  await expect(replay.getByRole('alert')).toContainText('not signed in');
  await replay.screenshot({ path: 'test-results/screens/security-replayed-launch.png' });
  // A fresh address (Enter in the host's window) signs a new tab in.
  await replay.goto(await app.launchUrl());
  await expect(replay.getByText('This store holds no extract yet.')).toBeVisible();
});

test('change the passphrase in the app: the old one no longer opens the store; an altered audit entry is shown', async ({ page }) => {
  // A host of its own: the first test left stores open in the others.
  const own = await startAppHost();
  try {
    await changeAndTamper(page, own);
  } finally {
    await own.stop();
  }
});

async function changeAndTamper(page: import('@playwright/test').Page, own: AppHost): Promise<void> {
  await page.goto(own.url);
  const file = join(own.dataDir, 'rekeyed.mlstore');
  await createStore(page, own.dataDir, 'rekeyed.mlstore');
  await expect(page.getByText('This store holds no extract yet.')).toBeVisible();
  await expect(page.getByTestId('audit-intact')).toContainText('Intact: 1 entry,');

  await page.getByText("Change the store's passphrase").click();
  await page.getByLabel('Current passphrase').fill('a long passphrase');
  await page.getByLabel('New passphrase', { exact: true }).fill('   ');
  await page.getByLabel('New passphrase again').fill('   ');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 8 characters');
  await page.getByLabel('Current passphrase').fill('a long passphrase');
  await page.getByLabel('New passphrase', { exact: true }).fill('the changed passphrase');
  await page.getByLabel('New passphrase again').fill('the changed passphrase');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('status')).toContainText('The passphrase is changed.');
  await expect(page.getByTestId('audit-trail')).toContainText('Passphrase changed');
  await page.screenshot({ path: 'test-results/screens/security-passphrase-changed.png', fullPage: true });
  await page.getByRole('button', { name: 'Close store' }).click();

  const open = async (passphrase: string) => {
    await page.getByRole('tab', { name: 'Open a store' }).click();
    await page.getByLabel('Store file').fill(file);
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Open store' }).click();
  };
  await open('a long passphrase');
  await expect(page.getByRole('alert')).toContainText('passphrase does not open this store');

  // Someone with the passphrase edits the log with SQLite's own tools while the store is closed.
  const db = openStore(file, 'the changed passphrase', { mode: 'open' });
  db.exec(`DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{}' WHERE action = 'store_created'`);
  db.close();
  await open('the changed passphrase');
  await expect(page.getByTestId('audit-altered')).toContainText('entry 1 (store_created');
  await expect(page.getByTestId('audit-altered')).toContainText('was changed after it was written');
  await page.screenshot({ path: 'test-results/screens/security-audit-altered.png', fullPage: true });
}
