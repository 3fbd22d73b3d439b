import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `descent ARGS…` as a user would (bin/descent.mjs), in the repository root. */
export function descent(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, ['bin/descent.mjs', ...args], { encoding: 'utf8', timeout: 300_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `descent … --json` and parses the summary it prints. */
export function descentJson(...args: string[]): Record<string, unknown> & { train: { accuracy: number; loss: number }; test: { accuracy: number; loss: number } } {
  const result = descent(...args, '--json');
  if (result.code !== 0) throw new Error(`descent ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** A fresh temporary directory with the given files written into it; returns its path. */
export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'descent-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
