import type { Page } from 'playwright-core';
import { field } from './browser';

/** What long-running browser tests measure: the epoch reached and the JS heap. */

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
