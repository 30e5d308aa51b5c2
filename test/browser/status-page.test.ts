/**
 * The source-of-truth page in Debian Chromium (playwright-core), served by the HTTP handler on
 * loopback over a real desk: a support rep opens it cold, copies the approved support reply
 * and reads the next update time; a sales rep finds the demo to reschedule; each in at most
 * three clicks. Screenshots at 390 px and 1280 px without horizontal scroll, an axe-core check
 * with no serious violations, and the page picks up a new version without a reload.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { createIncidentDesk, createSimulatedClock, type IncidentDesk } from '@incident-comms/core';
import { createHttpHandler } from '@incident-comms/http';
import * as templates from '@incident-comms/templates';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { morningSalesItems } from '../../packages/core/test/playbooks-support';
import { checkoutStart, t, testRunbook } from '../../packages/core/test/support';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const runbook = testRunbook();
const FACTS = (checkoutStart()[2] as { facts: Record<string, unknown> }).facts as never;

let launched: Promise<Browser> | undefined;
let server: ServerType;
let base: string;
let desk: IncidentDesk;
const clock = createSimulatedClock(t(0));

function browser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get install -y chromium`,
    );
  }
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return launched;
}

/** Drafts, approves and publishes the next version through the desk, as its people do. */
async function publishNext(kind: 'initial' | 'update') {
  clock.advanceBy(5);
  const release = await desk.draft('inc-1', { kind, ...(kind === 'update' ? { status: 'identified' } : {}) });
  for (const ask of await desk.requestApprovals('inc-1', release.draftId)) {
    await desk.approve('inc-1', { draftId: release.draftId, gate: ask.gate, actor: ask.approver!.id });
  }
  const published = await desk.publish('inc-1', release.draftId);
  if (!published.ok) throw new Error(JSON.stringify(published.reasons));
  return published.statusUpdate;
}

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  desk = createIncidentDesk({ runbook, templates, clock });
  await desk.declare({
    incidentId: 'inc-1',
    actor: 'dana',
    title: 'Card payments failing at checkout',
    incidentType: 'checkout',
    severity: 'SEV1',
  });
  clock.advanceBy(5);
  await desk.confirmFacts('inc-1', { actor: 'lee', facts: FACTS });
  const handler = createHttpHandler({
    desk,
    runbook,
    basePath: '/status',
    incidents: () => ['inc-1'],
    now: () => clock.now(),
    identify: () => 'tom',
    salesItems: () => morningSalesItems().map((i) => ({ ...i, dependsOn: [...i.dependsOn] })),
  });
  await publishNext('initial');
  await new Promise<void>((ready) => {
    server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, () => ready());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`;
});

afterAll(async () => {
  await (await launched)?.close();
  await new Promise((done) => server?.close(done));
  desk?.stop();
});

/** Opens the page cold; every request off loopback is refused and recorded. */
async function open(width: number): Promise<{ page: Page; outside: string[]; errors: string[] }> {
  const context = await (await browser()).newContext({ viewport: { width, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(`${base}/`, { waitUntil: 'load' });
  return { page, outside, errors };
}

async function noHorizontalScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

describe('the source-of-truth page in Chromium', () => {
  it('lets a support rep copy the approved reply and see the next update in one click', async () => {
    const { page, outside, errors } = await open(390);
    try {
      const reply = page.locator('[data-audience="support-reply"] pre');
      await expect.poll(() => reply.isVisible()).toBe(true);
      const approved = desk
        .state('inc-1')!
        .releases.at(-1)!
        .messages.find((m) => m.audience === 'support-reply')!;
      // Click 1: copy.
      await page.getByRole('button', { name: 'Copy support reply' }).click();
      await expect.poll(() => page.evaluate<string>('navigator.clipboard.readText()')).toBe(approved.text);
      const next = page.locator('[data-next-update]').first();
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is what the reader sees.
      const words = await next.innerText();
      expect(words).toMatch(/Next update by \d{1,2}:\d{2}/);
      expect(words).toMatch(/customers' time: .*\d{1,2}:\d{2}/);
      expect(words).toMatch(/your time: /);
      await noHorizontalScroll(page, 390);
      await page.screenshot({ path: `${OUTPUT}status-page-390.png`, fullPage: true });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('lets a sales rep find the demo to reschedule in one click', async () => {
    const { page } = await open(1280);
    try {
      // Click 1: the incident's Sales link.
      await page.getByRole('link', { name: 'Sales', exact: true }).first().click();
      const reschedule = page.locator('.sales li[data-action="reschedule"]');
      await expect.poll(() => reschedule.first().isVisible()).toBe(true);
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is what the reader sees.
      expect(await reschedule.first().innerText()).toMatch(/^Reschedule: Northwind \(demo/);
      await noHorizontalScroll(page, 1280);
      await page.screenshot({ path: `${OUTPUT}status-page-1280.png`, fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  it('has no serious accessibility violations (axe-core)', async () => {
    const { page } = await open(390);
    try {
      await page.evaluate(AXE);
      const violations = await page.evaluate<Array<{ id: string; impact: string }>>(
        'axe.run(document, { resultTypes: ["violations"] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact })))',
      );
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('shows a newly published version without a reload', async () => {
    const { page } = await open(390);
    try {
      await page.evaluate('window.__notReloaded = true');
      const current = page.locator('section[aria-labelledby="history-inc-1"] li').first();
      await expect.poll(() => current.textContent()).toMatch(/^Version 1/);
      const update = await publishNext('update');
      // The page polls once a second; the bar is two seconds after publish.
      await expect.poll(() => current.textContent(), { timeout: 2_000, interval: 100 }).toMatch(/^Version 2/);
      expect(update.version).toBe(2);
      expect(await page.evaluate<boolean>('window.__notReloaded === true')).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});
