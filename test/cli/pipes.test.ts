import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratch, shell } from './run';

/** Finding: output through a pipe was cut at 64 KiB (process.exit before the pipe drained), with exit 0. */
describe('descent through a pipe and a slow reader', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratch();
    const rows = Array.from({ length: 100_000 }, (_, i) => `${((i % 1201) / 100 - 6).toFixed(2)},${((i % 997) / 83 - 6).toFixed(3)}`);
    writeFileSync(join(dir, 'rows.csv'), `x1,x2\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'rows10000.csv'), `x1,x2\n${rows.slice(0, 10_000).join('\n')}\n`);
    const trained = shell('descent train --preset xor --hidden 4 --epochs 1 --backend cpu --out w.json', dir);
    expect(trained.code, trained.stderr).toBe(0);
  });

  it('predict | (sleep 1; wc -c) gets every byte that predict > file gets', () => {
    const toFile = shell('descent predict --weights w.json --data rows10000.csv --backend cpu > predicted.csv', dir);
    expect(toFile.code, toFile.stderr).toBe(0);
    const size = statSync(join(dir, 'predicted.csv')).size;
    expect(size).toBeGreaterThan(65_536 * 4);
    const piped = shell('descent predict --weights w.json --data rows10000.csv --backend cpu | (sleep 1; wc -c); echo "status ${PIPESTATUS[0]}"', dir);
    expect(piped.stdout).toBe(`${size}\nstatus 0\n`);
  });

  it('100,000 rows reach wc -l, gzip and tail whole', () => {
    const lines = shell('descent predict --weights w.json --data rows.csv --backend cpu | (sleep 1; wc -l)', dir);
    expect(lines.stdout.trim()).toBe('100001');
    const gzip = shell('descent predict --weights w.json --data rows.csv --backend cpu | gzip | (sleep 1; gunzip | wc -l)', dir);
    expect(gzip.stdout.trim()).toBe('100001');
    const last = shell('descent predict --weights w.json --data rows.csv --backend cpu | tail -1', dir);
    expect(last.stdout).toMatch(/^-?[\d.]+,-?[\d.]+,[\d.e-]+,[\d.e-]+,[01]\n$/);
  });

  it('a JSON summary read slowly through a pipe parses', () => {
    const result = shell('descent train --preset moons --epochs 2 --backend cpu --json | (sleep 1; cat)', dir);
    expect(JSON.parse(result.stdout)).toMatchObject({ backend: 'cpu', epochs: 2 });
  });

  it('a reader that stops early (| head -1) ends the command quietly', () => {
    const result = shell('descent predict --weights w.json --data rows.csv --backend cpu | head -1; echo "status ${PIPESTATUS[0]}"', dir);
    expect(result.stdout).toBe('x1,x2,prob_0,prob_1,predicted\nstatus 0\n');
    expect(result.stderr).toBe('');
  });
});
