import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium } from '../../src/cli/chromium';
import { button, field, waitForBackend } from './browser';
import { measureLayout } from './layoutChecks';

/**
 * The page at the screen sizes of a classroom, in the states that stretch it. Every case saves a
 * screenshot in test-results/layout/ to look at.
 */

interface Viewport {
  name: string;
  width: number;
  height: number;
  /** The decision boundary's smallest side (px). */
  minPlane: number;
  /** Everything in view without scrolling (desktop and projector sizes). */
  fitsHeight: boolean;
  minLossChart: number;
}

const VIEWPORTS: Viewport[] = [
  { name: 'monitor-1920x1080', width: 1920, height: 1080, minPlane: 600, fitsHeight: true, minLossChart: 140 },
  { name: 'laptop-1366x768', width: 1366, height: 768, minPlane: 400, fitsHeight: true, minLossChart: 140 },
  { name: 'projector-1280x720', width: 1280, height: 720, minPlane: 400, fitsHeight: true, minLossChart: 140 },
  { name: 'projector-1024x768', width: 1024, height: 768, minPlane: 300, fitsHeight: false, minLossChart: 0 },
  { name: 'tablet-820x1180', width: 820, height: 1180, minPlane: 500, fitsHeight: false, minLossChart: 0 },
  { name: 'tablet-1180x820', width: 1180, height: 820, minPlane: 500, fitsHeight: false, minLossChart: 0 },
  { name: 'phone-390x844', width: 390, height: 844, minPlane: 350, fitsHeight: false, minLossChart: 0 },
];

interface State {
  name: string;
  hash: string;
  /** Done after the page has loaded. */
  prepare?: (page: Page) => Promise<void>;
  /** The Run on choice; the CPU unless said (Auto, in this browser without WebGPU, gives the readout a long reason). */
  backend?: 'auto';
}

const DEEP_WIDE = Array(16).fill(1024).join(',');
const STATES: State[] = [
  { name: 'default', hash: '' },
  { name: 'presentation', hash: 'present=true' },
  { name: 'lesson-banner', hash: 'dataset=xor&hidden=4&lesson=hidden-layer&present=true' },
  { name: 'lessons-panel', hash: 'lesson=hidden-layer', prepare: async (page) => button(page, 'Lessons').click() },
  {
    name: 'computes-panel',
    hash: '',
    prepare: async (page) => {
      await button(page, 'Lessons').click();
      await button(page, 'How Descent computes').click();
    },
  },
  {
    name: 'inside-panel',
    hash: '',
    prepare: async (page) => {
      // On a phone the button is in the folded Network section.
      if (await button(page, 'Network').isVisible()) await button(page, 'Network').click();
      await button(page, 'See inside').click();
    },
  },
  { name: 'six-classes', hash: 'dataset=blobs&classes=6' },
  { name: 'challenge', hash: 'challenge=circle-no-hidden' },
  { name: 'challenges-panel', hash: '', prepare: async (page) => button(page, 'Challenges').click() },
  { name: 'confusion-panel', hash: 'dataset=blobs&classes=6', prepare: async (page) => button(page, 'Confusion matrix').click() },
  { name: 'deep-wide', hash: `hidden=${DEEP_WIDE}` },
  { name: 'auto-backend', hash: '', backend: 'auto' },
  {
    name: 'compare',
    hash: 'points=100',
    prepare: async (page) => {
      await button(page, 'Compare').click();
      await page.locator('.compare-table tbody tr').nth(15).waitFor({ timeout: 60_000 });
    },
  },
];

const SCREENSHOTS = join('test-results', 'layout');

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium({ webgpu: 'off' });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The whole matrix with DESCENT_LAYOUT=full (`npm run test:soak`); otherwise every state at two
 * viewports, spread so that every viewport sees several states, plus the default state everywhere.
 */
const FULL_MATRIX = process.env.DESCENT_LAYOUT === 'full';
const statesAt = (v: number): State[] => STATES.filter((_, s) => FULL_MATRIX || s === 0 || s % VIEWPORTS.length === v || (s + 3) % VIEWPORTS.length === v);

