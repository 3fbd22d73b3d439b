import type { Page } from 'playwright-core';
import { field } from './browser';

/** What long-running and timing browser tests measure: the epoch reached, the JS heap, long tasks and the step rate. */

/** The epoch the Epoch readout shows. */
export async function epochIn(page: Page): Promise<number> {
  const text = (await field(page, 'Epoch').textContent()) ?? '';
  return Number(text.replace(/,/g, ''));
}

/** The JS heap in use after a full garbage collection, in bytes (through the DevTools protocol). */
export async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach();
  }
}

/** The page's long tasks (ms), as a PerformanceObserver of 'longtask' entries reports them. */
interface LongTaskLog {
  longTasks: number[];
}

/** Starts recording the main thread's long tasks (over 50 ms) in `page` from now on. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(recordLongTasks, false);
}

/** Has every document `page` opens from now on record its long tasks, from its start. */
export async function watchLongTasksFromStart(page: Page): Promise<void> {
  await page.addInitScript(recordLongTasks, true);
}

function recordLongTasks(fromStart: boolean): void {
  const log = window as unknown as LongTaskLog;
  // Watching again only forgets what was seen: a second observer would report every task twice.
  if (log.longTasks) return void log.longTasks.splice(0);
  log.longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => log.longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: fromStart });
}

/** The long tasks recorded so far (ms), and forgets them. */
export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as LongTaskLog).longTasks.splice(0));
}

/** The Updates/s readout as a number. */
export async function updatesPerSecond(page: Page): Promise<number> {
  const text = (await field(page, 'Updates/s').textContent()) ?? '';
  return Number(text.replace(/,/g, ''));
}

/** The median of the Updates/s readout read every `everyMs` for `ms` (the readout averages over the last second). */
export async function medianUpdatesPerSecond(page: Page, ms: number, everyMs = 250): Promise<number> {
  const samples: number[] = [];
  for (let waited = 0; waited < ms; waited += everyMs) {
    await page.waitForTimeout(everyMs);
    samples.push(await updatesPerSecond(page));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** The share of the plane's pixels in the colour of class 0, 1 or 2, which only the points are painted in (the model's colours are paler). */
export async function pointPixelShare(page: Page): Promise<number> {
  return page.getByRole('img', { name: 'Decision boundary' }).evaluate((canvas: HTMLCanvasElement) => {
    // Read through a copy: reading the plane itself again and again makes Chromium warn.
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [canvas.width, canvas.height];
    const context = copy.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const classColors = [
      [230, 159, 0],
      [0, 114, 178],
      [0, 158, 115],
    ];
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (classColors.some(([r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 12)) count++;
    }
    return count / (data.length / 4);
  });
}
