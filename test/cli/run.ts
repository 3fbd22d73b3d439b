import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command a user types, as a shell word: `node …/bin/descent.mjs`. */
export const DESCENT = `${JSON.stringify(process.execPath)} ${JSON.stringify(resolve('bin/descent.mjs'))}`;

/** Runs `descent ARGS…` as a user would (bin/descent.mjs), in the repository root. */
export function descent(...args: string[]): CliResult {
  return descentIn(process.cwd(), ...args);
}

/** Runs `descent ARGS…` in the folder `cwd`, so that files can be named as a user there would name them. */
export function descentIn(cwd: string, ...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [resolve('bin/descent.mjs'), ...args], { encoding: 'utf8', timeout: 300_000, cwd });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `descent ARGS…` without blocking the test process, so several can run at once. */
export function descentAsync(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['bin/descent.mjs', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs a bash command line (pipes, redirections, ulimit) in `cwd`; `descent` in it means the real command. */
export function shell(command: string, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): CliResult {
  const script = `descent() { ${DESCENT} "$@"; }\n${command}`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', cwd, env, timeout: 300_000, maxBuffer: 1 << 30 });
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
