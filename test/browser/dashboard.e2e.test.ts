/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core, against a
 * server on a random port over a temp SQLite store holding the demo corpus and one hostile
 * report. Writes a screenshot of each view to screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { readSources } from '../../src/input/read-sources.js';
import { ingest } from '../../src/services/ingest.service.js';
import { openStore, type Store } from '../../src/store/index.js';
import { buildWeb, DIST, isWebStale } from '../../web/build.js';

const CHROMIUM = process.env.ETAP_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'screenshots');
const HOSTILE_ID = 'hostile-report';

/** A report built to run code if the dashboard ever rendered report content as HTML. */
function hostileReport(): string {
  const payloads = [
    '<script>window.__pwned = "script"</script>',
    '<img src=x onerror="window.__pwned = \'onerror\'">',
    '<a href="javascript:window.__pwned=\'link\'">read more</a>',
    '<svg onload="window.__pwned = \'svg\'"></svg> <iframe src="javascript:alert(1)"></iframe>',
    '\u202Egnp.exe\u202C is a file name with a right-to-left override; \u2067isolate\u2069 too.',
  ];
  const text = [
    'Hostile test report.',
    ...payloads,
    'Prisoners were transferred from Kherson to Krasnodar in November 2022, relatives said. <b onmouseover="alert(1)">hover</b>',
    // One line of about 1 MB with no line break.
    `${'overlong line without a break '.repeat(35_000)}end.`,
  ].join('\n\n');
  return JSON.stringify({
    id: HOSTILE_ID,
    url: 'javascript:window.__pwned="url"',
    outlet: '<img src=x onerror="window.__pwned=\'outlet\'">',
    title: '<script>window.__pwned="title"</script>\u202Eeltit',
    published: '2023-05-01',
    text,
  });
}

