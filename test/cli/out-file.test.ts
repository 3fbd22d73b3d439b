import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch, shell } from './run';

const CSV = 'x1,x2,label\n1,1,1\n-1,1,0\n2,-1,1\n-2,-2,0\n1.5,2,1\n-1,-3,0\n';

describe('--out is written safely', () => {
  it('when the disk fills up, the previous model.json is kept whole and still evaluates', () => {
    const dir = scratch({ 'data.csv': CSV });
    const first = shell('descent train --preset xor --hidden 2 --epochs 1 --backend cpu --out model.json', dir);
    expect(first.code, first.stderr).toBe(0);
    const before = readFileSync(join(dir, 'model.json'), 'utf8');
    // ulimit -f 8: files may not grow past 8 KiB, as on a full disk; the new model is far larger.
    const full = shell('ulimit -f 8; descent train --preset xor --hidden 64,64 --epochs 1 --backend cpu --out model.json', dir);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^descent: model\.json: cannot write the file \(.+\); the file there before is unchanged$/m);
    expect(readFileSync(join(dir, 'model.json'), 'utf8')).toBe(before);
    expect(shell('descent eval --weights model.json --data data.csv --backend cpu', dir).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['data.csv', 'model.json']);
  });

  it('an --out that cannot be written is refused before training starts', () => {
    const started = Date.now();
    const missing = shell('descent train --preset spiral --epochs 100000 --backend cpu --out /nonexistent/dir/w.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('descent: /nonexistent/dir/w.json: cannot write the file (no such directory)\n');
    const device = shell('descent train --preset spiral --epochs 100000 --backend cpu --out /dev/full');
    expect(device.code).toBe(2);
    expect(device.stderr).toBe('descent: /dev/full: --out must name a regular file; this is a device or a pipe\n');
    const directory = shell('descent train --preset spiral --epochs 100000 --backend cpu --out /tmp');
    expect(directory.stderr).toBe('descent: /tmp: --out must name a regular file; this is a directory\n');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('--out naming an input file is refused, whatever path names it, and the input is kept', () => {
    const dir = scratch({ 'victim.csv': CSV, 'config.json': '{"model": {"hidden": [3]}}' });
    symlinkSync(join(dir, 'victim.csv'), join(dir, 'alias.csv'));
    const same = shell('descent train --data victim.csv --out victim.csv --backend cpu', dir);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe('descent: victim.csv: --out names the same file as --data; write to another file so the data file is kept\n');
    const linked = shell(`descent train --data ./victim.csv --out ${join(dir, 'alias.csv')} --backend cpu`, dir);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/--out names the same file as --data/);
    const config = shell('descent train --config config.json --out config.json --backend cpu', dir);
    expect(config.stderr).toMatch(/--out names the same file as --config/);
    expect(readFileSync(join(dir, 'victim.csv'), 'utf8')).toBe(CSV);
    expect(readdirSync(dir).sort()).toEqual(['alias.csv', 'config.json', 'victim.csv']);
  });
});

describe('an interrupted run', () => {
  it('Ctrl-C during training leaves the previous --out and no temporary file', () => {
    const dir = scratch({ 'model.json': '{"previous": true}\n' });
    // set -m: the run gets its own process group, as a command in a terminal does, so it receives SIGINT as Ctrl-C sends it.
    const started = Date.now();
    const result = shell('set -m; descent train --preset spiral --epochs 100000 --backend cpu --out model.json & pid=$!; sleep 2; kill -INT -- -$pid; wait $pid; echo "status $?"', dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stdout).toBe('status 130\n');
    expect(readFileSync(join(dir, 'model.json'), 'utf8')).toBe('{"previous": true}\n');
    expect(readdirSync(dir)).toEqual(['model.json']);
  });
});
