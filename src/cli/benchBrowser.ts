import type { BrowserBenchResult } from '../bench/page';
import { launchChromium } from './chromium';

/** Page to open, relative to the repository root the dev server serves. */
const BENCH_PAGE = 'src/bench/bench.html';
const TIMEOUT_MS = 9 * 60_000;

/**
 * The browser half of the benchmark: serves the bench page with Vite's dev server on localhost
 * (WebGPU needs a secure context), opens it in headless Chromium, and returns what it measured.
 */
export async function runBrowserBench(query: string, adapter: 'swiftshader' | 'hardware', onLine: (line: string) => void): Promise<BrowserBenchResult> {
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: false, root: process.cwd(), logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false } });
  await server.listen();
  const browser = await launchChromium({ webgpu: adapter });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('bench: ')) onLine(text.slice('bench: '.length));
    });
    const address = server.resolvedUrls?.local[0];
    if (!address) throw new Error('the benchmark page server did not start');
    await page.goto(`${address}${BENCH_PAGE}${query}`);
    await page.waitForFunction(() => window.descentBench !== undefined, null, { timeout: TIMEOUT_MS, polling: 500 });
    const result = await page.evaluate(() => window.descentBench!);
    if ('error' in result) throw new Error(`the benchmark page failed: ${result.error}`);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