describe.each(VIEWPORTS.map((viewport, v) => ({ ...viewport, states: statesAt(v) })))('the page at $name', (viewport) => {
  it.each(viewport.states)('fits in state $name', async (state) => {
    const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${inject('baseUrl')}#${[`backend=${state.backend ?? 'cpu'}`, state.hash].filter(Boolean).join('&')}`);
      await waitForBackend(page, 'cpu');
      await state.prepare?.(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, `${viewport.name}-${state.name}.png`) });
      const layout = await measureLayout(page);
      const where = `${viewport.name}, ${state.name}`;

      expect(layout.horizontalOverflow, `${where}: page wider than the window`).toBe(0);
      expect(layout.overlaps, `${where}: overlapping controls`).toEqual([]);
      expect(layout.outsidePanel, `${where}: controls outside their panel`).toEqual([]);
      expect(layout.unreachable, `${where}: controls a click does not reach`).toEqual([]);
      expect(Math.min(layout.plane.width, layout.plane.height), `${where}: plane size`).toBeGreaterThanOrEqual(viewport.minPlane);
      if (viewport.fitsHeight || state.name === 'presentation' || state.name === 'lesson-banner') {
        if (viewport.width >= 1024) expect(layout.verticalOverflow, `${where}: page taller than the window`).toBe(0);
      }
      if (viewport.fitsHeight) expect(layout.lossChartHeight, `${where}: loss chart height`).toBeGreaterThanOrEqual(viewport.minLossChart);
      // The Backend readout: at most two lines that start with the gist, the whole reason in its tooltip.
      const backend = await page.$eval('#backend-readout', (readout) => ({
        lines: readout.clientHeight / parseFloat(getComputedStyle(readout).lineHeight),
        tooltip: readout.getAttribute('title'),
        text: readout.textContent,
      }));
      expect(backend.lines, `${where}: the Backend readout's lines`).toBeLessThanOrEqual(2.05);
      expect(backend.tooltip, `${where}: the Backend readout's tooltip`).toBe(backend.text);
      if (viewport.width >= 1024) {
        expect(layout.plane.inView, `${where}: plane in view`).toBe(true);
        await expect.poll(() => field(page, 'Training loss').isVisible()).toBe(true);
      }
      if (viewport.width < 600) {
        // The phone: the plane comes first, at full width, and Play is in reach without scrolling.
        const playBox = await button(page, 'Play').boundingBox();
        expect(playBox!.y + playBox!.height, `${where}: Play in view`).toBeLessThanOrEqual(viewport.height);
      }
      if (state.name === 'lessons-panel') {
        const covered = await page.evaluate(() => {
          const plane = document.querySelector('[aria-label="Decision boundary"]')!.getBoundingClientRect();
          return document.elementFromPoint(plane.left + plane.width / 2, plane.top + plane.height / 2)?.getAttribute('aria-label') !== 'Decision boundary';
        });
        expect(covered, `${where}: the Lessons panel hides the plane`).toBe(false);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the page on a phone', () => {
  it('folds data, network and settings into sections a tap opens, under the plane', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${inject('baseUrl')}#backend=cpu`);
      await waitForBackend(page, 'cpu');
      for (const [section, inside] of [
        ['Data', 'Dataset'],
        ['Network', 'Add layer'],
        ['Settings', 'Learning rate'],
      ] as const) {
        const toggle = button(page, section);
        await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
        const control = page.getByRole(section === 'Network' ? 'button' : 'combobox', { name: inside, exact: true }).or(field(page, inside));
        expect(await control.first().isVisible(), `${inside} while ${section} is closed`).toBe(false);
        await toggle.tap();
        await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
        await expect.poll(() => control.first().isVisible()).toBe(true);
        const plane = (await page.getByRole('img', { name: 'Decision boundary' }).boundingBox())!;
        expect((await toggle.boundingBox())!.y, `${section} comes after the plane`).toBeGreaterThan(plane.y + plane.height);
      }
    } finally {
      await page.close();
    }
  });
});

describe('the page on a tablet', () => {
  it('draws a point where a finger taps the plane', async () => {
    const page = await browser.newPage({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${inject('baseUrl')}#backend=cpu`);
      await waitForBackend(page, 'cpu');
      await button(page, 'Draw points').tap();
      const plane = page.getByRole('img', { name: 'Decision boundary' });
      const box = (await plane.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(500);
      // The plane point (3, 3): a quarter of the way in from the top right corner.
      await page.touchscreen.tap(box.x + box.width * 0.75, box.y + box.height * 0.25);
      await expect.poll(() => field(page, 'Dataset').inputValue()).toBe('custom');
      expect(await page.evaluate(() => window.scrollY), 'the tap scrolled the page instead').toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('the Classes chooser at 1024 × 768', () => {
  it('shows the whole of its choice', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    try {
      await page.goto(`${inject('baseUrl')}#backend=cpu&dataset=blobs&classes=3`);
      await waitForBackend(page, 'cpu');
      const fit = await field(page, 'Classes').evaluate((select: HTMLSelectElement) => {
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        // The room left of the drop-down arrow (about 20 px).
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        return { text: select.options[select.selectedIndex].text, width: context.measureText(select.options[select.selectedIndex].text).width, room };
      });
      expect(fit.width, `"${fit.text}" in ${fit.room} px`).toBeLessThanOrEqual(fit.room);
    } finally {
      await page.close();
    }
  });
});

describe('a side panel opened below the fold', () => {
  it.each(['See inside', 'Compare'])('%s on a tablet scrolls the panel into view', async (name) => {
    const page = await browser.newPage({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${inject('baseUrl')}#backend=cpu&points=100`);
      await waitForBackend(page, 'cpu');
      await button(page, name).tap();
      const panel = page.locator('.side-panel');
      await panel.waitFor();
      // Its top in view and at least half the window (or all of it) shown.
      const shown = () => panel.evaluate((element) => {
        const { top, height } = element.getBoundingClientRect();
        return top >= 0 && window.innerHeight - top >= Math.min(height, window.innerHeight / 2);
      });
      await expect.poll(shown).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('a 16 × 1024 network before its model is built', () => {
  it('shows its summarised diagram and the points at once, while the first model is still being built', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${inject('baseUrl')}#backend=cpu&hidden=${DEEP_WIDE}`);
      const diagram = page.getByRole('group', { name: 'Network diagram' });
      await expect.poll(() => diagram.getByRole('button', { name: /^Neuron / }).count()).toBeGreaterThan(100);
      await expect.poll(() => diagram.getByRole('button', { name: /^Output/ }).count()).toBe(1);
      expect(await diagram.getByText('16 layers × 1,024').isVisible()).toBe(true);
      // Evaluating 16 layers of 1024 over the data takes seconds: no metrics yet.
      expect(await field(page, 'Training loss').textContent()).not.toMatch(/\d/);
      const plane = page.getByRole('img', { name: 'Decision boundary' });
      await expect.poll(() => plane.evaluate((canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.some((value, i) => i % 4 === 2 && value < 100))).toBe(true);
    } finally {
      await page.close();
    }
  });
});