describe('the dashboard in chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'etap-browser-'));
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const dialogs: string[] = [];
  const errors: string[] = [];
  const metrics: Record<string, number> = {};

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set ETAP_CHROMIUM to a Chromium binary)`);
    }
    if (isWebStale()) await buildWeb();
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(dir, 'hostile.json'), hostileReport());
    store = await openStore({ path: join(dir, 'dashboard.db') });
    const result = await ingest(store, readSources([join(ROOT, 'demo/reports'), join(dir, 'hostile.json')]));
    expect(result.counts.failed, JSON.stringify(result.failed)).toBe(0);
    app = await buildServer({ store, webRoot: DIST });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (Object.keys(metrics).length > 0) writeFileSync(join(SHOTS, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, name), fullPage: true });

  it('draws a marker for each place of the demo corpus, over the bundled outlines', async () => {
    const started = Date.now();
    await page.goto(`${base}/#/`);
    await page.locator('[data-testid=map-marker]').first().waitFor();
    metrics.firstMarkersMs = Date.now() - started;
    metrics.firstRenderMs = Number(await page.evaluate(() => document.documentElement.dataset.renderedAt));
    await page.locator('[data-testid=claim-row]').first().waitFor();
    await page.locator('.country').first().waitFor();
    metrics.dashboardReadyMs = Date.now() - started;
    expect(await page.locator('[data-testid=map-marker]').count()).toBeGreaterThan(3);
    expect(await page.locator('.country').count()).toBeGreaterThan(100);
    expect(await page.locator('[data-testid=map-transfer]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=figure-point]').count()).toBeGreaterThan(0);
    await shot('dashboard.png');
    await page.locator('section.map').screenshot({ path: join(SHOTS, 'map.png') });
    await page.locator('section.timeline').screenshot({ path: join(SHOTS, 'timeline.png') });
    await page.locator('section.figures').screenshot({ path: join(SHOTS, 'figures.png') });
    await page.locator('section.claims').screenshot({ path: join(SHOTS, 'claims-table.png') });
  });

  it('filters the table and the map to the months brushed on the timeline', async () => {
    await page.goto(`${base}/#/`);
    await page.locator('[data-testid=claim-row]').first().waitFor();
    const before = await page.locator('[data-testid=claim-row]').count();
    const months = await page.locator('[data-testid=timeline] g[data-month]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-month')!));
    await page.locator('[data-testid=timeline]').scrollIntoViewIfNeeded();
    const box = (await page.locator('[data-testid=timeline]').boundingBox())!;
    // Drag across the last third of the months.
    const from = Math.floor(months.length * 0.66);
    const x = (i: number) => box.x + ((i + 0.5) / months.length) * box.width;
    await page.mouse.move(x(from), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(x(months.length - 1), box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((since) => location.hash.includes(`since=${since}`), months[from]);
    await expect.poll(() => page.locator('[data-testid=claim-row]').count()).toBeLessThan(before);
    const times = await page.locator('[data-testid=claim-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-time')!));
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time.slice(0, 7) >= months[from] || time.length === 4).toBe(true);
    await page.locator('[data-testid=brush]').waitFor();
    await shot('timeline-brushed.png');
  });

  it('opens a claim with its evidence highlighted in the report text', async () => {
    await page.goto(`${base}/#/?type=transfer`);
    await page.locator('[data-testid=claim-row] td.quote a').first().click();
    await page.locator('[data-testid=evidence]').first().waitFor();
    const quote = await page.locator('[data-testid=claim-quote]').textContent();
    const evidence = (await page.locator('[data-testid=evidence]').allTextContents()).join('');
    expect(evidence).toBe(quote);
    await shot('claim.png');
  });

  it('keeps a review across a reload, with its audit trail', async () => {
    await page.locator('[data-testid=review-form] input[value=confirm]').check();
    await page.locator('[data-testid=review-form] textarea[name=note]').fill('Matches the outlet\'s own report.');
    await page.locator('[data-testid=review-form] input[name=reviewer]').fill('e2e-analyst');
    await page.locator('[data-testid=review-form] button[type=submit]').click();
    await page.locator('[data-testid=audit-trail] li').first().waitFor();
    await page.reload();
    await page.locator('[data-testid=audit-trail] li').first().waitFor();
    expect(await page.locator('[data-testid=audit-trail]').textContent()).toContain('confirm by e2e-analyst');
    expect(await page.locator('h1 .state').textContent()).toBe('confirmed');
    await shot('claim-reviewed.png');
  });

  it('shows a report with what cleaning removed', async () => {
    await page.locator('.claim-page .meta a').first().click();
    await page.locator('[data-testid=furniture]').waitFor();
    await shot('report.png');
    await page.goto(`${base}/#/reports`);
    await page.locator('[data-testid=reports-table] tbody tr').first().waitFor();
    await shot('reports.png');
  });

  it('renders a hostile report as inert text, and keeps working', async () => {
    await page.goto(`${base}/#/reports/${HOSTILE_ID}`);
    await page.locator('.report-text').first().waitFor();
    const text = await page.locator('.report-text').first().textContent();
    expect(text).toContain('<script>window.__pwned = "script"</script>');
    expect(text).toContain('⟨U+202E⟩');
    expect(text!.length).toBeGreaterThan(1_000_000);
    expect(await page.locator('a[href^="javascript:" i], iframe, script:not([src]), [onerror], [onload]').count()).toBe(0);
    await page.locator('.report-page h1').screenshot({ path: join(SHOTS, 'hostile-title.png') });
    await page.screenshot({ path: join(SHOTS, 'hostile-report.png') });
    const claimLink = page.locator('.report-page a[href^="#/claims/"]').first();
    if ((await claimLink.count()) > 0) {
      await claimLink.click();
      await page.locator('[data-testid=evidence]').first().waitFor();
      await page.screenshot({ path: join(SHOTS, 'hostile-claim.png') });
    }
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.locator('[data-testid=map-marker]').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
