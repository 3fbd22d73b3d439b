import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's Chromium; DESCENT_CHROMIUM points elsewhere. A test tool's own browser download is never used. */
export function chromiumPath(): string {
  const path = process.env.DESCENT_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run scripts/system-deps.sh, or set DESCENT_CHROMIUM`);
  return path;
}

/** Flags for a quiet headless Chromium on a closed network, with WebGPU on (SwiftShader unless `hardware`). */
export function chromiumArgs(options: { webgpu: 'swiftshader' | 'hardware' | 'off' }): string[] {
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
  if (options.webgpu === 'off') return [...args, '--disable-features=WebGPU'];
  args.push('--enable-unsafe-webgpu');
  if (options.webgpu === 'swiftshader') args.push('--use-webgpu-adapter=swiftshader');
  else args.push('--enable-features=Vulkan', '--ignore-gpu-blocklist');
  return args;
}

/** Headless Chromium through playwright-core (which gives it a fresh profile). */
export async function launchChromium(options: { webgpu: 'swiftshader' | 'hardware' | 'off' }): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs(options) });
}
