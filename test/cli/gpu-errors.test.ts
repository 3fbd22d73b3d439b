import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SWIFTSHADER_ICD } from '../../src/cli/nodeWebgpu';
import { descent, scratch, shell } from './run';

describe('a network whose buffers pass the adapter\'s limits', () => {
  it('trains in pieces that fit: exit 0, stdout holds only the JSON summary, nothing from Dawn', () => {
    const dir = scratch({ 'prev.json': '{"kept": true}\n' });
    // 20,000 rows of a 1024-wide layer in one batch need activation buffers past the adapter's binding limit.
    const result = shell('descent train --backend webgpu --points 20000 --train-fraction 1 --batch-size all --hidden 1024,16 --steps 1 --json --out prev.json', dir, { ...process.env, VK_ICD_FILENAMES: SWIFTSHADER_ICD });
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ backend: 'webgpu', steps: 1 });
    expect(Number.isFinite(summary.train.loss)).toBe(true);
    expect(result.stderr).not.toMatch(/Buffer size|exceeds|validation|Warning:/);
    expect(JSON.parse(readFileSync(join(dir, 'prev.json'), 'utf8')).format).toBe('descent.weights');
  });
});

describe('--backend auto uses a hardware GPU, else the CPU engine', () => {
  it('on a machine without a GPU driver it trains on the CPU, says why, and no Vulkan warning reaches the terminal', () => {
    const result = descent('train', '--preset', 'xor', '--epochs', '1', '--json');
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.backend).toBe('cpu');
    expect(summary.reason).toMatch(/^no hardware GPU: .+--backend webgpu runs on SwiftShader/);
    expect(result.stderr).not.toMatch(/vkCreateInstance|Warning:/);
  });

  it('SwiftShader is a software adapter: auto passes it over for the CPU engine, --backend webgpu uses it', () => {
    const env = { ...process.env, VK_ICD_FILENAMES: SWIFTSHADER_ICD };
    const auto = shell('descent train --preset xor --epochs 1 --json', process.cwd(), env);
    expect(auto.code, auto.stderr).toBe(0);
    expect(JSON.parse(auto.stdout)).toMatchObject({ backend: 'cpu', reason: expect.stringMatching(/software one \(.*SwiftShader.*\), slower than the CPU engine/) });
    const webgpu = shell('descent train --preset xor --epochs 1 --json --backend webgpu 2>&1', process.cwd(), env);
    expect(JSON.parse(webgpu.stdout)).toMatchObject({ backend: 'webgpu', adapter: expect.stringMatching(/SwiftShader/) });
  });

  it('--backend webgpu prints nothing from Dawn, on stdout or stderr', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'grid.csv'), 'x1,x2\n0,0\n1,1\n');
    const result = shell(`descent train --preset circle --hidden 4 --epochs 1 --backend webgpu --out w.json > out.txt 2> err.txt && descent predict --weights w.json --data grid.csv --backend webgpu >> out.txt 2>> err.txt; cat err.txt`, dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^epoch [\d.]+ · step/);
    expect(result.stdout).not.toMatch(/vkCreateInstance|Warning:|validation/);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toMatch(/^Trained 2-class classification[^]*x1,x2,prob_0,prob_1,predicted\n0,0,[^]*\n1,1,[^\n]*\n$/);
  });
});
