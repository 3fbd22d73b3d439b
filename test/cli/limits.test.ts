import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch, shell } from './run';

/** Reading stops as soon as a file passes a limit: each case must end fast, with exit 2 and the limit named. */
function expectStopped(command: string, message: RegExp, cwd?: string): void {
  const started = Date.now();
  const result = shell(command, cwd);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.length).toBeLessThan(300);
  expect(Date.now() - started).toBeLessThan(15_000);
}

describe('input files are read as a stream, within limits', () => {
  it('--data /dev/zero stops at the line-length limit', () => {
    expectStopped('descent train --data /dev/zero --backend cpu', /^descent: \/dev\/zero line 1: the line is longer than 10000 characters \(the limit\); reading stopped\n$/);
  });

  it('an endless stream of rows stops at the row limit', () => {
    expectStopped(
      '(echo x1,x2,label; yes 1,2,0) | descent train --data /dev/stdin --backend cpu',
      /^descent: \/dev\/stdin line 100002: more than 100000 data rows \(the limit\); reading stopped\n$/,
    );
  });

  it('a stream of long rows stops at the size limit', () => {
    const note = 'n'.repeat(9000);
    expectStopped(
      `(echo x1,x2,label,note; yes 1,2,0,${note}) | descent train --data /dev/stdin --backend cpu`,
      /^descent: \/dev\/stdin: the file is larger than 64 MiB \(the limit for CSV files\); reading stopped\n$/,
    );
  });

  it('a 10 MB cell is refused without echoing it', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'wide.csv'), `x1,x2,label\n1,2,${'7'.repeat(10_000_000)}\n`);
    expectStopped('descent train --data wide.csv --backend cpu', /^descent: wide\.csv line 2: the line is longer than 10000 characters \(the limit\); reading stopped\n$/, dir);
    writeFileSync(join(dir, 'cell.csv'), `x1,x2,label\n1,2,${'y'.repeat(5000)}\n`);
    expectStopped('descent train --data cell.csv --backend cpu', /^descent: cell\.csv line 2: label "y{40}…" is not a number\n$/, dir);
  });

  it('an endless config or weights stream stops at its size limit', () => {
    expectStopped('yes | descent train --config /dev/stdin', /^descent: \/dev\/stdin: the file is larger than 1 MiB \(the limit for config files\); reading stopped\n$/);
    expectStopped('yes | descent eval --weights /dev/stdin --data x.csv', /^descent: \/dev\/stdin: the file is larger than 256 MiB \(the limit for weights files\); reading stopped\n$/);
  });

  it('a CSV with exactly 100,000 rows is read', () => {
    const dir = scratch();
    const rows = Array.from({ length: 100_000 }, (_, i) => `${(i % 100) / 10},${(i % 77) / 10},${i % 2}`);
    writeFileSync(join(dir, 'full.csv'), `x1,x2,label\n${rows.join('\n')}\n`);
    const result = shell('descent train --data full.csv --steps 1 --backend cpu --json', dir);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).train.points + JSON.parse(result.stdout).test.points).toBe(100_000);
  });
});
