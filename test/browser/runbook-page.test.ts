/**
 * The one-page runbook as a browser shows it: opened in headless Chromium (Debian's
 * `chromium`, driven by playwright-core) at phone width, with every section present, no
 * horizontal scroll and a screenshot under `test-output/` for a human to look at.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNBOOK_PAGE_SECTIONS, renderRunbook } from '../../packages/core/src/runbook-page/index';
import { testRunbook } from '../../packages/core/test/support';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

let launched: Promise<Browser> | undefined;

/**
 * Starts Chromium once for the file. Called from inside each test, so a missing browser makes
 * every test FAIL with a clear message (a failing `beforeAll` would only mark them skipped),
 * and nothing ever downloads a browser.
 */
function browser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package first: apt-get install -y chromium`,
    );
  }
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return launched;
}

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await (await launched)?.close();
});

/** Opens the rendered page with every network request refused; returns the requests tried. */
async function open(width: number, height: number): Promise<{ page: Page; requests: string[] }> {
  const page = await (await browser()).newPage({ viewport: { width, height } });
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(renderRunbook(testRunbook()).html, { waitUntil: 'load' });
  return { page, requests };
}

describe('the one-page runbook in Chromium', () => {
  it('shows every section at 390 px without horizontal scroll', async () => {
    const { page, requests } = await open(390, 844);
    try {
      const headings = await page.locator('h2').allInnerTexts();
      expect(headings).toEqual(RUNBOOK_PAGE_SECTIONS.map((s) => s.title));
      for (const section of RUNBOOK_PAGE_SECTIONS) {
        await expect.poll(() => page.locator(`#${section.id}`).isVisible()).toBe(true);
      }
      expect(await page.locator('#owners .card').count()).toBe(7);
      expect(await page.locator('#checklist li').count()).toBe(5);

      // Expressions run in the page (the test's own TypeScript has no DOM types).
      const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      const clientWidth = await page.evaluate<number>('document.documentElement.clientWidth');
      expect(clientWidth).toBe(390);
      expect(scrollWidth).toBeLessThanOrEqual(390);

      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the visible text a reader sees.
      const text = await page.locator('body').innerText();
      const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      expect(words).toBeLessThanOrEqual(700);
      expect(requests).toEqual([]);

      await page.screenshot({ path: `${OUTPUT}runbook-page-390.png`, fullPage: true });
      expect(existsSync(`${OUTPUT}runbook-page-390.png`)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('lays the cards out in columns on a desktop screen', async () => {
    const { page } = await open(1280, 900);
    try {
      const cards = page.locator('#owners .card');
      const tops = [(await cards.nth(0).boundingBox())?.y, (await cards.nth(1).boundingBox())?.y];
      expect(tops[0]).toBeDefined();
      expect(tops[0]).toBe(tops[1]);
      await page.screenshot({ path: `${OUTPUT}runbook-page-1280.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });
});
